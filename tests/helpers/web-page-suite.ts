/**
 * The web page's tests in one real browser (web/ita-announcement.html, opened from disk with no
 * network): the example in, the same announcement out as the command line, each thing a clerk hit
 * (issue 22's numbered items), nothing said on the console, no request. One test file per browser
 * (tests/end-to-end/web-chromium.test.ts, tests/end-to-end/web-firefox.test.ts), so that the two run side by side.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import PizZip from 'pizzip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_PAGE } from '../../tools/web-page.js';
import { BROWSERS, launchBrowser, type BrowserName, type PageMessage, type TestBrowser, type TestPage } from '../../tools/browser.js';
import { runBuildDoc, PROJECT_ROOT } from './cli.js';
import { docxText } from '../../tools/golden.js';
import { FIXTURES, fixture, temporaryDir, workbookFile } from '../../tools/workbooks.js';
import { benchWorkbook } from '../../tools/bench-workbook.js';
import { fixtureHtml } from '../../tools/workbook-fixture.js';
import { paragraphs, withoutWhitespace } from './docx.js';
import { LAMPANGRONG, layout1 } from './layouts.js';
import { seedTyped } from './typed.js';
import { FORMATS, seedText } from './formats.js';

const EXAMPLE = path.join(PROJECT_ROOT, 'input', 'ตัวอย่าง ผลการประเมิน ITA 2565 อบต.ลำปางรอง.xlsx');
const NAME = 'ประกาศผลการประเมิน ITA 2565 อบต.ลำปางรอง.docx';
const SIGNER = 'นายสันติ นาวีสัมพันธ์';
const REPORT = 'รายงานการวิเคราะห์ผลการประเมิน ITA 2565 อบต.ลำปางรอง.docx';

/** The command line's announcement of the example, made once for the file's tests. */
let commandLineExample: Promise<Buffer> | undefined;
function commandLineAnnouncement(): Promise<Buffer> {
  return (commandLineExample ??= (async () => {
    const out = temporaryDir('ita-cli-');
    expect((await runBuildDoc([EXAMPLE, '--out', out, '--date', '2565-08-02', '--signer', SIGNER])).status).toBe(0);
    return readFileSync(path.join(out, NAME));
  })());
}

