/**
 * Bad and hostile input: every kind of wrong, broken or hostile file a clerk may feed in, and
 * those made here the way an attacker or an unlucky export would make them, each through the
 * command line. Every one is either refused cleanly (its exit code and a Thai message naming the
 * problem and its place, no stack trace, no new file in the output folder, the announcement
 * already there left as it was) or made into a sound document (every part well-formed, nothing
 * external, valid for the Open XML SDK). The large ones are small by construction: a 7 KB merge
 * bomb, a template bomb of half a megabyte.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { DOMParser } from '@xmldom/xmldom';
import PizZip from 'pizzip';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { documentFileName } from '../../src/build/names.js';
import type { Announcement } from '../../src/ita/model.js';
import { cannotWriteMessage } from '../../src/node/files.js';
import { numberValue } from '../../src/read/cells.js';
import { fixtureCsv, fixtureHtml, type FixtureWorkbook } from '../../tools/workbook-fixture.js';
import { FIXTURES, readWorkbookFile, temporaryDir, workbookFile } from '../../tools/workbooks.js';
import { runBuildDoc, runCheckTemplate, libraryText, type Run, writtenIn } from '../helpers/cli.js';
import { canRender, validate } from '../helpers/clients.js';
import { DEFAULT_TEMPLATE, documentXml, paragraphs } from '../helpers/docx.js';
import {
  editedOds,
  editedXls,
  fileOf,
  formatFixture,
  hyperlinkRecord,
  numberRecord,
  record,
  seedAnnouncementFrom,
  seedText,
  workbookStream,
} from '../helpers/formats.js';
import { LAMPANGRONG, layout1 } from '../helpers/layouts.js';
import { compoundFile } from '../helpers/ole.js';
import { entriesOf, entry, type Entry, padded, writeZipBomb, craftedZip } from '../helpers/zip-bomb.js';

const EARLIER = 'ประกาศผลการประเมิน ITA 2565 อบต.ลำปางรอง.docx';
const OLE = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(2048)]);

let earlier: Buffer;
let goodWorkbook: string;

beforeAll(async () => {
  goodWorkbook = await workbookFile('lampangrong-2565');
  const out = temporaryDir('ita-earlier-');
  expect((await runBuildDoc([goodWorkbook, '--out', out])).status).toBe(0);
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
  {
    kind: 'empty file',
    file: 'ว่าง.xlsx',
    make: (f) => writeFileSync(f, ''),
    place: 'ว่าง.xlsx',
    says: 'ไฟล์ว่างเปล่า',
    inEnglish: 'The file is empty',
  },
  {
    kind: 'text renamed to .xlsx',
    file: 'ข้อความ.xlsx',
    make: (f) => writeFileSync(f, 'หน่วยงาน อบต.ลำปางรอง คะแนน 78.29\n'),
    place: 'ข้อความ.xlsx',
    says: 'ไม่ใช่ไฟล์ Excel',
    inEnglish: 'This is not an Excel file',
  },
  {
    kind: 'truncated download',
    file: 'ครึ่งเดียว.xlsx',
    make: (f) => writeFileSync(f, readFileSync(goodWorkbook).subarray(0, 4000)),
    place: 'ครึ่งเดียว.xlsx',
    says: 'ดาวน์โหลดมาไม่ครบ',
    inEnglish: 'not fully downloaded',
  },
  {
    kind: 'password-protected workbook',
    file: 'รหัสผ่าน.xlsx',
    make: (f) => writeFileSync(f, Buffer.concat([OLE, Buffer.from('EncryptionInfo', 'utf16le')])),
    place: 'รหัสผ่าน.xlsx',
    says: 'ตั้งรหัสผ่าน',
    inEnglish: 'password-protected',
  },
  {
    kind: 'damaged binary .xls',
    file: 'เก่า.xls',
    make: (f) => writeFileSync(f, OLE),
    place: 'เก่า.xls',
    says: 'ดาวน์โหลดมาไม่ครบ',
    inEnglish: 'old-format Excel file (.xls) is damaged or cut short',
  },
  {
    kind: 'XML Spreadsheet 2003 with a DOCTYPE',
    file: 'xml.xls',
    make: (f) =>
      writeFileSync(
        f,
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>',
      ),
    place: 'xml.xls',
    says: 'DOCTYPE',
    inEnglish: 'declares a DOCTYPE',
  },
  {
    kind: 'oversized file',
    file: 'ใหญ่.xlsx',
    make: (f) => (copyFileSync(goodWorkbook, f), truncateSync(f, 150 * 1024 * 1024)),
    place: 'ใหญ่.xlsx',
    says: 'ใหญ่เกิน',
    inEnglish: 'larger than a results workbook can be',
  },
  {
    kind: 'zip bomb',
    file: 'ระเบิด.xlsx',
    make: (f) => writeZipBomb(readFileSync(goodWorkbook), f, 300 * 1024 * 1024),
    place: 'ระเบิด.xlsx',
    says: 'อาจเป็นไฟล์อันตราย',
    inEnglish: 'may be a malicious file',
  },
  {
    kind: 'no recognisable table',
    file: 'ไม่มีตาราง.xlsx',
    make: fromData({ sheets: [{ name: 'Sheet1', rows: [['หน่วยงาน', 'อบต.ทดสอบ'], ['ปีงบประมาณ', 2565], ['หมายเหตุ']] }] }),
    place: 'ไม่มีตาราง.xlsx',
    says: 'ไม่พบตารางคะแนนรายตัวชี้วัด',
    inEnglish: 'No indicator score table found',
  },
  {
    kind: 'missing indicator',
    file: 'ขาด.xlsx',
    make: fromData(layout1({ scores: LAMPANGRONG.slice(0, 9) })),
    place: 'ผลการประเมิน!A4',
    says: 'ไม่พบตัวชี้วัดที่ 10',
    inEnglish: 'Indicator 10 (การป้องกันการทุจริต) is missing',
  },
  {
    kind: 'duplicate indicator',
    file: 'ซ้ำ.xlsx',
    make: fromData(layout1({ extraRows: [[3, 'การใช้อำนาจ', 70]] })),
    place: 'ผลการประเมิน!B15',
    says: 'มีสองแถว',
    inEnglish: 'has two rows',
  },
  {
    kind: 'score above 100',
    file: 'เกิน.xlsx',
    make: fromData(withScore(1, 101)),
    place: 'ผลการประเมิน!C5',
    says: 'นอกช่วง 0–100',
    inEnglish: 'outside 0–100',
  },
  {
    kind: 'score below 0',
    file: 'ติดลบ.xlsx',
    make: fromData(withScore(2, -5)),
    place: 'ผลการประเมิน!C6',
    says: 'นอกช่วง 0–100',
    inEnglish: 'outside 0–100',
  },
  {
    kind: 'score not a number',
    file: 'ไม่ใช่ตัวเลข.xlsx',
    make: fromData(withScore(3, 'ดีมาก')),
    place: 'ผลการประเมิน!C7',
    says: 'ไม่ใช่ตัวเลข',
    inEnglish: 'is not a number',
  },
  {
    kind: 'formula with no cached result',
    file: 'สูตร.xlsx',
    make: fromData(withScore(4, { formula: 'AVERAGE(Z1:Z9)' })),
    place: 'ผลการประเมิน!C8',
    says: 'ไม่มีผลลัพธ์บันทึกไว้',
    inEnglish: 'saved without its result',
  },
  {
    kind: 'stated total contradicting the indicators',
    file: 'รวมผิด.xlsx',
    make: fromData(layout1({ labels: [['คะแนนรวม', 88.5]] })),
    place: 'ผลการประเมิน!B3',
    says: 'คำนวณจากคะแนนรายตัวชี้วัดได้ 78.29',
    inEnglish: 'the indicator scores give 78.29',
  },
  {
    kind: 'no fiscal year',
    file: 'ไม่มีปี.xlsx',
    make: fromData(layout1({ year: null })),
    place: 'ไม่มีปี.xlsx',
    says: 'ไม่พบปีงบประมาณ',
    inEnglish: 'No fiscal year found',
  },
  {
    kind: 'fiscal year before the first criteria',
    file: 'ปีไม่รู้จัก.xlsx',
    make: fromData(layout1({ year: 2560 })),
    place: 'ผลการประเมิน!B2',
    says: 'ยังไม่มีเกณฑ์การประเมินของปีงบประมาณ 2560',
    inEnglish: 'no assessment criteria for fiscal year 2560',
  },
  {
    kind: 'level the year does not have',
    file: 'ระดับ.xlsx',
    make: fromData(layout1({ labels: [['ระดับ', 'ผ่านดี']] })),
    place: 'ผลการประเมิน!B3',
    says: 'ไม่มีในเกณฑ์ปี 2565',
    inEnglish: "is not one of fiscal year 2565's",
  },
  {
    kind: 'no agency name',
    file: 'ไม่มีชื่อ.xlsx',
    make: fromData(layout1({ agency: '' })),
    place: 'ผลการประเมิน!A1',
    says: 'ไม่มีชื่อหน่วยงาน',
    inEnglish: 'has no agency name',
  },
];

describe('the bad-input corpus', () => {
  it('has at least 15 kinds', async () => {
    expect(new Set(CASES.map((c) => c.kind)).size).toBeGreaterThanOrEqual(15);
  });

  it.each(CASES)(
    '$kind: exit 1, a Thai message at $place, nothing written, the earlier announcement untouched',
    async ({ file, make, place, says }) => {
      const dir = temporaryDir('ita-bad-');
      const input = path.join(dir, file);
      await make(input);
      const out = path.join(dir, 'output');
      mkdirSync(out);
      writeFileSync(path.join(out, EARLIER), earlier);

      const run = await runBuildDoc([input, '--out', out]);
      expect(run.status, run.stderr).toBe(1);
      expect(run.stderr).toContain('✗ ข้อผิดพลาด');
      expect(run.stderr).toContain(place);
      expect(run.stderr).toContain(says);
      expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
      expect(writtenIn(out)).toEqual([EARLIER]);
      expect(readFileSync(path.join(out, EARLIER)).equals(earlier)).toBe(true);
    },
  );
});

describe('the bad-input corpus with --lang en', () => {
  it('gives every case its message in English, at the same place, in one run over all the files', async () => {
    const dir = temporaryDir('ita-bad-en-');
    for (const { file, make } of CASES) await make(path.join(dir, file));
    const out = path.join(dir, 'output');
    const run = await runBuildDoc([...CASES.map((c) => path.join(dir, c.file)), '--out', out, '--lang', 'en']);
    expect(run.status, run.stderr).toBe(1);
    const errors = run.stderr.split('\n').filter((line) => line.trim().startsWith('✗ error ['));
    for (const { file, place, inEnglish } of CASES) {
      expect(
        errors.find((line) => line.includes(file) && line.includes(place) && line.includes(inEnglish)),
        `${file}: ${inEnglish}`,
      ).toBeDefined();
    }
    expect(run.stderr).toContain(`${CASES.length} could not be made:`);
    expect(run.stderr).not.toContain('ข้อผิดพลาด');
  });
});

describe('hostile files and names', () => {
  it(
    'refuses a zip bomb from its size records, before inflating anything: in milliseconds, without the memory',
    { timeout: 10_000 },
    async () => {
      const bomb = path.join(temporaryDir('ita-bomb-'), 'ระเบิด.xlsx');
      await writeZipBomb(readFileSync(goodWorkbook), bomb, 500 * 1024 * 1024);
      expect(readFileSync(bomb).length).toBeLessThan(2 * 1024 * 1024);
      const rss = process.memoryUsage().rss;
      const read = await readWorkbookFile(bomb);
      expect(read.problems.map((p) => p.code)).toEqual(['file-zip-bomb']);
      expect(read.problems[0]!.message.th).toContain('500 MB');
      expect(process.memoryUsage().rss - rss).toBeLessThan(100 * 1024 * 1024);
    },
  );

  it('strips control characters from recommendation text, warns with the cell, and still writes the announcement', async () => {
    const out = temporaryDir('ita-out-');
    const workbook = layout1({ recommendations: [['IIT', 1, null, 'ควรปรับปรุง_x0007_การปฏิบัติหน้าที่_x001B_']] });
    const run = await runBuildDoc([await workbookFile(workbook), '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/! คำเตือน \[.*ข้อเสนอแนะ!D2\]: .*อักขระที่มองไม่เห็นหรือพิมพ์ไม่ได้/);
    const text = paragraphs(path.join(out, writtenIn(out)[0]!)).join('\n');
    expect(text).toContain('ควรปรับปรุงการปฏิบัติหน้าที่');
    expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  });

  it('keeps every file inside the output folder, named safely but still readably, whatever the agency is called', async () => {
    const names = ['../../นอกโฟลเดอร์', 'อบต.ก/ข\\ค:ง*จ?ฉ"ช<ซ>ฌ|ญ', '..', 'CON', `อบต.${'ยาวมาก'.repeat(60)}`];
    const workbook: FixtureWorkbook = {
      sheets: [
        {
          name: 'รายชื่อ',
          rows: [
            ['ปีงบประมาณ 2565'],
            ['หน่วยงาน', 'จังหวัด', ...LAMPANGRONG.map((_, i) => `ตัวชี้วัดที่ ${i + 1}`)],
            ...names.map((name) => [name, 'ลำปาง', ...LAMPANGRONG]),
          ],
        },
      ],
    };
    const root = temporaryDir('ita-paths-');
    const out = path.join(root, 'a', 'b', 'output');
    const run = await runBuildDoc([await workbookFile(workbook, root), '--out', out]);
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
    const run = await runBuildDoc([goodWorkbook, '--out', out]);
    expect(run.status).toBe(4);
    expect(run.stderr).toContain('บันทึกไฟล์ไม่ได้');
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(writtenIn(out)).toEqual([EARLIER]);
    expect(readdirSync(path.join(out, EARLIER))).toEqual(['เปิดอยู่.txt']);
  });
});

const SHEET = 'xl/worksheets/sheet1.xml';
let good: Buffer;

beforeAll(async () => {
  good = readFileSync(await workbookFile('lampangrong-2565'));
});

/** The good workbook with parts edited (as text), written to a file; returns its path. */
function edited(name: string, edit: (parts: Map<string, string>) => void, method: 0 | 8 = 8): string {
  const zip = new PizZip(good);
  const parts = new Map(
    Object.values(zip.files)
      .filter((f) => !f.dir)
      .map((f) => [f.name, f.asText()] as const),
  );
  edit(parts);
  const file = path.join(temporaryDir('ita-hostile-'), name);
  writeFileSync(file, craftedZip([...parts].map(([part, text]) => entry(part, text, method))));
  return file;
}

