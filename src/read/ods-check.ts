/**
 * An OpenDocument spreadsheet (.ods, from LibreOffice, Google Sheets, Gnumeric, WPS), checked on
 * the entries src/zip/open.ts inflated and measured, before SheetJS reads them. ODS compresses runs of
 * like cells into one element with table:number-rows-repeated / number-columns-repeated:
 * LibreOffice ends every sheet with a million empty rows that way, which SheetJS skips for
 * nothing; but a repeated cell with a value SheetJS makes once per repetition, so a few bytes
 * can ask for billions of cells. The cells are counted here as SheetJS would make them.
 * SheetJS reads element and attribute names without their prefixes, so they are matched here
 * the same way. Also what SheetJS does not read: which sheets are hidden. Knows nothing of ITA.
 */
import { doctypeFault, MAX_COLUMNS, mergesFault, Tally, type ReadFault } from './limits.js';
import type { CellRange } from './cells.js';

export const ODS_MIME_TYPES = ['application/vnd.oasis.opendocument.spreadsheet', 'application/vnd.oasis.opendocument.spreadsheet-template'];

/** Whether the zip's entries are an OpenDocument spreadsheet: its `mimetype` says so, or it has a content.xml and no Office parts. */
export function isOds(entries: ReadonlyMap<string, Uint8Array>): boolean {
  const mimetype = entries.get('mimetype');
  if (mimetype) return ODS_MIME_TYPES.includes(new TextDecoder().decode(mimetype).trim());
  return entries.has('content.xml') && !entries.has('[Content_Types].xml');
}

/** What a reader needs that SheetJS does not give: the names of the hidden sheets (as SheetJS names them). */
export interface OdsFacts {
  hidden: Set<string>;
}

export function checkOds(entries: ReadonlyMap<string, Uint8Array>): { fault: ReadFault } | OdsFacts {
  const text = (part: string) => {
    const content = entries.get(part);
    return content && new TextDecoder().decode(content);
  };
  if (/<(?:[\w.-]+:)?encryption-data\b/.test(text('META-INF/manifest.xml') ?? '')) return { fault: { kind: 'encrypted' } };
  const content = text('content.xml');
  if (content === undefined) return { fault: { kind: 'missing-part', part: 'content.xml' } };
  for (const [part] of entries) {
    const fault = part.endsWith('.xml') ? doctypeFault(part, text(part)!) : undefined;
    if (fault) return { fault };
  }
  const fault = cellsFault(content);
  return fault ? { fault } : { hidden: hiddenSheets(content) };
}

