/**
 * npm run screenshot-web: the picture of the web page in the README (docs/web-page.png), the
 * example workbook chosen, in Debian's Chromium (apt-get install chromium).
 * `-- --all <folder>`: also, in Chromium and in Firefox ESR, the checked example and a batch of
 * 1,000 agencies (its first screen, once its documents are saved), to look at before calling
 * layout work done.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { BROWSERS, launchBrowser, type BrowserName } from '../tools/browser.js';
import { benchWorkbook } from '../tools/bench-workbook.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const PAGE = path.join(ROOT, 'web', 'ita-announcement.html');
const EXAMPLE = path.join(ROOT, 'input', 'ตัวอย่าง ผลการประเมิน ITA 2565 อบต.ลำปางรอง.xlsx');
const args = yargs(hideBin(process.argv))
  .option('all', { type: 'string', describe: 'a folder for every browser’s pictures' })
  .strict()
  .parseSync();

async function seed(name: BrowserName, target: string) {
  const browser = await launchBrowser(name);
  try {
    // Tall enough for the four sections and the top of the previewed document, not all of it.
    const page = await browser.openPage(PAGE, { width: 1000, height: 3000 });
    await page.fill('#signer', 'นายสันติ นาวีสัมพันธ์');
    await page.fill('#date', '2565-08-02');
    await page.choose('#workbook', EXAMPLE);
    await page.waitFor('#announcements h3');
    // The preview is drawn a moment after the check.
    await page.waitFor('#preview p', { timeout: 30_000 });
    await page.screenshot(target, { window: true });
  } finally {
    await browser.close();
  }
  console.log(`wrote ${path.relative(process.cwd(), target)}`);
}

async function batch(name: BrowserName, workbook: string, target: string) {
  const browser = await launchBrowser(name);
  try {
    const page = await browser.openPage(PAGE, { width: 1000, height: 900 });
    await page.choose('#workbook', workbook);
    await page.waitFor('#download:not([disabled])', { timeout: 120_000 });
    await page.download('#download', { timeout: 120_000 });
    await page.screenshot(target, { window: true });
  } finally {
    await browser.close();
  }
  console.log(`wrote ${path.relative(process.cwd(), target)}`);
}

await seed('chromium', path.join(ROOT, 'docs', 'web-page.png'));
if (args.all !== undefined) {
  mkdirSync(args.all, { recursive: true });
  const work = mkdtempSync(path.join(os.tmpdir(), 'ita-screenshot-web-'));
  try {
    const workbook = await benchWorkbook(1000, work);
    for (const { name } of BROWSERS) {
      await seed(name, path.join(args.all, `${name}-example.png`));
      await batch(name, workbook, path.join(args.all, `${name}-1000-agencies.png`));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
