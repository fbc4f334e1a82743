/**
 * An Excel workbook (.xlsx) → sheets of cells, through exceljs. Loaded only when a workbook is
 * one (workbook.ts imports this module when it needs it), since exceljs is the largest library
 * the program loads.
 */
import ExcelJS from 'exceljs';
import { NOT_A_NUMBER, numberValue, parseRange, type Cell, type CellValue, type Sheet } from './cells.js';
import type { WrittenTexts } from './xlsx-check.js';

/**
 * The workbook's sheets, or the reason exceljs gives for not reading it. `written`: the number
 * cells whose text is no number (xlsx-check.ts), read as their text rather than as exceljs's NaN.
 */
export async function xlsxSheets(bytes: Uint8Array, file: string, written: WrittenTexts = new Map()): Promise<Sheet[] | Error> {
  const excel = new ExcelJS.Workbook();
  try {
    // exceljs's type asks for a Node Buffer; it reads any array of bytes (JSZip underneath).
    await excel.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
  return excel.worksheets.map((worksheet) => toSheet(worksheet, file, written.get(worksheet.name)));
}

function toSheet(worksheet: ExcelJS.Worksheet, file: string, written: ReadonlyMap<string, string> = new Map()): Sheet {
  const rows: (Cell | undefined)[][] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: (Cell | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const text = written.get(cell.address);
      const value = text === undefined ? toValue(cell.value, cell.numFmt) : writtenValue(text);
      if (value) cells[colNumber - 1] = { row: rowNumber, col: colNumber, ref: cell.address, value };
    });
    rows[rowNumber - 1] = cells;
  });
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  return {
    file,
    name: worksheet.name,
    hidden: worksheet.state !== 'visible',
    rows,
    merges: (worksheet.model.merges ?? []).map(parseRange),
  };
}

function toValue(value: ExcelJS.CellValue, format: string | undefined): CellValue | undefined {
  if (value === null || value === undefined) return undefined;
  // A number cell whose text is no finite number never comes here (writtenValue); numberValue refuses any other.
  if (typeof value === 'number') return numberValue(value, format);
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
    return toValue(result as ExcelJS.CellValue, format) ?? { kind: 'text', text: '' };
  }
  return undefined;
}

/**
 * A number cell's text that is no finite number: a text as written ("อบต.ลำปางรอง"); a number too
 * large for any spreadsheet, or NaN or Infinity, as the error Excel shows for it, since a number
 * that is not finite is never printed.
 */
function writtenValue(text: string): CellValue | undefined {
  if (/^\s*[+-]?(\d|\.\d|nan\b|inf)/i.test(text)) return NOT_A_NUMBER;
  return textValue(text);
}

function textValue(text: string): CellValue | undefined {
  return text === '' ? undefined : { kind: 'text', text };
}
