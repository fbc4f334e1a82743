/**
 * The core on bytes (src/build/index.ts): what a web page or a service calls, with no files, no
 * terminal and no process. Its path imports nothing only Node has, so the same code can run in
 * a browser: esbuild, bundling it for one, refuses any `node:` module.
 */
import { COMMAND_LINE_NAMES } from '../../src/cli/options.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { build, type BuildRequest, type Progress } from '../../src/build/index.js';
import { frameworksOnDisk } from '../../src/node/frameworks-on-disk.js';
import { PROJECT_ROOT } from '../helpers/cli.js';
import { docxText } from '../../tools/golden.js';
import { fixture, workbookFile } from '../../tools/workbooks.js';
import { DEFAULT_TEMPLATE } from '../../src/node/project-root.js';

const template = { name: path.basename(DEFAULT_TEMPLATE), bytes: readFileSync(DEFAULT_TEMPLATE) };
const frameworks = frameworksOnDisk();

async function request(fixtureName: string, more: Partial<BuildRequest> = {}): Promise<BuildRequest> {
  const bytes = readFileSync(await workbookFile(fixtureName));
  return {
    workbooks: [{ name: 'ผลการประเมิน.xlsx', bytes }],
    template,
    frameworks,
    announce: { date: '2022-08-02', signer: 'นายสันติ นาวีสัมพันธ์', names: COMMAND_LINE_NAMES },
    digits: 'thai',
    ...more,
  };
}

describe('build(): workbooks in as bytes, documents out as bytes', () => {
  it('gives each announcement its name, model and DOCX bytes, and every problem', async () => {
    const result = await build(await request('lampangrong-2565'));
    expect(result.failures).toEqual([]);
    expect(result.problems.map((p) => p.code)).toEqual(['emblem-placeholder']);
    expect(result.documents).toHaveLength(1);
    const [document] = result.documents;
    expect(document).toMatchObject({
      name: 'ประกาศผลการประเมิน ITA 2565 อบต.ลำปางรอง.docx',
      workbook: 'ผลการประเมิน.xlsx',
      announcement: { total: 78.29, level: 'B' },
    });
    expect(document!.bytes).toBeInstanceOf(Uint8Array);
    expect(docxText(document!.bytes)).toContain('ได้รับคะแนนการประเมิน ๗๘.๒๙\u00a0คะแนน');
    expect(result.announcements.map((a) => a.name)).toEqual([document!.name]);
  });

  it('hands each document to onDocument as it is made, keeps none, reports progress, and takes the problems writing met', async () => {
    const progress: Progress[] = [];
    const handed: string[] = [];
    const result = await build(
      await request('province-2564', {
        onProgress: (p) => progress.push(p),
        onDocument: async (document) => {
          handed.push(document.name);
          return document.name.includes('ทดลองใต้.docx')
            ? [
                {
                  code: 'output-not-writable',
                  severity: 'error',
                  where: { file: document.name },
                  message: { th: 'เขียนไม่ได้', en: 'cannot write' },
                },
              ]
            : [];
        },
      }),
    );
    expect(result.documents).toEqual([]);
    expect(handed).toHaveLength(4);
    expect(progress.map((p) => p.done)).toEqual([0, 1, 2, 3, 4]);
    expect(progress.every((p) => p.total === 4 && p.workbook === 'ผลการประเมิน.xlsx')).toBe(true);
    expect(result.failures.map((f) => f.agency)).toEqual(['อบจ.ทดลองใต้', 'อบต.บ้านใหม่']);
    expect(result.failures[0]!.problems[0]).toMatchObject({ code: 'output-not-writable', where: { agency: 'อบจ.ทดลองใต้' } });
    expect(result.announcements).toHaveLength(2);
  });

  it('with check, reads and announces but makes no document', async () => {
    const result = await build(await request('lampangrong-2565', { check: true }));
    expect(result.documents).toEqual([]);
    expect(result.announcements.map((a) => a.announcement.agency.shortName)).toEqual(['อบต.ลำปางรอง']);
  });

  it('refuses a workbook that is not one, and a template that is not one, with their problems and no document', async () => {
    const notAWorkbook = await build({
      ...(await request('lampangrong-2565')),
      workbooks: [{ name: 'a.xlsx', bytes: new TextEncoder().encode('not a spreadsheet') }],
    });
    expect(notAWorkbook.failures).toEqual([
      expect.objectContaining({ input: 'a.xlsx', problems: [expect.objectContaining({ code: 'file-not-spreadsheet' })] }),
    ]);
    expect(notAWorkbook.documents).toEqual([]);
    const notATemplate = await build({
      ...(await request('lampangrong-2565')),
      template: { name: 't.docx', bytes: new Uint8Array([1, 2, 3]) },
    });
    expect(notATemplate.problems.map((p) => p.code)).toEqual(['template-unreadable']);
    expect(notATemplate.documents).toEqual([]);
  });

  it('names agencies of the same name by their province, and two workbooks of one agency apart', async () => {
    const bytes = readFileSync(await workbookFile(fixture('lampangrong-2565')));
    const result = await build({
      ...(await request('lampangrong-2565')),
      workbooks: [
        { name: 'a.xlsx', bytes },
        { name: 'b.xlsx', bytes },
      ],
    });
    expect(result.documents.map((d) => d.name)).toEqual([
      'ประกาศผลการประเมิน ITA 2565 อบต.ลำปางรอง.docx',
      'ประกาศผลการประเมิน ITA 2565 อบต.ลำปางรอง (2).docx',
    ]);
  });
});

describe('the core has no Node-only import', () => {
  it('bundles for a browser: src/build/index.ts and all it imports', () => {
    const bundled = buildSync({
      entryPoints: [path.join(PROJECT_ROOT, 'src', 'build', 'index.ts')],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
      metafile: true,
    });
    expect(bundled.errors).toEqual([]);
    const inputs = Object.keys(bundled.metafile!.inputs);
    expect(inputs.filter((i) => i.startsWith('src/')).sort()).toContain('src/build/index.ts');
    expect(inputs.filter((i) => /^src\/(cli|node)\//.test(i))).toEqual([]);
  });
});
