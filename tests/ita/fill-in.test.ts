/**
 * The fill-in form (src/ita/fill-in.ts): the results typed in, as the web page's form gives them,
 * through the same model and checks as a workbook; the seed's figures give the seed's announcement.
 */
import { COMMAND_LINE_NAMES } from '../../src/cli/options.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, type BuildRequest } from '../../src/build/index.js';
import { frameworksOnDisk } from '../../src/node/frameworks-on-disk.js';
import ExcelJS from 'exceljs';
import { fillInFields, fillInSheets, typedWorkbook, TYPED_SOURCE, type TypedResults } from '../../src/ita/fill-in.js';
import { announceWorkbook } from '../../src/ita/announce-workbook.js';
import { readWorkbook } from '../../src/read/workbook.js';
import type { Tool } from '../../src/ita/framework.js';
import { runBuildDoc, PROJECT_ROOT } from '../helpers/cli.js';
import { seedTyped } from '../helpers/typed.js';
import { seedText } from '../helpers/formats.js';
import { paragraphs, withoutWhitespace } from '../helpers/docx.js';
import { NAMES, OPTIONS } from '../helpers/layouts.js';
import { fixture, temporaryDir } from '../../tools/workbooks.js';
import { DEFAULT_TEMPLATE } from '../../src/node/project-root.js';

const template = { name: path.basename(DEFAULT_TEMPLATE), bytes: readFileSync(DEFAULT_TEMPLATE) };
const frameworks = frameworksOnDisk();
const TOOLS_OF = NAMES.map((name, i): { name: string; tool: Tool } => ({ name, tool: i < 5 ? 'IIT' : i < 8 ? 'EIT' : 'OIT' }));

function request(typed: TypedResults): BuildRequest {
  return {
    workbooks: [{ name: TYPED_SOURCE, cells: typedWorkbook(typed, TOOLS_OF) }],
    template,
    frameworks,
    announce: { date: '2022-08-02', signer: 'นายสันติ นาวีสัมพันธ์', names: COMMAND_LINE_NAMES },
    digits: 'thai',
  };
}

describe('results typed into the form', () => {
  it('gives the reference announcement from the seed’s figures and its recommendations as ITAS prints them', async () => {
    const result = await build(request(seedTyped()));
    expect(result.failures).toEqual([]);
    expect(result.problems.map((p) => p.code)).toEqual(['emblem-placeholder']);
    const [document] = result.documents;
    expect(document!.name).toBe('ประกาศผลการประเมิน ITA 2565 อบต.ลำปางรอง.docx');
    expect(withoutWhitespace(paragraphs(Buffer.from(document!.bytes)).join(''))).toBe(seedText());
  });

  it('refuses a score of 104 with the workbook’s message, naming the field', async () => {
    const typed = seedTyped();
    typed.values['score-1'] = '104';
    const result = await build({ ...request(typed), check: true });
    const problem = result.problems.find((p) => p.code === 'score-out-of-range')!;
    expect(problem.where).toMatchObject({ file: TYPED_SOURCE, field: 'คะแนนตัวชี้วัดที่ 1' });
    expect(problem.message.th).toBe('คะแนนตัวชี้วัดที่ 1 (การปฏิบัติหน้าที่) ที่ช่อง "คะแนนตัวชี้วัดที่ 1" เป็น 104 ซึ่งอยู่นอกช่วง 0–100: ตรวจคะแนนกับระบบ ITAS');
    expect(result.announcements).toEqual([]);
  });

  it('names each empty required field, and reads a Christian year', async () => {
    const empty = await build({ ...request({ values: {} }), check: true });
    const fields = empty.problems.filter((p) => p.severity === 'error').map((p) => p.where.field);
    expect(fields).toEqual(['ปีงบประมาณ']);
    const noScores = await build({ ...request({ values: { agency: 'อบต.ทดสอบ', 'fiscal-year': '2022' } }), check: true });
    expect(noScores.problems.filter((p) => p.severity === 'error').map((p) => p.where.field)).toEqual(
      fillInFields()
        .filter((f) => f.name.startsWith('score-'))
        .map((f) => f.label),
    );
    expect(noScores.problems.find((p) => p.code === 'fiscal-year-christian')!.message.th).toBe(
      'ไฟล์ระบุปี ค.ศ. 2022 ที่ช่อง "ปีงบประมาณ": ใช้เป็นปีงบประมาณ พ.ศ. 2565',
    );
    const noAgency = await build({ ...request({ values: { ...seedTyped().values, agency: '' } }), check: true });
    expect(noAgency.problems.find((p) => p.code === 'agency-missing')!.message.th).toBe(
      'ช่อง "หน่วยงาน" ว่างอยู่: ใส่ชื่อหน่วยงาน เช่น อบต.ลำปางรอง',
    );
  });

  it('says which OIT recommendation stands under no indicator', async () => {
    const typed = seedTyped();
    typed.recommendations!.OIT = '- หน่วยงานต้องแสดงนโยบาย';
    const result = await build({ ...request(typed), check: true });
    expect(result.problems.find((p) => p.code === 'recommendation-indicator-missing')!.message.th).toContain(
      'ช่อง "ข้อเสนอแนะ OIT" มีข้อเสนอแนะที่ไม่อยู่ใต้ตัวชี้วัด OIT ("- หน่วยงานต้องแสดงนโยบาย")',
    );
  });
});

