/**
 * Reader: a spreadsheet file → sheets of cells. Knows nothing of ITA.
 *
 * Each cell keeps its own reference (`D14`) so later stages can say where a problem is.
 * The cells of a merged range other than its top-left one are empty here, so a merged
 * label or header counts once.
 */
import { open, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { error, type Problem } from '../problem.js';
import { csvSheet, decodeText } from './csv.js';
import { htmlSheet } from './html-table.js';
import { readZipRecords } from './zip-records.js';

export type CellValue =
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'date'; value: Date }
  /** A formula whose result is an error value such as `#DIV/0!`. */
  | { kind: 'error'; text: string }
  /** A formula saved without its result: the program that wrote it never calculated it. */
  | { kind: 'uncalculated'; formula: string };

export interface Cell {
  /** 1-based, as spreadsheets count. */
  row: number;
  col: number;
  ref: string;
  value: CellValue;
}

export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Sheet {
  name: string;
  hidden: boolean;
  /** rows[r - 1][c - 1]; `undefined` for an empty cell. */
  rows: (Cell | undefined)[][];
  merges: CellRange[];
}

export interface Workbook {
  file: string;
  sheets: Sheet[];
}

export type ReadResult = { workbook: Workbook; problems: Problem[] } | { workbook: undefined; problems: Problem[] };

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/**
 * Limits no real ITA workbook comes near (a national list of 8,300 agencies is a few MB and
 * inflates about tenfold): beyond them a file is refused before it is read or inflated.
 */
const MAX_FILE_BYTES = 100 * 1024 * 1024;
const MAX_INFLATED_BYTES = 200 * 1024 * 1024;
const MAX_RATIO = 50;
const MB = 1024 * 1024;

/** The stream name an encrypted OOXML file carries inside its OLE container (UTF-16LE). */
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');

