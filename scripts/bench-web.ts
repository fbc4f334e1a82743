/**
 * npm run bench-web: the web page (web/ita-announcement.html) in Debian's Chromium, opened from
 * disk: its size, the time from choosing a workbook to the download button (the check), the
 * time from the click to the saved file (the documents, a .zip for a batch), and how long the
 * page left a 10 ms timer waiting meanwhile (its longest stall: input waits as long). A batch
 * runs both as the page does (Web Workers, one per core) and in one thread (the page told it
 * has one core, as before its workers), the two alternating in one run. Medians of --runs; the
 * numbers go to docs/benchmarks.md by hand, with the date and the machine.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { launchBrowser, type TestBrowser, type TestPage } from '../tools/browser.js';
import { benchWorkbook } from '../tools/bench-workbook.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const PAGE = path.join(ROOT, 'web', 'ita-announcement.html');
const EXAMPLE = path.join(ROOT, 'input', 'ตัวอย่าง ผลการประเมิน ITA 2565 อบต.ลำปางรอง.xlsx');
const args = yargs(hideBin(process.argv))
  .option('runs', { type: 'number', default: 5 })
  .option('agencies', { type: 'number', default: 1000 })
  .strict()
  .parseSync();

interface Run {
  toButton: number;
  toFile: number;
  /** The longest a 10 ms timer waited past its time: from choosing to the button, from the click to the saved file. */
  checkStall: number;
  renderStall: number;
}

/** Starts a 10 ms timer in the page that keeps the longest wait between its ticks. */
function watchStalls(page: TestPage) {
  return page.evaluate(
    'body',
    () => {
      const probe = globalThis as unknown as { itaStall: number };
      probe.itaStall = 0;
      let last = performance.now();
      setInterval(() => {
        const now = performance.now();
        probe.itaStall = Math.max(probe.itaStall, now - last - 10);
        last = now;
      }, 10);
    },
    null,
  );
}

/** The longest stall since the last call. */
function takeStall(page: TestPage) {
  return page.evaluate(
    'body',
    () => {
      const probe = globalThis as unknown as { itaStall: number };
      const stall = probe.itaStall;
      probe.itaStall = 0;
      return stall;
    },
    null,
  );
}

async function once(browser: TestBrowser, workbook: string): Promise<Run> {
  const page = await browser.openPage(PAGE);
  await watchStalls(page);
  const chosen = performance.now();
  await page.choose('#workbook', workbook);
  await page.waitFor('#download:not([disabled])', { timeout: 600_000 });
  const toButton = performance.now() - chosen;
  const checkStall = await takeStall(page);
  const clicked = performance.now();
  await page.download('#download', { timeout: 600_000 });
  const toFile = performance.now() - clicked;
  const renderStall = await takeStall(page);
  await page.close();
  return { toButton, toFile, checkStall, renderStall };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
function summary(label: string, runs: Run[]) {
  const total = runs.map((r) => r.toButton + r.toFile);
  return `${label}: choose → button ${seconds(median(runs.map((r) => r.toButton)))}, click → file ${seconds(median(runs.map((r) => r.toFile)))}, choose → file ${seconds(median(total))} (each: ${total.map(seconds).join(', ')}), longest stall ${Math.round(median(runs.map((r) => r.checkStall)))} ms checking, ${Math.round(median(runs.map((r) => r.renderStall)))} ms rendering (medians of ${runs.length})`;
}

const work = mkdtempSync(path.join(os.tmpdir(), 'ita-bench-web-'));
const page = await launchBrowser('chromium');
const oneThread = await launchBrowser('chromium', { cores: 1 });
try {
  console.log(`page: ${(statSync(PAGE).size / 1024 / 1024).toFixed(2)} MB, ${page.version}, ${os.availableParallelism()} cores`);
  const single: Run[] = [];
  for (let run = 0; run < args.runs; run++) single.push(await once(page, EXAMPLE));
  console.log(summary('example (1 agency)', single));
  const batch = await benchWorkbook(args.agencies, work);
  const parallel: Run[] = [];
  const serial: Run[] = [];
  for (let run = 0; run < Math.min(args.runs, 3); run++) {
    parallel.push(await once(page, batch));
    serial.push(await once(oneThread, batch));
  }
  console.log(summary(`${args.agencies} agencies, Web Workers`, parallel));
  console.log(summary(`${args.agencies} agencies, one thread`, serial));
  console.log(
    `workers ÷ one thread, choose → file: ${(median(parallel.map((r) => r.toButton + r.toFile)) / median(serial.map((r) => r.toButton + r.toFile))).toFixed(2)}×`,
  );
} finally {
  await page.close();
  await oneThread.close();
  rmSync(work, { recursive: true, force: true });
}
