/**
 * Workbooks from readable data: a JSON description of sheets, rows and cells → a real .xlsx
 * written by exceljs. The example in input/ and every test workbook are made this way, so a
 * reviewer sees in a diff what a workbook contains.
 *
 * A cell is a string, a number, null (empty), or one of:
 *   { "formula": "ROUND(B5,2)", "result": 78.29 }   a formula with its cached result (omit result: none cached)
 *   { "richText": ["หน่วย", "งาน"] }                 several formatting runs (every other run bold)
 *   { "text": "อบต.ลำปางรอง", "hyperlink": "https://…" }
 *
 * A sheet may instead be { "from": "../other-case/workbook.json", "sheet": "ข้อเสนอแนะ" }: that
 * sheet of another description, so long texts are written once.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';

export type FixtureCell =
  | string
  | number
  | null
  | { formula: string; result?: number | string }
  | { richText: string[] }
  | { text: string; hyperlink: string };

export interface FixtureSheet {
  name: string;
  hidden?: boolean;
  rows: FixtureCell[][];
  merges?: string[];
  columnWidths?: number[];
}

export interface FixtureWorkbook {
  description?: string;
  sheets: FixtureSheet[];
}

/** Saved workbooks carry these dates, so the same description gives the same cells and metadata. */
const FIXED_DATE = new Date(Date.UTC(2022, 7, 2));

type SheetEntry = FixtureSheet | { from: string; sheet: string };

export function readFixture(file: string): FixtureWorkbook {
  const data = JSON.parse(readFileSync(file, 'utf8')) as { description?: string; sheets: SheetEntry[] };
  const sheets = data.sheets.map((entry) => {
    if (!('from' in entry)) return entry;
    const other = readFixture(path.resolve(path.dirname(file), entry.from));
    const sheet = other.sheets.find((s) => s.name === entry.sheet);
    if (!sheet) throw new Error(`${file}: ${entry.from} has no sheet "${entry.sheet}"`);
    return sheet;
  });
  return { ...(data.description && { description: data.description }), sheets };
}

export async function writeFixtureWorkbook(fixture: FixtureWorkbook, file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ita-announcement fixtures';
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  for (const sheet of fixture.sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, { state: sheet.hidden ? 'hidden' : 'visible' });
    sheet.rows.forEach((cells, r) =>
      cells.forEach((cell, c) => {
        if (cell !== null) worksheet.getCell(r + 1, c + 1).value = toExcel(cell);
      }),
    );
    for (const range of sheet.merges ?? []) worksheet.mergeCells(range);
    sheet.columnWidths?.forEach((width, c) => {
      worksheet.getColumn(c + 1).width = width;
    });
    for (const [r, cells] of sheet.rows.entries()) {
      if (cells.some((cell) => typeof cell === 'string' && (cell.includes('\n') || cell.length > 60))) {
        worksheet.getRow(r + 1).alignment = { wrapText: true, vertical: 'top' };
      }
    }
  }
  await workbook.xlsx.writeFile(file);
}

function toExcel(cell: Exclude<FixtureCell, null>): ExcelJS.CellValue {
  if (typeof cell === 'string' || typeof cell === 'number') return cell;
  if ('formula' in cell) return cell.result === undefined ? ({ formula: cell.formula } as ExcelJS.CellFormulaValue) : { formula: cell.formula, result: cell.result };
  if ('richText' in cell) return { richText: cell.richText.map((text, i) => (i % 2 ? { text, font: { bold: true } } : { text })) };
  return { text: cell.text, hyperlink: cell.hyperlink };
}
