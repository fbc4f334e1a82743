/**
 * The bad-input corpus: every kind of wrong, broken or hostile file a clerk may feed in. Each
 * gets its exit code and a Thai message naming the problem and its place, no stack trace, no
 * new file in the output folder, and the announcement already there left as it was.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FixtureWorkbook } from '../tools/workbook-fixture.js';
import { cannotWriteMessage } from '../src/node/files.js';
import { documentFileName } from '../src/build/names.js';
import type { Announcement } from '../src/ita/model.js';
import { buildDoc, writtenIn } from './helpers/cli.js';
import { paragraphs } from './helpers/docx.js';
import { LAMPANGRONG, layout1 } from './helpers/layouts.js';
import { temporaryDir, workbookFile, readWorkbookFile } from '../tools/workbooks.js';
import { writeZipBomb } from './helpers/zip-bomb.js';

const EARLIER = 'ประกาศผลการประเมิน ITA 2565 อบต.ลำปางรอง.docx';
const OLE = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(2048)]);

let earlier: Buffer;
let goodWorkbook: string;

beforeAll(async () => {
  goodWorkbook = await workbookFile('lampangrong-2565');
  const out = temporaryDir('ita-earlier-');
  expect((await buildDoc([goodWorkbook, '--out', out])).status).toBe(0);
  earlier = readFileSync(path.join(out, EARLIER));
});

/** A workbook from data with one score (indicator 1..10, at C5..C14 of ผลการประเมิน) replaced. */
const withScore = (indicator: number, score: FixtureWorkbook['sheets'][number]['rows'][number][number]) => {
  const scores = [...LAMPANGRONG];
  scores[indicator - 1] = score;
  return layout1({ scores });
};

interface Case {
  kind: string;
  file: string;
  make: (file: string) => Promise<void> | void;
  /** Where the message must point: a file name, or a cell as Excel names it. */
  place: string;
  /** Words of the message, in Thai. */
  says: string;
  /** The same message's words with --lang en. */
  inEnglish: string;
}

const fromData = (workbook: FixtureWorkbook) => async (file: string) => {
  copyFileSync(await workbookFile(workbook), file);
};

