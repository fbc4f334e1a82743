/**
 * The layers of docs/architecture.md, checked on the sources: each folder of src/ imports only
 * from its own layer and the layers below it, and no folder of the core imports a Node-only module.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './helpers/cli.js';

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
        if (!spec.startsWith('.')) continue;
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