/** A template edited as the parts say; returns its path. */
function template(name: string, edit: (parts: Map<string, string | Buffer>) => void): string {
  const zip = new PizZip(readFileSync(DEFAULT_TEMPLATE));
  const parts = new Map<string, string | Buffer>(
    Object.values(zip.files)
      .filter((f) => !f.dir)
      .map((f) => [f.name, /\.(xml|rels)$/.test(f.name) ? f.asText() : Buffer.from(f.asUint8Array())] as const),
  );
  edit(parts);
  const file = path.join(temporaryDir('ita-template-'), name);
  writeFileSync(file, craftedZip([...parts].map(([part, content]) => entry(part, content))));
  return file;
}

const noStackTrace = (run: Run) => expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);

/** The clerk's screen holds the Thai account alone; --debug adds what the checks and libraries said (`debugSays`). */
async function debugShows(args: string[], status: number, debugSays: string | RegExp): Promise<void> {
  const run = await runBuildDoc([...args, '--out', temporaryDir('ita-out-'), '--debug']);
  expect(run.status, run.stderr).toBe(status);
  expect(run.stderr).toMatch(/\[debug\] /);
  expect(run.stderr).toMatch(debugSays);
}

/** Refused, the Thai message saying `says`, no library's words on screen, and --debug still showing them. */
async function refusedInThai(args: string[], status: number, says: string, debugSays?: string | RegExp): Promise<Run> {
  const run = await refused(args, status, says);
  expect(libraryText(run.stderr), run.stderr).toBeUndefined();
  if (debugSays) await debugShows(args, status, debugSays);
  return run;
}