export async function readWorkbook(file: string): Promise<ReadResult> {
  const where = { file };
  const refuse = (problem: Problem): ReadResult => ({ workbook: undefined, problems: [problem] });

  let head: Buffer;
  try {
    head = await readHead(file, 512);
  } catch (e) {
    return refuse(error('file-unreadable', where, `เปิดไฟล์ไม่ได้ (${(e as NodeJS.ErrnoException).code ?? String(e)}): ตรวจว่าไฟล์มีอยู่จริงและไม่ได้ถูกโปรแกรมอื่นล็อกไว้`, `Cannot open the file (${(e as NodeJS.ErrnoException).code ?? String(e)}): check that it exists and is not locked by another program`));
  }
  if (head.length === 0) {
    return refuse(error('file-empty', where, 'ไฟล์ว่างเปล่า (ขนาด 0 ไบต์): ดาวน์โหลดไฟล์ผลการประเมินจากระบบ ITAS ใหม่อีกครั้ง', 'The file is empty (0 bytes): download the results workbook from ITAS again'));
  }
  const size = (await stat(file)).size;
  if (size > MAX_FILE_BYTES) {
    return refuse(error('file-too-large', where, `ไฟล์มีขนาด ${Math.round(size / MB)} MB ใหญ่เกินกว่าไฟล์ผลการประเมินจะเป็นได้ (ไม่เกิน ${MAX_FILE_BYTES / MB} MB): ตรวจว่าเลือกไฟล์ถูก`, `The file is ${Math.round(size / MB)} MB, larger than a results workbook can be (at most ${MAX_FILE_BYTES / MB} MB): check that this is the right file`));
  }
  if (head.subarray(0, 8).equals(OLE_MAGIC)) {
    const whole = await readFile(file);
    return whole.includes(ENCRYPTION_INFO)
      ? refuse(error('file-encrypted', where, 'ไฟล์นี้ตั้งรหัสผ่านไว้ จึงอ่านไม่ได้: เปิดใน Excel แล้วเอารหัสผ่านออก (ไฟล์ > ข้อมูล > ป้องกันเวิร์กบุ๊ก) แล้วบันทึกใหม่', 'The workbook is password-protected, so it cannot be read: open it in Excel, remove the password (File > Info > Protect Workbook) and save it again'))
      : refuse(error('file-binary-xls', where, 'ไฟล์นี้เป็น Excel รุ่นเก่า (.xls) ซึ่งอ่านไม่ได้: เปิดใน Excel แล้วเลือก "บันทึกเป็น" ชนิด "เวิร์กบุ๊ก Excel (.xlsx)" แล้วใช้ไฟล์ .xlsx นั้นแทน', 'This is an old-format Excel file (.xls), which cannot be read: open it in Excel, choose "Save As" with type "Excel Workbook (.xlsx)" and use that .xlsx file instead'));
  }
  if (!head.subarray(0, 4).equals(ZIP_MAGIC)) {
    const start = decodeText(head).replace(/^\uFEFF/, '').trimStart().toLowerCase();
    if (start.startsWith('<?xml') && head.includes('urn:schemas-microsoft-com:office:spreadsheet')) {
      return refuse(error('file-xml-spreadsheet', where, 'ไฟล์นี้เป็น "XML Spreadsheet 2003" ซึ่งอ่านไม่ได้: เปิดใน Excel แล้วเลือก "บันทึกเป็น" ชนิด "เวิร์กบุ๊ก Excel (.xlsx)"', 'This is an "XML Spreadsheet 2003" file, which cannot be read: open it in Excel and choose "Save As" with type "Excel Workbook (.xlsx)"'));
    }
    if (start.startsWith('<')) {
      const bytes = await readFile(file);
      const html = decodeText(bytes, declaredCharset(bytes));
      return { workbook: { file, sheets: [htmlSheet(html, sheetNameOf(file))] }, problems: [] };
    }
    if (path.extname(file).toLowerCase() === '.csv') {
      return { workbook: { file, sheets: [csvSheet(decodeText(await readFile(file)), sheetNameOf(file))] }, problems: [] };
    }
    return refuse(error('file-not-spreadsheet', where, 'ไฟล์นี้ไม่ใช่ไฟล์ Excel (.xlsx): ตรวจว่าเลือกไฟล์ผลการประเมินที่ดาวน์โหลดจากระบบ ITAS ถูกไฟล์', 'This is not an Excel file (.xlsx): check that you chose the results workbook downloaded from ITAS'));
  }

  const records = await readZipRecords(file);
  if (records instanceof Error) {
    return refuse(error('file-damaged', where, `ไฟล์เสียหรือดาวน์โหลดมาไม่ครบ จึงอ่านไม่ได้ (${records.message}): ดาวน์โหลดจากระบบ ITAS ใหม่ หรือเปิดใน Excel แล้วบันทึกใหม่`, `The file is damaged or was not fully downloaded (${records.message}): download it again from ITAS, or open it in Excel and save it again`));
  }
  if (records.uncompressed > MAX_INFLATED_BYTES || records.worstRatio > MAX_RATIO) {
    return refuse(error('file-zip-bomb', where, `ไฟล์ขนาด ${(size / MB).toFixed(1)} MB นี้จะขยายเป็น ${Math.round(records.uncompressed / MB)} MB เมื่อเปิด ซึ่งไม่ใช่ลักษณะของไฟล์ผลการประเมิน (อาจเป็นไฟล์อันตราย) จึงไม่เปิด: ดาวน์โหลดไฟล์จากระบบ ITAS ใหม่`, `This ${(size / MB).toFixed(1)} MB file would inflate to ${Math.round(records.uncompressed / MB)} MB when opened, which no results workbook does (it may be a malicious file), so it was not opened: download the file from ITAS again`));
  }

  const excel = new ExcelJS.Workbook();
  try {
    await excel.xlsx.readFile(file);
  } catch (e) {
    return refuse(error('file-damaged', where, `ไฟล์เสียหรือดาวน์โหลดมาไม่ครบ จึงอ่านไม่ได้ (${(e as Error).message}): ดาวน์โหลดจากระบบ ITAS ใหม่ หรือเปิดใน Excel แล้วบันทึกใหม่`, `The file is damaged or was not fully downloaded (${(e as Error).message}): download it again from ITAS, or open it in Excel and save it again`));
  }
  return { workbook: { file, sheets: excel.worksheets.map(toSheet) }, problems: [] };
}

