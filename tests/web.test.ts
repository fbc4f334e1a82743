/**
 * The web page (web/ita-announcement.html): built from the same core as the command line,
 * opened from disk in Chromium with no network, the example in, the same announcement out.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import PizZip from 'pizzip';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebPage, WEB_PAGE } from '../scripts/build-web.js';
import { chromiumPath, launchChromium } from './helpers/browser.js';
import { buildDoc, PROJECT_ROOT } from './helpers/cli.js';
import { docxText } from './helpers/golden.js';
import { temporaryDir, workbookFile } from './helpers/workbooks.js';

const EXAMPLE = path.join(PROJECT_ROOT, 'input', 'ตัวอย่าง ผลการประเมิน ITA 2565 อบต.ลำปางรอง.xlsx');
const NAME = 'ประกาศผลการประเมิน ITA 2565 อบต.ลำปางรอง.docx';

describe('web/ita-announcement.html', () => {
  it('is what npm run build-web makes from the sources (run it after changing them)', async () => {
    expect((await buildWebPage()) === readFileSync(WEB_PAGE, 'utf8')).toBe(true);
  });
});

describe.skipIf(!chromiumPath)('the web page in Chromium (needs Debian\'s chromium: .ci/run installs it)', () => {
  let browser: Browser;
  const requests: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => browser?.close());

  async function open(): Promise<Page> {
    const page = await browser.newPage({ acceptDownloads: true });
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(WEB_PAGE).href);
    return page;
  }

  /** Chooses a workbook and waits for the check to show its announcements or its problems. */
  async function choose(page: Page, file: string): Promise<void> {
    await page.setInputFiles('#workbook', file);
    await page.locator('#announcements h3, #problems .error').first().waitFor();
  }

  async function downloaded(page: Page): Promise<{ name: string; bytes: Buffer }> {
    await page.locator('#download:not([disabled])').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    const file = path.join(temporaryDir('ita-web-'), download.suggestedFilename());
    await download.saveAs(file);
    return { name: download.suggestedFilename(), bytes: readFileSync(file) };
  }

  it('says in Thai that nothing leaves the machine', async () => {
    const page = await open();
    expect(await page.textContent('#private')).toContain('ไม่มีการส่งข้อมูลออกไปที่ใด');
    await page.close();
  });

  it('shows the example as the check does, and downloads the announcement the command line makes', async () => {
    const page = await open();
    await page.fill('#signer', 'นายสันติ นาวีสัมพันธ์');
    await page.fill('#date', '2565-08-02');
    await choose(page, EXAMPLE);
    const shown = await page.textContent('#announcements');
    expect(shown).toContain('อบต.ลำปางรอง · ปีงบประมาณ 2565');
    expect(shown).toContain('คะแนนรวม 78.29 · ระดับ B · ผลการประเมิน ไม่ผ่าน');
    expect(await page.locator('#announcements tr').nth(1).textContent()).toBe('13. การใช้อำนาจ84.79');
    expect(await page.textContent('#problems')).toContain('ประกาศยังใช้ภาพตัวอย่างแทนตราครุฑ');
    expect(await page.textContent('#date-shown')).toContain('๒ สิงหาคม พ.ศ. ๒๕๖๕');

    const { name, bytes } = await downloaded(page);
    expect(name).toBe(NAME);
    const out = temporaryDir('ita-cli-');
    expect((await buildDoc([EXAMPLE, '--out', out, '--date', '2565-08-02', '--signer', 'นายสันติ นาวีสัมพันธ์'])).status).toBe(0);
    expect(docxText(bytes)).toBe(docxText(readFileSync(path.join(out, NAME))));
    await page.close();
  });

  it('refuses a file that is not a workbook with the Thai message the command line gives, and offers nothing to download', async () => {
    const fake = path.join(temporaryDir(), 'ผลการประเมิน.xlsx');
    writeFileSync(fake, 'not a spreadsheet');
    const page = await open();
    await choose(page, fake);
    expect(await page.textContent('#problems .error')).toContain('ไฟล์นี้ไม่ใช่ไฟล์ Excel (.xlsx)');
    expect(await page.isDisabled('#download')).toBe(true);
    expect(await page.textContent('#download-note')).toContain('สร้างประกาศไม่ได้');
    await page.close();
  });

  it('gives a batch workbook one download of all its announcements as a .zip, named as the command line names them', async () => {
    const page = await open();
    await choose(page, await workbookFile('province-2564'));
    expect(await page.locator('#announcements h3').count()).toBe(4);
    const { name, bytes } = await downloaded(page);
    expect(name).toMatch(/^ประกาศผลการประเมิน ITA 4 ฉบับ จาก .*\.zip$/);
    expect(Object.keys(new PizZip(bytes).files).sort()).toEqual([
      'ประกาศผลการประเมิน ITA 2564 อบจ.ทดลองเหนือ.docx',
      'ประกาศผลการประเมิน ITA 2564 อบจ.ทดลองใต้.docx',
      'ประกาศผลการประเมิน ITA 2564 อบต.บ้านใหม่ จ.ทดลองเหนือ.docx',
      'ประกาศผลการประเมิน ITA 2564 อบต.บ้านใหม่ จ.ทดลองใต้.docx',
    ]);
    await page.close();
  });

  it('made no network request: only the page itself, from disk', () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => !url.startsWith('file://') && !url.startsWith('blob:') && !url.startsWith('data:'))).toEqual([]);
    expect(new Set(requests.filter((url) => url.startsWith('file://')))).toEqual(new Set([pathToFileURL(WEB_PAGE).href]));
  });
});