describe('the fill-in workbook, templates/แบบกรอกผลคะแนน ITA.xlsx', () => {
  const FILL_IN = path.join(PROJECT_ROOT, 'templates', 'แบบกรอกผลคะแนน ITA.xlsx');

  it('holds the form’s layout (npm run make-fill-in writes it), a yellow cell with Excel’s own check for each fact, 0–100 for each score', async () => {
    const excel = new ExcelJS.Workbook();
    await excel.xlsx.readFile(FILL_IN);
    const sheets = fillInSheets(TOOLS_OF);
    expect(excel.worksheets.map((w) => w.name)).toEqual(sheets.map((s) => s.name));
    sheets.forEach((expected, i) => {
      const worksheet = excel.worksheets[i]!;
      expected.rows.forEach((cells, r) =>
        cells.forEach((text, c) =>
          expect(String(worksheet.getCell(r + 1, c + 1).value ?? ''), `${expected.name} row ${r + 1}`).toBe(text ?? ''),
        ),
      );
    });
    const results = excel.worksheets[0]!;
    for (const field of fillInFields()) {
      const cell = results.getCell(field.row, field.col);
      expect(cell.value, field.label).toBeNull();
      expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb, field.label).toBe('FFFFF2CC');
      expect(cell.dataValidation?.showInputMessage, field.label).toBe(true);
      if (field.name.startsWith('score-'))
        expect(cell.dataValidation).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 100], showErrorMessage: true });
    }
  });

  it('read empty, names each required cell and no year, agency or score that is not there', async () => {
    const read = await readWorkbook({ name: 'แบบกรอกผลคะแนน ITA.xlsx', bytes: readFileSync(FILL_IN) });
    const { problems, agencies } = announceWorkbook(read.workbook!, { ...OPTIONS, fiscalYear: 2568 });
    expect(agencies.map((a) => a.problems.filter((p) => p.severity === 'error').map((p) => p.code))).toEqual([
      ['agency-missing', ...Array(10).fill('score-missing')],
    ]);
    expect(problems.map((p) => p.code)).not.toContain('fiscal-year-christian');
    const noYear = announceWorkbook(read.workbook!, OPTIONS);
    expect(noYear.problems.map((p) => [p.code, p.where.cell])).toEqual([
      ['fiscal-year-missing', `A${fillInFields().find((f) => f.name === 'fiscal-year')!.row}`],
    ]);
  });

  it('filled with the seed’s figures in Excel’s way, gives the reference announcement through the command line', async () => {
    const excel = new ExcelJS.Workbook();
    await excel.xlsx.readFile(FILL_IN);
    const typed = seedTyped();
    for (const field of fillInFields()) {
      const value = typed.values[field.name];
      if (value) excel.worksheets[0]!.getCell(field.row, field.col).value = /^[\d.]+$/.test(value) ? Number(value) : value;
    }
    const advice = fixture('lampangrong-2565')
      .sheets.find((s) => s.name === 'ข้อเสนอแนะ')!
      .rows.slice(1);
    advice.forEach((row, r) => row.forEach((value, c) => (excel.worksheets[1]!.getCell(r + 3, c + 1).value = value as ExcelJS.CellValue)));
    const dir = temporaryDir('ita-fill-in-');
    const file = path.join(dir, 'แบบกรอกผลคะแนน ITA อบต.ลำปางรอง.xlsx');
    await excel.xlsx.writeFile(file);
    const out = temporaryDir('ita-out-');
    const run = await runBuildDoc([file, '--out', out, '--date', '2022-08-02', '--signer', 'นายสันติ นาวีสัมพันธ์']);
    expect(run.status, run.stderr).toBe(0);
    expect(withoutWhitespace(paragraphs(path.join(out, 'ประกาศผลการประเมิน ITA 2565 อบต.ลำปางรอง.docx')).join(''))).toBe(seedText());
  });
});