/** Built: refused with `status`, a message holding `says`, and nothing in the output folder. */
async function refused(args: string[], status: number, says: string): Promise<Run> {
  const out = temporaryDir('ita-out-');
  const run = await runBuildDoc([...args, '--out', out]);
  expect(run.status, run.stderr).toBe(status);
  expect(run.stderr).toContain(says);
  expect(writtenIn(out)).toEqual([]);
  noStackTrace(run);
  return run;
}

/** Built: a sound document, every XML part well-formed and valid; returns its document.xml and the run. */
async function sound(args: string[]): Promise<{ run: Run; xml: string }> {
  const out = temporaryDir('ita-out-');
  const run = await runBuildDoc([...args, '--out', out]);
  expect(run.status, run.stderr).toBe(0);
  const [name] = writtenIn(out);
  const docx = readFileSync(path.join(out, name!));
  const zip = new PizZip(docx);
  for (const file of Object.values(zip.files).filter((f) => /\.(xml|rels)$/.test(f.name))) {
    const faults: string[] = [];
    try {
      new DOMParser({ onError: (level, message) => level !== 'warning' && faults.push(message) }).parseFromString(
        file.asText(),
        'text/xml',
      );
    } catch (e) {
      faults.push((e as Error).message);
    }
    expect(faults, file.name).toEqual([]);
  }
  expect(await validate(docx)).toEqual([]);
  return { run, xml: zip.file('word/document.xml')!.asText() };
}