const CASES: Case[] = [
  { kind: 'empty file', file: 'ว่าง.xlsx', make: (f) => writeFileSync(f, ''), place: 'ว่าง.xlsx', says: 'ไฟล์ว่างเปล่า', inEnglish: 'The file is empty' },
  { kind: 'text renamed to .xlsx', file: 'ข้อความ.xlsx', make: (f) => writeFileSync(f, 'หน่วยงาน อบต.ลำปางรอง คะแนน 78.29\n'), place: 'ข้อความ.xlsx', says: 'ไม่ใช่ไฟล์ Excel', inEnglish: 'This is not an Excel file' },
  { kind: 'truncated download', file: 'ครึ่งเดียว.xlsx', make: (f) => writeFileSync(f, readFileSync(goodWorkbook).subarray(0, 4000)), place: 'ครึ่งเดียว.xlsx', says: 'ดาวน์โหลดมาไม่ครบ', inEnglish: 'not fully downloaded' },
  { kind: 'password-protected workbook', file: 'รหัสผ่าน.xlsx', make: (f) => writeFileSync(f, Buffer.concat([OLE, Buffer.from('EncryptionInfo', 'utf16le')])), place: 'รหัสผ่าน.xlsx', says: 'ตั้งรหัสผ่าน', inEnglish: 'password-protected' },
  { kind: 'damaged binary .xls', file: 'เก่า.xls', make: (f) => writeFileSync(f, OLE), place: 'เก่า.xls', says: 'ดาวน์โหลดมาไม่ครบ', inEnglish: 'old-format Excel file (.xls) is damaged or cut short' },
  { kind: 'XML Spreadsheet 2003 with a DOCTYPE', file: 'xml.xls', make: (f) => writeFileSync(f, '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>'), place: 'xml.xls', says: 'DOCTYPE', inEnglish: 'declares a DOCTYPE' },
  { kind: 'oversized file', file: 'ใหญ่.xlsx', make: (f) => (copyFileSync(goodWorkbook, f), truncateSync(f, 150 * 1024 * 1024)), place: 'ใหญ่.xlsx', says: 'ใหญ่เกิน', inEnglish: 'larger than a results workbook can be' },
  { kind: 'zip bomb', file: 'ระเบิด.xlsx', make: (f) => writeZipBomb(readFileSync(goodWorkbook), f, 300 * 1024 * 1024), place: 'ระเบิด.xlsx', says: 'อาจเป็นไฟล์อันตราย', inEnglish: 'may be a malicious file' },
  { kind: 'no recognisable table', file: 'ไม่มีตาราง.xlsx', make: fromData({ sheets: [{ name: 'Sheet1', rows: [['หน่วยงาน', 'อบต.ทดสอบ'], ['ปีงบประมาณ', 2565], ['หมายเหตุ']] }] }), place: 'ไม่มีตาราง.xlsx', says: 'ไม่พบตารางคะแนนรายตัวชี้วัด', inEnglish: 'No indicator score table found' },
  { kind: 'missing indicator', file: 'ขาด.xlsx', make: fromData(layout1({ scores: LAMPANGRONG.slice(0, 9) })), place: 'ผลการประเมิน!A4', says: 'ไม่พบตัวชี้วัดที่ 10', inEnglish: 'Indicator 10 (การป้องกันการทุจริต) is missing' },
  { kind: 'duplicate indicator', file: 'ซ้ำ.xlsx', make: fromData(layout1({ extraRows: [[3, 'การใช้อำนาจ', 70]] })), place: 'ผลการประเมิน!B15', says: 'มีสองแถว', inEnglish: 'has two rows' },
  { kind: 'score above 100', file: 'เกิน.xlsx', make: fromData(withScore(1, 101)), place: 'ผลการประเมิน!C5', says: 'นอกช่วง 0–100', inEnglish: 'outside 0–100' },
  { kind: 'score below 0', file: 'ติดลบ.xlsx', make: fromData(withScore(2, -5)), place: 'ผลการประเมิน!C6', says: 'นอกช่วง 0–100', inEnglish: 'outside 0–100' },
  { kind: 'score not a number', file: 'ไม่ใช่ตัวเลข.xlsx', make: fromData(withScore(3, 'ดีมาก')), place: 'ผลการประเมิน!C7', says: 'ไม่ใช่ตัวเลข', inEnglish: 'is not a number' },
  { kind: 'formula with no cached result', file: 'สูตร.xlsx', make: fromData(withScore(4, { formula: 'AVERAGE(Z1:Z9)' })), place: 'ผลการประเมิน!C8', says: 'ไม่มีผลลัพธ์บันทึกไว้', inEnglish: 'saved without its result' },
  { kind: 'stated total contradicting the indicators', file: 'รวมผิด.xlsx', make: fromData(layout1({ labels: [['คะแนนรวม', 88.5]] })), place: 'ผลการประเมิน!B3', says: 'คำนวณจากคะแนนรายตัวชี้วัดได้ 78.29', inEnglish: 'the indicator scores give 78.29' },
  { kind: 'no fiscal year', file: 'ไม่มีปี.xlsx', make: fromData(layout1({ year: null })), place: 'ไม่มีปี.xlsx', says: 'ไม่พบปีงบประมาณ', inEnglish: 'No fiscal year found' },
  { kind: 'fiscal year before the first criteria', file: 'ปีไม่รู้จัก.xlsx', make: fromData(layout1({ year: 2560 })), place: 'ผลการประเมิน!B2', says: 'ยังไม่มีเกณฑ์การประเมินของปีงบประมาณ 2560', inEnglish: 'no assessment criteria for fiscal year 2560' },
  { kind: 'level the year does not have', file: 'ระดับ.xlsx', make: fromData(layout1({ labels: [['ระดับ', 'ผ่านดี']] })), place: 'ผลการประเมิน!B3', says: 'ไม่มีในเกณฑ์ปี 2565', inEnglish: "is not one of fiscal year 2565's" },
  { kind: 'no agency name', file: 'ไม่มีชื่อ.xlsx', make: fromData(layout1({ agency: '' })), place: 'ผลการประเมิน!A1', says: 'ไม่มีชื่อหน่วยงาน', inEnglish: 'has no agency name' },
];

describe('the bad-input corpus', () => {
  it('has at least 15 kinds', async () => {
    expect(new Set(CASES.map((c) => c.kind)).size).toBeGreaterThanOrEqual(15);
  });

  it.each(CASES)('$kind: exit 1, a Thai message at $place, nothing written, the earlier announcement untouched', async ({ file, make, place, says }) => {
    const dir = temporaryDir('ita-bad-');
    const input = path.join(dir, file);
    await make(input);
    const out = path.join(dir, 'output');
    mkdirSync(out);
    writeFileSync(path.join(out, EARLIER), earlier);

    const run = await buildDoc([input, '--out', out]);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toContain('✗ ข้อผิดพลาด');
    expect(run.stderr).toContain(place);
    expect(run.stderr).toContain(says);
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(writtenIn(out)).toEqual([EARLIER]);
    expect(readFileSync(path.join(out, EARLIER)).equals(earlier)).toBe(true);
  });
});

describe('the bad-input corpus with --lang en', () => {
  it('gives every case its message in English, at the same place, in one run over all the files', async () => {
    const dir = temporaryDir('ita-bad-en-');
    for (const { file, make } of CASES) await make(path.join(dir, file));
    const out = path.join(dir, 'output');
    const run = await buildDoc([...CASES.map((c) => path.join(dir, c.file)), '--out', out, '--lang', 'en']);
    expect(run.status, run.stderr).toBe(1);
    const errors = run.stderr.split('\n').filter((line) => line.trim().startsWith('✗ error ['));
    for (const { file, place, inEnglish } of CASES) {
      expect(errors.find((line) => line.includes(file) && line.includes(place) && line.includes(inEnglish)), `${file}: ${inEnglish}`).toBeDefined();
    }
    expect(run.stderr).toContain(`${CASES.length} could not be made:`);
    expect(run.stderr).not.toContain('ข้อผิดพลาด');
  });
});

