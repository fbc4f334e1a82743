/**
 * Finding things by label, never by address: header rows of tables and label/value pairs.
 */
import { cellAt, cellText, type Cell, type CellRange, type Sheet, type Workbook } from '../../read/cells.js';
import { labelKey } from '../text.js';

/** Visible sheets first: a hidden sheet is used only when it is the only place a fact is found. */
export function sheetsInSearchOrder(workbook: Workbook): Sheet[] {
  return [...workbook.sheets.filter((s) => !s.hidden), ...workbook.sheets.filter((s) => s.hidden)];
}

/** The columns a header covers: one, or several when the header cell is merged across them. */
export interface Span {
  left: number;
  right: number;
}

/** A table's header row: which columns hold which role. */
export interface Header<Role extends string> {
  sheet: Sheet;
  row: number;
  columns: Partial<Record<Role, Span>>;
  /** The header cells, so their labels are not read as label/value pairs. */
  cells: Cell[];
}

/**
 * Recognises a header row: each role lists the label keys its column may carry (or tests
 * the key), most specific role first (a column is given to the first role that claims it).
 */
export type HeaderKeys = readonly string[] | ((key: string) => boolean);

export function matchHeader<Role extends string>(sheet: Sheet, row: number, roles: readonly (readonly [Role, HeaderKeys])[]): Header<Role> {
  const columns: Partial<Record<Role, Span>> = {};
  const cells: Cell[] = [];
  for (const cell of sheet.rows[row - 1] ?? []) {
    if (!cell) continue;
    const role = roles.find(([r, keys]) => columns[r] === undefined && isKey(labelKey(cellText(cell)), keys));
    if (role) {
      columns[role[0]] = spanOf(sheet, cell);
      cells.push(cell);
    }
  }
  return { sheet, row, columns, cells };
}

export function isKey(key: string, keys: HeaderKeys): boolean {
  return typeof keys === 'function' ? keys(key) : keys.includes(key);
}

/** The columns a cell covers: its merged range's, or its own. */
export function spanOf(sheet: Sheet, cell: Cell): Span {
  const merged = mergeAt(sheet, cell.row, cell.col);
  return merged ? { left: merged.left, right: merged.right } : { left: cell.col, right: cell.col };
}

/**
 * The value a row holds under a header: the first non-empty cell within the header's columns,
 * or, when a merged cell covers them, that merged cell's value (a province merged down over
 * the agencies it holds belongs to each of them).
 */
export function cellUnder(sheet: Sheet, row: number, span: Span | undefined): Cell | undefined {
  if (!span) return undefined;
  const cells = sheet.rows[row - 1] ?? [];
  for (let col = span.left; col <= span.right; col++) if (cells[col - 1]) return cells[col - 1];
  const merged = mergeAt(sheet, row, span.left);
  return merged && cellAt(sheet, merged.top, merged.left);
}

const mergesByRow = new WeakMap<Sheet, Map<number, CellRange[]>>();

/** The merged range that covers a cell, if any; indexed by row once per sheet. */
export function mergeAt(sheet: Sheet, row: number, col: number): CellRange | undefined {
  let index = mergesByRow.get(sheet);
  if (!index) {
    index = new Map();
    for (const range of sheet.merges) {
      for (let r = range.top; r <= range.bottom; r++) index.set(r, [...(index.get(r) ?? []), range]);
    }
    mergesByRow.set(sheet, index);
  }
  return index.get(row)?.find((m) => m.left <= col && col <= m.right);
}

/** The first header row, in search order, that `match` accepts. */
export function findHeader<Role extends string>(
  workbook: Workbook,
  match: (sheet: Sheet, row: number) => Header<Role> | undefined,
): Header<Role> | undefined {
  for (const sheet of sheetsInSearchOrder(workbook)) {
    for (let row = 1; row <= sheet.rows.length; row++) {
      const header = match(sheet, row);
      if (header) return header;
    }
  }
  return undefined;
}

/**
 * A label's value is the nearest non-empty cell to its right, or the cell directly below
 * when nothing is to the right or the cell to the right is itself a label (a header row
 * with values underneath). Another label is never a value: a title that reads like a label
 * ("ผลการประเมิน" alone on a row) has none.
 */
export function findValueCell(sheet: Sheet, label: Cell, isLabel: (cell: Cell) => boolean): Cell | undefined {
  const row = sheet.rows[label.row - 1] ?? [];
  const right = row.find((cell) => cell !== undefined && cell.col > label.col);
  if (right && !isLabel(right)) return right;
  const merged = mergeAt(sheet, label.row, label.col);
  const below = cellAt(sheet, (merged?.bottom ?? label.row) + 1, label.col);
  return below && !isLabel(below) ? below : undefined;
}