describe('cells that are not what they say', () => {
  it('refuses a score <v>NaN</v>, or text in a number cell, as not a number (no "NaN คะแนน")', async () => {
    for (const value of ['<c r="D11"><v>NaN</v></c>', '<c r="D11" t="n"><v>abc</v></c>', '<c r="D11"><v>Infinity</v></c>']) {
      const file = edited('nan.xlsx', (p) => p.set(SHEET, p.get(SHEET)!.replace('<c r="D11"><v>84.39</v></c>', value)));
      await refused([file], 1, 'ไม่ใช่ตัวเลข');
    }
  });

  it('takes a number cell\'s text as written where a name, a result or a recommendation belongs (not "NaN")', async () => {
    const file = edited('texts-as-numbers.xlsx', (p) => {
      p.set(
        SHEET,
        p
          .get(SHEET)!
          .replace('<c r="B3" t="s"><v>2</v></c>', '<c r="B3"><v>อบต.ลำปางรอง</v></c>')
          .replace('<c r="B7" t="s"><v>9</v></c>', '<c r="B7" t="n"><v>ไม่ผ่าน</v></c>'),
      );
      p.set(
        'xl/worksheets/sheet2.xml',
        p
          .get('xl/worksheets/sheet2.xml')!
          .replace('<c r="D3" s="1" t="s"><v>32</v></c>', '<c r="D3" s="1"><v>หน่วยงานควรทดสอบข้อความที่เก็บเป็นตัวเลข</v></c>'),
      );
    });
    const { run, xml } = await sound([file]);
    expect(xml).toContain('องค์การบริหารส่วนตำบลลำปางรอง');
    expect(xml).toContain('หน่วยงานควรทดสอบข้อความที่เก็บเป็นตัวเลข');
    expect(xml).toContain('ไม่ผ่าน');
    expect(xml + run.stderr).not.toMatch(/NaN|result-mismatch|ไฟล์ระบุผลการประเมิน/);
  });

  it('never prints a number that is not finite (Infinity, 1e999, NaN where a name or a result belongs, a percentage past the largest number) in the document, the summary or --json', async () => {
    for (const value of ['Infinity', '1e999', '-Infinity', 'NaN']) {
      const file = edited('infinite.xlsx', (p) =>
        p.set(
          SHEET,
          p
            .get(SHEET)!
            .replace('<c r="B7" t="s"><v>9</v></c>', `<c r="B7"><v>${value}</v></c>`)
            .replace('<c r="B6" t="s"><v>7</v></c>', `<c r="B6"><v>${value}</v></c>`),
        ),
      );
      const out = temporaryDir('ita-out-');
      const run = await runBuildDoc([file, '--out', out, '--json']);
      const written = writtenIn(out)
        .map((name) => documentXml(path.join(out, name)))
        .join('');
      expect(`${written}${run.stdout}${run.stderr}`, value).not.toMatch(/Infinity|NaN|1e\+?999/);
    }
    expect(numberValue(1e307, '0.00%')).toEqual({ kind: 'error', text: '#NUM!' });
    expect(numberValue(Number.NaN, undefined)).toEqual({ kind: 'error', text: '#NUM!' });
  });

  it('prints no error value (#NUM!, #REF!, or a number no computer holds) where a name, a province, a level, a result or a recommendation belongs: a name is refused, the rest taken as not stated, with a warning', async () => {
    for (const value of ['<c r="B3" t="e"><v>#REF!</v></c>', '<c r="B3"><v>Infinity</v></c>']) {
      const file = edited('error-name.xlsx', (p) => p.set(SHEET, p.get(SHEET)!.replace('<c r="B3" t="s"><v>2</v></c>', value)));
      const run = await refused([file], 1, 'แทนชื่อหน่วยงาน');
      expect(run.stderr).toMatch(/เซลล์ ผลการประเมิน!B3 มีค่าผิดพลาด #(REF|NUM)! แทนชื่อหน่วยงาน/);
    }
    const file = edited('error-texts.xlsx', (p) => {
      p.set(
        SHEET,
        p
          .get(SHEET)!
          .replace('<c r="B4" t="s"><v>4</v></c>', '<c r="B4" t="e"><v>#N/A</v></c>')
          .replace('<c r="B7" t="s"><v>9</v></c>', '<c r="B7"><v>1e999</v></c>')
          .replace('<c r="B6" t="s"><v>7</v></c>', '<c r="B6" t="e"><v>#VALUE!</v></c>'),
      );
      p.set(
        'xl/worksheets/sheet2.xml',
        p.get('xl/worksheets/sheet2.xml')!.replace('<c r="D3" s="1" t="s"><v>32</v></c>', '<c r="D3" s="1" t="e"><v>#DIV/0!</v></c>'),
      );
    });
    const { run, xml } = await sound([file]);
    expect(xml).not.toMatch(/#(N\/A|NUM!|VALUE!|DIV\/0!)/);
    // The level and the result as computed, the province left out.
    expect(xml).toContain('ไม่ผ่าน');
    expect(xml).not.toContain('จังหวัด#');
    for (const [cell, value, what] of [
      ['B4', '#N/A', 'ชื่อจังหวัด'],
      ['B6', '#VALUE!', 'ระดับผลการประเมิน'],
      ['B7', '#NUM!', 'ผลการประเมิน'],
    ])
      expect(run.stderr).toContain(`เซลล์ ผลการประเมิน!${cell} มีค่าผิดพลาด ${value} แทน${what}: ไม่ใช้ค่านี้`);
    expect(run.stderr).toContain('มีค่าผิดพลาด #DIV/0! แทนข้อเสนอแนะ');
  });

  it('makes a sound document, with a warning, from U+FFFE and U+FFFF in an agency name (xlsx _xFFFE_, CSV bytes, HTML &#xFFFE;) and a recommendation', async () => {
    const xlsx = edited('ffff.xlsx', (p) =>
      p.set(
        'xl/sharedStrings.xml',
        p
          .get('xl/sharedStrings.xml')!
          .replace('<t>อบต.ลำปางรอง</t>', '<t>อบต.ลำปาง_xFFFE_รอง_xFFFF_</t>')
          .replace('<t>หน่วยงานควรพัฒนา', '<t>หน่วยงาน_xFFFE_ควรพัฒนา'),
      ),
    );
    const fromXlsx = await sound([xlsx]);
    expect(fromXlsx.xml).not.toMatch(/[\uFFFE\uFFFF]/);
    expect(fromXlsx.xml).toContain('องค์การบริหารส่วนตำบลลำปางรอง');
    expect(fromXlsx.run.stderr).toContain('มีอักขระที่มองไม่เห็นหรือพิมพ์ไม่ได้ ซึ่งได้ตัดออกแล้ว');

    const dir = temporaryDir('ita-ffff-');
    const workbook = layout1({ agency: 'อบต.ทด\uFFFEสอบ' });
    writeFileSync(path.join(dir, 'ffff.csv'), fixtureCsv(workbook.sheets[0]!));
    writeFileSync(path.join(dir, 'ffff.xls'), fixtureHtml(workbook).toString('utf8').replace('\uFFFE', '&#xFFFE;'));
    for (const file of ['ffff.csv', 'ffff.xls']) {
      const { xml, run } = await sound([path.join(dir, file)]);
      expect(xml).not.toMatch(/[\uFFFE\uFFFF]/);
      expect(run.stderr).toContain('ตัดออกแล้ว');
    }
  });

  it('makes a sound document from a control character or U+FFFF in --signer or the settings file, saying what was removed', async () => {
    const workbook = await workbookFile('lampangrong-2565');
    const signer = await sound([workbook, '--signer', 'นายสันติ\u0007 นาวี\uFFFFสัมพันธ์']);
    expect(signer.xml).toContain('(นายสันติ นาวีสัมพันธ์)');
    expect(signer.run.stderr).toContain('ตัดอักขระที่มองไม่เห็นหรือพิมพ์ไม่ได้');
    expect(signer.run.stderr).not.toMatch(/[A-Za-z]+Error|Docxtemplater/);
    const settings = path.join(temporaryDir('ita-settings-'), 'settings.yaml');
    writeFileSync(settings, 'ตำแหน่ง: "ปลัด\\x1Bองค์การบริหารส่วนตำบล"\n');
    const position = await sound([workbook, '--settings', settings]);
    expect(position.xml).toContain('ปลัดองค์การบริหารส่วนตำบล');
  });

  it('keeps a lone half of a surrogate pair out of the heading, with a warning, and bidi overrides out of file names', async () => {
    const workbook = edited('surrogate.xlsx', (p) =>
      p.set('xl/sharedStrings.xml', p.get('xl/sharedStrings.xml')!.replace('<t>อบต.ลำปางรอง</t>', '<t>อบต.ลำปาง_xD800_รอง\u202E</t>')),
    );
    const out = temporaryDir('ita-out-');
    const run = await runBuildDoc([workbook, '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(writtenIn(out)).toEqual(['ประกาศผลการประเมิน ITA 2565 อบต.ลำปางรอง.docx']);
    expect(run.stderr).toContain('ตัดออกแล้ว');
  });
});

describe('files that would cost gigabytes', () => {
  it('refuses one merged range over a million rows (a 7 KB file) in a moment, not 4 GB later', async () => {
    const file = edited('merge.xlsx', (p) =>
      p.set(
        SHEET,
        p.get(SHEET)!.replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="D20:XFD1048576"/></mergeCells>'),
      ),
    );
    expect(statSync(file).size).toBeLessThan(20_000);
    await refused([file], 1, 'เซลล์ที่ผสานกันคลุมกว่า');
  });

  it('refuses 20,000 merged ranges before exceljs spends minutes on them', async () => {
    const merges = Array.from({ length: 20_000 }, (_, i) => `<mergeCell ref="A${100 + 2 * i}:B${100 + 2 * i}"/>`).join('');
    const file = edited('merges.xlsx', (p) =>
      p.set(SHEET, p.get(SHEET)!.replace('</sheetData>', `</sheetData><mergeCells count="20000">${merges}</mergeCells>`)),
    );
    await refused([file], 1, 'มีช่วงเซลล์ที่ผสานกัน 20,001 ช่วง');
  });

  it('refuses a workbook of more than a million cells before reading it', async () => {
    const rows = Array.from(
      { length: 110_000 },
      (_, r) =>
        `<row r="${r + 100}">${Array.from({ length: 10 }, (_, c) => `<c r="${String.fromCharCode(65 + c)}${r + 100}"><v>1</v></c>`).join('')}</row>`,
    ).join('');
    const file = edited('cells.xlsx', (p) => p.set(SHEET, p.get(SHEET)!.replace('</sheetData>', `${rows}</sheetData>`)));
    await refused([file], 1, 'มีเซลล์มากกว่า 1,000,000 เซลล์');
  });

  it('refuses a zip bomb whose records understate its sizes, measuring as it inflates', async () => {
    const file = path.join(temporaryDir('ita-bomb-'), 'bomb.xlsx');
    await writeZipBomb(good, file, 400 * 1024 * 1024, 2000);
    const rss = process.memoryUsage().rss;
    const read = await readWorkbookFile(file);
    expect(read.problems.map((p) => p.code)).toEqual(['file-zip-bomb']);
    expect(process.memoryUsage().rss - rss).toBeLessThan(400 * 1024 * 1024);
  });
});

describe('files that lie or are ambiguous', () => {
  it('refuses a stored entry whose bytes were changed after its CRC was written (84.39 → 94.39)', async () => {
    const entries = entriesOf(good, 0).map((e): Entry =>
      e.name === SHEET ? { ...e, data: Buffer.from(e.data.toString('latin1').replace('84.39', '94.39'), 'latin1') } : e,
    );
    const file = path.join(temporaryDir(), 'crc.xlsx');
    writeFileSync(file, craftedZip(entries));
    await refused([file], 1, 'ขัดแย้งกับตัวเอง');
  });

  it('refuses two entries of one name, and two <c r="C5"> in one sheet', async () => {
    const entries = entriesOf(good);
    const sheet = entries.find((e) => e.name === SHEET)!;
    const file = path.join(temporaryDir(), 'twice.xlsx');
    writeFileSync(
      file,
      craftedZip([
        ...entries,
        { ...entry(SHEET, sheet.data.length ? zlib.inflateRawSync(sheet.data).toString().replace('84.39', '94.39') : '') },
      ]),
    );
    await refusedInThai(
      [file],
      1,
      'มีชีตที่ 1 ของไฟล์ (xl/worksheets/sheet1.xml) สองส่วนที่ชื่อเดียวกัน',
      'two entries named xl/worksheets/sheet1.xml',
    );
    const cells = edited('cells-twice.xlsx', (p) =>
      p.set(SHEET, p.get(SHEET)!.replace('<c r="D11"><v>84.39</v></c>', '<c r="D11"><v>84.39</v></c><c r="D11"><v>94.39</v></c>')),
    );
    await refused([cells], 1, 'เซลล์ ผลการประเมิน!D11 มีค่าสองค่าในไฟล์');
  });

  it('names the cause in Thai words when a part, the workbook, a relationship or a shared string is missing', async () => {
    const cases: [string, (p: Map<string, string>) => void, string][] = [
      ['sheet.xlsx', (p) => p.delete(SHEET), 'ไม่มีชีตที่ 1 ของไฟล์ (xl/worksheets/sheet1.xml)'],
      ['workbook.xlsx', (p) => p.delete('xl/workbook.xml'), 'ไม่มีรายชื่อชีตของไฟล์ (xl/workbook.xml)'],
      ['rels.xlsx', (p) => p.delete('xl/_rels/workbook.xml.rels'), 'ไม่มีรายการที่บอกว่าส่วนใดของไฟล์อยู่ที่ใด (xl/_rels/workbook.xml.rels)'],
      [
        'strings.xlsx',
        (p) => p.set(SHEET, p.get(SHEET)!.replace('<c r="B3" t="s"><v>2</v></c>', '<c r="B3" t="s"><v>999</v></c>')),
        'เซลล์ ผลการประเมิน!B3 อ้างถึงข้อความลำดับที่ 999 ซึ่งไม่มีในไฟล์',
      ],
    ];
    for (const [name, edit, says] of cases) {
      const run = await refusedInThai([edited(name, edit)], 1, 'ไฟล์เสียหรือดาวน์โหลดมาไม่ครบ');
      expect(run.stderr).toContain(says);
      expect(run.stderr).not.toContain('ไม่พบปีงบประมาณ');
    }
  });

  it("names the damaged part in Thai, never in exceljs's words (kept for --debug): a part cut short, a cell without its address, a text index that is no number, a zip cut short", async () => {
    const cut = (part: string) => (p: Map<string, string>) => p.set(part, p.get(part)!.slice(0, Math.floor(p.get(part)!.length / 2)));
    const cases: [string, (p: Map<string, string>) => void, string, (string | RegExp)?][] = [
      ['sheet-cut.xlsx', cut(SHEET), 'ชีตที่ 1 ของไฟล์ (xl/worksheets/sheet1.xml) ไม่ครบหรือเสีย', /exceljs: /],
      ['styles-cut.xlsx', cut('xl/styles.xml'), 'รูปแบบเซลล์ของไฟล์ (xl/styles.xml) ไม่ครบหรือเสีย', /exceljs: /],
      ['workbook-cut.xlsx', cut('xl/workbook.xml'), 'รายชื่อชีตของไฟล์ (xl/workbook.xml) ไม่ครบหรือเสีย', /exceljs: /],
      ['app-cut.xlsx', cut('docProps/app.xml'), 'ข้อมูลประกอบของไฟล์ (ผู้สร้าง วันที่) (docProps/app.xml) ไม่ครบหรือเสีย', /exceljs: /],
      [
        'no-r.xlsx',
        (p) => p.set(SHEET, p.get(SHEET)!.replace('<c r="B3" t="s">', '<c t="s">')),
        'ชีต "ผลการประเมิน" มีเซลล์ที่ไม่ได้ระบุว่าอยู่ที่ใด (ถัดจากเซลล์ A3)',
      ],
      [
        'index.xlsx',
        (p) => p.set(SHEET, p.get(SHEET)!.replace('<c r="B3" t="s"><v>2</v></c>', '<c r="B3" t="s"><v>x</v></c>')),
        'เซลล์ ผลการประเมิน!B3 อ้างถึงข้อความด้วย "x" ซึ่งไม่ใช่ลำดับของข้อความ',
      ],
    ];
    for (const [name, edit, says, debugSays] of cases) await refusedInThai([edited(name, edit)], 1, says, debugSays);
    const truncated = path.join(temporaryDir(), 'cut.xlsx');
    writeFileSync(truncated, good.subarray(0, Math.floor(good.length / 2)));
    await refusedInThai([truncated], 1, 'ไฟล์ไม่ใช่ zip ที่สมบูรณ์', 'end of central directory record signature not found');
  });
});

/** A billion "lol"s: nine entities, each ten of the one before, in a few hundred bytes. */
const LAUGHS = `<!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]>`;
/** How LibreOffice ends every sheet: a million empty rows in one repeated row, which cost a reader nothing. */
const EMPTY_ROWS = /<table:table-row[^>]*number-rows-repeated="10\d{5}"/;
/** The first sheet of an .ods with a row added before its million empty ones. */
const withOdsRow = (attributes: string, cell: string) => (content: string) =>
  content.replace(EMPTY_ROWS, (rows) => `<table:table-row ${attributes}>${cell}</table:table-row>${rows}`);

describe('OpenDocument spreadsheets that would cost gigabytes or lie', () => {
  it("keeps LibreOffice's million repeated empty rows cheap, and refuses one value repeated over a million rows and a thousand columns (a few hundred bytes), with its text or without", async () => {
    expect(formatFixture('seed-libreoffice.ods').length).toBeLessThan(40_000);
    expect(await seedAnnouncementFrom(fileOf('empty-repeats.ods', formatFixture('seed-libreoffice.ods')))).toBe(seedText());
    const bomb = editedOds(
      'seed-libreoffice.ods',
      withOdsRow(
        'table:number-rows-repeated="1000000"',
        '<table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="1000"><text:p>1</text:p></table:table-cell>',
      ),
    );
    await refused([fileOf('repeats.ods', bomb)], 1, 'มีเซลล์มากกว่า 1,000,000 เซลล์');
    const bare = editedOds(
      'seed-libreoffice.ods',
      withOdsRow(
        'table:number-rows-repeated="1000000"',
        '<table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="1000"></table:table-cell>',
      ),
    );
    await refused([fileOf('bare-values.ods', bare)], 1, 'มีเซลล์มากกว่า 1,000,000 เซลล์');
  });

  it('refuses number-rows-repeated="Infinity", on which SheetJS loops until memory runs out, and "1e9"', async () => {
    for (const value of ['Infinity', '1e9']) {
      const file = fileOf(
        'infinity.ods',
        editedOds(
          'seed-libreoffice.ods',
          withOdsRow(
            `table:number-rows-repeated="${value}"`,
            '<table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell>',
          ),
        ),
      );
      const run = await refused([file], 1, 'ไฟล์เสียหรือดาวน์โหลดมาไม่ครบ');
      expect(run.stderr).toContain(`number-rows-repeated="${value}"`);
    }
  });

  it('refuses a cell spanning the whole sheet, a value in column XFD on 2,000 rows (a grid of 33 million), and a value after the million empty rows of a sheet', async () => {
    const span = editedOds(
      'seed-libreoffice.ods',
      withOdsRow(
        '',
        '<table:table-cell table:number-columns-spanned="16384" table:number-rows-spanned="1000000" office:value-type="string"><text:p>x</text:p></table:table-cell>',
      ),
    );
    await refused([fileOf('span.ods', span)], 1, 'เซลล์ที่ผสานกันคลุมกว่า 100,000 เซลล์');
    const far =
      '<table:table-cell table:number-columns-repeated="16383"/><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell>';
    const wide = editedOds('seed-libreoffice.ods', withOdsRow('table:number-rows-repeated="2000"', far));
    await refused([fileOf('wide.ods', wide)], 1, 'กว้างคูณยาวรวมกันกว่า 20,000,000 ช่อง');
    // After each sheet's million empty rows, one more with a value: every row up to it is made.
    const down = (c: string) =>
      c.replaceAll(
        '</table:table>',
        '<table:table-row><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table>',
      );
    await refused([fileOf('down.ods', editedOds('seed-libreoffice.ods', down))], 1, 'มีแถวรวมกันกว่า 1,000,000 แถว');
  });

  it('refuses a billion laughs (a DOCTYPE whose entities expand), an encrypted .ods, and a zip whose local header names content.xml otherwise', async () => {
    const laughs = editedOds('seed-libreoffice.ods', (c) =>
      c
        .replace('<office:document-content', `${LAUGHS}<office:document-content`)
        .replace('<text:p>อบต.ลำปางรอง</text:p>', '<text:p>&lol9;</text:p>'),
    );
    await refused([fileOf('laughs.ods', laughs)], 1, 'DOCTYPE (ใน content.xml)');
    const manifest =
      '<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"><manifest:encryption-data manifest:checksum-type="SHA1/1K"/></manifest:file-entry></manifest:manifest>';
    await refused(
      [
        fileOf(
          'locked.ods',
          editedOds('seed-libreoffice.ods', (c) => c, { 'META-INF/manifest.xml': manifest }),
        ),
      ],
      1,
      'ตั้งรหัสผ่านไว้',
    );
    const renamed = Buffer.from(formatFixture('seed-libreoffice.ods'));
    renamed.write('CONTENT.xml', renamed.indexOf('content.xml'), 'latin1');
    await refusedInThai(
      [fileOf('renamed.ods', renamed)],
      1,
      'เนื้อหาของไฟล์ (content.xml) มีชื่อไม่ตรงกันสองแห่งในไฟล์',
      'content.xml is named CONTENT.xml in its local header',
    );
  });
});

describe('XML Spreadsheets 2003 that would cost gigabytes or lie', () => {
  const xml = () => formatFixture('seed-xml-spreadsheet-2003.xml').toString('utf8');
  const withRows = (rows: string) => xml().replace('</Table>', `${rows}</Table>`);

  it('reads one that claims a million rows and 16,384 columns (ss:ExpandedRowCount, which SheetJS ignores) as the seed', async () => {
    const claims = xml().replace('<Table ', '<Table ss:ExpandedRowCount="1048576" ss:ExpandedColumnCount="16384" ');
    expect(await seedAnnouncementFrom(fileOf('claims.xml', claims))).toBe(seedText());
  });

  it('refuses more than a million cells before SheetJS reads them', async () => {
    const row = `<Row>${'<Cell><Data ss:Type="Number">1</Data></Cell>'.repeat(100)}</Row>`;
    const read = await readWorkbookFile(fileOf('cells.xml', withRows(row.repeat(10_001))));
    expect(read.problems.map((p) => p.code)).toEqual(['file-too-complex']);
  });

  it('refuses a merge over the whole sheet, an ss:Index past the last row, one going back, and two sheets each with a value a million rows down', async () => {
    await refused(
      [
        fileOf(
          'merge.xml',
          withRows('<Row><Cell ss:MergeAcross="16000" ss:MergeDown="1000000"><Data ss:Type="String">x</Data></Cell></Row>'),
        ),
      ],
      1,
      'เซลล์ที่ผสานกันคลุมกว่า 100,000 เซลล์',
    );
    const past = await refused(
      [fileOf('past.xml', withRows('<Row ss:Index="2000000"><Cell><Data ss:Type="String">x</Data></Cell></Row>'))],
      1,
      'ไฟล์เสียหรือดาวน์โหลดมาไม่ครบ',
    );
    expect(past.stderr).toContain('ss:Index="2000000"');
    await refused(
      [
        fileOf(
          'back.xml',
          withRows(
            '<Row><Cell ss:Index="3"><Data ss:Type="String">x</Data></Cell><Cell ss:Index="2"><Data ss:Type="String">y</Data></Cell></Row>',
          ),
        ),
      ],
      1,
      'ss:Index ย้อนกลับไปทับเซลล์ที่มีอยู่แล้ว',
    );
    const far = xml().replaceAll('</Table>', '<Row ss:Index="600000"><Cell><Data ss:Type="String">x</Data></Cell></Row></Table>');
    await refused([fileOf('far.xml', far)], 1, 'มีแถวรวมกันกว่า 1,000,000 แถว');
  });

  it('refuses a column described a billion times over (ss:Span, for which SheetJS makes an object each)', async () => {
    const run = await refused(
      [fileOf('span.xml', xml().replace(/<Column /, '<Column ss:Span="1000000000" '))],
      1,
      'ไฟล์เสียหรือดาวน์โหลดมาไม่ครบ',
    );
    expect(run.stderr).toContain('(ss:Span)');
  });

  it('refuses a billion laughs', async () => {
    await refused(
      [fileOf('laughs.xml', xml().replace('<Workbook', `${LAUGHS}<Workbook`).replace('>อบต.ลำปางรอง<', '>&lol9;<'))],
      1,
      'DOCTYPE',
    );
  });
});

describe('binary .xls files that would cost gigabytes or lie', () => {
  it('reads one whose DIMENSIONS record claims four billion rows as the seed (SheetJS only keeps the claim)', async () => {
    const file = editedXls('seed-libreoffice.xls', [], {
      edit: (s) => s.writeUInt32LE(0xffffffff, s.indexOf(Buffer.from([0x00, 0x02, 0x0e, 0x00])) + 8),
    });
    expect(await seedAnnouncementFrom(fileOf('dimensions.xls', file))).toBe(seedText());
  });

  it('refuses a million and one cell records (20 MB) before SheetJS spends 600 MB on them', async () => {
    const cells = Array.from({ length: 1_000_001 }, (_, i) => numberRecord(100 + Math.floor(i / 200), i % 200, 1));
    const rss = process.memoryUsage().rss;
    const read = await readWorkbookFile(fileOf('cells.xls', editedXls('seed-libreoffice.xls', cells)));
    expect(read.problems.map((p) => p.code)).toEqual(['file-too-complex']);
    expect(read.problems[0]!.message.th).toContain('มีเซลล์มากกว่า 1,000,000 เซลล์');
    expect(process.memoryUsage().rss - rss).toBeLessThan(300 * 1024 * 1024);
  });

  it('refuses two records for one cell, a merge over the whole sheet, and a record running past the end of its stream', async () => {
    await refused(
      [fileOf('twice.xls', editedXls('seed-libreoffice.xls', [numberRecord(10, 3, 94.39)]))],
      1,
      'เซลล์ ผลการประเมิน!D11 มีค่าสองค่าในไฟล์',
    );
    const merge = Buffer.alloc(10);
    merge.writeUInt16LE(1, 0);
    merge.writeUInt16LE(65535, 4);
    merge.writeUInt16LE(255, 8);
    await refused(
      [fileOf('merge.xls', editedXls('seed-libreoffice.xls', [record(0x00e5, merge)]))],
      1,
      'เซลล์ที่ผสานกันคลุมกว่า 100,000 เซลล์ เช่น A1:IV65536',
    );
    const stream = workbookStream('seed-libreoffice.xls');
    const cut = fileOf('cut.xls', compoundFile([{ name: 'Workbook', data: stream.subarray(0, stream.length - 7) }]));
    await refused([cut], 1, 'ไฟล์เสียหรือดาวน์โหลดมาไม่ครบ');
  });

  it('refuses links over the whole sheet, whose every cell SheetJS walks (a tenth of a second each, twenty minutes a megabyte), and keeps a link on one cell', async () => {
    await refused(
      [
        fileOf(
          'links.xls',
          editedXls(
            'seed-libreoffice.xls',
            Array.from({ length: 20 }, () => hyperlinkRecord([0, 65535], [0, 255])),
          ),
        ),
      ],
      1,
      'มีเซลล์มากกว่า 1,000,000 เซลล์',
    );
    expect(await seedAnnouncementFrom(fileOf('link.xls', editedXls('seed-libreoffice.xls', [hyperlinkRecord([2, 2], [1, 1])])))).toBe(
      seedText(),
    );
  });

  it('refuses a container whose chain of sectors loops, and one cut short in the download', async () => {
    const data = workbookStream('seed-libreoffice.xls');
    const loop = compoundFile([{ name: 'Workbook', data }], { fat: (fat, [sectors]) => void (fat[sectors!.at(-1)!] = sectors![0]!) });
    await refusedInThai([fileOf('loop.xls', loop)], 1, 'โครงสร้างภายในของไฟล์ Excel รุ่นเก่า (.xls) อ้างถึงส่วนเดียวกันซ้ำหรือวนกลับ', 'claimed twice');
    const whole = formatFixture('seed-libreoffice.xls');
    await refusedInThai(
      [fileOf('short.xls', whole.subarray(0, Math.floor(whole.length / 2)))],
      1,
      'โครงสร้างภายในของไฟล์ Excel รุ่นเก่า (.xls) เสียหรือถูกตัดสั้น',
      /cut short|past the end/,
    );
  });
});

describe('text files', () => {
  it('refuses a CSV with a quotation mark never closed, naming its line', async () => {
    const file = path.join(temporaryDir(), 'quote.csv');
    writeFileSync(file, 'หน่วยงาน,อบต.ทดสอบ\nปีงบประมาณ,2565\n"ตัวชี้วัด,คะแนน\n1,84.39\n');
    await refused([file], 1, 'ไฟล์ CSV บรรทัดที่');
  });

  it('refuses a web page nested 100,000 deep, one of 200 cells each spanning a thousand rows and columns, and one of a million cells', async () => {
    const dir = temporaryDir('ita-html-');
    const pages: [string, string, string][] = [
      ['deep.xls', `<html><body>${'<div>'.repeat(100_000)}x${'</div>'.repeat(100_000)}</body></html>`, 'ซ้อนกันลึกกว่า'],
      [
        'spans.xls',
        `<html><body><table>${'<tr><td colspan="1000" rowspan="1000">x</td></tr>'.repeat(200)}</table></body></html>`,
        'เซลล์ที่ผสานกันคลุมกว่า',
      ],
      [
        'rows.xls',
        `<html><body><table>${'<tr><td>1</td><td>2</td><td>3</td><td>4</td><td>5</td></tr>'.repeat(210_000)}</table></body></html>`,
        'ตารางมี 1,050,000 เซลล์',
      ],
    ];
    for (const [name, html, says] of pages) {
      writeFileSync(path.join(dir, name), html);
      await refused([path.join(dir, name)], 1, says);
    }
  });

  it('shows text from a cell on the terminal with its escape sequences as codes, never sent', async () => {
    const file = edited('escape.xlsx', (p) =>
      p.set(
        'xl/sharedStrings.xml',
        p.get('xl/sharedStrings.xml')!.replace('<t>หน่วยงาน</t>', '<t>หน่วยงาน\u001b[2J\u001b]52;c;aGVsbG8=\u0007</t>'),
      ),
    );
    const run = await runBuildDoc([file, '--check']);
    expect(run.stderr).not.toMatch(/[\u001b\u0007]/);
  });
});

describe('templates are data', () => {
  const refusedTemplate = async (file: string, says: string) => {
    const check = await runCheckTemplate([file]);
    expect(check.status, check.stderr).toBe(3);
    expect(check.stderr).toContain(says);
    noStackTrace(check);
    await refused([await workbookFile('lampangrong-2565'), '--template', file], 3, says);
  };

  it('refuses a template whose document.xml inflates to 450 MB, and one holding 300 MB of zeros, before inflating them', async () => {
    const bomb = await padded(
      'word/document.xml',
      '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>',
      '</w:body></w:document>',
      450 * 1024 * 1024,
    );
    const entries = entriesOf(readFileSync(DEFAULT_TEMPLATE)).map((e) => (e.name === 'word/document.xml' ? bomb : e));
    const file = path.join(temporaryDir(), 'bomb.docx');
    writeFileSync(file, craftedZip(entries));
    expect(statSync(file).size).toBeLessThan(1024 * 1024);
    await refusedTemplate(file, 'แม่แบบจะขยายใหญ่เกินกว่าเอกสาร Word จะเป็นได้');
    const zeros = await padded('word/media/pad.bin', '', '', 300 * 1024 * 1024);
    const padFile = path.join(temporaryDir(), 'pad.docx');
    writeFileSync(padFile, craftedZip([...entriesOf(readFileSync(DEFAULT_TEMPLATE)), zeros]));
    await refusedTemplate(padFile, 'แม่แบบจะขยายใหญ่เกินกว่าเอกสาร Word จะเป็นได้');
  });

  const external = (type: string, target: string) =>
    `<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}" TargetMode="External"/></Relationships>`;
  it.each([
    [
      'a remote attached template',
      (p: Map<string, string | Buffer>) =>
        p.set(
          'word/_rels/settings.xml.rels',
          `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${external('attachedTemplate', 'https://example.com/t.dotm')}`,
        ),
      'ดึงมาจากภายนอก',
    ],
    [
      'an external picture on file://',
      (p: Map<string, string | Buffer>) =>
        p.set(
          'word/_rels/document.xml.rels',
          String(p.get('word/_rels/document.xml.rels')).replace('</Relationships>', external('image', 'file://server/share/x.png')),
        ),
      'file://server/share/x.png',
    ],
    [
      'an external frame',
      (p: Map<string, string | Buffer>) =>
        p.set(
          'word/_rels/document.xml.rels',
          String(p.get('word/_rels/document.xml.rels')).replace('</Relationships>', external('frame', 'https://example.com/')),
        ),
      'ดึงมาจากภายนอก',
    ],
    [
      'altChunk',
      (p: Map<string, string | Buffer>) =>
        p.set(
          'word/_rels/document.xml.rels',
          String(p.get('word/_rels/document.xml.rels')).replace(
            '</Relationships>',
            '<Relationship Id="rId98" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="x.html"/></Relationships>',
          ),
        ),
      'altChunk',
    ],
    ['vbaProject.bin', (p: Map<string, string | Buffer>) => p.set('word/vbaProject.bin', Buffer.from('macro')), 'vbaProject.bin'],
    [
      'a DDEAUTO field',
      (p: Map<string, string | Buffer>) =>
        p.set(
          'word/document.xml',
          String(p.get('word/document.xml')).replace(
            '<w:body>',
            '<w:body><w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe "/k calc"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
          ),
        ),
      'ฟิลด์ DDEAUTO',
    ],
    [
      'a .docm renamed',
      (p: Map<string, string | Buffer>) =>
        p.set(
          '[Content_Types].xml',
          String(p.get('[Content_Types].xml')).replace('wordprocessingml.document.main+xml', 'word.document.macroEnabled.main+xml'),
        ),
      'เอกสารที่มีแมโคร (.docm)',
    ],
    [
      'a .dotx renamed',
      (p: Map<string, string | Buffer>) =>
        p.set(
          '[Content_Types].xml',
          String(p.get('[Content_Types].xml')).replace('wordprocessingml.document.main+xml', 'wordprocessingml.template.main+xml'),
        ),
      'แม่แบบของ Word (.dotx)',
    ],
    [
      'a DOCTYPE',
      (p: Map<string, string | Buffer>) =>
        p.set('word/styles.xml', String(p.get('word/styles.xml')).replace('<w:styles', '<!DOCTYPE x [<!ENTITY a "b">]><w:styles')),
      'DOCTYPE',
    ],
    [
      'a broken header',
      (p: Map<string, string | Buffer>) => p.set('word/header1.xml', String(p.get('word/header1.xml')).replace('</w:hdr>', '')),
      'XML ของส่วน word/header1.xml ไม่สมบูรณ์',
    ],
    [
      'broken relationships',
      (p: Map<string, string | Buffer>) =>
        p.set('word/_rels/document.xml.rels', String(p.get('word/_rels/document.xml.rels')).replace('</Relationships>', '<Relationship')),
      'XML ของส่วน word/_rels/document.xml.rels ไม่สมบูรณ์',
    ],
  ])('refuses a template with %s, in check-template and build-doc alike', async (_kind, edit, says) => {
    await refusedTemplate(template('t.docx', edit), says);
  });

  const rels = 'word/_rels/document.xml.rels';
  const edit = (part: string, from: string | RegExp, to: string) => (p: Map<string, string | Buffer>) =>
    p.set(part, String(p.get(part)).replace(from, to));
  it.each([
    [
      'its header missing',
      (p: Map<string, string | Buffer>) => p.delete('word/header1.xml'),
      'เนื้อหาหลักของแม่แบบ (word/document.xml) อ้างถึงหัวกระดาษของแม่แบบ (word/header1.xml) ซึ่งไม่มีในแม่แบบ',
    ],
    [
      'its styles missing',
      (p: Map<string, string | Buffer>) => p.delete('word/styles.xml'),
      'อ้างถึงสไตล์ของแม่แบบ (word/styles.xml) ซึ่งไม่มีในแม่แบบ',
    ],
    ['a relationship id twice', edit(rels, 'Id="rId2"', 'Id="rId1"'), 'มีรหัส rId1 สองรายการ'],
    [
      'a relationship id that leads nowhere',
      edit('word/document.xml', 'r:embed="rId6"', 'r:embed="rId60"'),
      'เนื้อหาหลักของแม่แบบ (word/document.xml) อ้างถึงรหัส rId60 ซึ่งไม่มีใน',
    ],
    ['its relationships missing', (p: Map<string, string | Buffer>) => p.delete(rels), 'อ้างถึงรหัส'],
    [
      'a part its content types do not cover',
      edit('[Content_Types].xml', '<Default Extension="png" ContentType="image/png"/>', ''),
      'ภาพในแม่แบบ (word/media/emblem.png) ไม่มีชนิดในรายการชนิดของส่วนต่าง ๆ ในไฟล์',
    ],
    [
      'a part given two content types',
      edit('[Content_Types].xml', '</Types>', '<Override PartName="/word/header1.xml" ContentType="text/plain"/></Types>'),
      'ระบุชนิดของ /word/header1.xml สองครั้ง',
    ],
    [
      "a header whose content type is not a header's",
      edit('[Content_Types].xml', /(PartName="\/word\/header1\.xml" ContentType=")[^"]*/, '$1text/plain'),
      'หัวกระดาษของแม่แบบ (word/header1.xml) มีชนิด "text/plain" ซึ่งไม่ใช่ชนิดที่ Word ใช้กับส่วนนี้',
    ],
    [
      'content types that are not well-formed XML',
      edit('[Content_Types].xml', '</Types>', '<Types>'),
      'XML ของส่วน [Content_Types].xml ไม่สมบูรณ์',
    ],
    [
      'an invalid part name',
      (p: Map<string, string | Buffer>) => (p.set('docProps/a b.xml', p.get('docProps/app.xml')!), p.delete('docProps/app.xml')),
      'ชื่อส่วน "docProps/a b.xml" ใช้ในเอกสาร Word ไม่ได้',
    ],
  ])(
    'refuses a template Word cannot open, with %s, with exit 3 in check-template and build-doc, in Thai, nothing on the console',
    async (_kind, change, says) => {
      const file = template('t.docx', change);
      const printed = [vi.spyOn(console, 'warn'), vi.spyOn(console, 'error'), vi.spyOn(console, 'log')];
      try {
        await refusedTemplate(file, says);
        for (const spy of printed) expect(spy).not.toHaveBeenCalled();
      } finally {
        printed.forEach((spy) => spy.mockRestore());
      }
      const check = await runCheckTemplate([file]);
      expect(libraryText(check.stderr), check.stderr).toBeUndefined();
    },
  );
});

describe('emblem pictures', () => {
  const png = readFileSync(path.join(FIXTURES, 'emblem', 'ตราหน่วยงาน.png'));
  it.each([
    ['a truncated PNG', () => png.subarray(0, Math.floor(png.length / 2)), 'ไม่ครบ'],
    [
      'a PNG of 2³¹ × 1 pixels',
      () => Buffer.concat([png.subarray(0, 16), Buffer.from([0x80, 0, 0, 0, 0, 0, 0, 1]), png.subarray(24)]),
      'ใหญ่ผิดปกติ',
    ],
    ['a JPEG with no image data', () => Buffer.from([0xff, 0xd8, 0xff, 0xc0, 0, 11, 8, 0, 10, 0, 10, 1, 1, 0x11, 0, 0xff, 0xd9]), 'ไม่ครบ'],
  ])('refuses %s with exit 6', async (_kind, bytes, says) => {
    const file = path.join(temporaryDir(), 'ตรา.png');
    writeFileSync(file, bytes());
    await refused([await workbookFile('lampangrong-2565'), '--emblem', file], 6, says);
  });

  it('refuses a 1.9 GB picture and /dev/zero without reading them whole', async () => {
    const huge = path.join(temporaryDir(), 'huge.png');
    writeFileSync(huge, png);
    truncateSync(huge, Math.floor(1.9 * 1024 * 1024 * 1024));
    const rss = process.memoryUsage().rss;
    await refused([await workbookFile('lampangrong-2565'), '--emblem', huge], 6, 'ใหญ่เกิน 20 MB');
    if (process.platform !== 'win32') await refused([await workbookFile('lampangrong-2565'), '--emblem', '/dev/zero'], 6, 'ใหญ่เกิน 20 MB');
    expect(process.memoryUsage().rss - rss).toBeLessThan(300 * 1024 * 1024);
  });
});

describe('the command line', () => {
  it('refuses an option given twice with exit 2, not an internal error', async () => {
    for (const args of [
      ['--out', 'a', '--out', 'b'],
      ['--signer', 'ก', '--signer', 'ข'],
    ]) {
      const run = await runBuildDoc(args);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('ได้ครั้งเดียว');
    }
  });

  it.skipIf(
    !canRender ||
      statSync(os.tmpdir()).dev === statSync('/dev/shm', { throwIfNoEntry: false })?.dev ||
      !statSync('/dev/shm', { throwIfNoEntry: false }),
  )('writes --pdf into an output folder on another drive (needs LibreOffice, and /dev/shm on another device)', async () => {
    const out = path.join('/dev/shm', `ita-pdf-${process.pid}`);
    mkdirSync(out, { recursive: true });
    const run = await runBuildDoc([await workbookFile('lampangrong-2565'), '--out', out, '--pdf']);
    expect(run.status, run.stderr).toBe(0);
    expect(writtenIn(out).filter((n) => n.endsWith('.pdf'))).toHaveLength(1);
  });

  it('refuses settings values that are lists, maps or aliases, and reads 0x1F and .inf as the text they are', async () => {
    const dir = temporaryDir('ita-settings-');
    const settings = path.join(dir, 'settings.yaml');
    writeFileSync(settings, 'ผู้ลงนาม: &a นายสันติ\nตำแหน่ง: *a\n');
    const alias = await runBuildDoc(['--settings', settings]);
    expect(alias.status).toBe(2);
    expect(alias.stderr).toContain('บรรทัดที่ 2');
    writeFileSync(settings, 'ผู้ลงนาม: .inf\n');
    const { xml } = await sound([await workbookFile('lampangrong-2565'), '--settings', settings]);
    expect(xml).toContain('(.inf)');
  });
});
