/**
 * What an .xlsx holds, checked before exceljs reads it, on the entries src/zip/open.ts inflated and
 * measured: the parts a workbook cannot be without, and limits no results workbook comes near,
 * which exceljs would otherwise spend gigabytes on (it makes a cell for every cell a merge covers).
 * Also what a reader could take two ways: two cells of one address; and what exceljs cannot take
 * at all: a cell without its address, a shared-string index that is no number. And what exceljs
 * reads wrong: a number cell whose text is no number (exceljs makes NaN of "อบต.ลำปางรอง", 84 of
 * "84abc", Infinity of "1e999"), found here with its text as written. Knows nothing of ITA.
 */

import { MAX_COLUMNS, mergesFault, Tally, type ReadFault } from './limits.js';
import type { CellRange } from './cells.js';
import { unescapeXml } from '../core/xml.js';

/**
 * The number cells whose text is no finite number, by sheet name and cell reference, with their
 * text as written.
 */
export type WrittenTexts = Map<string, Map<string, string>>;

export function checkXlsx(entries: ReadonlyMap<string, Uint8Array>): { fault: ReadFault } | { written: WrittenTexts } {
  const written: WrittenTexts = new Map();
  const fault = xlsxFault(entries, written);
  return fault ? { fault } : { written };
}

/** A finite number as a spreadsheet writes one in a cell's <v>. */
const NUMBER = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;

function xlsxFault(entries: ReadonlyMap<string, Uint8Array>, written: WrittenTexts): ReadFault | undefined {
  const text = (part: string) => {
    const content = entries.get(part);
    return content && new TextDecoder().decode(content);
  };
  if (!entries.has('[Content_Types].xml')) return { kind: 'missing-part', part: '[Content_Types].xml' };
  const root = text('_rels/.rels');
  if (root === undefined) return { kind: 'missing-part', part: '_rels/.rels' };
  const workbookPart = targetsOf(root, '', /officeDocument$/)[0] ?? 'xl/workbook.xml';
  const workbook = text(workbookPart);
  if (workbook === undefined) return { kind: 'missing-part', part: workbookPart };
  const folder = workbookPart.includes('/') ? workbookPart.slice(0, workbookPart.lastIndexOf('/')) : '';
  const relsPart = `${folder}/_rels/${workbookPart.slice(folder.length + 1)}.rels`;
  const rels = text(relsPart);
  if (rels === undefined) return { kind: 'missing-part', part: relsPart };
  const names = new Map(
    [...workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map((m) => [
      attribute(m[0], 'r:id') ?? attribute(m[0], 'id') ?? '',
      attribute(m[0], 'name') ?? '',
    ]),
  );
  const sheets = [...rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].filter(
    (m) => /\/worksheet"/.test(m[0]) || /worksheet$/.test(attribute(m[0], 'Type') ?? ''),
  );

  const sharedStrings = text(targetsOf(rels, folder, /sharedStrings$/)[0] ?? `${folder}/sharedStrings.xml`);
  const stringCount = sharedStrings === undefined ? 0 : (sharedStrings.match(/<(?:\w+:)?si[\s>/]/g) ?? []).length;
  const tally = new Tally();
  for (const sheet of sheets) {
    const part = resolve(folder, attribute(sheet[0], 'Target') ?? '');
    const name = names.get(attribute(sheet[0], 'Id') ?? '') ?? part;
    const xml = text(part);
    if (xml === undefined) return { kind: 'missing-part', part };

    const fault = sheetFault(name, xml, stringCount, tally, written);
    if (fault) return fault;
  }
  return undefined;
}

/** One sheet's fault: its merges, then each cell in turn (its place, its value); notes each number cell whose text is no number in `written`. */
function sheetFault(name: string, xml: string, stringCount: number, tally: Tally, written: WrittenTexts): ReadFault | undefined {
  const merges = [...xml.matchAll(/<(?:\w+:)?mergeCell\b[^>]*\bref="([^"]+)"/g)].flatMap((m) => rangeOf(m[1]!) ?? []);
  const mergeFault = mergesFault(name, merges);
  if (mergeFault) return mergeFault;

  const seen = new Set<string>();
  let lastRow = 0;
  let lastColumn = 0;
  let previous: string | undefined;
  for (const cell of xml.matchAll(/<(?:\w+:)?c\b([^>]*?)(\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)) {
    const tooMany = tally.addCells(1);
    if (tooMany) return tooMany;
    const ref = attribute(cell[1]!, 'r');
    // The format lets a cell follow the one before without its address; exceljs cannot place it.
    if (ref === undefined) return { kind: 'cell-without-place', sheet: name, ...(previous && { after: previous }) };
    previous = ref;
    if (seen.has(ref)) return { kind: 'duplicate-cell', sheet: name, cell: ref };
    seen.add(ref);
    const at = position(ref);
    if (at && at.col > MAX_COLUMNS)
      return {
        kind: 'damaged',
        what: {
          th: `เซลล์ ${name}!${ref} อยู่เกินคอลัมน์ XFD ซึ่งเป็นคอลัมน์สุดท้ายของตาราง`,
          en: `cell ${name}!${ref} lies beyond column XFD, the last a sheet has`,
        },
      };
    // A cell with no value (only a style) is no cell to a reader.
    if (at && /<(?:\w+:)?(?:v|is|f)\b/.test(cell[3] ?? '')) {
      lastRow = Math.max(lastRow, at.row);
      lastColumn = Math.max(lastColumn, at.col);
    }
    const type = attribute(cell[1]!, 't') ?? 'n';
    const value = /<(?:\w+:)?v>([^<]*)<\/(?:\w+:)?v>/.exec(cell[3] ?? '')?.[1];
    if (type === 's' && value !== undefined) {
      const index = value.trim();
      if (!/^\d+$/.test(index) || Number(index) >= stringCount) return { kind: 'shared-string-missing', sheet: name, cell: ref, index };
    }
    if (type === 'n' && value !== undefined && !(NUMBER.test(value) && Number.isFinite(Number(value)))) {
      if (!written.has(name)) written.set(name, new Map());
      written.get(name)!.set(ref.toUpperCase(), unescapeXml(value));
    }
  }
  return tally.addSheet(lastRow, lastColumn);
}

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name.replace(':', '\\:')}="([^"]*)"`).exec(tag)?.[1];
}

/** The targets of relationships whose type ends as `type` says, as part names. */
function targetsOf(rels: string, folder: string, type: RegExp): string[] {
  return [...rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)]
    .filter((m) => type.test(attribute(m[0], 'Type') ?? ''))
    .map((m) => resolve(folder, attribute(m[0], 'Target') ?? ''));
}

function resolve(folder: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = folder ? folder.split('/') : [];
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

/** "D20:XFD1048576" as rows and columns; undefined when it is no range. */
function rangeOf(range: string): CellRange | undefined {
  const [from = '', to = from] = range.split(':');
  const a = position(from);
  const b = position(to);
  return a && b ? { top: a.row, left: a.col, bottom: b.row, right: b.col } : undefined;
}

function position(ref: string): { row: number; col: number } | undefined {
  const match = /^\$?([A-Z]+)\$?(\d+)$/i.exec(ref);
  if (!match) return undefined;
  let col = 0;
  for (const letter of match[1]!.toUpperCase()) col = col * 26 + (letter.charCodeAt(0) - 64);
  return { row: Number(match[2]), col };
}
