/**
 * What the command line keeps between runs (src/node/run-cache.ts), the prepared template and the
 * parsed framework files: taken only for the very bytes they were made from, ignored when damaged,
 * and a build that takes them makes the same documents and says the same problems as one that
 * makes them anew.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, type BuildRequest, type PreparedCache, type PrepareInputs } from '../../src/build/index.js';
import { COMMAND_LINE_NAMES } from '../../src/cli/options.js';
import { frameworksOnDisk } from '../../src/node/frameworks-on-disk.js';
import { builtProgramFolder, frameworkCacheIn, preparedCacheIn } from '../../src/node/run-cache.js';
import { FRAMEWORK_DIR } from '../../src/node/frameworks-on-disk.js';
import { frameworkLibrary, type FrameworkFile } from '../../src/ita/framework.js';
import { DEFAULT_ANALYSIS_TEMPLATE, DEFAULT_TEMPLATE } from '../../src/node/project-root.js';
import { FIXTURES, temporaryDir, workbookFile } from '../../tools/workbooks.js';

const template = { name: DEFAULT_TEMPLATE, bytes: new Uint8Array(readFileSync(DEFAULT_TEMPLATE)) };
const emblemFile = path.join(FIXTURES, 'emblem', 'ตราหน่วยงาน.png');
const emblem = { name: emblemFile, bytes: new Uint8Array(readFileSync(emblemFile)) };
const frameworks = frameworksOnDisk();
const analysisTemplate = { name: DEFAULT_ANALYSIS_TEMPLATE, bytes: new Uint8Array(readFileSync(DEFAULT_ANALYSIS_TEMPLATE)) };

async function request(more: Partial<BuildRequest>): Promise<BuildRequest> {
  return {
    workbooks: [{ name: 'ผลการประเมิน.xlsx', bytes: readFileSync(await workbookFile('lampangrong-2565')) }],
    template,
    frameworks,
    announce: { date: '2022-08-02', names: COMMAND_LINE_NAMES },
    digits: 'thai',
    ...more,
  };
}

/** A cache that counts what it was asked and what it gave. */
function counting(cache: PreparedCache) {
  const counts = { recalled: 0, kept: 0 };
  const counted: PreparedCache = {
    recall: (inputs) => {
      const found = cache.recall(inputs);
      if (found) counts.recalled++;
      return found;
    },
    keep: (inputs, prepared) => {
      counts.kept++;
      cache.keep(inputs, prepared);
    },
  };
  return { counts, cache: counted };
}

const cacheFiles = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.cache'));

