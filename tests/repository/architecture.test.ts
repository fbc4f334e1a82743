/**
 * The layers of docs/architecture.md, checked on the sources: each folder of src/ imports only
 * from its own layer and the layers below it, no folder of the core imports a Node-only module,
 * scripts/ and tests/ share their helpers through tools/ and never import each other, and no
 * function of src/ is longer than a screen (80 lines).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseSync } from 'oxc-parser';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/cli.js';

/** Lowest first: a layer may import from itself and from those before it. */
const LAYERS = ['core', 'zip', 'read', 'ita', 'render', 'build', 'node', 'cli'] as const;
/** The layers that run in a browser too. */
const CORE = new Set(['core', 'zip', 'read', 'ita', 'render', 'build']);
const SRC = path.join(PROJECT_ROOT, 'src');

const sources = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
  .map((name) => name.split(path.sep).join('/'))
  .filter((name) => /\.(ts|cjs)$/.test(name) && !name.endsWith('.d.ts'));

/** Every module a source names: `from '…'`, `import '…'`, `import('…')`, `require('…')`. */
function specifiers(text: string): string[] {
  return [...text.matchAll(/(?:\bfrom\s+|\bimport\s+|\bimport\s*\(\s*|\brequire\s*\(\s*)'([^']+)'/g)].map((m) => m[1]!);
}

const layerOf = (name: string) => name.split('/')[0]!;

/**
 * What the built program takes for a package (src/cli/launch.cjs gives it to esbuild as an alias)
 * names the package's own file by its path: the alias would apply to the package's name there too.
 */
const ALIASED_PACKAGES: Record<string, string> = {
  'cli/packages/exceljs.cjs': '../../../node_modules/exceljs/lib/doc/workbook.js',
  'cli/packages/cliui.cjs': '../../../node_modules/cliui/index.mjs',
  'cli/packages/string-width.cjs': '../../../node_modules/string-width/index.js',
  'cli/packages/zod.cjs': '../../../node_modules/zod/index.js',
};

describe('the layers of src/ (docs/architecture.md)', () => {
  it('has no loose file at the top of src/ and no folder outside the map', () => {
    expect(sources.filter((name) => !name.includes('/'))).toEqual([]);
    expect([...new Set(sources.map(layerOf))].filter((layer) => !(LAYERS as readonly string[]).includes(layer))).toEqual([]);
  });

  it('imports only downwards: each folder from its own layer or one below', () => {
    const upwards: string[] = [];
    for (const name of sources) {
      const from = LAYERS.indexOf(layerOf(name) as (typeof LAYERS)[number]);
      for (const spec of specifiers(readFileSync(path.join(SRC, name), 'utf8'))) {
        if (!spec.startsWith('.') || ALIASED_PACKAGES[name] === spec) continue;
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(name), spec));
        if (target.startsWith('..')) {
          upwards.push(`${name} → ${spec} (outside src/)`);
          continue;
        }
        const to = LAYERS.indexOf(layerOf(target) as (typeof LAYERS)[number]);
        if (to > from) upwards.push(`${name} → ${target}`);
      }
    }
    expect(upwards).toEqual([]);
  });

  it('keeps Node.js out of the core: no node: module, no process', () => {
    const nodeOnly: string[] = [];
    for (const name of sources.filter((n) => CORE.has(layerOf(n)))) {
      const text = readFileSync(path.join(SRC, name), 'utf8');
      for (const spec of specifiers(text)) if (spec.startsWith('node:')) nodeOnly.push(`${name} → ${spec}`);
      if (/\bprocess\.(env|argv|exit|cwd|stdout|stderr)\b/.test(text)) nodeOnly.push(`${name} uses process`);
    }
    expect(nodeOnly).toEqual([]);
  });
});

/** The longest a function of src/ may be, from its first line to its last. */
const MOST_LINES = 80;

