/**
 * Workbooks from readable data: a JSON description of sheets, rows and cells → a real .xlsx
 * written by exceljs. The example in input/ and every test workbook are made this way, so a
 * reviewer sees in a diff what a workbook contains.
 *
 * A cell is a string, a number, null (empty), or one of:
 *   { "formula": "ROUND(B5,2)", "result": 78.29 }   a formula with its cached result (omit result: none cached)
 *   { "richText": ["หน่วย", "งาน"] }                 several formatting runs (every other run bold)
 *   { "text": "อบต.ลำปางรอง", "hyperlink": "https://…" }
 *   { "number": 0.8439, "format": "0.00%" }           a number with a number format (shown as 84.39%)
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
  | { text: string; hyperlink: string }
  | { number: number; format: string };

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
        if (cell === null) return;
        const target = worksheet.getCell(r + 1, c + 1);
        target.value = toExcel(cell);
        if (typeof cell === 'object' && 'format' in cell) target.numFmt = cell.format;
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
  if ('formula' in cell)
    return cell.result === undefined
      ? ({ formula: cell.formula } as ExcelJS.CellFormulaValue)
      : { formula: cell.formula, result: cell.result };
  if ('richText' in cell) return { richText: cell.richText.map((text, i) => (i % 2 ? { text, font: { bold: true } } : { text })) };
  if ('number' in cell) return cell.number;
  return { text: cell.text, hyperlink: cell.hyperlink };
}

/**
 * The same description as a web page (an ".xls" many web systems export): each sheet a table,
 * merges as colspan/rowspan, rich text as <b>, hyperlinks as <a>, numbers as text.
 */
export function fixtureHtml(fixture: FixtureWorkbook, charset: 'utf-8' | 'windows-874' = 'utf-8'): Buffer {
  const tables = fixture.sheets.map((sheet) => {
    const spans = new Map<string, { rows: number; cols: number }>();
    const covered = new Set<string>();
    for (const range of sheet.merges ?? []) {
      const [from, to] = range.split(':').map(parseAddress) as [{ row: number; col: number }, { row: number; col: number }];
      spans.set(`${from.row},${from.col}`, { rows: to.row - from.row + 1, cols: to.col - from.col + 1 });
      for (let r = from.row; r <= to.row; r++)
        for (let c = from.col; c <= to.col; c++) if (r !== from.row || c !== from.col) covered.add(`${r},${c}`);
    }
    const width = Math.max(1, ...sheet.rows.map((row) => row.length));
    const rows = sheet.rows.map((cells, r) => {
      const tds: string[] = [];
      for (let c = 0; c < width; c++) {
        if (covered.has(`${r + 1},${c + 1}`)) continue;
        const span = spans.get(`${r + 1},${c + 1}`);
        const attributes = span ? `${span.cols > 1 ? ` colspan="${span.cols}"` : ''}${span.rows > 1 ? ` rowspan="${span.rows}"` : ''}` : '';
        tds.push(`<td${attributes}>${htmlOf(cells[c] ?? null)}</td>`);
      }
      return `<tr>${tds.join('')}</tr>`;
    });
    return `<table border="1">\n${rows.join('\n')}\n</table>`;
  });
  const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"></head>\n<body>\n${tables.join('\n<br>\n')}\n</body></html>\n`;
  return charset === 'utf-8' ? Buffer.from(html, 'utf8') : windows874(html);
}

/** One sheet of the description as CSV, as Excel saves it ("CSV UTF-8" with its byte-order mark, or the Thai code page). */
export function fixtureCsv(sheet: FixtureSheet, encoding: 'utf-8-bom' | 'windows-874' = 'utf-8-bom'): Buffer {
  const quote = (text: string) => (/[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
  const csv = sheet.rows.map((cells) => cells.map((cell) => quote(plainText(cell))).join(',')).join('\r\n') + '\r\n';
  return encoding === 'windows-874' ? windows874(csv) : Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')]);
}

function plainText(cell: FixtureCell): string {
  if (cell === null) return '';
  if (typeof cell === 'string' || typeof cell === 'number') return String(cell);
  if ('formula' in cell) return cell.result === undefined ? '' : String(cell.result);
  if ('richText' in cell) return cell.richText.join('');
  if ('number' in cell) return String(cell.number);
  return cell.text;
}

function htmlOf(cell: FixtureCell): string {
  const escape = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('\n', '<br>');
  if (cell !== null && typeof cell === 'object' && 'richText' in cell)
    return cell.richText.map((run, i) => (i % 2 ? `<b>${escape(run)}</b>` : escape(run))).join('');
  if (cell !== null && typeof cell === 'object' && 'hyperlink' in cell)
    return `<a href="${escape(cell.hyperlink)}">${escape(cell.text)}</a>`;
  return escape(plainText(cell));
}

function parseAddress(address: string): { row: number; col: number } {
  const [, letters = '', digits = ''] = /^([A-Z]+)(\d+)$/.exec(address) ?? [];
  return { row: Number(digits), col: [...letters].reduce((n, l) => n * 26 + l.charCodeAt(0) - 64, 0) };
}

/** The Windows Thai code page: ASCII as is, Thai letters U+0E01–U+0E5B at 0xA1–0xFB (TIS-620). */
export function windows874(text: string): Buffer {
  return Buffer.from(
    [...text].map((ch) => {
      const code = ch.codePointAt(0)!;
      if (code < 0x80) return code;
      if (code >= 0x0e01 && code <= 0x0e5b) return code - 0x0e00 + 0xa0;
      if (code === 0xa0) return 0xa0;
      throw new Error(`windows-874 has no ${ch}`);
    }),
  );
}
