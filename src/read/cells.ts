/**
 * The cell model every reader produces and the ITA layer reads: sheets of cells, each cell with
 * its own reference (`D14`) and each sheet with its file, so a problem found anywhere later can
 * say where it is. Knows nothing of file formats or of ITA.
 *
 * The cells of a merged range other than its top-left one are empty, so a merged label or
 * header counts once.
 */
import type { Place } from '../core/problem.js';

export type CellValue =
  | { kind: 'text'; text: string }
  /**
   * `percent`: the cell is shown with a percent format, and `value` is the number shown (a score kept
   * as the fraction 0.8439 and shown as 84.39% is 84.39), since that is the number the clerk reads.
   */
  | { kind: 'number'; value: number; percent?: true }
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
  /** The workbook file the sheet is in, as messages name it. */
  file: string;
  name: string;
  hidden: boolean;
  /** rows[r - 1][c - 1]; `undefined` for an empty cell. */
  rows: (Cell | undefined)[][];
  merges: CellRange[];
  /**
   * A sheet made from a form a person typed into (the web page's): each cell's field, by the
   * form's label, so that a message names the field rather than a cell the person never saw.
   */
  fields?: ReadonlyMap<string, string>;
}

export interface Workbook {
  file: string;
  sheets: Sheet[];
}

/** Where a sheet, or a cell of it, is: what a problem found there carries. */
export function placeOf(sheet: Sheet, cell?: Cell | string): Place {
  const ref = typeof cell === 'string' ? cell : cell?.ref;
  const field = ref !== undefined ? sheet.fields?.get(ref) : undefined;
  return { file: sheet.file, sheet: sheet.name, ...(ref !== undefined && { cell: ref }), ...(field && { field }) };
}

/** A sheet from rows of text (a web page's table, a CSV file); numbers stay text, read later like any text. */
export function sheetFromGrid(file: string, name: string, grid: readonly (readonly (string | undefined)[])[], merges: CellRange[]): Sheet {
  const rows = grid.map((texts, r) => {
    const cells: (Cell | undefined)[] = [];
    texts.forEach((text, c) => {
      if (text !== undefined && text !== '')
        cells[c] = { row: r + 1, col: c + 1, ref: cellRef(r + 1, c + 1), value: { kind: 'text', text } };
    });
    return cells;
  });
  return { file, name, hidden: false, rows, merges };
}

/**
 * A number as a cell with its number format shows it: a percent format (`0.00%`, but not a `%`
 * inside quotes or after a backslash, which is printed as written) shows a hundred times the value.
 */
export function numberValue(value: number, format: string | undefined): CellValue {
  if (!Number.isFinite(value)) return NOT_A_NUMBER;
  if (!format || !isPercentFormat(format)) return { kind: 'number', value };
  // 0.8439 * 100 is 84.39000000000001: fifteen digits are all a spreadsheet keeps.
  const shown = Number((value * 100).toPrecision(15));
  return Number.isFinite(shown) ? { kind: 'number', value: shown, percent: true } : NOT_A_NUMBER;
}

/**
 * NaN, Infinity, a number past the largest a double holds: no number a spreadsheet keeps, read as
 * the error value Excel shows for a number out of range, so that it is never printed as a number.
 */
export const NOT_A_NUMBER: CellValue = { kind: 'error', text: '#NUM!' };

function isPercentFormat(format: string): boolean {
  return format.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '').includes('%');
}

/** "B2:D4" → its rows and columns. */
export function parseRange(range: string): CellRange {
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
