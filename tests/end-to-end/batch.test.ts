/**
 * A workbook of many agencies through the command line: one document per agency, names that
 * never collide, a summary table, progress, and bad rows that stop only themselves.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureCsv, fixtureHtml, type FixtureWorkbook } from '../../tools/workbook-fixture.js';
import { runBuildDoc, writtenIn } from '../helpers/cli.js';
import { resaveWithLibreOffice, soffice, validate } from '../helpers/clients.js';
import { paragraphs } from '../helpers/docx.js';
import { fixture, temporaryDir, workbookFile } from '../../tools/workbooks.js';

const SIGNING = ['--date', '2021-10-01'];
const FILES = [
  'ประกาศผลการประเมิน ITA 2564 อบจ.ทดลองเหนือ.docx',
  'ประกาศผลการประเมิน ITA 2564 อบจ.ทดลองใต้.docx',
  'ประกาศผลการประเมิน ITA 2564 อบต.บ้านใหม่ จ.ทดลองเหนือ.docx',
  'ประกาศผลการประเมิน ITA 2564 อบต.บ้านใหม่ จ.ทดลองใต้.docx',
];

/** Builds every announcement of a workbook; returns the run and each document's text by file name. */
async function buildAll(workbook: string, args: string[] = []) {
  const out = temporaryDir('ita-batch-');
  const run = await runBuildDoc([workbook, '--out', out, ...SIGNING, ...args]);
  const texts = Object.fromEntries(writtenIn(out).map((name) => [name, paragraphs(path.join(out, name)).join('\n')]));
  return { run, out, texts };
}

