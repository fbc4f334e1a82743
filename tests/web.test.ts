/**
 * The web page (web/ita-announcement.html): built from the same core as the command line,
 * opened from disk with no network in each real browser a clerk may have (Chromium and Firefox
 * ESR), the example in, the same announcement out, nothing said on the console.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import PizZip from 'pizzip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebPage, WEB_PAGE } from '../scripts/build-web.js';
import { BROWSERS, launchBrowser, type PageMessage, type TestBrowser, type TestPage } from './helpers/browser.js';
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
const SIGNER = 'นายสันติ นาวีสัมพันธ์';

/** The command line's announcement of the example, made once for every browser. */
let commandLineExample: Promise<Buffer> | undefined;
function commandLineAnnouncement(): Promise<Buffer> {
  return (commandLineExample ??= (async () => {
    const out = temporaryDir('ita-cli-');
    expect((await buildDoc([EXAMPLE, '--out', out, '--date', '2565-08-02', '--signer', SIGNER])).status).toBe(0);
    return readFileSync(path.join(out, NAME));
  })());
}

describe('web/ita-announcement.html', () => {
  it('is what npm run build-web makes from the sources (run it after changing them)', async () => {
    expect((await buildWebPage()) === readFileSync(WEB_PAGE, 'utf8')).toBe(true);
  });
});

