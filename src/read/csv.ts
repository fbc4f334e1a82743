/**
 * A .csv file: read as a one-sheet workbook, as Excel opens it. Excel on a Thai Windows
 * saves CSV in the Windows Thai code page unless "CSV UTF-8" is chosen; both are read.
 */
import { parse } from 'csv-parse/sync';
import { sheetFromGrid, type Sheet } from './workbook.js';

export function csvSheet(text: string, name: string): Sheet {
  const records: string[][] = parse(text, {
    bom: true,
    delimiter: delimiterOf(text),
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  });
  return sheetFromGrid(name, records.map((record) => record.map((cell) => (cell.trim() === '' ? undefined : cell))), []);
}

/** Comma, or the semicolon or tab some regional settings use: whichever the first lines hold most of. */
function delimiterOf(text: string): string {
  const head = text.split(/\r?\n/, 5).join('\n');
  const count = (d: string) => head.split(d).length;
  return [',', ';', '\t'].reduce((best, d) => (count(d) > count(best) ? d : best));
}

/**
 * Text files from Thai offices come in UTF-8 (with or without a byte-order mark), UTF-16, or the
 * Windows Thai code page (windows-874, a superset of TIS-620). A declared charset wins.
 */
export function decodeText(bytes: Buffer, declared?: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  if (declared) {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      // An unknown label: fall through to guessing.
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-874').decode(bytes);
  }
}