describe('the prepared template kept between runs', () => {
  it('is taken by the next build, which makes the same document and problems as preparing anew', async () => {
    const dir = temporaryDir('ita-prepared-');
    const { counts, cache } = counting(preparedCacheIn(dir));
    const fresh = await build(await request({}));
    const first = await build(await request({ preparedCache: cache }));
    expect(counts).toEqual({ recalled: 0, kept: 1 });
    expect(cacheFiles(dir)).toHaveLength(1);
    const second = await build(await request({ preparedCache: cache }));
    expect(counts).toEqual({ recalled: 1, kept: 1 });
    for (const result of [first, second]) {
      expect(result.problems).toEqual(fresh.problems);
      expect(result.documents.map((d) => d.bytes)).toEqual(fresh.documents.map((d) => d.bytes));
    }
    expect(fresh.problems.map((p) => p.code)).toContain('emblem-placeholder');
  });

  it('keeps the emblem with the template: with one, the document carries it, and without, the placeholder warning stays', async () => {
    const dir = temporaryDir('ita-prepared-');
    const cache = preparedCacheIn(dir);
    const withEmblem = await build(await request({ emblem, preparedCache: cache }));
    const again = await build(await request({ emblem, preparedCache: cache }));
    const without = await build(await request({ preparedCache: cache }));
    expect(cacheFiles(dir)).toHaveLength(2);
    expect(again.documents[0]!.bytes).toEqual(withEmblem.documents[0]!.bytes);
    expect(again.problems.map((p) => p.code)).not.toContain('emblem-placeholder');
    expect(without.problems.map((p) => p.code)).toContain('emblem-placeholder');
    expect(without.documents[0]!.bytes).not.toEqual(withEmblem.documents[0]!.bytes);
  });

  it('keeps the analysis template apart from the announcement template, and the next build makes the same report from it', async () => {
    const dir = temporaryDir('ita-prepared-');
    const { counts, cache } = counting(preparedCacheIn(dir));
    const analysis = { template: analysisTemplate };
    const fresh = await build(await request({ analysis }));
    await build(await request({ analysis, preparedCache: cache }));
    expect(counts).toEqual({ recalled: 0, kept: 2 });
    const second = await build(await request({ analysis, preparedCache: cache }));
    expect(counts).toEqual({ recalled: 2, kept: 2 });
    expect(second.documents.map((d) => d.name)).toEqual(fresh.documents.map((d) => d.name));
    expect(second.documents.map((d) => d.bytes)).toEqual(fresh.documents.map((d) => d.bytes));
    expect(second.problems).toEqual(fresh.problems);
    expect(fresh.analyses).toHaveLength(1);
    // The same bytes checked as the other kind of template are another entry: each kind is checked against its own tags.
    const inputs: PrepareInputs = { template: analysisTemplate, names: COMMAND_LINE_NAMES };
    expect(cache.recall({ ...inputs, analysis: true })).toBeDefined();
    expect(cache.recall(inputs)).toBeUndefined();
  });

  it('gives nothing for other bytes, another name, another emblem or other setting names', () => {
    const cache = preparedCacheIn(temporaryDir('ita-prepared-'));
    const inputs: PrepareInputs = { template, names: COMMAND_LINE_NAMES };
    const prepared = { usesHistory: false, problems: [], prepared: { template: { file: template.name, content: template.bytes } } };
    cache.keep(inputs, prepared);
    expect(cache.recall(inputs)).toEqual(prepared);
    const changed = template.bytes.slice();
    changed[changed.length - 1] = changed.at(-1)! ^ 1;
    expect(cache.recall({ ...inputs, template: { ...template, bytes: changed } })).toBeUndefined();
    expect(cache.recall({ ...inputs, template: { ...template, name: 'other.docx' } })).toBeUndefined();
    expect(cache.recall({ ...inputs, emblem })).toBeUndefined();
    expect(cache.recall({ ...inputs, names: {} })).toBeUndefined();
  });

  it('gives the template and the emblem bytes of their own, which a thread can be handed without the other', async () => {
    const dir = temporaryDir('ita-prepared-');
    const cache = preparedCacheIn(dir);
    await build(await request({ emblem, preparedCache: cache }));
    const kept = cache.recall({ template, emblem, names: COMMAND_LINE_NAMES })!.prepared!;
    for (const bytes of [kept.template.content, kept.emblem!.content]) {
      expect(bytes.byteOffset).toBe(0);
      expect(bytes.buffer.byteLength).toBe(bytes.length);
    }
    expect(kept.emblem!.content).toEqual(emblem.bytes);
  });

  it('ignores a kept file that is damaged or holds something else', () => {
    const dir = temporaryDir('ita-prepared-');
    const cache = preparedCacheIn(dir);
    const inputs: PrepareInputs = { template, names: COMMAND_LINE_NAMES };
    cache.keep(inputs, { usesHistory: true, problems: [] });
    const [file] = cacheFiles(dir);
    const kept = readFileSync(path.join(dir, file!));
    writeFileSync(path.join(dir, file!), kept.subarray(0, kept.length - 3));
    expect(cache.recall(inputs)).toBeUndefined();
    // A value of another shape (an older program's, say) is not taken either.
    cache.keep(inputs, { usesHistory: 'yes', problems: [] } as never);
    expect(cache.recall(inputs)).toBeUndefined();
  });

  it('keeps at most eight templates, the newest', () => {
    const dir = temporaryDir('ita-prepared-');
    const cache = preparedCacheIn(dir);
    for (let n = 0; n < 10; n++)
      cache.keep({ template: { ...template, name: `t${n}.docx` }, names: {} }, { usesHistory: false, problems: [] });
    expect(cacheFiles(dir)).toHaveLength(8);
    expect(cache.recall({ template: { ...template, name: 't9.docx' }, names: {} })).toBeDefined();
  });

  it('is none when running from the sources, so an edited check is never skipped', () => {
    expect(builtProgramFolder()).toBeUndefined();
  });

  it('does not write into a folder it cannot: the build goes on without it', async () => {
    const cache = preparedCacheIn(path.join(temporaryDir('ita-prepared-'), 'missing', 'folder'));
    const result = await build(await request({ preparedCache: cache }));
    expect(result.documents).toHaveLength(1);
  });
});

describe('the framework files kept parsed between runs', () => {
  it('are taken for the same file as it is, and give the same announcement and problems', async () => {
    const dir = temporaryDir('ita-frameworks-');
    const recalled: string[] = [];
    const cache = frameworkCacheIn(dir);
    const counting = {
      recall: (file: FrameworkFile) => {
        const found = cache.recall(file);
        if (found) recalled.push(path.basename(file.name));
        return found;
      },
      keep: cache.keep,
    };
    const fresh = await build(await request({}));
    const first = await build(await request({ frameworks: frameworksOnDisk(FRAMEWORK_DIR, counting) }));
    expect(recalled).toEqual([]);
    expect(cacheFiles(dir)).toEqual([expect.stringMatching(/^framework-[0-9a-f]{64}\.cache$/)]);
    const second = await build(await request({ frameworks: frameworksOnDisk(FRAMEWORK_DIR, counting) }));
    expect(recalled).toEqual(['2565.yaml']);
    for (const result of [first, second]) {
      expect(result.problems).toEqual(fresh.problems);
      expect(result.announcements).toEqual(fresh.announcements);
      expect(result.documents.map((d) => d.bytes)).toEqual(fresh.documents.map((d) => d.bytes));
    }
  });

  it('are parsed again when the file changed, and a mistake in it is found', () => {
    const cache = frameworkCacheIn(temporaryDir('ita-frameworks-'));
    const file = { name: path.join(FRAMEWORK_DIR, '2565.yaml'), text: readFileSync(path.join(FRAMEWORK_DIR, '2565.yaml'), 'utf8') };
    const good = frameworkLibrary([file], {}, cache).forYear(2565, {});
    expect(good.framework?.fiscalYear).toBe(2565);
    expect(cache.recall(file)).toEqual(good);
    const broken = { ...file, text: file.text.replace('passMark:', 'passMark: [') };
    expect(cache.recall(broken)).toBeUndefined();
    const found = frameworkLibrary([broken], {}, cache).forYear(2565, {});
    expect(found.framework).toBeUndefined();
    expect(found.problems.map((p) => p.code)).toContain('framework-invalid');
    expect(cache.recall(broken)).toEqual(found);
  });
});