describe('a batch of agencies', () => {
  it('writes one announcement per agency of the province report, named so none overwrites another, and a summary table', async () => {
    const { run, out, texts } = await buildAll(await workbookFile('province-2564'));
    expect(run.status, run.stderr).toBe(0);
    expect(Object.keys(texts).sort()).toEqual([...FILES].sort());
    expect(run.stderr).toMatch(/หน่วยงาน\s+คะแนนรวม\s+ระดับ\s+ผลการประเมิน\s+ไฟล์\n\s+อบจ\.ทดลองเหนือ\s+81\.45\s+B\s+ไม่ผ่าน\s+\S/);
    expect(run.stderr).toMatch(/อบจ\.ทดลองใต้\s+77\.85\s+B\s+ไม่ผ่าน/);
    expect(run.stderr).toContain('สรุป: สร้างประกาศ 4 ฉบับ');

    const north = texts[FILES[0]!]!;
    expect(north).toContain('ประกาศองค์การบริหารส่วนจังหวัดทดลองเหนือ');
    expect(north).toContain('ประจำปีงบประมาณ พ.ศ.๒๕๖๔');
    expect(north).toContain('ได้รับคะแนนการประเมิน ๘๑.๔๕ คะแนน ผลคะแนนการประเมินอยู่ในระดับ B');
    expect(north).toContain('การแก้ไขปัญหาการทุจริตของ อบจ.ทดลองเหนือ');
    expect(north).not.toContain('ทดลองใต้');
    expect(texts[FILES[1]!]).toContain('ได้รับคะแนนการประเมิน ๗๗.๘๕ คะแนน');
    expect(texts[FILES[2]!]).toContain('ได้รับคะแนนการประเมิน ๙๗.๔๙ คะแนน ผลคะแนนการประเมินอยู่ในระดับ AA');
    expect(await validate(path.join(out, FILES[0]!)), 'Open XML SDK validation errors').toEqual([]);
  });

  it('gives the same announcements from the report as a web page (.xls), and the same scores from its first sheet as CSV', async () => {
    const report = fixture('province-2564');
    const fromXlsx = (await buildAll(await workbookFile(report))).texts;
    const dir = temporaryDir('ita-formats-');
    writeFileSync(path.join(dir, 'รายงาน.xls'), fixtureHtml(report, 'windows-874'));
    writeFileSync(path.join(dir, 'รายงาน.csv'), fixtureCsv(report.sheets[0]!, 'windows-874'));

    const fromHtml = await buildAll(path.join(dir, 'รายงาน.xls'));
    expect(fromHtml.run.status, fromHtml.run.stderr).toBe(0);
    expect(fromHtml.texts).toEqual(fromXlsx);

    const fromCsv = await buildAll(path.join(dir, 'รายงาน.csv'));
    expect(fromCsv.run.status, fromCsv.run.stderr).toBe(0);
    expect(fromCsv.run.stderr).toContain('ไม่พบชีตข้อเสนอแนะ');
    expect(Object.keys(fromCsv.texts).sort()).toEqual([...FILES].sort());
    expect(fromCsv.texts[FILES[1]!]).toContain('ได้รับคะแนนการประเมิน ๗๗.๘๕ คะแนน');
  });

  it.skipIf(!soffice)(
    'gives the same announcements from the report saved again by LibreOffice Calc (needs LibreOffice: .ci/run installs it)',
    async () => {
      const dir = temporaryDir('ita-lo-batch-');
      const original = await workbookFile('province-2564', dir, 'province.xlsx');
      const resaved = resaveWithLibreOffice([original], dir)[0]!;
      expect(readFileSync(resaved).equals(readFileSync(original))).toBe(false);
      const fromCalc = await buildAll(resaved);
      expect(fromCalc.run.status, fromCalc.run.stderr).toBe(0);
      expect(fromCalc.texts).toEqual((await buildAll(original)).texts);
    },
  );

  it('writes the good agencies when some rows are bad, lists those that failed and why, shows progress, and exits 1', async () => {
    const names = Array.from({ length: 12 }, (_, i) => `อบต.ที่${i + 1}`);
    const scores = [84.39, 72.98, 84.79, 75.36, 75.63, 84.27, 81.5, 79.61, 69.57, 81.25];
    const workbook: FixtureWorkbook = {
      sheets: [
        {
          name: 'รายชื่อ',
          rows: [
            ['ผลการประเมิน ITA ปีงบประมาณ 2565'],
            ['ที่', 'ชื่อหน่วยงาน', ...scores.map((_, i) => `ตัวชี้วัดที่ ${i + 1}`), 'คะแนน ITA'],
            ...names.map((name, i) => [i + 1, name, ...scores, 78.29]),
          ],
        },
      ],
    };
    const rows = workbook.sheets[0]!.rows;
    rows[4]![4] = { formula: 'AVERAGE(Z1:Z9)' }; // อบต.ที่3, indicator 3 at E5
    rows[8]![12] = 90; // อบต.ที่7 states a total of 90
    rows.push([13, ...rows[2]!.slice(1)]); // อบต.ที่1 again, the same scores: skipped, not failed

    const { run, texts } = await buildAll(await workbookFile(workbook), ['--json']);
    expect(run.status).toBe(1);
    expect(Object.keys(texts)).toHaveLength(10);
    expect(Object.keys(texts).some((name) => name.includes('อบต.ที่3.') || name.includes('อบต.ที่7.'))).toBe(false);
    expect(run.stderr).toContain('กำลังสร้างประกาศ 10 ฉบับ');
    expect(run.stderr).toContain('10/10 (100%)');
    expect(run.stderr).toContain('สร้างประกาศไม่ได้ 2 รายการ:');
    expect(run.stderr).toMatch(/! คำเตือน \[.*รายชื่อ!B15\]: "อบต\.ที่1" มีซ้ำกับแถวที่ รายชื่อ!B3 ด้วยคะแนนเดียวกัน/);
    expect(run.stderr).toMatch(/✗ อบต\.ที่3 \[.*รายชื่อ!B5\]:\n\s+✗ ข้อผิดพลาด \[.*รายชื่อ!E5\]: .*AVERAGE\(Z1:Z9\)/);
    expect(run.stderr).toMatch(/✗ อบต\.ที่7 \[.*รายชื่อ!B9\]:\n\s+✗ ข้อผิดพลาด \[.*รายชื่อ!M9\]: .*90\.00.*78\.29/);
    // Each error once: with its agency, not again among the other problems.
    expect(run.stderr.split('AVERAGE(Z1:Z9)')).toHaveLength(2);
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);

    const summary = JSON.parse(run.stdout) as {
      documents: { agency: string }[];
      failed: { agency: string; problems: { code: string; where: { cell: string } }[] }[];
    };
    expect(summary.documents).toHaveLength(10);
    expect(summary.failed.map((f) => [f.agency, f.problems.map((p) => `${p.code} ${p.where.cell}`)])).toEqual([
      ['อบต.ที่3', ['formula-without-result E5']],
      ['อบต.ที่7', ['total-mismatch M9']],
    ]);
  });
});