describe('hostile files and names', () => {
  it('refuses a zip bomb from its size records, before inflating anything: in milliseconds, without the memory', { timeout: 10_000 }, async () => {
    const bomb = path.join(temporaryDir('ita-bomb-'), 'ระเบิด.xlsx');
    await writeZipBomb(readFileSync(goodWorkbook), bomb, 500 * 1024 * 1024);
    expect(readFileSync(bomb).length).toBeLessThan(2 * 1024 * 1024);
    const rss = process.memoryUsage().rss;
    const read = await readWorkbookFile(bomb);
    expect(read.problems.map((p) => p.code)).toEqual(['file-zip-bomb']);
    expect(read.problems[0]!.message.th).toContain('500 MB');
    expect(process.memoryUsage().rss - rss).toBeLessThan(100 * 1024 * 1024);
  });

  it('strips control characters from recommendation text, warns with the cell, and still writes the announcement', async () => {
    const out = temporaryDir('ita-out-');
    const workbook = layout1({ recommendations: [['IIT', 1, null, 'ควรปรับปรุง_x0007_การปฏิบัติหน้าที่_x001B_']] });
    const run = await buildDoc([await workbookFile(workbook), '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/! คำเตือน \[.*ข้อเสนอแนะ!D2\]: .*อักขระที่มองไม่เห็นหรือพิมพ์ไม่ได้/);
    const text = paragraphs(path.join(out, writtenIn(out)[0]!)).join('\n');
    expect(text).toContain('ควรปรับปรุงการปฏิบัติหน้าที่');
    expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  });

  it('keeps every file inside the output folder, named safely but still readably, whatever the agency is called', async () => {
    const names = ['../../นอกโฟลเดอร์', 'อบต.ก/ข\\ค:ง*จ?ฉ"ช<ซ>ฌ|ญ', '..', 'CON', `อบต.${'ยาวมาก'.repeat(60)}`];
    const workbook: FixtureWorkbook = {
      sheets: [{ name: 'รายชื่อ', rows: [['ปีงบประมาณ 2565'], ['หน่วยงาน', 'จังหวัด', ...LAMPANGRONG.map((_, i) => `ตัวชี้วัดที่ ${i + 1}`)], ...names.map((name) => [name, 'ลำปาง', ...LAMPANGRONG])] }],
    };
    const root = temporaryDir('ita-paths-');
    const out = path.join(root, 'a', 'b', 'output');
    const run = await buildDoc([await workbookFile(workbook, root), '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    const written = writtenIn(out);
    expect(written).toHaveLength(names.length);
    expect(readdirSync(path.join(root, 'a', 'b'))).toEqual(['output']);
    expect(readdirSync(root).sort()).toEqual(['a', 'ผลการประเมิน.xlsx']);
    for (const name of written) {
      expect(name).toMatch(/^ประกาศผลการประเมิน ITA 2565 .+\.docx$/);
      expect(name).not.toMatch(/[\\/:*?"<>|]/);
      expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255);
    }
    expect(written).toContain('ประกาศผลการประเมิน ITA 2565 _.._นอกโฟลเดอร์.docx');
    expect(written).toContain('ประกาศผลการประเมิน ITA 2565 หน่วยงาน.docx');
    expect(written).toContain('ประกาศผลการประเมิน ITA 2565 อบต.ก_ข_ค_ง_จ_ฉ_ช_ซ_ฌ_ญ.docx');
  });

  it('maps the same agency to the same file however its name is normalised (NFC and NFD)', async () => {
    const announcement = (shortName: string) => ({ fiscalYear: 2565, agency: { shortName, fullName: shortName } }) as Announcement;
    const composed = 'อบต.น้ำ'.normalize('NFC');
    expect(documentFileName(announcement(composed.normalize('NFD')))).toBe(documentFileName(announcement(composed)));
    expect(documentFileName(announcement('e\u0301cole'))).toBe(documentFileName(announcement('\u00e9cole')));
  });

  it('says to close the document in Word when Windows reports it busy or locked', async () => {
    for (const code of ['EBUSY', 'EPERM', 'EACCES']) {
      const message = cannotWriteMessage(Object.assign(new Error(code), { code }));
      expect(message.th).toContain(code);
      expect(message.th).toContain('เปิดอยู่ใน Word ให้ปิดก่อน');
      expect(message.en).toContain(code);
      expect(message.en).toContain('open in Word, close it');
    }
  });

  it('exits 4 and keeps the earlier file when the target cannot be replaced, leaving no temporary file', async () => {
    const out = temporaryDir('ita-out-');
    mkdirSync(path.join(out, EARLIER));
    writeFileSync(path.join(out, EARLIER, 'เปิดอยู่.txt'), 'x');
    const run = await buildDoc([goodWorkbook, '--out', out]);
    expect(run.status).toBe(4);
    expect(run.stderr).toContain('บันทึกไฟล์ไม่ได้');
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(writtenIn(out)).toEqual([EARLIER]);
    expect(readdirSync(path.join(out, EARLIER))).toEqual(['เปิดอยู่.txt']);
  });
});