/** SheetJS's tag pattern: a name, its optional prefix, attributes in double quotes (any other tag it does not see). */
const TAG = /<(\/?)(?:[^\s?><!/:"]*:)?([^\s?<>:/"]+)((?:\s+[^<>=?"'\s]+="[^"]*?")*)\s*(\/?)>/g;

interface Table {
  name: string;
  merges: CellRange[];
  lastRow: number;
  lastColumn: number;
}

/** The cells SheetJS would make, counted with their repetitions; the merges; each sheet's extent. */
function cellsFault(xml: string): ReadFault | undefined {
  const tally = new Tally();
  let table: Table | undefined;
  /** 0-based, as SheetJS counts: the row being read, and the column of the last cell. */
  let row = -1;
  let column = -1;
  let rowRepeat = 1;
  for (const tag of xml.matchAll(TAG)) {
    const [whole, closing, rawName = '', attributes = '', selfClosing] = tag;
    const name = rawName.replace(/_[\s\S]*$/, '');
    if (name === 'table') {
      if (closing) {
        const fault = table && (mergesFault(table.name, table.merges) ?? tally.addSheet(table.lastRow, table.lastColumn));
        if (fault) return fault;
        table = undefined;
      } else if (!selfClosing) {
        table = { name: attributeOf(attributes, 'name') ?? '', merges: [], lastRow: 0, lastColumn: 0 };
        row = column = -1;
      }
    } else if (name === 'table-row' && !closing) {
      if (row === -1) row = 0;
      const repeat = repetition(attributes, 'number-rows-repeated');
      if (typeof repeat !== 'number') return repeat;
      rowRepeat = repeat;
      column = -1;
    } else if (name === 'table-row' && closing) {
      row += rowRepeat;
      rowRepeat = 1;
    } else if ((name === 'table-cell' || name === 'covered-table-cell') && !closing && table) {
      const repeat = repetition(attributes, 'number-columns-repeated');
      if (typeof repeat !== 'number') return repeat;
      const first = column + 1;
      column += repeat;
      if (name === 'covered-table-cell') continue;
      // SheetJS makes a cell of a self-closing element only for text given in an attribute, and once;
      // of any other element, once per row and column it repeats over, unless it holds no text and no
      // value of another type.
      const end = (tag.index ?? 0) + whole.length;
      const type = attributeOf(attributes, 'value-type');
      const empty = selfClosing
        ? type !== 'string'
        : (type === undefined || type === 'string') && /^<\/(?:[^\s?><!/:"]*:)?table-cell\s*>/.test(xml.slice(end, end + 80));
      if (empty) continue;
      if (column >= MAX_COLUMNS)
        return {
          kind: 'damaged',
          what: {
            th: `ชีต "${table.name}" มีค่าเกินคอลัมน์ XFD ซึ่งเป็นคอลัมน์สุดท้ายของตาราง`,
            en: `sheet "${table.name}" has a value beyond column XFD, the last a sheet has`,
          },
        };
      const fault = tally.addCells(selfClosing ? 1 : rowRepeat * repeat);
      if (fault) return fault;
      table.lastRow = Math.max(table.lastRow, row + (selfClosing ? 1 : rowRepeat));
      table.lastColumn = Math.max(table.lastColumn, selfClosing ? first + 1 : column + 1);
      const spans = spanOf(attributes);
      if (!selfClosing && spans)
        table.merges.push({ top: row + 1, left: first + 1, bottom: row + spans.rows, right: first + spans.columns });
    }
  }
  return undefined;
}

/** A repetition count; anything but a whole number is no count any program writes (SheetJS would loop forever on "Infinity"). */
function repetition(attributes: string, name: string): number | ReadFault {
  const value = attributeOf(attributes, name);
  if (value === undefined) return 1;
  if (!/^\s*\d{1,9}\s*$/.test(value) || Number(value) === 0)
    return {
      kind: 'damaged',
      what: { th: `จำนวนครั้งที่ซ้ำ ${name}="${value}" ไม่ใช่จำนวนเต็ม`, en: `the repetition ${name}="${value}" is no whole number` },
    };
  return Number(value);
}

function spanOf(attributes: string): { rows: number; columns: number } | undefined {
  const rows = Number(attributeOf(attributes, 'number-rows-spanned') ?? 1);
  const columns = Number(attributeOf(attributes, 'number-columns-spanned') ?? 1);
  if (!Number.isSafeInteger(rows) || !Number.isSafeInteger(columns) || rows < 1 || columns < 1) return undefined;
  return rows * columns > 1 ? { rows, columns } : undefined;
}

/** An attribute's value by its name without prefix, the last one given winning, as SheetJS reads it. */
function attributeOf(attributes: string, name: string): string | undefined {
  let value: string | undefined;
  for (const m of attributes.matchAll(/([^\s=]+)="([^"]*)"/g)) if (m[1]!.replace(/^[^:]*:/, '').toLowerCase() === name) value = m[2];
  return value;
}

/** The sheets whose table style says table:display="false", named as in their table:name. */
function hiddenSheets(xml: string): Set<string> {
  const hiddenStyles = new Set<string>();
  for (const style of xml.matchAll(/<(?:[\w.-]+:)?style\b([^>]*)>([\s\S]*?)<\/(?:[\w.-]+:)?style>/g)) {
    const name = attributeOf(style[1]!, 'name');
    if (name !== undefined && /\b(?:[\w.-]+:)?display="false"/.test(style[2]!)) hiddenStyles.add(name);
  }
  const hidden = new Set<string>();
  for (const table of xml.matchAll(/<(?:[\w.-]+:)?table\s([^>]*)>/g)) {
    const style = attributeOf(table[1]!, 'style-name');
    const name = attributeOf(table[1]!, 'name');
    if (style !== undefined && name !== undefined && hiddenStyles.has(style)) hidden.add(name);
  }
  return hidden;
}
