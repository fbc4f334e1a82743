/**
 * The PDF a reviewer receives (--pdf, through LibreOffice) looks like the Word document, read back
 * line by line with poppler (pdftotext -bbox-layout): Thai page numbers from page two, body lines
 * reaching the right margin, the closing never alone on a page, the heading and the signature
 * broken where a Thai typist breaks them. Eight documents of different lengths, so a page break
 * lands just before the closing in at least one.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBuildDoc } from '../helpers/cli.js';
import { canRender, pdfLines, type LineBox } from '../helpers/clients.js';
import { layout2, LAMPANGRONG } from '../helpers/layouts.js';
import { toThaiDigits } from '../../src/core/thai.js';
import type { FixtureCell } from '../../tools/workbook-fixture.js';
import { temporaryDir, workbookFile } from '../../tools/workbooks.js';

const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';
const thai = (n: number) => [...String(n)].map((d) => THAI_DIGITS[Number(d)]).join('');
/** A4 in points, less the template's margins (3 cm left, 2 cm right). */
const LEFT = (3 / 2.54) * 72;
const RIGHT = 595.3 - (2 / 2.54) * 72;

/** Agencies, each with more recommendation items than the last: one to five pages. */
const AGENCIES = ['อบจ.พระนครศรีอยุธยา', 'อบต.หนึ่ง', 'อบต.สอง', 'อบต.สาม', 'อบต.สี่', 'อบต.ห้า', 'อบต.หก', 'อบต.เจ็ด'];
const itemsOf = (i: number) => (i === 0 ? 0 : 10 + 3 * i);
const item = (agency: string, n: number) =>
  `- ${agency} ต้องเผยแพร่ข้อมูลลำดับที่ ${n} ให้ครบถ้วนตามเกณฑ์ โดยแสดงรายละเอียดของการดำเนินงาน ผลการดำเนินงาน และช่องทางการติดต่อสอบถามที่ประชาชนเข้าถึงได้`;

function workbook() {
  const rows: FixtureCell[][] = [['หน่วยงาน', 'เครื่องมือ', 'ตัวชี้วัด', 'ตัวชี้วัดย่อย', 'ข้อเสนอแนะ']];
  AGENCIES.forEach((agency, i) => {
    for (let n = 1; n <= itemsOf(i); n++) rows.push([agency, 'OIT', 9, '9.1 ข้อมูลพื้นฐาน', item(agency, n)]);
  });
  const fixture = layout2({ year: 2565, rows: AGENCIES.map((name) => ({ name, scores: LAMPANGRONG })) });
  fixture.sheets.push({ name: 'ข้อเสนอแนะ', rows });
  return fixture;
}

const pdfs = new Map<string, LineBox[]>();

