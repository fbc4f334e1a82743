/**
 * The workbook embedded beside the analysis report's chart (render/analysis/workbook.ts): the
 * same bytes as exceljs writes for the same figures (so workbook-parts.ts is still what exceljs
 * writes: scripts/make-chart-workbook.ts after an upgrade), and in a real report, a workbook
 * exceljs and LibreOffice Calc read back with the figures the chart caches.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { chartWorkbook, sheetRows, type SheetFigures } from '../../../src/render/analysis/workbook.js';
import { excelJsWorkbook } from '../../../tools/chart-workbook.js';
import { buildCase, goldenCases } from '../../../tools/golden.js';
import { temporaryDir } from '../../../tools/workbooks.js';
import { sheetAsCsv, soffice } from '../../helpers/clients.js';

const TEN = ['๑', '๒', '๓', '๔', '๕', '๖', '๗', '๘', '๙', '๑๐'];
const scores = (from: number) => TEN.map((_, i) => Math.round((from + i * 1.37) * 100) / 100);

const FIGURES: Record<string, SheetFigures> = {
  'one year, ten indicators': {
    categories: TEN,
    years: [{ name: 'พ.ศ. ๒๕๖๕', values: scores(70) }],
    passMark: { name: 'เกณฑ์ผ่าน ๘๕', value: 85 },
  },
  'four years, scores missing in the earlier ones': {
    categories: TEN,
    years: [
      { name: 'พ.ศ. ๒๕๖๒', values: scores(60).map((v, i) => (i % 3 === 0 ? Number.NaN : v)) },
      { name: 'พ.ศ. ๒๕๖๓', values: TEN.map(() => Number.NaN) },
      { name: 'พ.ศ. ๒๕๖๔', values: [Number.NaN, ...scores(80).slice(1)] },
      { name: 'พ.ศ. ๒๕๖๕', values: scores(55.5) },
    ],
    passMark: { name: 'เกณฑ์ผ่าน ๘๕', value: 85 },
  },
  'Arabic digits, text to escape, a label given twice': {
    categories: ['1', '2', '3 & <4>', ' "5" ', '1'],
    years: [
      { name: "พ.ศ. 2566 'a'", values: [1, 0.5, 100, 99.99, 0] },
      { name: 'พ.ศ. 2567', values: [0.1, 2, 3, 4, 5] },
    ],
    passMark: { name: 'เกณฑ์ผ่าน 85', value: 85 },
  },
};

describe('the chart workbook', () => {
  it.each(Object.entries(FIGURES))('%s: the bytes exceljs writes for the same figures', async (_, figures) => {
    const ours = chartWorkbook(figures);
    const exceljs = await excelJsWorkbook(sheetRows(figures));
    const [oursParts, theirs] = [unzipSync(ours), unzipSync(exceljs)];
    expect(Object.keys(oursParts)).toEqual(Object.keys(theirs));
    for (const name of Object.keys(theirs))
      expect(new TextDecoder().decode(oursParts[name]), name).toBe(new TextDecoder().decode(theirs[name]));
    expect(Buffer.from(ours).equals(Buffer.from(exceljs))).toBe(true);
  });

  describe('in a real report', async () => {
    const golden = goldenCases().find((c) => c.name === 'analysis-lampangrong-2563-2565')!;
    const report = (await buildCase(golden)).documents.find((d) => d.analysis && d.analysis.history.length === 3)!;
    const parts = unzipSync(report.bytes);
    const workbook = parts['word/embeddings/Microsoft_Excel_Worksheet1.xlsx']!;
    /** What the chart caches, by the cell its formula names: the sheet as the chart draws it. */
    const cached = new Map<string, string>();
    for (const [, formula, cache] of new TextDecoder()
      .decode(parts['word/charts/chart1.xml'])
      .matchAll(/<c:f>Sheet1!([^<]+)<\/c:f><c:(?:str|num)Cache>([\s\S]*?)<\/c:(?:str|num)Cache>/g)) {
      const [from, to = from] = formula!.replaceAll('$', '').split(':');
      const col = from!.replace(/\d+/, '');
      const first = Number(from!.replace(/\D+/, ''));
      const rows = Number(to!.replace(/\D+/, '')) - first + 1;
      const points = new Map([...cache!.matchAll(/<c:pt idx="(\d+)"><c:v>([^<]*)<\/c:v>/g)].map(([, i, v]) => [Number(i), v!]));
      for (let i = 0; i < rows; i++) cached.set(`${col}${first + i}`, points.get(i) ?? '');
    }

    it('the chart caches the three years, ten indicators and the pass mark', () => {
      expect(cached.size).toBe(4 + 4 * 10 + 10);
      expect(cached.get('B1')).toMatch(/^พ\.ศ\. /);
    });

    it('exceljs reads back the figures the chart caches', async () => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(workbook as unknown as ArrayBuffer);
      const sheet = book.getWorksheet('Sheet1')!;
      for (const [cell, value] of cached) expect(String(sheet.getCell(cell).value ?? ''), cell).toBe(value);
    });

    it.skipIf(!soffice)('LibreOffice Calc opens it with the figures the chart caches (needs LibreOffice)', () => {
      const dir = temporaryDir('ita-chart-workbook-');
      const file = path.join(dir, 'chart.xlsx');
      writeFileSync(file, workbook);
      const rows = sheetAsCsv(file, dir)
        .trim()
        .split(/\r?\n/)
        .map((line) => line.split(','));
      for (const [cell, value] of cached) {
        const [col, row] = [cell.charCodeAt(0) - 65, Number(cell.slice(1)) - 1];
        expect(rows[row]?.[col] ?? '', cell).toBe(value);
      }
    });
  });
});