/** Each function of a source longer than `most` lines (declarations, expressions, arrows, methods), as `file:line name (n lines)`. */
function longFunctions(file: string, text: string, most = MOST_LINES): string[] {
  const parsed = parseSync(file, text, {
    lang: file.endsWith('.ts') ? 'ts' : 'js',
    sourceType: file.endsWith('.cjs') ? 'script' : 'module',
  });
  if (parsed.errors.length) throw new Error(`${file}: ${parsed.errors[0]!.message}`);
  const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1)];
  const lineAt = (offset: number) => lineStarts.findLastIndex((start) => start <= offset) + 1;
  const long: string[] = [];
  const visit = (node: unknown, name: string): void => {
    if (Array.isArray(node)) return node.forEach((child) => visit(child, name));
    if (typeof node !== 'object' || node === null) return;
    const n = node as { type?: string; start: number; end: number; id?: { name?: string }; key?: { name?: string }; body?: unknown };
    let named = name;
    if (n.type === 'VariableDeclarator' || n.type === 'PropertyDefinition' || n.type === 'MethodDefinition' || n.type === 'Property')
      named = n.id?.name ?? n.key?.name ?? name;
    if ((n.type === 'FunctionDeclaration' || n.type === 'FunctionExpression' || n.type === 'ArrowFunctionExpression') && n.body) {
      named = n.id?.name ?? named;
      const lines = lineAt(n.end) - lineAt(n.start) + 1;
      if (lines > most) long.push(`${file}:${lineAt(n.start)} ${named} (${lines} lines)`);
    }
    for (const [key, child] of Object.entries(n)) if (key !== 'type') visit(child, named);
  };
  visit(parsed.program, '(anonymous)');
  return long;
}

/** The sources of a top-level folder, as paths from the project's root. */
const sourcesIn = (folder: string) =>
  readdirSync(path.join(PROJECT_ROOT, folder), { recursive: true, encoding: 'utf8' })
    .map((name) => `${folder}/${name.split(path.sep).join('/')}`)
    .filter(
      (name) =>
        /\.(ts|mts|cts|mjs|cjs|js)$/.test(name) && !name.endsWith('.d.ts') && !name.includes('/fixtures/') && !name.includes('/golden/'),
    );

/** The top-level folder each relative import of `file` reaches. */
function foldersImported(file: string): string[] {
  return specifiers(readFileSync(path.join(PROJECT_ROOT, file), 'utf8'))
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)).split('/')[0]!);
}

describe('scripts/, tests/ and tools/: dependencies one way', () => {
  /** What each may import besides packages: tools/ holds what scripts and tests share. */
  const MAY_IMPORT: Record<string, readonly string[]> = {
    scripts: ['scripts', 'tools', 'src'],
    tests: ['tests', 'tools', 'src'],
    tools: ['tools', 'src'],
  };
  for (const [folder, allowed] of Object.entries(MAY_IMPORT)) {
    it(`${folder}/ imports only from ${allowed.join(', ')}`, () => {
      const outside = sourcesIn(folder).flatMap((file) =>
        foldersImported(file)
          .filter((to) => !allowed.includes(to))
          .map((to) => `${file} → ${to}/`),
      );
      expect(outside).toEqual([]);
    });
  }
});

describe('tests/: findable from the source they test', () => {
  /** The suites that test no one source: whole runs, real clients, the tree itself. */
  const APART = ['end-to-end', 'real-clients', 'repository'];
  it(`names each unit suite after its source (tests/<folder>/<file>[.<aspect>].test.ts for src/<folder>/<file>); the rest are in ${APART.join(', ')}`, () => {
    const suites = sourcesIn('tests').filter((file) => file.endsWith('.test.ts') && !APART.includes(file.split('/')[1]!));
    const sourceless = suites.filter((file) => {
      const stem = file.replace(/^tests\//, 'src/').replace(/(\.[a-z-]+)?\.test\.ts$/, '');
      return !sources.some((name) => `src/${name}`.replace(/\.(ts|cjs)$/, '') === stem);
    });
    expect(suites.length).toBeGreaterThan(10);
    expect(sourceless).toEqual([]);
  });
});

describe(`functions of src/: none over ${MOST_LINES} lines`, () => {
  it('finds a function one line too long, an arrow and a method too, and passes one of exactly the limit', () => {
    const body = (lines: number) => Array.from({ length: lines - 2 }, (_, i) => `  const a${i} = ${i};`).join('\n');
    const source = [
      `export function tooLong(): void {\n${body(81)}\n}`,
      `export function justRight(): void {\n${body(80)}\n}`,
      `const arrow = (): void => {\n${body(82)}\n};`,
      `class Kept {\n  method(): void {\n${body(81)}\n  }\n}`,
    ].join('\n');
    expect(longFunctions('sample.ts', source)).toEqual([
      'sample.ts:1 tooLong (81 lines)',
      'sample.ts:162 arrow (82 lines)',
      'sample.ts:245 method (81 lines)',
    ]);
  });

  it('has none in src/', () => {
    expect(sources.flatMap((name) => longFunctions(name, readFileSync(path.join(SRC, name), 'utf8')))).toEqual([]);
  });
});