describe.skipIf(!canRender)('the PDF of an announcement (needs LibreOffice and poppler: .ci/run installs them)', () => {
  beforeAll(async () => {
    const out = temporaryDir('ita-pdf-look-');
    const run = await runBuildDoc([
      await workbookFile(workbook()),
      '--out',
      out,
      '--pdf',
      '--date',
      '2565-08-02',
      '--signer',
      'นายสันติ นาวีสัมพันธ์',
    ]);
    expect(run.status, run.stderr).toBe(0);
    for (const agency of AGENCIES) pdfs.set(agency, pdfLines(path.join(out, `ประกาศผลการประเมิน ITA 2565 ${agency}.pdf`)));
  }, 300_000);

  it('comes in several lengths', () => {
    const pages = AGENCIES.map((agency) => Math.max(...pdfs.get(agency)!.map((l) => l.page)));
    expect(new Set(pages).size).toBeGreaterThanOrEqual(3);
    expect(Math.max(...pages)).toBeGreaterThanOrEqual(4);
  });

  it('numbers every page from the second "- ๒ -" in Thai digits, at the top centre', () => {
    for (const [agency, lines] of pdfs) {
      const last = Math.max(...lines.map((l) => l.page));
      for (let page = 2; page <= last; page++) {
        const top = lines.find((l) => l.page === page)!;
        expect(top.text.replace(/\s/g, ''), `${agency} page ${page}`).toBe(`-${thai(page)}-`);
        expect(Math.abs((top.xMin + top.xMax) / 2 - (LEFT + RIGHT) / 2), `${agency} page ${page}`).toBeLessThan(6);
      }
      expect(lines.filter((l) => l.page === 1).some((l) => /^-\S+-$/.test(l.text.replace(/\s/g, '')))).toBe(false);
    }
  });

  it('justifies body paragraphs to both margins: full lines end at the right margin', () => {
    for (const [agency, lines] of pdfs) {
      // Lines that nearly fill the width and are not centred: ragged-right text ends them anywhere in the last word's width.
      const full = lines.filter(
        (l) => l.xMax > RIGHT - 25 && l.xMax - l.xMin > 0.75 * (RIGHT - LEFT) && Math.abs(l.xMin - LEFT - (RIGHT - l.xMax)) > 6,
      );
      const atMargin = full.filter((l) => Math.abs(l.xMax - RIGHT) < 2.5);
      expect(full.length, agency).toBeGreaterThanOrEqual(2);
      expect(
        atMargin.length / full.length,
        `${agency}: ${full
          .filter((l) => !atMargin.includes(l))
          .map((l) => `${l.xMax.toFixed(0)} ${l.text.slice(0, 30)}`)
          .join(' | ')}`,
      ).toBeGreaterThan(0.8);
    }
  });

  it('never leaves the closing alone on a page: the last paragraph goes with it, and in one document it had to', () => {
    let pulledOver = 0;
    for (const [agency, lines] of pdfs) {
      const closing = lines.find((l) => l.text.replace(/\s/g, '') === 'จึงประกาศเพื่อทราบโดยทั่วกัน')!;
      const above = lines.filter((l) => l.page === closing.page && l.yMin < closing.yMin && !/^-\S+-$/.test(l.text.replace(/\s/g, '')));
      expect(above.length, `${agency}: nothing above the closing on page ${closing.page}`).toBeGreaterThan(0);
      const items = itemsOf(AGENCIES.indexOf(agency));
      const last = toThaiDigits(items ? item(agency, items) : '').replace(/\s/g, '');
      if (
        closing.page > 1 &&
        items &&
        above
          .map((l) => l.text)
          .join('')
          .replace(/\s/g, '') === last
      )
        pulledOver++;
    }
    expect(pulledOver, 'no document had its page break just before the closing: vary the lengths').toBeGreaterThanOrEqual(1);
  });

  it('breaks the heading where a Thai typist does, and keeps พ.ศ. with its year and a score with คะแนน', () => {
    for (const [agency, lines] of pdfs) {
      const texts = lines.filter((l) => l.page === 1).map((l) => l.text.replace(/\s/g, ''));
      expect(texts, agency).toContain('(IntegrityandTransparencyAssessment:ITA)');
      expect(texts).toContain('คุณธรรมและความโปร่งใส');
      expect(texts).toContain('ประจำปีงบประมาณพ.ศ.๒๕๖๕');
      expect(texts.some((t) => t.includes('๗๘.๒๙คะแนน'))).toBe(true);
      const dated = lines.find((l) => l.text.includes('ประกาศ ณ วันที่'))!;
      expect(dated.text.replace(/\s/g, '')).toContain('พ.ศ.๒๕๖๕');
    }
  });

  it('has the signature block wide enough for the longest local-government position on one line', () => {
    const lines = pdfs.get('อบจ.พระนครศรีอยุธยา')!;
    expect(lines.map((l) => l.text.replace(/\s/g, ''))).toContain('นายกองค์การบริหารส่วนจังหวัดพระนครศรีอยุธยา');
    const signer = lines.find((l) => l.text.replace(/\s/g, '') === '(นายสันตินาวีสัมพันธ์)')!;
    expect((signer.xMin + signer.xMax) / 2).toBeGreaterThan((LEFT + RIGHT) / 2);
  });
});
