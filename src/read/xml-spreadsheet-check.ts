/**
 * An XML Spreadsheet 2003 file (Excel 2002–2003's "XML Spreadsheet", which many government web
 * systems still export, named .xml or .xls), checked on its text before SheetJS reads it: a
 * DOCTYPE, cells and merges beyond the limits, a row or cell whose ss:Index goes back over one
 * already given (which Excel refuses, and SheetJS would write over), an index beyond the last
 * row or column, columns described beyond the last (ss:Span, for which SheetJS makes an object
 * each). Counted the way SheetJS walks the file: ss:Index jumps, ss:MergeAcross moves past the
 * merged cells. ss:ExpandedRowCount and ExpandedColumnCount are only what the writer claims;
 * SheetJS ignores them, so does this. Knows nothing of ITA.
 */
import { cellRef, type CellRange } from './cells.js';
import { doctypeFault, MAX_COLUMNS, mergesFault, Tally, type ReadFault } from './limits.js';

/** The last row a spreadsheet has (1,048,576). */
const MAX_ROW_NUMBER = 1_048_576;

/** Whether text is an XML Spreadsheet 2003: an XML declaration and the spreadsheet namespace. */
export function isXmlSpreadsheet(head: string): boolean {
  return (
    head
      .replace(/^\uFEFF/, '')
      .trimStart()
      .toLowerCase()
      .startsWith('<?xml') && head.includes('urn:schemas-microsoft-com:office:spreadsheet')
  );
}

/** A cell being read: the column it is in (0-based), the cells it merges across and down, whether it holds data. */
interface OpenCell {
  column: number;
  across: number;
  down: number;
  hasData: boolean;
}

const TAG = /<(\/?)(?:[\w.-]+:)?(worksheet|column|row|cell|data)\b([^>]*?)(\/?)>/gi;

interface Worksheet {
  name: string;
  merges: CellRange[];
  lastRow: number;
  lastColumn: number;
}

export function checkXmlSpreadsheet(xml: string): ReadFault | undefined {
  const doctype = doctypeFault('the XML', xml);
  if (doctype) return doctype;
  const tally = new Tally();
  let sheet: Worksheet | undefined;
  /** 0-based, as SheetJS counts: the row being read; the column the next cell goes in. */
  let row = 0;
  let column = 0;
  let cell: OpenCell | undefined;
  /** The columns a sheet's Column elements describe: SheetJS makes an object for each one ss:Span repeats. */
  let described = 0;
  for (const [, closing, rawName = '', attributes = '', selfClosing] of xml.matchAll(TAG)) {
    const name = rawName.toLowerCase();
    if (name === 'worksheet') {
      if (!closing) {
        sheet = { name: attributeOf(attributes, 'name') ?? '', merges: [], lastRow: 0, lastColumn: 0 };
        row = column = described = 0;
      } else if (sheet) {
        const fault = mergesFault(sheet.name, sheet.merges) ?? tally.addSheet(sheet.lastRow, sheet.lastColumn);
        if (fault) return fault;
        sheet = undefined;
      }
    } else if (name === 'column' && sheet && !closing) {
      const index = indexOf(attributes, MAX_COLUMNS);
      if (typeof index === 'object') return index;
      described += 1 + Math.max(0, Number(attributeOf(attributes, 'span') ?? 0) || 0);
      if (described > MAX_COLUMNS)
        return {
          kind: 'damaged',
          what: {
            th: `ชีต "${sheet.name}" ระบุคอลัมน์ไว้ ${described} คอลัมน์ (ss:Span) เกินกว่าที่ตารางมีได้`,
            en: `sheet "${sheet.name}" describes ${described} columns (ss:Span), more than a sheet has`,
          },
        };
    } else if (name === 'row' && sheet) {
      if (!closing) {
        const start = rowStart(attributes, sheet, row);
        if (typeof start === 'object') return start;
        row = start;
      }
      if (closing || selfClosing) {
        row++;
        column = 0;
      }
    } else if (name === 'cell' && sheet) {
      if (!closing) {
        const opened = cellStart(attributes, sheet, row, column);
        if ('kind' in opened) return opened;
        cell = opened;
        column = opened.column;
      }
      if (closing || selfClosing) {
        const fault = cell && closeCell(cell, row, sheet, tally);
        if (fault) return fault;
        column = (cell?.column ?? column) + 1 + (cell?.across ?? 0);
        cell = undefined;
      }
    } else if (name === 'data' && cell && !closing) {
      cell.hasData = true;
    }
  }
  return undefined;
}

