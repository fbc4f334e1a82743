/**
 * Finding things by label, never by address: header rows of tables and label/value pairs.
 */
import { cellAt, cellText, type Cell, type Sheet, type Workbook } from '../read/workbook.js';
import { labelKey } from './text.js';

/** Visible sheets first: a hidden sheet is used only when it is the only place a fact is found. */
export function sheetsInSearchOrder(workbook: Workbook): Sheet[] {
  return [...workbook.sheets.filter((s) => !s.hidden), ...workbook.sheets.filter((s) => s.hidden)];
}

/** A table's header row: which column holds which role. */
export interface Header<Role extends string> {
  sheet: Sheet;
  row: number;
  columns: Partial<Record<Role, number>>;
  /** The header cells, so their labels are not read as label/value pairs. */
  cells: Cell[];
}

/**
 * Recognises a header row: each role lists the label keys its column may carry (or tests
 * the key), most specific role first (a column is given to the first role that claims it).
 */
export type HeaderKeys = readonly string[] | ((key: string) => boolean);

export function matchHeader<Role extends string>(sheet: Sheet, row: number, roles: readonly (readonly [Role, HeaderKeys])[]): Header<Role> {
  const columns: Partial<Record<Role, number>> = {};
  const cells: Cell[] = [];
  for (const cell of sheet.rows[row - 1] ?? []) {
    if (!cell) continue;
    const key = labelKey(cellText(cell));
    const role = roles.find(([r, keys]) => columns[r] === undefined && (typeof keys === 'function' ? keys(key) : keys.includes(key)));
    if (role) {
      columns[role[0]] = cell.col;
      cells.push(cell);
    }
  }
  return { sheet, row, columns, cells };
}

/** The first header row, in search order, that `match` accepts. */
export function findHeader<Role extends string>(workbook: Workbook, match: (sheet: Sheet, row: number) => Header<Role> | undefined): Header<Role> | undefined {
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
  const merged = sheet.merges.find((m) => m.top === label.row && m.left === label.col);
  const below = cellAt(sheet, (merged?.bottom ?? label.row) + 1, label.col);
  return below && !isLabel(below) ? below : undefined;
}
