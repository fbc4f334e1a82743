/**
 * A binary workbook's Workbook stream (BIFF5, Excel 95; BIFF8, Excel 97–2003), checked record by
 * record before SheetJS reads it: encryption (a FILEPASS record), a record running past the end,
 * a code page no decoder knows, cells and merges beyond the limits, and two records for one cell,
 * which a reader could take either way. A record is a 2-byte type, a 2-byte length, then its
 * data ([MS-XLS] 2.1.4). Knows nothing of ITA.
 */
import { latin1 } from '../core/bytes.js';
import { cellRef, type CellRange } from './cells.js';
import { decodeCodePage, knowsCodePage } from './code-pages.js';
import { mergesFault, Tally, type ReadFault } from './limits.js';

const BOF = 0x0809;
const EOF = 0x000a;
const FILEPASS = 0x002f;
const CODEPAGE = 0x0042;
const BOUNDSHEET = 0x0085;
const MERGECELLS = 0x00e5;
const MULRK = 0x00bd;
const NOTE = 0x001c;
/** A hyperlink and its tooltip: SheetJS walks every cell of the range they name. */
const LINKS = new Map([
  [0x01b8 /* HLINK */, 0],
  [0x0800 /* HLINKTOOLTIP */, 2],
]);
/**
 * Records of one cell with a value, its row and column first (blank cells cost a reader nothing),
 * with the older versions' numbers for them, which SheetJS reads in any version's stream.
 */
const CELLS = new Set([
  ...[
    0x0203 /* NUMBER */, 0x0204 /* LABEL */, 0x00fd /* LABELSST */, 0x027e /* RK */, 0x0205 /* BOOLERR */, 0x0006 /* FORMULA */,
    0x00d6 /* RSTRING */,
  ],
  ...[
    0x0002 /* BIFF2 INTEGER */, 0x0003 /* BIFF2 NUMBER */, 0x0004 /* BIFF2 LABEL */, 0x0005 /* BIFF2 BOOLERR */, 0x0206 /* BIFF3 FORMULA */,
    0x0406 /* BIFF4 FORMULA */,
  ],
]);
const BIFF8 = 0x0600;
/** The Workbook stream broken, as the clerk is told it (the record's account goes to a maintainer). */
const XLS_TABLES_DAMAGED = {
  th: 'ข้อมูลตารางในไฟล์ Excel รุ่นเก่า (.xls) เสีย',
  en: 'the tables of this old-format Excel file (.xls) are damaged',
};
const XLS_TABLES_CUT = {
  th: 'ข้อมูลตารางในไฟล์ Excel รุ่นเก่า (.xls) ถูกตัดกลางคัน (อาจดาวน์โหลดมาไม่ครบ)',
  en: 'the tables of this old-format Excel file (.xls) are cut short (the download may have been incomplete)',
};
/**
 * The code page of a BIFF5 workbook that records none: the writer used the machine's own, which
 * on a Thai office's Windows is 874 (SheetJS alone would assume 1252).
 */
export const UNRECORDED_CODE_PAGE = 874;

/** Code pages as BIFF records some of them, mapped as SheetJS maps them. */
const BIFF_CODE_PAGES = new Map([
  [0x5212, 1200],
  [0x8000, 10000],
  [0x8001, 1252],
]);

interface SheetState {
  name: string;
  merges: CellRange[];
  cells: Set<number>;
  lastRow: number;
  lastColumn: number;
}

/** The stream's BIFF version (5 for Excel 5 and 95, 8 for 97–2003); or its fault. */
export function checkBiff(stream: Uint8Array): { version: 5 | 8 } | { fault: ReadFault } {
  const fault = biffFault(stream);
  if (fault) return { fault };
  return { version: new DataView(stream.buffer, stream.byteOffset).getUint16(4, true) >= BIFF8 ? 8 : 5 };
}

