/**
 * Golden cases (tools/golden.ts): each case's announcements, model and document XML, as
 * committed; and the same input giving the same bytes twice, and across threads.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCase, expectedFiles, GOLDEN_DIR, goldenCases } from '../../tools/golden.js';
import { runBuildDoc, buildDocProcess } from '../helpers/cli.js';
import { temporaryDir, workbookFile } from '../../tools/workbooks.js';

describe('golden cases', () => {
  it.each(goldenCases())(
    '$name: the announcements, their models and their XML as committed (npm run make-golden after a deliberate change)',
    async (golden) => {
      const folder = path.join(GOLDEN_DIR, golden.name);
      const built = expectedFiles(await buildCase(golden));
      expect([...built.keys()].sort()).toEqual(
        readdirSync(folder)
          .filter((name) => name !== 'case.json')
          .sort(),
      );
      for (const [name, content] of built) expect(content, `${golden.name}/${name}`).toBe(readFileSync(path.join(folder, name), 'utf8'));
    },
  );
});

describe('documents are deterministic', () => {
  const province = goldenCases().find((c) => c.name === 'province-2564')!;

  it('the same input gives the same bytes twice', async () => {
    const [first, second] = [await buildCase(province), await buildCase(province)];
    expect(first.documents).toHaveLength(4);
    first.documents.forEach((document, i) =>
      expect(Buffer.from(document.bytes).equals(Buffer.from(second.documents[i]!.bytes)), document.name).toBe(true),
    );
  });

  it('the command line writes those bytes, in one thread or in two', async () => {
    const core = await buildCase(province);
    const workbook = await workbookFile('province-2564');
    for (const threads of ['1', '2']) {
      const out = temporaryDir('ita-threads-');
      expect((await runBuildDoc([workbook, '--out', out, '--date', province.settings.date, '--threads', threads])).status).toBe(0);
      for (const document of core.documents)
        expect(
          readFileSync(path.join(out, document.name)).equals(Buffer.from(document.bytes)),
          `${threads} thread(s): ${document.name}`,
        ).toBe(true);
    }
  });

  it('the program built in dist/, as npm runs it, writes those bytes too, in two threads', async () => {
    const core = await buildCase(province);
    const out = temporaryDir('ita-built-');
    const run = buildDocProcess([await workbookFile('province-2564'), '--out', out, '--date', province.settings.date, '--threads', '2']);
    expect(run.status, run.stderr).toBe(0);
    for (const document of core.documents)
      expect(readFileSync(path.join(out, document.name)).equals(Buffer.from(document.bytes)), document.name).toBe(true);
  });
});
