/**
 * The page a reviewer opens: A4, the ประกาศ's margins and type, Thai runs marked complex script,
 * page numbers from page two, tables that behave across pages. Asserted in the produced XML, then
 * on the page LibreOffice lays out, then through python-docx.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBuildDoc } from '../helpers/cli.js';
import { canRender, hasPythonDocx, pdfPageCount, pdfPageText, pdfWords, runPython, toPdf, validate } from '../helpers/clients.js';
import { part, templateVariant, thaiRuns } from '../helpers/docx.js';
import { temporaryDir, workbookFile } from '../../tools/workbooks.js';

const NAME = 'ประกาศผลการประเมิน ITA 2565 อบต.ลำปางรอง.docx';
const SIGNING = ['--date', '2022-08-02', '--signer', 'นายสันติ นาวีสัมพันธ์'];
const FONT = 'TH SarabunIT๙';
const CM = 567; // twips, near enough: 1 cm = 566.9

let announcement: string;
let xml: { document: string; styles: string; settings: string; firstHeader: string; otherHeader: string };

async function build(args: string[] = []): Promise<string> {
  const dir = temporaryDir('ita-type-');
  const out = path.join(dir, 'out');
  const run = await runBuildDoc([await workbookFile('lampangrong-2565', dir), '--out', out, ...SIGNING, ...args]);
  expect(run.status, run.stderr).toBe(0);
  return path.join(out, NAME);
}

/** The header part a sectPr's headerReference of `type` points to. */
function header(docx: string, type: 'first' | 'default'): string {
  const id = new RegExp(`<w:headerReference w:type="${type}" r:id="([^"]+)"/>`).exec(part(docx, 'word/document.xml'))?.[1];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(part(docx, 'word/_rels/document.xml.rels'))?.[1];
  return part(docx, `word/${target}`);
}

