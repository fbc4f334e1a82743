/**
 * The analysis chart's workbook as exceljs writes it: what render/analysis/workbook.ts writes each
 * report's workbook like, without running exceljs. `scripts/make-chart-workbook.ts` writes
 * exceljs's parts into render/analysis/workbook-parts.ts; tests/render/analysis/workbook.test.ts
 * checks that a report's workbook is still the bytes exceljs writes for the same figures.
 */
import ExcelJS from 'exceljs';
import { SHEET } from '../src/render/analysis/workbook.js';
import { openZip } from '../src/zip/open.js';
import { assembleZip, portableDeflater, zipPart } from '../src/zip/write.js';

/** exceljs's parts of a workbook of these rows, in its order, as text: its files, as the zip reader gives them (no folders). */
export async function excelJsParts(rows: (string | number | null)[][]): Promise<[string, string][]> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = workbook.modified = new Date(Date.UTC(2000, 0, 1));
  workbook.creator = workbook.lastModifiedBy = '';
  const sheet = workbook.addWorksheet(SHEET);
  for (const row of rows) sheet.addRow(row);
  const opened = openZip(new Uint8Array(await workbook.xlsx.writeBuffer()), {
    entryBytes: 10 * 1024 * 1024,
    totalBytes: 20 * 1024 * 1024,
    ratio: 1000,
  });
  if ('refused' in opened) throw new Error(`exceljs wrote an unreadable workbook: ${opened.refused.detail}`);
  return [...opened.entries].map(([name, bytes]) => [name, new TextDecoder().decode(bytes)]);
}

/** The workbook exceljs writes for these rows, zipped again with the fixed date as a report embeds it. */
export async function excelJsWorkbook(rows: (string | number | null)[][]): Promise<Uint8Array> {
  const parts = await excelJsParts(rows);
  return assembleZip(parts.map(([name, text]) => zipPart(name, new TextEncoder().encode(text), portableDeflater)));
}
