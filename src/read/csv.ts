/**
 * A .csv file, or text copied from a web page or a spreadsheet and saved by Notepad (.txt,
 * .tsv: tab-separated): read as a one-sheet workbook, as Excel opens it. Excel on a Thai
 * Windows saves CSV in the Windows Thai code page unless "CSV UTF-8" is chosen; Notepad saves
 * UTF-8, "Unicode" (UTF-16) or "ANSI" (the Thai code page): decode.ts reads them all.
 */
import { parse } from 'csv-parse/sync';
import { sheetFromGrid, type Sheet } from './cells.js';

/**
 * The file as one sheet, its fields separated by `delimiter` (by default whichever of comma,
 * semicolon and tab the first lines hold most of); or the line csv-parse could not read (a
 * quotation mark never closed).
 */
export function csvSheet(
  text: string,
  file: string,
  name: string,
  delimiter = delimiterOf(text),
): Sheet | { badLine: number; why: string } {
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    });
  } catch (e) {
    const { lines, code, message } = e as { lines?: number; code?: string; message: string };
    return { badLine: lines ?? 1, why: code ?? message };
  }
  return sheetFromGrid(
    file,
    name,
    records.map((record) => record.map((cell) => (cell.trim() === '' ? undefined : cell))),
    [],
  );
}

/** Comma, or the semicolon or tab some regional settings use: whichever the first lines hold most of. */
function delimiterOf(text: string): string {
  const head = text.split(/\r?\n/, 5).join('\n');
  const count = (d: string) => head.split(d).length;
  return [',', ';', '\t'].reduce((best, d) => (count(d) > count(best) ? d : best));
}
