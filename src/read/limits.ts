/**
 * What no results workbook comes near, whatever its format, and what each format's check finds
 * wrong before a reader spends memory or time on it. The checks (xlsx-check.ts, biff-check.ts,
 * ods-check.ts, xml-spreadsheet-check.ts) count on the file's own bytes or text; workbook.ts
 * turns a fault into the clerk's message. Knows nothing of ITA.
 */
import type { Message } from '../core/language.js';
import { cellRef, type CellRange } from './cells.js';

/** A national list of 8,300 agencies has about 200,000 cells. */
export const MAX_CELLS = 1_000_000;
/**
 * The rows of all sheets, counted to each sheet's last: every row up to the last is made, empty
 * or not, so one cell far down a sheet costs as much as a full column.
 */
export const MAX_ROWS = 1_000_000;
/**
 * The sheets' grids (each sheet's last row times its last column) added up: a row's cells are
 * walked up to its last, so a million rows each with one cell in column XFD cost sixteen
 * billion steps. A national list is 8,300 rows by a few dozen columns.
 */
export const MAX_GRID_CELLS = 20_000_000;
/** Column XFD, the last a spreadsheet has: a cell beyond it is no cell any program wrote. */
export const MAX_COLUMNS = 16_384;
/** A province's report merges a few dozen ranges; exceljs's time grows with the square of them. */
export const MAX_MERGES = 2_000;
/** The cells all merges cover together. */
export const MAX_MERGED_CELLS = 100_000;

export type ReadFault =
  | { kind: 'missing-part'; part: string }
  | { kind: 'too-many-cells'; count: number }
  | { kind: 'too-many-rows'; count: number }
  | { kind: 'grid-too-large'; count: number }
  | { kind: 'too-many-merges'; sheet: string; count: number }
  | { kind: 'merges-too-large'; sheet: string; cells: number; range: string }
  | { kind: 'duplicate-cell'; sheet: string; cell: string }
  /** `index` as the cell writes it: a number the workbook has no text for, or no number at all. */
  | { kind: 'shared-string-missing'; sheet: string; cell: string; index: string }
  /** A part that is not well-formed XML (cut short, most often); `detail` is what the XML parser said. */
  | { kind: 'part-broken'; part: string; detail: string }
  /** An .xlsx cell without its `r`, which exceljs cannot place. */
  | { kind: 'cell-without-place'; sheet: string; after?: string }
  /** The file breaks its own format: `what` says how, for the clerk; `detail`, when there is more, for a maintainer (--debug). */
  | { kind: 'damaged'; what: Message; detail?: string }
  | { kind: 'encrypted' }
  /** A DOCTYPE, which no spreadsheet program writes: its entities could expand or hide text. */
  | { kind: 'doctype'; part: string }
  /** Text stored in a code page no decoder here knows. */
  | { kind: 'code-page'; codePage: number };

/** The merges of one sheet beyond the limits: too many, or covering too much. */
export function mergesFault(sheet: string, merges: readonly CellRange[]): ReadFault | undefined {
  if (merges.length > MAX_MERGES) return { kind: 'too-many-merges', sheet, count: merges.length };
  let cells = 0;
  for (const m of merges) {
    cells += (Math.abs(m.bottom - m.top) + 1) * (Math.abs(m.right - m.left) + 1);
    if (cells > MAX_MERGED_CELLS)
      return { kind: 'merges-too-large', sheet, cells, range: `${cellRef(m.top, m.left)}:${cellRef(m.bottom, m.right)}` };
  }
  return undefined;
}

/** Cells and rows counted as a check meets them, refused as soon as they pass the limits. */
export class Tally {
  private cells = 0;
  private rows = 0;
  private grid = 0;

  /** `count` more cells. */
  addCells(count: number): ReadFault | undefined {
    this.cells += count;
    return this.cells > MAX_CELLS ? { kind: 'too-many-cells', count: this.cells } : undefined;
  }

  /** A sheet whose last cell with a value is in row `lastRow` and, of all its cells, the furthest right in `lastColumn`. */
  addSheet(lastRow: number, lastColumn: number): ReadFault | undefined {
    this.rows += lastRow;
    this.grid += lastRow * lastColumn;
    if (this.rows > MAX_ROWS) return { kind: 'too-many-rows', count: this.rows };
    return this.grid > MAX_GRID_CELLS ? { kind: 'grid-too-large', count: this.grid } : undefined;
  }
}

/** A DOCTYPE anywhere in an XML part (a declaration belongs in the prolog, but a reader may look anywhere). */
export function doctypeFault(part: string, xml: string): ReadFault | undefined {
  return /<!DOCTYPE/i.test(xml) ? { kind: 'doctype', part } : undefined;
}