/** The row (0-based) a Row element starts at: where ss:Index puts it, else the next; a fault when ss:Index goes back. */
function rowStart(attributes: string, sheet: Worksheet, row: number): number | ReadFault {
  const index = indexOf(attributes, MAX_ROW_NUMBER);
  if (typeof index === 'object') return index;
  if (index !== undefined && index - 1 < row)
    return {
      kind: 'damaged',
      what: {
        th: `ชีต "${sheet.name}": แถว ss:Index="${index}" ย้อนกลับไปทับแถวที่มีอยู่แล้ว`,
        en: `sheet "${sheet.name}": row ss:Index="${index}" goes back over rows already given`,
      },
    };
  return index !== undefined ? index - 1 : row;
}

/** A Cell element opened at `column` of `row` (or where its ss:Index puts it), with the cells it merges; a fault when ss:Index goes back or a merge is negative. */
function cellStart(attributes: string, sheet: Worksheet, row: number, next: number): OpenCell | ReadFault {
  const index = indexOf(attributes, MAX_COLUMNS);
  if (typeof index === 'object') return index;
  if (index !== undefined && index - 1 < next)
    return {
      kind: 'damaged',
      what: {
        th: `เซลล์ ${sheet.name}!${cellRef(row + 1, index)}: ss:Index ย้อนกลับไปทับเซลล์ที่มีอยู่แล้ว`,
        en: `cell ${sheet.name}!${cellRef(row + 1, index)}: ss:Index goes back over cells already given`,
      },
    };
  const column = index !== undefined ? index - 1 : next;
  const across = span(attributes, 'mergeacross');
  const down = span(attributes, 'mergedown');
  if (across < 0 || down < 0)
    return {
      kind: 'damaged',
      what: {
        th: `เซลล์ ${sheet.name}!${cellRef(row + 1, column + 1)} ผสานเซลล์เป็นจำนวนติดลบ`,
        en: `cell ${sheet.name}!${cellRef(row + 1, column + 1)} merges a negative number of cells`,
      },
    };
  return { column, across, down, hasData: false };
}

function closeCell(cell: OpenCell, row: number, sheet: Worksheet, tally: Tally): ReadFault | undefined {
  if (cell.across || cell.down)
    sheet.merges.push({ top: row + 1, left: cell.column + 1, bottom: row + 1 + cell.down, right: cell.column + 1 + cell.across });
  if (!cell.hasData) return undefined;
  sheet.lastRow = Math.max(sheet.lastRow, row + 1);
  sheet.lastColumn = Math.max(sheet.lastColumn, cell.column + 1);
  return tally.addCells(1);
}

/** ss:Index, 1-based; a fault when it is no whole number from 1 to `most`. */
function indexOf(attributes: string, most: number): number | undefined | ReadFault {
  const value = attributeOf(attributes, 'index');
  if (value === undefined) return undefined;
  const index = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || index < 1 || index > most)
    return { kind: 'damaged', what: { th: `ตำแหน่ง ss:Index="${value}" ไม่มีในตาราง`, en: `ss:Index="${value}" is no place in a sheet` } };
  return index;
}

/** ss:MergeAcross or MergeDown, read as SheetJS reads it (parseInt, as a 32-bit integer). */
function span(attributes: string, name: string): number {
  return Number.parseInt(attributeOf(attributes, name) ?? '0', 10) | 0;
}

/** An attribute by its name without prefix and without case, as SheetJS reads XML Spreadsheet 2003. */
function attributeOf(attributes: string, name: string): string | undefined {
  let value: string | undefined;
  for (const m of attributes.matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    if (m[1]!.replace(/^[^:]*:/, '').toLowerCase() === name) value = m[2] ?? m[3];
  return value;
}
