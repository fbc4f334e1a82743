/**
 * Binary .xls (BIFF5 and BIFF8), OpenDocument spreadsheets and XML Spreadsheet 2003 → sheets of
 * cells, through SheetJS (the community edition, as @e965/xlsx republishes it). Loaded only when
 * a file is one of these (workbook.ts imports this module when it needs it), and only after the
 * file's check (biff-check.ts, ods-check.ts, xml-spreadsheet-check.ts) has passed it: SheetJS
 * itself spends whatever a file asks for. A binary workbook comes as its Workbook stream alone,
 * taken out of its container by ole.ts, so SheetJS's own container reader never sees the file.
 */
import { read, set_cptable, type CellObject, type WorkBook, type WorkSheet } from '@e965/xlsx';
import { UNRECORDED_CODE_PAGE } from './biff-check.js';
import { cellRef, numberValue, type Cell, type CellRange, type CellValue, type Sheet } from './cells.js';
import { SHEETJS_CODE_PAGES, UnknownCodePage } from './code-pages.js';
import { unescapeXml } from '../core/xml.js';

set_cptable(SHEETJS_CODE_PAGES);

export type SheetJsInput =
  | { kind: 'biff'; stream: Uint8Array }
  /** `hidden`: the sheets ods-check.ts found hidden, which SheetJS does not say of an .ods. */
  | { kind: 'ods'; bytes: Uint8Array; hidden: ReadonlySet<string> }
  /** The file's text, whatever its encoding was, as UTF-8. */
  | { kind: 'xml-spreadsheet'; utf8: Uint8Array };

/** Error values as BIFF numbers them, for a cell SheetJS gives without its text. */
const ERRORS = new Map([
  [0x00, '#NULL!'],
  [0x07, '#DIV/0!'],
  [0x0f, '#VALUE!'],
  [0x17, '#REF!'],
  [0x1d, '#NAME?'],
  [0x24, '#NUM!'],
  [0x2a, '#N/A'],
  [0x2b, '#GETTING_DATA'],
]);

/** The workbook's sheets; or why SheetJS could not read it (its own words, for a maintainer), or the code page it met and no decoder knows. */
export function sheetjsSheets(input: SheetJsInput, file: string): Sheet[] | { error: string } | { codePage: number } {
  let workbook: WorkBook;
  try {
    // No formulas: only their results are read, and with formulas SheetJS compares every cell with
    // every array formula, which a file of many of them turns into billions of steps.
    workbook = quietly(() =>
      read(bytesOf(input), {
        type: 'buffer',
        dense: true,
        cellNF: true,
        cellDates: true,
        cellFormula: false,
        codepage: UNRECORDED_CODE_PAGE,
      }),
    );
  } catch (e) {
    if (e instanceof UnknownCodePage) return { codePage: e.codePage };
    return { error: e instanceof Error ? e.message : String(e) };
  }
  return workbook.SheetNames.map((name, i) => {
    const hidden = input.kind === 'ods' ? input.hidden.has(name) : Boolean(workbook.Workbook?.Sheets?.[i]?.Hidden);
    // SheetJS leaves the XML escapes in an .ods's sheet names.
    return toSheet(workbook.Sheets[name]!, file, input.kind === 'ods' ? unescapeXml(name) : name, hidden);
  });
}

/**
 * A plain Uint8Array, never a Node Buffer: SheetJS takes other paths for a Buffer, and the same
 * bytes must read the same in Node and in a browser.
 */
function bytesOf(input: SheetJsInput): Uint8Array {
  const bytes = input.kind === 'biff' ? input.stream : input.kind === 'ods' ? input.bytes : input.utf8;
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * SheetJS prints warnings while it reads (e.g. "ODS number format may be incorrect" for every
 * conditional number format LibreOffice writes): a clerk's screen must not show them, and the
 * web page's console neither. Reading is synchronous, so nothing else prints meanwhile.
 */
function quietly<T>(work: () => T): T {
  const { error, warn, log } = console;
  console.error = console.warn = console.log = () => {};
  try {
    return work();
  } finally {
    Object.assign(console, { error, warn, log });
  }
}

function toSheet(worksheet: WorkSheet, file: string, name: string, hidden: boolean): Sheet {
  const merges: CellRange[] = (worksheet['!merges'] ?? []).map((m) => ({
    top: m.s.r + 1,
    left: m.s.c + 1,
    bottom: m.e.r + 1,
    right: m.e.c + 1,
  }));
  const covered = coveredCells(merges);
  const data = worksheet['!data'] ?? [];
  const rows: (Cell | undefined)[][] = [];
  for (let r = 0; r < data.length; r++) {
    const cells: (Cell | undefined)[] = [];
    const row = data[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const value = row[c] && !covered.has(`${r + 1},${c + 1}`) ? toValue(row[c]!) : undefined;
      if (value) cells[c] = { row: r + 1, col: c + 1, ref: cellRef(r + 1, c + 1), value };
    }
    rows.push(cells);
  }
  return { file, name, hidden, rows, merges };
}

/** The cells of the merges other than each one's top-left, which keeps the value: "row,col". */
function coveredCells(merges: readonly CellRange[]): Set<string> {
  const covered = new Set<string>();
  for (const m of merges)
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
  return covered;
}

/**
 * A formula's result is the value SheetJS gives. A formula saved without one (which an .ods or
 * XML Spreadsheet can say, never a binary .xls) SheetJS leaves out unless it is asked to make a
 * cell of every empty one, which the checks would then have to count too: it reads as empty.
 */
function toValue(cell: CellObject): CellValue | undefined {
  switch (cell.t) {
    case 'n':
      return numberValue(Number(cell.v), typeof cell.z === 'string' ? cell.z : undefined);
    case 's':
      return cell.v === '' || cell.v === undefined ? undefined : { kind: 'text', text: String(cell.v) };
    case 'b':
      return { kind: 'boolean', value: Boolean(cell.v) };
    case 'd':
      return cell.v instanceof Date ? { kind: 'date', value: cell.v } : undefined;
    case 'e':
      return { kind: 'error', text: cell.w ?? ERRORS.get(Number(cell.v)) ?? `#${String(cell.v)}` };
    default:
      return undefined;
  }
}
