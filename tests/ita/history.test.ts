/**
 * The announcement's years before (issue 25, item 3): an agency's template may print the same
 * years the analysis report compares, `{#history}{fiscalYear}{total}{level}{result}{change}{/history}`.
 * A template made from the default with that loop added, checked by check-template and run on real
 * workbooks of three years; the document read back. The default announcement does not use it
 * (its golden XML with earlier years given is tests/golden/analysis-lampangrong-2563-2565).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build/index.js';
import { frameworksOnDisk } from '../../src/node/frameworks-on-disk.js';
import { COMMAND_LINE_NAMES } from '../../src/cli/options.js';
import { runBuildDoc, runCheckTemplate, writtenIn } from '../helpers/cli.js';
import { DEFAULT_TEMPLATE, paragraphs, templateVariant } from '../helpers/docx.js';
import { temporaryDir, workbookFile } from '../../tools/workbooks.js';

const SIGNING = ['--date', '2022-08-02', '--signer', 'นายสันติ นาวีสัมพันธ์'];
const SEED = 'ประกาศผลการประเมิน ITA 2565 อบต.ลำปางรอง.docx';

/** The default template with a paragraph per year after the level's description, as an agency would add it in Word. */
function historyTemplate(): string {
  const paragraph = (text: string) =>
    `<w:p><w:pPr><w:pStyle w:val="ItaBody"/></w:pPr><w:r><w:rPr><w:cs/></w:rPr><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
  const loop =
    paragraph('{#history}') + paragraph('ปี {fiscalYear} คะแนน {total} ระดับ {level} {result} เปลี่ยนแปลง {change}') + paragraph('{/history}');
  return templateVariant(temporaryDir('ita-history-'), 'แม่แบบมีผลย้อนหลัง.docx', (xml) => {
    const at = xml.indexOf('</w:p>', xml.indexOf('{levelDescription}')) + '</w:p>'.length;
    expect(at).toBeGreaterThan(10);
    return xml.slice(0, at) + loop + xml.slice(at);
  });
}

const isYearRow = (p: string) => p.startsWith('ปี ') && p.includes('เปลี่ยนแปลง');
const yearRows = (docx: string | Buffer) => paragraphs(docx).filter(isYearRow);

describe('{#history} in an announcement template', () => {
  it('check-template accepts a template using it', async () => {
    const run = await runCheckTemplate([historyTemplate()]);
    expect(run.stderr).not.toContain('ข้อผิดพลาด');
    expect(run.status, run.stderr).toBe(0);
  });

  it("with two earlier years' workbooks: a row per year, oldest first, with the change, in the document's digits; the earliest year's own announcement and a run without them: no rows", async () => {
    const template = historyTemplate();
    const files = await Promise.all(
      ['lampangrong-2563', 'lampangrong-2564', 'lampangrong-2565'].map((f) => workbookFile(f, temporaryDir(), `${f}.xlsx`)),
    );
    const out = temporaryDir('ita-history-');
    const run = await runBuildDoc([...files, '--out', out, '--template', template, ...SIGNING]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('ผลการประเมินย้อนหลัง');
    expect(yearRows(path.join(out, SEED))).toEqual([
      'ปี ๒๕๖๓ คะแนน ๗๒.๒๗ ระดับ C ไม่ผ่าน เปลี่ยนแปลง -',
      'ปี ๒๕๖๔ คะแนน ๗๖.๒๙ ระดับ B ไม่ผ่าน เปลี่ยนแปลง +๔.๐๒',
      'ปี ๒๕๖๕ คะแนน ๗๘.๒๙ ระดับ B ไม่ผ่าน เปลี่ยนแปลง +๒.๐๐',
    ]);
    const earliest = writtenIn(out).find((name) => name.includes('2563'))!;
    expect(yearRows(path.join(out, earliest))).toEqual([]);
    // The year rows are all the loop adds: the rest is the default announcement's.
    const defaultOut = temporaryDir('ita-history-');
    expect((await runBuildDoc([...files, '--out', defaultOut, ...SIGNING])).status).toBe(0);
    expect(paragraphs(path.join(out, SEED)).filter((p) => !isYearRow(p))).toEqual(paragraphs(path.join(defaultOut, SEED)));
    // Without the earlier years' files, the loop prints nothing.
    const alone = temporaryDir('ita-history-');
    expect((await runBuildDoc([files[2]!, '--out', alone, '--template', template, ...SIGNING])).status).toBe(0);
    expect(yearRows(path.join(alone, SEED))).toEqual([]);
  });

  it('arabic digits when the run asks for them', async () => {
    const files = await Promise.all(['lampangrong-2564', 'lampangrong-2565'].map((f) => workbookFile(f, temporaryDir(), `${f}.xlsx`)));
    const out = temporaryDir('ita-history-');
    expect((await runBuildDoc([...files, '--out', out, '--template', historyTemplate(), '--digits', 'arabic', ...SIGNING])).status).toBe(0);
    expect(yearRows(path.join(out, SEED))).toEqual([
      'ปี 2564 คะแนน 76.29 ระดับ B ไม่ผ่าน เปลี่ยนแปลง -',
      'ปี 2565 คะแนน 78.29 ระดับ B ไม่ผ่าน เปลี่ยนแปลง +2.00',
    ]);
  });

  it('a year given twice: the announcements are made without the years, and a warning says why only when the template prints them', async () => {
    const bytes = async (fixture: string, name: string) => ({
      name,
      bytes: readFileSync(await workbookFile(fixture, temporaryDir(), name)),
    });
    const workbooks = [
      await bytes('lampangrong-2564', '2564.xlsx'),
      await bytes('lampangrong-2565', 'ก.xlsx'),
      await bytes('lampangrong-2565', 'ข.xlsx'),
    ];
    const run = (templateFile: string) =>
      build({
        workbooks,
        template: { name: path.basename(templateFile), bytes: readFileSync(templateFile) },
        frameworks: frameworksOnDisk(),
        announce: { date: '2022-08-02', signer: 'นายสันติ นาวีสัมพันธ์', names: COMMAND_LINE_NAMES },
        digits: 'thai',
      });
    const withHistory = await run(historyTemplate());
    expect(withHistory.failures).toEqual([]);
    expect(withHistory.documents).toHaveLength(3);
    for (const document of withHistory.documents.filter((d) => d.announcement.fiscalYear === 2565)) {
      expect(yearRows(Buffer.from(document.bytes))).toEqual([]);
      expect(document.announcement.history).toBeUndefined();
    }
    const warned = withHistory.problems.filter((p) => p.code === 'history-year-twice');
    expect(warned.map((p) => [p.severity, p.where.file])).toEqual([
      ['warning', 'ก.xlsx'],
      ['warning', 'ข.xlsx'],
    ]);
    expect(warned[0]!.message.th).toContain('ปี 2565 ของ อบต.ลำปางรอง มีสองชุด (ก.xlsx และ ข.xlsx): ประกาศของหน่วยงานนี้ไม่แสดงผลการประเมินย้อนหลัง');
    const withoutHistory = await run(DEFAULT_TEMPLATE);
    expect(withoutHistory.documents).toHaveLength(3);
    expect(withoutHistory.problems.filter((p) => p.code.startsWith('history-'))).toEqual([]);
  });
});