function biffFault(stream: Uint8Array): ReadFault | undefined {
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  if (stream.length < 8 || view.getUint16(0, true) !== BOF)
    return { kind: 'damaged', what: XLS_TABLES_DAMAGED, detail: 'the Workbook stream does not begin with a BOF record' };
  const biff8 = view.getUint16(4, true) >= BIFF8;
  const tally = new Tally();
  const names = new Map<number, string>();
  let codePage = UNRECORDED_CODE_PAGE;
  let depth = 0;
  let sheet: SheetState | undefined;
  let sheets = 0;
  let at = 0;
  while (at + 4 <= stream.length) {
    const type = view.getUint16(at, true);
    const length = view.getUint16(at + 2, true);
    const data = at + 4;
    // Writers pad the stream after the last EOF with zeros.
    if (type === 0 && length === 0 && depth === 0) break;
    if (data + length > stream.length)
      return { kind: 'damaged', what: XLS_TABLES_CUT, detail: `a record at byte ${at} runs past the end of the Workbook stream` };
    if (type === FILEPASS) return { kind: 'encrypted' };
    if (type === BOF) {
      if (depth === 0 && at > 0)
        sheet = { name: names.get(at) ?? `sheet ${sheets + 1}`, merges: [], cells: new Set(), lastRow: 0, lastColumn: 0 };
      depth++;
    } else if (type === EOF) {
      depth--;
      if (depth < 0) return { kind: 'damaged', what: XLS_TABLES_DAMAGED, detail: `an EOF record at byte ${at} ends no part` };
      if (depth === 0 && sheet) {
        sheets++;
        const fault = mergesFault(sheet.name, sheet.merges) ?? tally.addSheet(sheet.lastRow, sheet.lastColumn);
        if (fault) return fault;
        sheet = undefined;
      }
    } else if (type === CODEPAGE && length >= 2) {
      const recorded = view.getUint16(data, true);
      codePage = BIFF_CODE_PAGES.get(recorded) ?? recorded;
      // BIFF8 keeps its text in UTF-16 whatever it records here; BIFF5 keeps it in this code page.
      if (!biff8 && !knowsCodePage(codePage)) return { kind: 'code-page', codePage };
    } else if (type === BOUNDSHEET && length >= 7) {
      names.set(view.getUint32(data, true), sheetName(stream.subarray(data + 6, data + length), biff8, codePage));
    } else if (sheet && depth === 1) {
      const fault = cellFault(type, view, data, length, sheet, tally);
      if (fault) return fault;
    }
    at = data + length;
  }
  if (depth > 0)
    return { kind: 'damaged', what: XLS_TABLES_CUT, detail: 'the Workbook stream ends inside a sheet (it may have been cut short)' };
  return undefined;
}

/** A cell, merge, link or note record's fault: too many cells, a cell given twice, merges beyond the limits. */
function cellFault(type: number, view: DataView, data: number, length: number, sheet: SheetState, tally: Tally): ReadFault | undefined {
  if (type === MERGECELLS && length >= 2) {
    const count = Math.min(view.getUint16(data, true), Math.floor((length - 2) / 8));
    for (let i = 0; i < count; i++) {
      const at = data + 2 + 8 * i;
      sheet.merges.push({
        top: view.getUint16(at, true) + 1,
        bottom: view.getUint16(at + 2, true) + 1,
        left: view.getUint16(at + 4, true) + 1,
        right: view.getUint16(at + 6, true) + 1,
      });
    }
    return undefined;
  }
  const link = LINKS.get(type);
  if (link !== undefined && length >= link + 8) {
    const at = data + link;
    // Counted as cells: each cell a link covers is a step SheetJS takes, cell or not.
    return tally.addCells(
      (Math.abs(view.getUint16(at + 2, true) - view.getUint16(at, true)) + 1) *
        (Math.abs(view.getUint16(at + 6, true) - view.getUint16(at + 4, true)) + 1),
    );
  }
  if (type === NOTE && length >= 4) {
    // A note on an empty cell makes one; on a cell with a value it is no second value.
    sheet.lastRow = Math.max(sheet.lastRow, view.getUint16(data, true) + 1);
    sheet.lastColumn = Math.max(sheet.lastColumn, view.getUint16(data + 2, true) + 1);
    return tally.addCells(1);
  }
  if (length < 4 || (!CELLS.has(type) && type !== MULRK)) return undefined;
  const row = view.getUint16(data, true);
  const first = view.getUint16(data + 2, true);
  // MULRK: row, first column, six bytes per cell, last column.
  const count = type === MULRK ? Math.max(0, Math.floor((length - 6) / 6)) : 1;
  const tooMany = tally.addCells(count);
  if (tooMany) return tooMany;
  sheet.lastRow = Math.max(sheet.lastRow, row + 1);
  sheet.lastColumn = Math.max(sheet.lastColumn, first + count);
  for (let col = first; col < first + count; col++) {
    const key = row * 0x10000 + col;
    if (sheet.cells.has(key)) return { kind: 'duplicate-cell', sheet: sheet.name, cell: cellRef(row + 1, col + 1) };
    sheet.cells.add(key);
  }
  return undefined;
}

/** A BOUNDSHEET record's sheet name: BIFF8 as UTF-16 or its compressed form (the low bytes: Latin-1), BIFF5 in the code page. */
function sheetName(bytes: Uint8Array, biff8: boolean, codePage: number): string {
  const count = bytes[0] ?? 0;
  if (!biff8) return decodeCodePage(codePage, bytes.subarray(1, 1 + count));
  const wide = ((bytes[1] ?? 0) & 1) === 1;
  return wide ? new TextDecoder('utf-16le').decode(bytes.subarray(2, 2 + 2 * count)) : latin1(bytes, 2, 2 + count);
}
