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
import { fixture, temporaryDir, workbookFile } from './helpers/workbooks.js';
import { fixtureHtml } from './helpers/workbook-fixture.js';
import { paragraphs, withoutWhitespace } from './helpers/docx.js';
import { LAMPANGRONG, layout1 } from './helpers/layouts.js';
import { seedTyped } from './helpers/typed.js';
import { FORMATS, seedText } from './helpers/formats.js';

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

  it('reads a file chosen again after it was fixed afresh, and says when it was read', async () => {
    const dir = temporaryDir('ita-web-again-');
    const bad = layout1({ agency: 'อบต.ทดสอบ', scores: [104, ...LAMPANGRONG.slice(1)] });
    const file = await workbookFile(bad, dir);
    const page = await open();
    await choose(page, file);
    expect(await page.textContent('#problems .error')).toContain('เป็น 104 ซึ่งอยู่นอกช่วง 0–100');
    expect(await page.textContent('#source')).toMatch(/ใช้ไฟล์: ผลการประเมิน\.xlsx \(อ่านเมื่อ \d\d:\d\d:\d\d น\.\)/);
    await workbookFile(layout1({ agency: 'อบต.ทดสอบ' }), dir);
    await page.setInputFiles('#workbook', file);
    await page.locator('#announcements h3').waitFor();
    expect(await page.locator('#problems .error').count()).toBe(0);
    expect(await page.textContent('#announcements')).toContain('คะแนนรวม 78.29');
    await page.close();
  });

  /** Pastes as Ctrl+V does: a paste event carrying the clipboard's forms, on `selector`. */
  async function paste(page: Page, selector: string, forms: Record<string, string>): Promise<void> {
    await page.locator(selector).evaluate((target, data) => {
      // The page's own DOM classes (this test's types have no DOM).
      const dom = globalThis as unknown as { DataTransfer: new () => { setData(type: string, text: string): void }; ClipboardEvent: new (type: string, init: object) => unknown };
      const clipboard = new dom.DataTransfer();
      for (const [type, text] of Object.entries(data)) clipboard.setData(type, text);
      (target as unknown as { dispatchEvent(event: unknown): void }).dispatchEvent(new dom.ClipboardEvent('paste', { clipboardData: clipboard, bubbles: true, cancelable: true }));
    }, forms);
  }

  async function seedDownloaded(page: Page): Promise<string> {
    const { name, bytes } = await downloaded(page);
    expect(name).toBe(NAME);
    return withoutWhitespace(paragraphs(bytes).join(''));
  }

  it('takes the seed’s table pasted anywhere as a web page gives it (HTML) or in the box as Excel’s text, named ตารางที่วาง, and gives the reference announcement', async () => {
    const seed = fixture('lampangrong-2565');
    const html = fixtureHtml(seed).toString('utf8');
    const text = seed.sheets.map((sheet) => sheet.rows.map((row) => row.map((cell) => (cell === null ? '' : String(cell))).join('\t')).join('\r\n')).join('\r\n\r\n');
    for (const [where, forms] of [['body', { 'text/html': html, 'text/plain': text }], ['#paste', { 'text/plain': text }]] as const) {
      const page = await open();
      await page.fill('#signer', 'นายสันติ นาวีสัมพันธ์');
      await page.fill('#date', '2565-08-02');
      await paste(page, where, forms);
      await page.locator('#announcements h3').waitFor();
      expect(await page.textContent('#source'), where).toMatch(/ใช้ตารางที่วาง \(วางเมื่อ/);
      expect(await page.textContent('#problems'), where).not.toContain('ข้อผิดพลาด');
      expect(await seedDownloaded(page), where).toBe(seedText());
      await page.close();
    }
  });

  it('names the pasted table ตารางที่วาง in its messages, and keeps what it had when a paste holds no table', async () => {
    const page = await open();
    await choose(page, EXAMPLE);
    const before = await page.textContent('#announcements');
    await paste(page, 'body', { 'text/plain': 'สวัสดีครับ ขอบคุณมาก' });
    await page.locator('#paste-note.error').waitFor();
    expect(await page.textContent('#paste-note')).toContain('สิ่งที่วางไม่ใช่ตารางผลคะแนน จึงยังไม่ได้ใช้');
    expect(await page.textContent('#announcements')).toBe(before);
    expect(await page.textContent('#source')).toContain('ใช้ไฟล์: ตัวอย่าง ผลการประเมิน ITA 2565');
    const bad = layout1({ agency: 'อบต.ทดสอบ', scores: [104, ...LAMPANGRONG.slice(1)] });
    await paste(page, 'body', { 'text/html': fixtureHtml(bad).toString('utf8') });
    await page.locator('#problems .error').waitFor();
    expect(await page.textContent('#problems .error')).toContain('[ตารางที่วาง ตารางที่วาง!C5]');
    expect(await page.isDisabled('#download')).toBe(true);
    // Ctrl+V in a field of its own pastes there, not as the results.
    await paste(page, '#signer', { 'text/plain': 'สวัสดีครับ' });
    expect(await page.textContent('#paste-note')).toBe('');
    expect(await page.textContent('#problems .error')).toContain('[ตารางที่วาง ตารางที่วาง!C5]');
    await page.close();
  });

  it('takes the ten scores typed in, labelled with the year’s indicators, checked as typed: 104 refused beside its field, then the reference announcement', async () => {
    const page = await open();
    await page.fill('#signer', 'นายสันติ นาวีสัมพันธ์');
    await page.fill('#date', '2565-08-02');
    await page.click('#type-in');
    expect(await page.textContent('label[for="typed-score-1"]')).toBe('คะแนนตัวชี้วัดที่ 1: การปฏิบัติหน้าที่ (IIT)');
    expect(await page.textContent('label[for="typed-score-10"]')).toBe('คะแนนตัวชี้วัดที่ 10: การป้องกันการทุจริต (OIT)');
    const typed = seedTyped();
    await page.fill('[name="agency"]', typed.values.agency!);
    await page.fill('[name="fiscal-year"]', '2022');
    for (let i = 1; i <= 10; i++) await page.fill(`[name="score-${i}"]`, i === 1 ? '104' : typed.values[`score-${i}`]!);
    await page.locator('#typed-score-1-problem:not(:empty)').waitFor();
    expect(await page.textContent('#typed-score-1-problem')).toBe('คะแนนตัวชี้วัดที่ 1 (การปฏิบัติหน้าที่) ที่ช่อง "คะแนนตัวชี้วัดที่ 1" เป็น 104 ซึ่งอยู่นอกช่วง 0–100: ตรวจคะแนนกับระบบ ITAS');
    expect(await page.getAttribute('[name="score-1"]', 'aria-invalid')).toBe('true');
    expect(await page.isDisabled('#download')).toBe(true);
    expect(await page.textContent('#problems')).toContain('ไฟล์ระบุปี ค.ศ. 2022 ที่ช่อง "ปีงบประมาณ": ใช้เป็นปีงบประมาณ พ.ศ. 2565');

    await page.fill('[name="score-1"]', typed.values['score-1']!);
    await page.click('summary');
    for (const name of ['total', 'level', 'result', 'province'] as const) await page.fill(`[name="${name}"]`, typed.values[name]!);
    for (const tool of ['IIT', 'EIT', 'OIT'] as const) await page.fill(`[name="recommendations-${tool}"]`, typed.recommendations![tool]!);
    await page.locator('#announcements h3').waitFor();
    await page.locator('#typed-score-1-problem:empty').waitFor({ state: 'attached' });
    expect(await seedDownloaded(page)).toBe(seedText());
    await page.close();
  });

  it('offers กรอกคะแนนเอง for a file without a table of scores, with its agency and year already in', async () => {
    const nothing = { sheets: [{ name: 'สรุป', rows: [['ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2566'], ['หน่วยงาน', 'อบต.ทดสอบ'], ['IIT', 'EIT', 'OIT'], [80, 81, 82]] }] };
    const page = await open();
    await choose(page, await workbookFile(nothing));
    expect(await page.textContent('#problems .error')).toContain('ในไฟล์พบ ชีต "สรุป"');
    await page.click('#problems .offer button');
    expect(await page.inputValue('[name="agency"]')).toBe('อบต.ทดสอบ');
    expect(await page.inputValue('[name="fiscal-year"]')).toBe('2566');
    expect(await page.isVisible('#typed')).toBe(true);
    expect(await page.textContent('#source')).toContain('ใช้คะแนนที่กรอก');
    await page.close();
  });

  it('reads the seed as LibreOffice, Gnumeric and Excel 95 wrote it (.xls, .ods, XML 2003, Thai-code-page text, a saved page), one after another: the same announcement downloads', async () => {
    const page = await open();
    await page.fill('#signer', 'นายสันติ นาวีสัมพันธ์');
    await page.fill('#date', '2565-08-02');
    for (const name of ['seed-libreoffice.xls', 'seed-gnumeric-excel95.xls', 'seed-libreoffice.ods', 'seed-xml-spreadsheet-2003.xml', 'seed-copied-windows-874.txt', 'seed-saved-page.html']) {
      await page.setInputFiles('#workbook', path.join(FORMATS, name));
      await page.locator('#source', { hasText: name }).waitFor();
      await page.locator('#announcements h3').waitFor();
      expect(await page.locator('#problems .error').count(), name).toBe(0);
      expect(await seedDownloaded(page), name).toBe(seedText());
    }
    await page.close();
  });

  it('made no network request: only the page itself, from disk', () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => !url.startsWith('file://') && !url.startsWith('blob:') && !url.startsWith('data:'))).toEqual([]);
    expect(new Set(requests.filter((url) => url.startsWith('file://')))).toEqual(new Set([pathToFileURL(WEB_PAGE).href]));
  });
});