function style(styles: string, id: string): string {
  return new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>.*?</w:style>`).exec(styles)?.[0] ?? '';
}

function paragraphWith(document: string, text: string): string {
  return [...document.matchAll(/<w:p>(?:(?!<\/w:p>).)*<\/w:p>/g)].map((m) => m[0]).find((p) => p.includes(text)) ?? '';
}

beforeAll(async () => {
  announcement = await build();
  xml = {
    document: part(announcement, 'word/document.xml'),
    styles: part(announcement, 'word/styles.xml'),
    settings: part(announcement, 'word/settings.xml'),
    firstHeader: header(announcement, 'first'),
    otherHeader: header(announcement, 'default'),
  };
});

describe('page and type', () => {
  it('is A4 portrait with margins left 3 cm, right 2 cm, top 2.5 cm, bottom 2 cm', async () => {
    expect(xml.document).toContain('<w:pgSz w:w="11906" w:h="16838"/>');
    const margins = /<w:pgMar ([^>]*)\/>/.exec(xml.document)?.[1] ?? '';
    const margin = (side: string) => Number(new RegExp(`w:${side}="(\\d+)"`).exec(margins)?.[1]) / CM;
    expect(margin('left')).toBeCloseTo(3, 1);
    expect(margin('right')).toBeCloseTo(2, 1);
    expect(margin('top')).toBeCloseTo(2.5, 1);
    expect(margin('bottom')).toBeCloseTo(2, 1);
  });

  it('sets TH SarabunIT๙ 16 pt in all four font slots, the complex-script size equal, and Thai as the bidi language', async () => {
    const defaults = /<w:rPrDefault>.*?<\/w:rPrDefault>/.exec(xml.styles)?.[0] ?? '';
    expect(defaults).toContain(`<w:rFonts w:ascii="${FONT}" w:hAnsi="${FONT}" w:eastAsia="${FONT}" w:cs="${FONT}"/>`);
    expect(defaults).toContain('<w:sz w:val="32"/><w:szCs w:val="32"/>');
    // Latin text is English, Thai (complex script) text Thai; the page number Thai, for LibreOffice's native digits.
    expect(defaults).toMatch(/<w:lang w:val="en-US" [^>]*w:bidi="th-TH"/);
    expect(style(xml.styles, 'ItaPageNumber')).toContain('<w:lang w:val="th-TH"/>');
    for (const part of [xml.styles, xml.document, xml.otherHeader]) {
      for (const fonts of part.match(/<w:rFonts [^>]*\/>/g) ?? []) expect(fonts).toContain(`w:cs="${FONT}"`);
      for (const size of part.matchAll(/<w:sz w:val="(\d+)"\/>(<w:szCs w:val="(\d+)"\/>)?/g)) expect(size[3]).toBe(size[1]);
    }
  });

  it('makes bold headings bold for complex script too', async () => {
    for (const id of ['ItaTitle', 'ItaSection']) expect(style(xml.styles, id)).toContain('<w:b/><w:bCs/>');
    for (const bold of xml.document.matchAll(/<w:b\/>(<w:bCs\/>)?/g)) expect(bold[1]).toBeDefined();
  });

  it('uses compatibility mode 15, no w:noProof anywhere, and Thai-justified body paragraphs indented 2.5 cm', async () => {
    expect(xml.settings).toContain(
      '<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>',
    );
    for (const text of Object.values(xml)) expect(text).not.toContain('noProof');
    const body = style(xml.styles, 'ItaBody');
    expect(body).toContain('<w:jc w:val="thaiDistribute"/>');
    expect(Number(/<w:ind w:firstLine="(\d+)"\/>/.exec(body)?.[1]) / CM).toBeCloseTo(2.5, 1);
    expect(paragraphWith(xml.document, 'ได้รับคะแนนการประเมิน')).toContain('<w:pStyle w:val="ItaBody"/>');
  });

  it('centres the heading, draws the short rule under it, and keeps closing, date and signature together on the right half', async () => {
    expect(style(xml.styles, 'ItaTitle')).toContain('<w:jc w:val="center"/>');
    expect(style(xml.styles, 'ItaRule')).toMatch(/<w:pBdr><w:bottom w:val="single"/);
    const signature = style(xml.styles, 'ItaSignature');
    // 12 cm wide, right of the middle: the longest local-government title fits on one line (tests/real-clients/pdf-look.test.ts).
    const textWidth = 11906 - 1701 - 1134;
    const left = Number(/<w:ind w:left="(\d+)"\/>/.exec(signature)?.[1]);
    expect((textWidth - left) / CM).toBeCloseTo(12, 1);
    expect(left + (textWidth - left) / 2).toBeGreaterThan(textWidth / 2);
    expect(signature).toContain('<w:jc w:val="center"/>');
    const closing = xml.document.slice(xml.document.indexOf('จึงประกาศเพื่อทราบโดยทั่วกัน'));
    const paragraphs = [...xml.document.slice(0, xml.document.indexOf('</w:body>')).matchAll(/<w:p>(?:(?!<\/w:p>).)*<\/w:p>/g)]
      .map((m) => m[0])
      .slice(-7);
    expect(paragraphs[0]).toContain('จึงประกาศเพื่อทราบโดยทั่วกัน');
    expect(closing).toContain('นายกองค์การบริหารส่วนตำบลลำปางรอง');
    for (const p of paragraphs.slice(0, -1)) {
      const styleId = /<w:pStyle w:val="(\w+)"\/>/.exec(p)?.[1] ?? '';
      expect(p.includes('<w:keepNext/>') || style(xml.styles, styleId).includes('<w:keepNext/>'), p).toBe(true);
    }
  });
});

describe('Thai runs', () => {
  it('marks every run that carries Thai text complex script, in the body and the header', async () => {
    for (const text of [xml.document, xml.otherHeader]) {
      const runs = thaiRuns(text);
      expect(runs.length).toBeGreaterThan(0);
      expect(runs.filter((r) => !r.properties.includes('<w:cs/>'))).toEqual([]);
    }
  });

  it('marks them even when the template marked none, and removes w:noProof the template had', async () => {
    const dir = temporaryDir('ita-type-');
    const template = templateVariant(dir, 'ไม่มี cs.docx', (document) =>
      document
        .replace(/<w:cs\/>/g, '')
        .replace(/<w:rPr><\/w:rPr>/g, '')
        .replace(/<w:r><w:t>/g, '<w:r><w:rPr><w:noProof/></w:rPr><w:t>'),
    );
    expect(part(template, 'word/document.xml')).not.toContain('<w:cs/>');
    const file = await build(['--template', template]);
    const document = part(file, 'word/document.xml');
    expect(document).not.toContain('noProof');
    const runs = thaiRuns(document);
    expect(runs.length).toBeGreaterThan(30);
    expect(runs.filter((r) => !r.properties.includes('<w:cs/>'))).toEqual([]);
    expect(await validate(file)).toEqual([]);
  });
});

describe('page numbers', () => {
  it('puts none on page one and "- n -" from page two: a PAGE field, top centre, in Thai digits', async () => {
    expect(xml.document).toContain('<w:titlePg/>');
    expect(xml.firstHeader).not.toContain('PAGE');
    expect(xml.otherHeader).toMatch(
      /<w:t xml:space="preserve">- <\/w:t>.*<w:fldChar w:fldCharType="begin"\/>.*<w:instrText xml:space="preserve"> PAGE <\/w:instrText>.*<w:t xml:space="preserve"> -<\/w:t>/,
    );
    expect(style(xml.styles, 'ItaPageNumber')).toContain('<w:jc w:val="center"/>');
    expect(xml.document).toContain('<w:pgNumType w:fmt="thaiNumbers"/>');
  });

  it('uses Arabic page numbers under --digits arabic', async () => {
    expect(part(await build(['--digits', 'arabic']), 'word/document.xml')).toContain('<w:pgNumType w:fmt="decimal"/>');
  });
});

describe('tables', () => {
  it('have borders, a bold header row repeated on each page, rows that never split, scores right-aligned', async () => {
    const tables = xml.document.match(/<w:tbl>.*?<\/w:tbl>/g) ?? [];
    expect(tables).toHaveLength(2);
    expect(style(xml.styles, 'ItaTable')).toMatch(
      /<w:tblBorders><w:top w:val="single".*<w:insideH w:val="single".*<w:insideV w:val="single"/,
    );
    for (const table of tables) {
      expect(table).toContain('<w:tblStyle w:val="ItaTable"/>');
      const rows = table.match(/<w:tr>.*?<\/w:tr>/g) ?? [];
      expect(rows[0]).toContain('<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>');
      for (const run of rows[0]!.match(/<w:rPr>.*?<\/w:rPr>/g) ?? []) expect(run).toContain('<w:b/><w:bCs/>');
      for (const row of rows.slice(1)) {
        expect(row).toContain('<w:cantSplit/>');
        expect(row).not.toContain('<w:tblHeader/>');
      }
    }
    expect(tables[0]!.match(/<w:pStyle w:val="ItaCellScore"\/>/g)).toHaveLength(10);
    expect(style(xml.styles, 'ItaCellScore')).toContain('<w:jc w:val="right"/>');
  });
});

describe.skipIf(!canRender)('the page LibreOffice lays out (needs LibreOffice and poppler: .ci/run installs them)', () => {
  let pdf: string;
  beforeAll(() => {
    pdf = toPdf(announcement, temporaryDir('ita-pdf-'));
  });

  it('has no number on page one and "- 2 -" at the top of page two (LibreOffice prints Arabic page numbers: it ignores thaiNumbers)', async () => {
    expect(pdfPageCount(pdf)).toBeGreaterThanOrEqual(2);
    expect(pdfPageText(pdf, 1)).not.toMatch(/-\s*[1๑]\s*-/);
    expect(pdfPageText(pdf, 1).trim().startsWith('ประกาศองค์การบริหารส่วนตำบลลำปางรอง')).toBe(true);
    expect(pdfPageText(pdf, 2).trim()).toMatch(/^-\s*[2๒]\s*-/);
  });

  it('wraps every Thai line inside the margins: nothing runs past 3 cm on the left or 2 cm on the right', async () => {
    const { pageWidth, words } = pdfWords(pdf);
    const POINTS_PER_CM = 72 / 2.54;
    const left = 3 * POINTS_PER_CM - 1;
    const right = pageWidth - 2 * POINTS_PER_CM + 1;
    expect(words.length).toBeGreaterThan(300);
    expect(words.filter((w) => w.xMin < left || w.xMax > right)).toEqual([]);
  });

  it('breaks long recommendation paragraphs into many full lines, none stretched by huge gaps', async () => {
    const { pageWidth, words } = pdfWords(pdf);
    const lines = new Map<string, typeof words>();
    for (const w of words) {
      const key = `${w.page}:${Math.round(w.yMax)}`;
      lines.set(key, [...(lines.get(key) ?? []), w]);
    }
    // Lines that start at the left margin: a paragraph's second and later lines (table rows start inside a cell).
    const POINTS_PER_CM = 72 / 2.54;
    const left = 3 * POINTS_PER_CM;
    const right = pageWidth - 2 * POINTS_PER_CM;
    const wrapped = [...lines.values()]
      .map((line) => line.sort((a, b) => a.xMin - b.xMin))
      .filter((line) => Math.abs(line[0]!.xMin - left) < 2);
    expect(wrapped.length).toBeGreaterThan(40);
    // Broken at Thai word boundaries, most lines are filled to within 2 cm of the right margin
    // (LibreOffice does not stretch Thai letters the way Word's thaiDistribute does; paragraphs' last lines end early)...
    const filled = wrapped.filter((line) => right - line.at(-1)!.xMax < 2 * POINTS_PER_CM);
    expect(filled.length / wrapped.length).toBeGreaterThan(0.7);
    // ...and no space inside a line is stretched to a hand's width (a 16 pt space is about 4 pt).
    const gaps = wrapped.flatMap((line) => line.slice(1).map((w, i) => w.xMin - line[i]!.xMax));
    expect(Math.max(...gaps)).toBeLessThan(30);
  });
});

describe.skipIf(!hasPythonDocx)('python-docx (needs python3-docx: .ci/run installs it)', () => {
  it('reads the page, a first page of its own and the page number header', async () => {
    const script = [
      'import sys, docx',
      's = docx.Document(sys.argv[1]).sections[0]',
      'print(round(s.page_width.cm, 1), round(s.page_height.cm, 1), round(s.left_margin.cm, 1), round(s.right_margin.cm, 1))',
      'print(s.different_first_page_header_footer, repr(s.first_page_header.paragraphs[0].text), repr(s.header.paragraphs[0].text))',
    ].join('\n');
    const run = runPython(script, [announcement]);
    expect(run.stderr).toBe('');
    expect(run.stdout.trim().split('\n')).toEqual(['21.0 29.7 3.0 2.0', "True '' '- ๒ -'"]);
  });
});
