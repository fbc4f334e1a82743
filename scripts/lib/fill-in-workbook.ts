/**
 * The fill-in workbook, templates/แบบกรอกผลคะแนน ITA.xlsx: the layout of src/ita/fill-in.ts written
 * by exceljs, with the cells to fill in yellow, each checked by Excel's own data validation (a score
 * 0–100, a year, ผ่าน/ไม่ผ่าน, IIT/EIT/OIT) with a Thai prompt, so a clerk without the program's
 * messages still cannot type 104.
 */
import ExcelJS from 'exceljs';
import { frameworksOnDisk } from '../../src/node/frameworks-on-disk.js';
import { fillInFields, fillInSheets, FILL_IN_SHEET, INSTRUCTIONS, RECOMMENDATIONS_SHEET } from '../../src/ita/fill-in.js';
import { TOOLS } from '../../src/ita/framework.js';

/** The workbook carries this date, so the same program writes the same bytes. */
const FIXED_DATE = new Date(Date.UTC(2026, 0, 1));
const FONT = { name: 'Tahoma', size: 11 };
const TO_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const BORDER: Partial<ExcelJS.Borders> = Object.fromEntries(
  ['top', 'left', 'bottom', 'right'].map((side) => [side, { style: 'thin', color: { argb: 'FFBFBFBF' } }]),
);
/** Rows of the recommendations sheet laid out for filling. */
const RECOMMENDATION_ROWS = 40;

type Validation = ExcelJS.DataValidation;

const score = (what: string): Validation => ({
  type: 'decimal',
  operator: 'between',
  allowBlank: true,
  formulae: [0, 100],
  showErrorMessage: true,
  errorStyle: 'stop',
  errorTitle: 'คะแนนไม่ถูกต้อง',
  error: `${what}ต้องเป็นตัวเลข 0 ถึง 100 ตามที่ระบบ ITAS แสดง`,
  showInputMessage: true,
  promptTitle: what,
  prompt: 'ตัวเลข 0 ถึง 100 ตามที่ระบบ ITAS แสดง เช่น 84.39',
});

const VALIDATIONS: Record<string, Validation> = {
  agency: {
    type: 'textLength',
    operator: 'between',
    allowBlank: true,
    formulae: [1, 300],
    showInputMessage: true,
    promptTitle: 'หน่วยงาน',
    prompt: 'ชื่อหน่วยงานตามที่ระบบ ITAS แสดง เช่น อบต.ลำปางรอง',
  },
  province: {
    type: 'textLength',
    operator: 'between',
    allowBlank: true,
    formulae: [1, 100],
    showInputMessage: true,
    promptTitle: 'จังหวัด',
    prompt: 'ไม่บังคับ',
  },
  'fiscal-year': {
    type: 'whole',
    operator: 'between',
    allowBlank: true,
    formulae: [2020, 2700],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'ปีไม่ถูกต้อง',
    error: 'ใส่ปีงบประมาณ พ.ศ. (เช่น 2568) หรือ ค.ศ. (เช่น 2025)',
    showInputMessage: true,
    promptTitle: 'ปีงบประมาณ',
    prompt: 'ปี พ.ศ. หรือ ค.ศ. ก็ได้',
  },
  total: { ...score('คะแนนรวม'), prompt: 'ไม่บังคับ: ว่างไว้ โปรแกรมคำนวณให้' },
  level: {
    type: 'textLength',
    operator: 'between',
    allowBlank: true,
    formulae: [1, 30],
    showInputMessage: true,
    promptTitle: 'ระดับ',
    prompt: 'ไม่บังคับ: เช่น B หรือ ผ่านดี ตามที่ระบบ ITAS แสดง',
  },
  result: {
    type: 'list',
    allowBlank: true,
    formulae: ['"ผ่าน,ไม่ผ่าน"'],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'ผลการประเมิน',
    error: 'เลือก ผ่าน หรือ ไม่ผ่าน',
    showInputMessage: true,
    promptTitle: 'ผลการประเมิน',
    prompt: 'ไม่บังคับ: ผ่าน หรือ ไม่ผ่าน',
  },
};

export async function fillInWorkbook(): Promise<Buffer> {
  const library = frameworksOnDisk();
  const newest = library.forYear(library.years.at(-1)!, {}).framework!;
  const [results, advice] = fillInSheets(newest.indicators.map((d) => ({ name: d.name, tool: d.tool })));

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ita-announcement';
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;

  const sheet = workbook.addWorksheet(FILL_IN_SHEET, {
    views: [{ showGridLines: false }],
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = [{ width: 26 }, { width: 34 }, { width: 11 }, { width: 11 }];
  writeRows(sheet, results!.rows);
  for (let row = 1; row <= 1 + INSTRUCTIONS.length; row++) sheet.mergeCells(row, 1, row, 4);
  sheet.getCell('A1').font = { ...FONT, size: 14, bold: true };
  const header = sheet.getRow(fillInFields().find((f) => f.name === 'score-1')!.row - 1);
  header.font = { ...FONT, bold: true };
  for (const field of fillInFields()) {
    const cell = sheet.getCell(field.row, field.col);
    cell.fill = TO_FILL;
    cell.border = BORDER;
    cell.dataValidation = VALIDATIONS[field.name] ?? score(field.label);
    if (field.name.startsWith('score-') || field.name === 'total') cell.numFmt = '0.00';
    if (field.col === 2) sheet.getCell(field.row, 1).font = { ...FONT, bold: field.required };
    else sheet.getCell(field.row, 1).alignment = { horizontal: 'center' };
  }

  const recommendations = workbook.addWorksheet(RECOMMENDATIONS_SHEET, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  recommendations.columns = [{ width: 12 }, { width: 10 }, { width: 40 }, { width: 100 }];
  writeRows(recommendations, advice!.rows);
  recommendations.mergeCells('A1:D1');
  recommendations.getCell('A1').alignment = { wrapText: true, vertical: 'top' };
  recommendations.getRow(1).height = 45;
  recommendations.getRow(2).font = { ...FONT, bold: true };
  for (let row = 3; row < 3 + RECOMMENDATION_ROWS; row++) {
    for (let col = 1; col <= 4; col++) {
      const cell = recommendations.getCell(row, col);
      cell.fill = TO_FILL;
      cell.border = BORDER;
      cell.alignment = { wrapText: true, vertical: 'top' };
    }
    recommendations.getCell(row, 1).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`"${TOOLS.join(',')}"`],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: 'เครื่องมือ',
      error: 'เลือก IIT, EIT หรือ OIT',
    };
  }

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function writeRows(sheet: ExcelJS.Worksheet, rows: readonly (readonly (string | undefined)[])[]): void {
  rows.forEach((cells, r) =>
    cells.forEach((text, c) => {
      if (text === undefined || text === '') return;
      const cell = sheet.getCell(r + 1, c + 1);
      // Indicator numbers are numbers, as a clerk's own table would hold them.
      cell.value = /^\d+$/.test(text) && c === 0 ? Number(text) : text;
      cell.font = FONT;
    }),
  );
}