/** The charset a web page declares in a <meta> tag, if any. */
function declaredCharset(bytes: Buffer): string | undefined {
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(bytes.subarray(0, 4096).toString('latin1'))?.[1];
}

/** Excel names the one sheet of a web page or CSV after the file; a sheet name holds 31 characters. */
function sheetNameOf(file: string): string {
  return path.basename(file, path.extname(file)).replace(/[\\/?*[\]:]/g, '_').slice(0, 31) || 'Sheet1';
}

async function readHead(file: string, bytes: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function toSheet(worksheet: ExcelJS.Worksheet): Sheet {
  const rows: (Cell | undefined)[][] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: (Cell | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const value = toValue(cell.value);
      if (value) cells[colNumber - 1] = { row: rowNumber, col: colNumber, ref: cell.address, value };
    });
    rows[rowNumber - 1] = cells;
  });
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  return {
    name: worksheet.name,
    hidden: worksheet.state !== 'visible',
    rows,
    merges: (worksheet.model.merges ?? []).map(parseRange),
  };
}

/** A sheet from rows of text (a web page's table, a CSV file); numbers stay text, read later like any text. */
export function sheetFromGrid(name: string, grid: readonly (readonly (string | undefined)[])[], merges: CellRange[]): Sheet {
  const rows = grid.map((texts, r) => {
    const cells: (Cell | undefined)[] = [];
    texts.forEach((text, c) => {
      if (text !== undefined && text !== '') cells[c] = { row: r + 1, col: c + 1, ref: cellRef(r + 1, c + 1), value: { kind: 'text', text } };
    });
    return cells;
  });
  return { name, hidden: false, rows, merges };
}

function toValue(value: ExcelJS.CellValue): CellValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'string') return value === '' ? undefined : { kind: 'text', text: value };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (value instanceof Date) return { kind: 'date', value };
  if ('richText' in value) return textValue(value.richText.map((run) => run.text).join(''));
  if ('hyperlink' in value) return textValue(String(value.text ?? ''));
  if ('error' in value) return { kind: 'error', text: value.error };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    if (result === undefined || result === null) {
      const formula = 'formula' in value ? value.formula : value.sharedFormula;
      return { kind: 'uncalculated', formula: String(formula) };
    }
    return toValue(result as ExcelJS.CellValue) ?? { kind: 'text', text: '' };
  }
  return undefined;
}

function textValue(text: string): CellValue | undefined {
  return text === '' ? undefined : { kind: 'text', text };
}

function parseRange(range: string): CellRange {
  const [from = '', to = from] = range.split(':');
  const a = parseRef(from);
  const b = parseRef(to);
  return { top: a.row, left: a.col, bottom: b.row, right: b.col };
}

function parseRef(ref: string): { row: number; col: number } {
  const match = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref.toUpperCase());
  if (!match) throw new Error(`not a cell reference: ${ref}`);
  let col = 0;
  for (const letter of match[1]!) col = col * 26 + (letter.charCodeAt(0) - 64);
  return { row: Number(match[2]), col };
}

/** (14, 4) → "D14". */
export function cellRef(row: number, col: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row}`;
}

/** The non-empty cells of a sheet, row by row, left to right. */
export function* cellsOf(sheet: Sheet): Generator<Cell> {
  for (const row of sheet.rows) for (const cell of row) if (cell) yield cell;
}

export function cellAt(sheet: Sheet, row: number, col: number): Cell | undefined {
  return sheet.rows[row - 1]?.[col - 1];
}

/** Plain text of a cell as a person reads it on screen. */
export function cellText(cell: Cell | undefined): string {
  if (!cell) return '';
  const v = cell.value;
  switch (v.kind) {
    case 'text':
    case 'error':
      return v.text;
    case 'number':
      return String(v.value);
    case 'boolean':
      return v.value ? 'TRUE' : 'FALSE';
    case 'date':
      return v.value.toISOString().slice(0, 10);
    case 'uncalculated':
      return '';
  }
}