for (const kind of BROWSERS) {
  describe.skipIf(!kind.executablePath)(`the web page in ${kind.title} (needs Debian's ${kind.debianPackage}: .ci/run installs it)`, () => {
    let browser: TestBrowser;
    // Every page's requests and messages, for the last tests: the whole run's.
    const requests: string[] = [];
    const messages: PageMessage[] = [];
    const pages: TestPage[] = [];

    beforeAll(async () => {
      browser = await launchBrowser(kind.name);
    }, 60_000);
    afterAll(async () => {
      await Promise.all(pages.map((page) => page.close().catch(() => undefined)));
      await browser?.close();
    });

    async function open(): Promise<TestPage> {
      const page = await browser.openPage(WEB_PAGE);
      pages.push(page);
      return page;
    }

    async function close(page: TestPage): Promise<void> {
      requests.push(...page.requests);
      messages.push(...page.messages);
      pages.splice(pages.indexOf(page), 1);
      await page.close();
    }

    /** Chooses a workbook and waits for the check to show its announcement, its batch's summary or its problems. */
    async function choose(page: TestPage, file: string): Promise<void> {
      await page.choose('#workbook', file);
      await page.waitFor('#announcements h3, #announcements table.batch, #problems .error');
    }

    async function downloaded(page: TestPage): Promise<{ name: string; bytes: Buffer }> {
      await page.waitFor('#download:not([disabled])');
      return page.download('#download');
    }

    it('says in Thai that nothing leaves the machine', async () => {
      const page = await open();
      expect(await page.text('#private')).toContain('ไม่มีการส่งข้อมูลออกไปที่ใด');
      await close(page);
    });

    it('shows the example as the check does, and downloads the announcement the command line makes', async () => {
      const page = await open();
      await page.fill('#signer', SIGNER);
      await page.fill('#date', '2565-08-02');
      await choose(page, EXAMPLE);
      const shown = await page.text('#announcements');
      expect(shown).toContain('ประกาศองค์การบริหารส่วนตำบลลำปางรอง');
      expect(shown).toContain('ประจำปีงบประมาณ พ.ศ.๒๕๖๕ · ได้รับคะแนนการประเมิน ๗๘.๒๙ คะแนน ผลคะแนนการประเมินอยู่ในระดับ B · ผลการประเมิน ไม่ผ่าน');
      expect((await page.texts('#announcements tr'))[1]).toBe('๑การใช้อำนาจ๘๔.๗๙');
      expect(await page.text('#problems')).toContain('ประกาศยังใช้ภาพตัวอย่างแทนตราครุฑ');
      expect(await page.text('#date-shown')).toContain('๒ สิงหาคม พ.ศ. ๒๕๖๕');

      const { name, bytes } = await downloaded(page);
      expect(name).toBe(NAME);
      expect(docxText(bytes)).toBe(docxText(await commandLineAnnouncement()));
      await close(page);
    });

    it('refuses a file that is not a workbook with the Thai message the command line gives, and offers nothing to download', async () => {
      const fake = path.join(temporaryDir(), 'ผลการประเมิน.xlsx');
      writeFileSync(fake, 'not a spreadsheet');
      const page = await open();
      await choose(page, fake);
      expect(await page.text('#problems .error')).toContain('ไฟล์นี้ไม่ใช่ไฟล์ Excel (.xlsx)');
      expect(await page.disabled('#download')).toBe(true);
      expect(await page.text('#download-note')).toContain('สร้างประกาศไม่ได้');
      await close(page);
    });

    it('gives a batch workbook one download of all its announcements as a .zip, named as the command line names them', async () => {
      const page = await open();
      await choose(page, await workbookFile('province-2564'));
      expect((await page.texts('#announcements table.batch tr')).slice(1).map((row) => row.split(/[๐-๙]/)[0])).toEqual(['อบจ.ทดลองเหนือ', 'อบจ.ทดลองใต้', 'อบต.บ้านใหม่', 'อบต.บ้านใหม่']);
      const { name, bytes } = await downloaded(page);
      expect(name).toMatch(/^ประกาศผลการประเมิน ITA 4 ฉบับ จาก .*\.zip$/);
      expect(Object.keys(new PizZip(bytes).files).sort()).toEqual([
        'ประกาศผลการประเมิน ITA 2564 อบจ.ทดลองเหนือ.docx',
        'ประกาศผลการประเมิน ITA 2564 อบจ.ทดลองใต้.docx',
        'ประกาศผลการประเมิน ITA 2564 อบต.บ้านใหม่ จ.ทดลองเหนือ.docx',
        'ประกาศผลการประเมิน ITA 2564 อบต.บ้านใหม่ จ.ทดลองใต้.docx',
      ]);
      await close(page);
    });

    it('reads a file chosen again after it was fixed afresh, and says when it was read', async () => {
      const dir = temporaryDir('ita-web-again-');
      const bad = layout1({ agency: 'อบต.ทดสอบ', scores: [104, ...LAMPANGRONG.slice(1)] });
      const file = await workbookFile(bad, dir);
      const page = await open();
      await choose(page, file);
      expect(await page.text('#problems .error')).toContain('เป็น 104 ซึ่งอยู่นอกช่วง 0–100');
      expect(await page.text('#source')).toMatch(/ใช้ไฟล์: ผลการประเมิน\.xlsx \(อ่านเมื่อ \d\d:\d\d:\d\d น\.\)/);
      await workbookFile(layout1({ agency: 'อบต.ทดสอบ' }), dir);
      await page.choose('#workbook', file);
      await page.waitFor('#announcements h3');
      expect(await page.texts('#problems .error')).toHaveLength(0);
      expect(await page.text('#announcements')).toContain('ได้รับคะแนนการประเมิน ๗๘.๒๙ คะแนน');
      await close(page);
    });

    /** Pastes as Ctrl+V does: a paste event carrying the clipboard's forms, on `selector`. */
    async function paste(page: TestPage, selector: string, forms: Record<string, string>): Promise<void> {
      await page.evaluate(
        selector,
        (target, data) => {
          // The page's own DOM classes (this test's types have no DOM).
          const dom = globalThis as unknown as { DataTransfer: new () => unknown; ClipboardEvent: new (type: string, init: object) => { clipboardData: { setData(type: string, text: string): void } } };
          // Chromium takes the DataTransfer given; Firefox's ClipboardEvent has no clipboardData to
          // give and makes one of its own. Either way the forms go into the event's.
          const event = new dom.ClipboardEvent('paste', { clipboardData: new dom.DataTransfer(), bubbles: true, cancelable: true });
          for (const [type, text] of Object.entries(data)) event.clipboardData.setData(type, text);
          (target as { dispatchEvent(event: unknown): void }).dispatchEvent(event);
        },
        forms,
      );
    }

    async function seedDownloaded(page: TestPage): Promise<string> {
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
        await page.fill('#signer', SIGNER);
        await page.fill('#date', '2565-08-02');
        await paste(page, where, forms);
        await page.waitFor('#announcements h3');
        expect(await page.text('#source'), where).toMatch(/ใช้ตารางที่วาง \(วางเมื่อ/);
        expect(await page.text('#problems'), where).not.toContain('ข้อผิดพลาด');
        expect(await seedDownloaded(page), where).toBe(seedText());
        await close(page);
      }
    });

    it('names the pasted table ตารางที่วาง in its messages, and keeps what it had when a paste holds no table', async () => {
      const page = await open();
      await choose(page, EXAMPLE);
      const before = await page.text('#announcements');
      await paste(page, 'body', { 'text/plain': 'สวัสดีครับ ขอบคุณมาก' });
      await page.waitFor('#paste-note.error');
      expect(await page.text('#paste-note')).toContain('สิ่งที่วางไม่ใช่ตารางผลคะแนน จึงยังไม่ได้ใช้');
      expect(await page.text('#announcements')).toBe(before);
      expect(await page.text('#source')).toContain('ใช้ไฟล์: ตัวอย่าง ผลการประเมิน ITA 2565');
      const bad = layout1({ agency: 'อบต.ทดสอบ', scores: [104, ...LAMPANGRONG.slice(1)] });
      await paste(page, 'body', { 'text/html': fixtureHtml(bad).toString('utf8') });
      await page.waitFor('#problems .error');
      expect(await page.text('#problems .error')).toContain('[ตารางที่วาง ตารางที่วาง!C5]');
      expect(await page.disabled('#download')).toBe(true);
      // Ctrl+V in a field of its own pastes there, not as the results.
      await paste(page, '#signer', { 'text/plain': 'สวัสดีครับ' });
      expect(await page.text('#paste-note')).toBe('');
      expect(await page.text('#problems .error')).toContain('[ตารางที่วาง ตารางที่วาง!C5]');
      await close(page);
    });

    it('takes the ten scores typed in, labelled with the year’s indicators, checked as typed: 104 refused beside its field, then the reference announcement', async () => {
      const page = await open();
      await page.fill('#signer', SIGNER);
      await page.fill('#date', '2565-08-02');
      await page.click('#type-in');
      expect(await page.text('label[for="typed-score-1"]')).toBe('คะแนนตัวชี้วัดที่ 1: การปฏิบัติหน้าที่ (IIT)');
      expect(await page.text('label[for="typed-score-10"]')).toBe('คะแนนตัวชี้วัดที่ 10: การป้องกันการทุจริต (OIT)');
      const typed = seedTyped();
      await page.fill('[name="agency"]', typed.values.agency!);
      await page.fill('[name="fiscal-year"]', '2022');
      for (let i = 1; i <= 10; i++) await page.fill(`[name="score-${i}"]`, i === 1 ? '104' : typed.values[`score-${i}`]!);
      await page.waitFor('#typed-score-1-problem:not(:empty)');
      expect(await page.text('#typed-score-1-problem')).toBe('คะแนนตัวชี้วัดที่ 1 (การปฏิบัติหน้าที่) ที่ช่อง "คะแนนตัวชี้วัดที่ 1" เป็น 104 ซึ่งอยู่นอกช่วง 0–100: ตรวจคะแนนกับระบบ ITAS');
      expect(await page.attribute('[name="score-1"]', 'aria-invalid')).toBe('true');
      expect(await page.disabled('#download')).toBe(true);
      expect(await page.text('#problems')).toContain('ไฟล์ระบุปี ค.ศ. 2022 ที่ช่อง "ปีงบประมาณ": ใช้เป็นปีงบประมาณ พ.ศ. 2565');

      await page.fill('[name="score-1"]', typed.values['score-1']!);
      await page.click('summary');
      for (const name of ['total', 'level', 'result', 'province'] as const) await page.fill(`[name="${name}"]`, typed.values[name]!);
      for (const tool of ['IIT', 'EIT', 'OIT'] as const) await page.fill(`[name="recommendations-${tool}"]`, typed.recommendations![tool]!);
      await page.waitFor('#announcements h3');
      await page.waitFor('#typed-score-1-problem:empty', { visible: false });
      expect(await seedDownloaded(page)).toBe(seedText());
      await close(page);
    });

    it('offers กรอกคะแนนเอง for a file without a table of scores, with its agency and year already in', async () => {
      const nothing = { sheets: [{ name: 'สรุป', rows: [['ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2566'], ['หน่วยงาน', 'อบต.ทดสอบ'], ['IIT', 'EIT', 'OIT'], [80, 81, 82]] }] };
      const page = await open();
      await choose(page, await workbookFile(nothing));
      expect(await page.text('#problems .error')).toContain('ในไฟล์พบ ชีต "สรุป"');
      await page.click('#problems .offer button');
      expect(await page.value('[name="agency"]')).toBe('อบต.ทดสอบ');
      expect(await page.value('[name="fiscal-year"]')).toBe('2566');
      expect(await page.visible('#typed')).toBe(true);
      expect(await page.text('#source')).toContain('ใช้คะแนนที่กรอก');
      await close(page);
    });

    it('reads the seed as LibreOffice, Gnumeric and Excel 95 wrote it (.xls, .ods, XML 2003, Thai-code-page text, a saved page), one after another: the same announcement downloads', async () => {
      const page = await open();
      await page.fill('#signer', SIGNER);
      await page.fill('#date', '2565-08-02');
      for (const name of ['seed-libreoffice.xls', 'seed-gnumeric-excel95.xls', 'seed-libreoffice.ods', 'seed-xml-spreadsheet-2003.xml', 'seed-copied-windows-874.txt', 'seed-saved-page.html']) {
        await page.choose('#workbook', path.join(FORMATS, name));
        await page.waitForText('#source', name);
        await page.waitFor('#announcements h3');
        expect(await page.texts('#problems .error'), name).toHaveLength(0);
        expect(await seedDownloaded(page), name).toBe(seedText());
      }
      await close(page);
    });

    it('said nothing on the console in the whole run, a check and a download included: no error, no warning, no CSP violation', async () => {
      const page = await open();
      await choose(page, EXAMPLE);
      await downloaded(page);
      await close(page);
      expect(messages).toEqual([]);
    });

    it('made no network request in the whole run, a check and a download included: only the page itself, from disk', async () => {
      const page = await open();
      await choose(page, EXAMPLE);
      await downloaded(page);
      await close(page);
      const network = requests.filter((url) => !url.startsWith('file://') && !url.startsWith('blob:') && !url.startsWith('data:'));
      expect(network).toEqual([]);
      const fromDisk = new Set(requests.filter((url) => url.startsWith('file://')));
      // Firefox reports no request for a file:// page (WebDriver BiDi's network events are for http and https).
      if (kind.name === 'firefox') expect([...fromDisk].filter((url) => url !== pathToFileURL(WEB_PAGE).href)).toEqual([]);
      else expect(fromDisk).toEqual(new Set([pathToFileURL(WEB_PAGE).href]));
    });

    it('is told of a request a page makes (so that none told means none made)', async () => {
      const other = path.join(temporaryDir('ita-web-request-'), 'asks.html');
      writeFileSync(other, '<!doctype html><title>asks</title>');
      const page = await browser.openPage(other);
      // .invalid never resolves: the request is made and fails, whatever network there is.
      void page.evaluate('title', () => void fetch('http://ita-announcement.invalid/').catch(() => undefined), undefined);
      await expect.poll(() => page.requests).toContain('http://ita-announcement.invalid/');
      await page.close();
    });
  });
}