export function webPageTests(browserName: BrowserName): void {
  const kind = BROWSERS.find((b) => b.name === browserName)!;
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

    it('downloads the analysis report of the example, the one the command line makes with --analysis', async () => {
      const out = temporaryDir('ita-cli-analysis-');
      expect((await runBuildDoc([EXAMPLE, '--out', out, '--date', '2565-08-02', '--signer', SIGNER, '--analysis'])).status).toBe(0);
      const page = await open();
      await page.fill('#signer', SIGNER);
      await page.fill('#date', '2565-08-02');
      await choose(page, EXAMPLE);
      expect(await page.text('#download-analysis')).toBe('ดาวน์โหลดรายงานการวิเคราะห์ (.docx)');
      await page.waitFor('#download-analysis:not([disabled])');
      const { name, bytes } = await page.download('#download-analysis');
      expect(name).toBe(REPORT);
      expect(new PizZip(bytes).file('word/charts/chart1.xml')).not.toBeNull();
      expect(docxText(bytes)).toBe(docxText(readFileSync(path.join(out, REPORT))));
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
      expect((await page.texts('#announcements table.batch tr')).slice(1).map((row) => row.split(/[๐-๙]/)[0])).toEqual([
        'อบจ.ทดลองเหนือ',
        'อบจ.ทดลองใต้',
        'อบต.บ้านใหม่',
        'อบต.บ้านใหม่',
      ]);
      const { name, bytes } = await downloaded(page);
      expect(name).toMatch(/^ประกาศผลการประเมิน ITA 4 ฉบับ จาก .*\.zip$/);
      expect(Object.keys(new PizZip(bytes).files).sort()).toEqual([
        'ประกาศผลการประเมิน ITA 2564 อบจ.ทดลองเหนือ.docx',
        'ประกาศผลการประเมิน ITA 2564 อบจ.ทดลองใต้.docx',
        'ประกาศผลการประเมิน ITA 2564 อบต.บ้านใหม่ จ.ทดลองเหนือ.docx',
        'ประกาศผลการประเมิน ITA 2564 อบต.บ้านใหม่ จ.ทดลองใต้.docx',
      ]);
      // The second button: each announcement with its analysis report beside it.
      expect(await page.text('#download-analysis')).toBe('ดาวน์โหลดประกาศพร้อมรายงานการวิเคราะห์ทั้ง ๔ หน่วยงาน (.zip)');
      const both = await page.download('#download-analysis');
      expect(both.name).toMatch(/^ประกาศและรายงานการวิเคราะห์ผลการประเมิน ITA 4 หน่วยงาน จาก .*\.zip$/);
      const names = Object.keys(new PizZip(both.bytes).files);
      expect(names).toHaveLength(8);
      expect(names.filter((n) => n.startsWith('รายงานการวิเคราะห์ผลการประเมิน ITA 2564 ')).sort()).toEqual([
        'รายงานการวิเคราะห์ผลการประเมิน ITA 2564 อบจ.ทดลองเหนือ.docx',
        'รายงานการวิเคราะห์ผลการประเมิน ITA 2564 อบจ.ทดลองใต้.docx',
        'รายงานการวิเคราะห์ผลการประเมิน ITA 2564 อบต.บ้านใหม่ จ.ทดลองเหนือ.docx',
        'รายงานการวิเคราะห์ผลการประเมิน ITA 2564 อบต.บ้านใหม่ จ.ทดลองใต้.docx',
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
          const dom = globalThis as unknown as {
            DataTransfer: new () => unknown;
            ClipboardEvent: new (type: string, init: object) => { clipboardData: { setData(type: string, text: string): void } };
          };
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
      const text = seed.sheets
        .map((sheet) => sheet.rows.map((row) => row.map((cell) => (cell === null ? '' : String(cell))).join('\t')).join('\r\n'))
        .join('\r\n\r\n');
      for (const [where, forms] of [
        ['body', { 'text/html': html, 'text/plain': text }],
        ['#paste', { 'text/plain': text }],
      ] as const) {
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
      expect(await page.text('#typed-score-1-problem')).toBe(
        'คะแนนตัวชี้วัดที่ 1 (การปฏิบัติหน้าที่) ที่ช่อง "คะแนนตัวชี้วัดที่ 1" เป็น 104 ซึ่งอยู่นอกช่วง 0–100: ตรวจคะแนนกับระบบ ITAS',
      );
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
      const nothing = {
        sheets: [
          {
            name: 'สรุป',
            rows: [['ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2566'], ['หน่วยงาน', 'อบต.ทดสอบ'], ['IIT', 'EIT', 'OIT'], [80, 81, 82]],
          },
        ],
      };
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
      for (const name of [
        'seed-libreoffice.xls',
        'seed-gnumeric-excel95.xls',
        'seed-libreoffice.ods',
        'seed-xml-spreadsheet-2003.xml',
        'seed-copied-windows-874.txt',
        'seed-saved-page.html',
      ]) {
        await page.choose('#workbook', path.join(FORMATS, name));
        await page.waitForText('#source', name);
        await page.waitFor('#announcements h3');
        expect(await page.texts('#problems .error'), name).toHaveLength(0);
        expect(await seedDownloaded(page), name).toBe(seedText());
      }
      await close(page);
    });

    /** What a clerk reads on the page: every text outside the folded details, and every field's label and hint. */
    async function pageWords(page: TestPage): Promise<string> {
      return page.evaluate('main', (main) => (main as { innerText: string }).innerText, undefined);
    }

    /** Nothing a clerk on the page cannot do: no command-line option, settings file, README or source path. */
    const NOT_THE_PAGES = /--[a-z]|settings\.yaml|ไฟล์ตั้งค่า|README|src\/|\.yaml|\[ita-announcement\.docx\]/;

    it('(2) names only its own fields: a file without a year gets a year field, a stated total that contradicts the scores a พิมพ์คะแนนรวมตามไฟล์ choice', async () => {
      const page = await open();
      await choose(page, await workbookFile(layout1({ year: null })));
      expect(await page.text('#problems .error')).toContain('ไม่พบปีงบประมาณในไฟล์');
      expect(await page.text('#problems .error')).toContain('ช่อง "ปีงบประมาณ"');
      expect(await page.visible('#year-needed')).toBe(true);
      expect(await pageWords(page)).not.toMatch(NOT_THE_PAGES);
      await page.fill('#year', '2565');
      await page.waitFor('#announcements h3');
      expect(await page.text('#announcements')).toContain('ประจำปีงบประมาณ พ.ศ.๒๕๖๕');

      await choose(page, await workbookFile(layout1({ labels: [['คะแนนรวม', 90]] })));
      expect(await page.text('#problems .error')).toContain('90');
      expect(await page.visible('#trust-needed')).toBe(true);
      expect(await page.text('#trust-needed')).toContain('พิมพ์คะแนนรวมตามไฟล์');
      expect(await page.disabled('#download')).toBe(true);
      expect(await pageWords(page)).not.toMatch(NOT_THE_PAGES);
      await page.click('#trust');
      await page.waitFor('#announcements h3');
      expect(await page.text('#announcements')).toContain('ได้รับคะแนนการประเมิน ๙๐.๐๐ คะแนน');
      expect(await page.disabled('#download')).toBe(false);
      expect(await pageWords(page)).not.toMatch(NOT_THE_PAGES);
      await close(page);
    });

    it('(3) puts the year whose rules are carried forward first, in one short line, its details folded', async () => {
      const page = await open();
      await page.fill('#date', '2569-12-01');
      await choose(page, await workbookFile(layout1({ year: 2569 })));
      const first = await page.text('#problems ul.warning > li');
      expect(first).toMatch(
        /^! คำเตือน( \[[^\]]*\])?: ใช้เกณฑ์ปี 2568 เพราะ ป\.ป\.ช\. ยังไม่ประกาศเกณฑ์ปี 2569: ตรวจคะแนนรวมและระดับกับระบบ ITAS ก่อนลงนาม/,
      );
      expect(first).toContain('รายละเอียด');
      expect(await page.attribute('#problems ul.warning > li details', 'open')).toBe(null);
      expect(await pageWords(page)).not.toMatch(NOT_THE_PAGES);
      await close(page);
    });

    it('(4) shows the emblem as it will print, says the placeholder prints, takes a picture and lets it be removed; a bad picture is said to be the picture', async () => {
      const page = await open();
      await choose(page, EXAMPLE);
      const placeholder = await page.attribute('#emblem-preview', 'src');
      expect(placeholder).toMatch(/^(data|blob):/);
      expect(await page.text('#emblem-note')).toContain('กรอบสีเทา');
      expect(await page.text('#problems')).toContain('ประกาศยังใช้ภาพตัวอย่างแทนตราครุฑ');

      await page.choose('#emblem', path.join(FIXTURES, 'emblem', 'ตราหน่วยงาน.png'));
      await page.waitForText('#emblem-note', 'ตราหน่วยงาน.png');
      expect(await page.attribute('#emblem-preview', 'src')).not.toBe(placeholder);
      expect(await page.visible('#emblem-remove')).toBe(true);
      await page.waitFor('#announcements h3');
      expect(await page.text('#problems')).not.toContain('ประกาศยังใช้ภาพตัวอย่างแทนตราครุฑ');

      await page.click('#emblem-remove');
      await page.waitForText('#emblem-note', 'กรอบสีเทา');
      expect(await page.attribute('#emblem-preview', 'src')).toBe(placeholder);
      expect(await page.visible('#emblem-remove')).toBe(false);

      const bad = path.join(temporaryDir('ita-web-emblem-'), 'ตรา.png');
      writeFileSync(bad, 'not a picture');
      await page.choose('#emblem', bad);
      await page.waitFor('#emblem-note.error');
      expect(await page.text('#emblem-note')).toMatch(/^ใช้ภาพนี้ไม่ได้ \(ภาพตรา ไม่ใช่ไฟล์ผลการประเมิน\): ไฟล์ ตรา\.png ไม่ใช่ภาพ PNG หรือ JPEG/);
      await page.waitFor('#announcements h3');
      expect(await page.disabled('#download')).toBe(false);
      await close(page);
    });

    it('(5) shows a batch as one summary table, the download and a count at the top, each announcement on demand', async () => {
      const dir = temporaryDir('ita-web-batch-');
      const page = await open();
      await choose(page, await benchWorkbook(60, dir));
      expect(await page.texts('#announcements table.batch tr')).toHaveLength(61);
      expect(await page.texts('#announcements .announcement')).toHaveLength(0);
      // The same warning of 60 agencies is one line, and the heading counts the lines shown.
      const lines = await page.texts('#problems ul.warning > li');
      expect(lines.some((line) => line.includes('(พบใน ๖๐ หน่วยงาน)'))).toBe(true);
      expect(await page.texts('#problems h3')).toContain(`คำเตือน ${new Intl.NumberFormat('th-TH-u-nu-thai').format(lines.length)} ข้อ`);
      const tops = await page.evaluate(
        '#check',
        (check) => {
          const at = (selector: string) =>
            (check as { querySelector(s: string): { getBoundingClientRect(): { top: number } } })
              .querySelector(selector)
              .getBoundingClientRect().top;
          return { download: at('#download'), problems: at('#problems'), batch: at('table.batch') };
        },
        undefined,
      );
      expect(tops.download).toBeLessThan(tops.problems);
      expect(tops.download).toBeLessThan(tops.batch);
      await page.click('#announcements table.batch tr:nth-child(3) button');
      await page.waitFor('#announcements .announcement h3');
      expect(await page.texts('#announcements .announcement')).toHaveLength(1);
      expect(await page.attribute('#announcements table.batch tr:nth-child(3) button', 'aria-expanded')).toBe('true');

      // Counted as the batch is made, and the focus given back to the button pressed by keyboard.
      const counts = page.evaluate(
        '#progress-count',
        (count) =>
          new Promise<string[]>((resolve) => {
            const seen: string[] = [];
            const element = count as { textContent: string; hidden: boolean };
            const watch = new (
              globalThis as unknown as {
                MutationObserver: new (f: () => void) => { observe(n: unknown, o: object): void; disconnect(): void };
              }
            ).MutationObserver(() => {
              if (element.textContent && !seen.includes(element.textContent)) seen.push(element.textContent);
              if (element.hidden && seen.length) {
                watch.disconnect();
                resolve(seen);
              }
            });
            watch.observe(count, { childList: true, characterData: true, subtree: true, attributes: true });
          }),
        undefined,
      );
      await page.evaluate('#download', (button) => (button as { focus(): void }).focus(), undefined);
      const { name } = await page.download('#download');
      expect(name).toMatch(/\.zip$/);
      const seen = await counts;
      expect(seen.at(-1)).toBe('๖๐ / ๖๐');
      expect(seen.every((text) => /^[๐-๙,]+ \/ ๖๐$/.test(text))).toBe(true);
      expect(
        await page.evaluate(
          '#download',
          (button) => (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement === button,
          undefined,
        ),
      ).toBe(true);
      await close(page);
    });

    it('(6) fits a phone: no sideways scroll, fields one above another, a bad date said beside the button, the preview in the digits chosen', async () => {
      const page = await browser.openPage(WEB_PAGE, { width: 390, height: 844 });
      pages.push(page);
      await choose(page, EXAMPLE);
      await page.waitFor('#preview p');
      const fit = await page.evaluate(
        'body',
        () => {
          const dom = globalThis as unknown as {
            document: { documentElement: { scrollWidth: number; clientWidth: number }; querySelector(s: string): object };
            getComputedStyle(e: object): { gridTemplateColumns: string };
          };
          return {
            scroll: dom.document.documentElement.scrollWidth,
            width: dom.document.documentElement.clientWidth,
            columns: dom.getComputedStyle(dom.document.querySelector('.row')).gridTemplateColumns.split(' ').length,
          };
        },
        undefined,
      );
      expect(fit.scroll).toBeLessThanOrEqual(fit.width);
      expect(fit.columns).toBe(1);
      expect(await page.text('#preview')).toContain('๗๘.๒๙');
      await page.fill('#date', '2565-13-40');
      await page.waitFor('#download-note.error');
      expect(await page.text('#download-note')).toContain('วันที่');
      expect(await page.disabled('#download')).toBe(true);
      await page.fill('#date', '2565-08-02');
      await page.evaluate(
        '#digits',
        (select) => {
          const s = select as { value: string; dispatchEvent(e: unknown): void };
          s.value = 'arabic';
          s.dispatchEvent(new (globalThis as unknown as { Event: new (t: string) => unknown }).Event('change'));
        },
        undefined,
      );
      await page.waitForText('#preview', '78.29');
      expect(await page.text('#announcements')).toContain('ได้รับคะแนนการประเมิน 78.29 คะแนน');
      await close(page);
    });

    it('(7) takes a file dropped anywhere on the window, keeps Space on the drop zone from scrolling, names every control, warns of a date far from the year, and names a damaged file in Thai', async () => {
      const page = await open();
      const example = readFileSync(EXAMPLE).toString('base64');
      const dropped = await page.evaluate(
        'main',
        (main, bytes) => {
          const dom = globalThis as unknown as {
            DataTransfer: new () => { items: { add(f: unknown): void } };
            File: new (parts: unknown[], name: string) => unknown;
            DragEvent: new (type: string, init: object) => { defaultPrevented: boolean };
            atob(s: string): string;
          };
          const file = new dom.File([Uint8Array.from(dom.atob(bytes), (c) => c.charCodeAt(0))], 'วางไว้ข้างๆ.xlsx');
          const data = new dom.DataTransfer();
          data.items.add(file);
          const event = new dom.DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true });
          (main as { dispatchEvent(e: unknown): void }).dispatchEvent(event);
          return event.defaultPrevented;
        },
        example,
      );
      expect(dropped).toBe(true);
      await page.waitForText('#source', 'วางไว้ข้างๆ.xlsx');
      await page.waitFor('#announcements h3');
      expect(await page.text('#problems')).toContain('วันที่ประกาศ');
      expect(await page.text('#problems')).toContain('อยู่ห่างจากปีงบประมาณ 2565');

      const space = await page.evaluate(
        '#drop',
        (drop) => {
          const dom = globalThis as unknown as { KeyboardEvent: new (type: string, init: object) => { defaultPrevented: boolean } };
          const event = new dom.KeyboardEvent('keydown', { key: ' ', bubbles: true, cancelable: true });
          (drop as { dispatchEvent(e: unknown): void }).dispatchEvent(event);
          return event.defaultPrevented;
        },
        undefined,
      );
      expect(space).toBe(true);

      expect(await page.text('#emblem-choose')).toBe('เลือกภาพตราครุฑ…');
      expect(await page.visible('#emblem')).toBe(false);
      const unnamed = await page.evaluate(
        'main',
        (main) => {
          const root = main as {
            querySelectorAll(s: string): Iterable<{
              id: string;
              labels?: { length: number } | null;
              hidden: boolean;
              type?: string;
              getAttribute(n: string): string | null;
              textContent: string | null;
              closest(s: string): unknown;
            }>;
          };
          return [...root.querySelectorAll('input, select, textarea, button, [role=button]')]
            .filter((e) => e.type !== 'file' && !e.closest('[hidden]'))
            .filter(
              (e) => !(e.labels?.length || e.getAttribute('aria-label') || e.getAttribute('aria-labelledby') || e.textContent?.trim()),
            )
            .map((e) => e.id || String(e));
        },
        undefined,
      );
      expect(unnamed).toEqual([]);

      // A damaged file is named in Thai words, without the zip library's English.
      const cut = path.join(temporaryDir('ita-web-cut-'), 'ดาวน์โหลดไม่ครบ.xlsx');
      writeFileSync(cut, readFileSync(EXAMPLE).subarray(0, 5000));
      await choose(page, cut);
      const refused = await page.text('#problems .error');
      expect(refused).toContain('ไฟล์ไม่ใช่ zip ที่สมบูรณ์');
      expect(refused).not.toMatch(/[a-z]+ [a-z]+ [a-z]+/);
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
