/**
 * npm run bench-web: the web page (web/ita-announcement.html) in Debian's Chromium, opened from
 * disk: its size, the time from choosing a workbook to the download button (the check), and the
 * time from the click to the saved file (the documents, a .zip for a batch). Medians of --runs;
 * the numbers go to docs/benchmarks.md by hand, with the date and the machine.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { launchBrowser } from '../tests/helpers/browser.js';
import { benchWorkbook } from './lib/bench-workbook.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const PAGE = path.join(ROOT, 'web', 'ita-announcement.html');
const EXAMPLE = path.join(ROOT, 'input', 'ตัวอย่าง ผลการประเมิน ITA 2565 อบต.ลำปางรอง.xlsx');
const args = yargs(hideBin(process.argv)).option('runs', { type: 'number', default: 5 }).option('agencies', { type: 'number', default: 1000 }).strict().parseSync();

const work = mkdtempSync(path.join(os.tmpdir(), 'ita-bench-web-'));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const browser = await launchBrowser('chromium');
try {
  console.log(`page: ${(statSync(PAGE).size / 1024 / 1024).toFixed(2)} MB`);
  for (const [label, workbook, runs] of [['example (1 agency)', EXAMPLE, args.runs], [`${args.agencies} agencies`, await benchWorkbook(args.agencies, work), Math.min(args.runs, 3)]] as const) {
    const toButton: number[] = [];
    const toFile: number[] = [];
    for (let run = 0; run < runs; run++) {
      const page = await browser.openPage(PAGE);
      const chosen = performance.now();
      await page.choose('#workbook', workbook);
      await page.waitFor('#download:not([disabled])', { timeout: 600_000 });
      toButton.push(performance.now() - chosen);
      const clicked = performance.now();
      await page.download('#download', { timeout: 600_000 });
      toFile.push(performance.now() - clicked);
      await page.close();
    }
    console.log(`${label}: choose → download button ${(median(toButton) / 1000).toFixed(2)} s, click → file saved ${(median(toFile) / 1000).toFixed(2)} s (medians of ${runs})`);
  }
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
