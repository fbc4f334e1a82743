/**
 * The results in the forms clerks hold them (issue 21): the NACC's own tables with weighted tool
 * columns, Thai text as a PDF gives it, scores kept as percentages, Christian years, and a file
 * with no table of scores at all. Each on a real workbook generated from data and read back.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FixtureCell, FixtureWorkbook } from '../../tools/workbook-fixture.js';
import { runBuildDoc, writtenIn } from '../helpers/cli.js';
import { documentXml, paragraphs, withoutWhitespace } from '../helpers/docx.js';
import { codes, LAMPANGRONG, layout1, layout2, NAMES, announceFixture, OPTIONS } from '../helpers/layouts.js';
import { fixture, temporaryDir, workbookFile } from '../../tools/workbooks.js';
import { normaliseThai } from '../../src/core/thai.js';
import { announceWorkbook } from '../../src/ita/announce-workbook.js';
import { readWorkbook } from '../../src/read/workbook.js';
import { fixtureHtml } from '../../tools/workbook-fixture.js';
import { seedText } from '../helpers/formats.js';

const SIGNING = ['--date', '2022-08-02', '--signer', 'นายสันติ นาวีสัมพันธ์'];

/** The seed's fixture with every text cell changed by `change`, every number by `number`. */
function seedWith(
  change: (text: string) => string,
  number: (value: number, sheet: string, row: number) => FixtureCell = (v) => v,
): FixtureWorkbook {
  const seed = fixture('lampangrong-2565');
  return {
    sheets: seed.sheets.map((sheet) => ({
      ...sheet,
      rows: sheet.rows.map((cells, r) =>
        cells.map((cell) => (typeof cell === 'string' ? change(cell) : typeof cell === 'number' ? number(cell, sheet.name, r) : cell)),
      ),
    })),
  };
}

/** The document's text, whitespace aside, from a workbook built through the command line. */
async function documentText(workbook: FixtureWorkbook): Promise<{ text: string; xml: string; stderr: string }> {
  const out = temporaryDir('ita-out-');
  const run = await runBuildDoc([await workbookFile(workbook), '--out', out, ...SIGNING]);
  expect(run.status, run.stderr).toBe(0);
  const [name] = writtenIn(out);
  const docx = path.join(out, name!);
  const { unzipSync, strFromU8 } = await import('fflate');
  const xml = strFromU8(unzipSync(readFileSync(docx))['word/document.xml']!);
  return { text: withoutWhitespace(paragraphs(docx).join('')), xml, stderr: run.stderr };
}

describe('Thai text as it arrives', () => {
  it('writes Thai one way: sara am from its two halves (also after a tone mark), marks typed twice, เเ, a tone before its vowel, a space inside a syllable', () => {
    expect(normaliseThai('ลําปางรอง')).toBe('ลำปางรอง');
    expect(normaliseThai('น้ํา')).toBe('น้ำ');
    expect(normaliseThai('น\u0e4d\u0e49\u0e32')).toBe('น้ำ');
    expect(normaliseThai('เเก้ไข')).toBe('แก้ไข');
    expect(normaliseThai('ที่่')).toBe('ที่');
    expect(normaliseThai('ก\u0e48\u0e35')).toBe('กี่');
    expect(normaliseThai('ล\u00a0ำปาง')).toBe('ลำปาง');
    expect(normaliseThai('อบต. ลำปางรอง จ.ลำปาง')).toBe('อบต. ลำปางรอง จ.ลำปาง');
  });

  it('prints the reference announcement from a workbook whose every text has sara am in two halves, as text copied from a PDF carries it', async () => {
    const decomposed = seedWith((text) => text.replaceAll('ำ', '\u0e4d\u0e32'));
    expect(JSON.stringify(decomposed).match(/\u0e4d\u0e32/g)!.length).toBeGreaterThan(35);
    const { text, xml, stderr } = await documentText(decomposed);
    expect(text).toBe(seedText());
    expect(xml).not.toMatch(/\u0e4d/);
    expect(stderr).toContain('อบต.ลำปางรอง');
    expect(stderr).not.toMatch(/\u0e4d/);
  });

  it('prints a signer’s position typed with sara am in halves as one character', async () => {
    const out = temporaryDir('ita-out-');
    const run = await runBuildDoc([
      await workbookFile('lampangrong-2565'),
      '--out',
      out,
      ...SIGNING,
      '--position',
      'นายกองค์การบริหารส่วนตําบลลําปางรอง',
    ]);
    expect(run.status, run.stderr).toBe(0);
    const xml = documentXml(path.join(out, writtenIn(out)[0]!));
    expect(xml).toContain('นายกองค์การบริหารส่วนตำบลลำปางรอง');
    expect(xml).not.toMatch(/\u0e4d/);
  });

  it('matches labels, indicator names and tools written with decomposed sara am and doubled marks', async () => {
    const { agencies, problems } = await announceFixture(layout1({ agency: 'อบต.ลําปางรอง', labels: [['คะแนนรวม', 78.29]] }));
    expect(codes(problems)).toEqual(['warning:recommendations-missing']);
    expect(agencies[0]!.announcement!.agency.shortName).toBe('อบต.ลำปางรอง');
    const names = NAMES.map((name) => name.replaceAll('ำ', '\u0e4d\u0e32').replaceAll('ี่', 'ี่่'));
    const workbook = layout1({});
    workbook.sheets[0]!.rows = workbook.sheets[0]!.rows.map((row) =>
      row.map((cell) => (typeof cell === 'string' && NAMES.includes(cell) ? names[NAMES.indexOf(cell)]! : cell)),
    );
    const renamed = await announceFixture(workbook);
    expect(codes([...renamed.problems, ...renamed.agencies[0]!.problems])).toEqual(['warning:recommendations-missing']);
    expect(renamed.agencies[0]!.announcement!.indicators.map((i) => i.name)).toEqual(NAMES);
  });
});

describe('scores kept as percentages', () => {
  const asPercent = (value: number, sheet: string, row: number): FixtureCell =>
    sheet === 'ผลการประเมิน' && row >= 4 && value > 1 ? { number: Number((value / 100).toPrecision(12)), format: '0.00%' } : value;

  it('reads fractions with a percent format as the number shown (0.8439 shown as 84.39%) and prints the reference announcement', async () => {
    const workbook = seedWith((t) => t, asPercent);
    expect(JSON.stringify(workbook)).toContain('{"number":0.8439,"format":"0.00%"}');
    const { text } = await documentText(workbook);
    expect(text).toBe(seedText());
  });

  it('reads "84.39%" written as text, as a copied page shows it', async () => {
    const { agencies } = await announceFixture(layout1({ scores: LAMPANGRONG.map((s) => `${s}%`), labels: [['คะแนนรวม', '78.29%']] }));
    expect(agencies[0]!.announcement).toMatchObject({ total: 78.29, level: 'B' });
  });

  it('refuses an agency whose scores are kept two ways, naming a cell of each', async () => {
    const scores: FixtureCell[] = LAMPANGRONG.map((s) => ({ number: Number((s as number) / 100), format: '0.00%' }));
    scores[3] = 75.36;
    const mixed = await announceFixture(layout1({ scores }));
    const problem = mixed.agencies[0]!.problems.find((p) => p.code === 'score-forms-mixed')!;
    expect(mixed.agencies[0]!.announcement).toBeUndefined();
    expect(problem.severity).toBe('error');
    expect(problem.message.th).toContain('ผลการประเมิน!C5 แสดงเป็นร้อยละ (84.39%)');
    expect(problem.message.th).toContain('ผลการประเมิน!C8 เป็นตัวเลขธรรมดา (75.36)');
  });

  it('refuses fractions among scores, and scores that are all fractions, in both layouts', async () => {
    const scores: FixtureCell[] = [...LAMPANGRONG];
    scores[8] = 0.6957;
    const one = await announceFixture(layout1({ scores }));
    expect(one.agencies[0]!.problems.find((p) => p.code === 'score-forms-mixed')!.message.th).toContain(
      'ผลการประเมิน!C13 เป็น 0.6957 ซึ่งดูเป็นสัดส่วน (69.57 คะแนน)',
    );
    const fractions = await announceFixture(layout2({ rows: [{ name: 'อบต.หนึ่ง', scores: LAMPANGRONG.map((s) => (s as number) / 100) }] }));
    expect(codes(fractions.agencies[0]!.problems)).toContain('error:score-forms-mixed');
    expect(fractions.agencies[0]!.problems.find((p) => p.code === 'score-forms-mixed')!.message.th).toContain('คะแนนทุกช่องไม่เกิน 1');
  });
});

describe("the NACC's own tables", () => {
  /** A province's ranking as the NACC prints it: rank, ministry and group columns, the indicators, each tool's weighted part, the total and the level. */
  function naccTable(parts: FixtureCell[][], heads = ['IIT (30)', 'EIT (30)', 'OIT (40)']): FixtureWorkbook {
    const header = ['อันดับ', 'หน่วยงาน', 'จังหวัด', 'กระทรวง', 'กลุ่ม', ...NAMES.map((n, i) => `${i + 1}. ${n}`), ...heads, 'คะแนน ITA', 'ระดับ'];
    const rows = parts.map((part, i) => [
      i + 1,
      `อบต.ทดสอบ${i + 1}`,
      'ลำปาง',
      'มหาดไทย',
      'อปท. ขนาดเล็ก',
      ...LAMPANGRONG,
      ...part,
      78.29,
      'B',
    ]);
    return { sheets: [{ name: 'Year=2022', rows: [['ผลการประเมิน ITA ค.ศ. 2022 รายจังหวัด'], header, ...rows] }] };
  }

  it('reads IIT (30), EIT (30) and OIT (40) as weighted parts of the total, with no warning when they agree', async () => {
    const { agencies, problems } = await announceFixture(
      naccTable([
        [23.59, 24.54, 30.16],
        [23.59, 24.54, 30.16],
      ]),
    );
    expect(codes(problems)).toEqual(['warning:fiscal-year-christian', 'warning:recommendations-missing', 'warning:signer-for-many']);
    expect(agencies.map((a) => [a.announcement?.total, codes(a.problems)])).toEqual([
      [78.29, []],
      [78.29, []],
    ]);
  });

  it('reads tool columns holding each tool’s mean as before, under "30%" and "ร้อยละ 40" headings too', async () => {
    const { agencies } = await announceFixture(naccTable([[78.63, 81.79, 75.41]], ['IIT 30%', 'EIT ร้อยละ 30', 'คะแนน OIT']));
    expect(codes(agencies[0]!.problems)).toEqual([]);
  });

  it('makes each agency’s announcement from the NACC’s table through the command line, with no warning of its tool columns', async () => {
    const out = temporaryDir('ita-out-');
    const run = await runBuildDoc([
      await workbookFile(
        naccTable([
          [23.59, 24.54, 30.16],
          [23.59, 24.54, 30.16],
        ]),
      ),
      '--out',
      out,
      ...SIGNING,
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(writtenIn(out)).toEqual(['ประกาศผลการประเมิน ITA 2565 อบต.ทดสอบ1.docx', 'ประกาศผลการประเมิน ITA 2565 อบต.ทดสอบ2.docx']);
    expect(run.stderr).toContain('ไฟล์ระบุปี ค.ศ. 2022 ที่เซลล์ Year=2022!A1: ใช้เป็นปีงบประมาณ พ.ศ. 2565');
    expect(run.stderr).not.toContain('คะแนน IIT');
  });

  it('warns of a tool column that is neither, naming both figures it could have been', async () => {
    const { agencies } = await announceFixture(naccTable([[29.62, 24.54, 30.16]]));
    const warned = agencies[0]!.problems.filter((p) => p.code === 'tool-score-mismatch');
    expect(warned).toHaveLength(1);
    expect(warned[0]!.message.th).toContain('เป็น 29.62 แต่ตัวชี้วัดของ IIT ให้ 78.63 (เฉลี่ย เต็ม 100) หรือ 23.59 (ถ่วงน้ำหนัก เต็ม 30)');
  });
});

describe('years as the workbook states them', () => {
  const christian = (problems: readonly { code: string; message: { th: string } }[]) =>
    problems.filter((p) => p.code === 'fiscal-year-christian').map((p) => p.message.th);

  it('reads a Christian year in a title, a label or a number cell as its Buddhist year, with one line saying so', async () => {
    for (const [labels, said] of [
      [[['ผลการประเมิน ITA ประจำปี ค.ศ. 2022']], 'ไฟล์ระบุปี ค.ศ. 2022 ที่เซลล์ ผลการประเมิน!A2: ใช้เป็นปีงบประมาณ พ.ศ. 2565'],
      [[['รายงาน Year=2022']], 'ไฟล์ระบุปี ค.ศ. 2022 ที่เซลล์ ผลการประเมิน!A2'],
      [[['ปีงบประมาณ', 'ค.ศ. 2022']], 'ไฟล์ระบุปี ค.ศ. 2022 ที่เซลล์ ผลการประเมิน!B2'],
      [[['ปีงบประมาณ', 2022]], 'ไฟล์ระบุปี ค.ศ. 2022 ที่เซลล์ ผลการประเมิน!B2'],
    ] as const) {
      const { agencies, problems } = await announceFixture(layout1({ year: null, labels: labels as unknown as FixtureCell[][] }));
      expect(agencies[0]!.announcement?.fiscalYear, said).toBe(2565);
      expect(christian(problems)).toEqual([expect.stringContaining(said)]);
    }
  });

  it('says it once for a list of agencies whose year column holds the Christian year', async () => {
    const workbook = layout2({ rows: [{ name: 'อบต.หนึ่ง' }, { name: 'อบต.สอง' }, { name: 'อบต.สาม' }] });
    const sheet = workbook.sheets[0]!;
    sheet.rows = sheet.rows.map((row, r) => (r === 0 ? ['ผลการประเมิน ITA'] : [...row, r === 1 ? 'ปีงบประมาณ' : 2022]));
    const { agencies, problems } = await announceFixture(workbook);
    expect(agencies.map((a) => a.announcement?.fiscalYear)).toEqual([2565, 2565, 2565]);
    expect(christian([...problems, ...agencies.flatMap((a) => a.problems)])).toHaveLength(1);
  });

  it('keeps a Buddhist year as it is, and refuses an impossible Christian one by the figure written', async () => {
    const buddhist = await announceFixture(layout1({ year: 'พ.ศ. 2565' }));
    expect(christian(buddhist.problems)).toEqual([]);
    const impossible = await announceFixture(layout1({ year: 'ค.ศ. 2150' }));
    expect(codes(impossible.problems)).toEqual(['error:fiscal-year-unknown']);
    expect(impossible.problems[0]!.message.th).toContain('ปีงบประมาณ 2150');
  });
});

describe('a file with no table of scores', () => {
  it('says what was looked for and what each sheet holds, and hands back the agency and year it found', async () => {
    const workbook: FixtureWorkbook = {
      sheets: [
        {
          name: 'สรุป',
          rows: [['ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2566'], ['หน่วยงาน', 'อบต.ทดสอบ'], ['IIT', 'EIT', 'OIT'], [80, 81, 82]],
        },
        { name: 'ว่าง', rows: [] },
      ],
    };
    const { problems, seen } = await announceFixture(workbook);
    expect(codes(problems)).toEqual(['error:no-indicator-table']);
    expect(problems[0]!.message.th).toContain('โปรแกรมมองหาแถวหัวตารางที่มีคอลัมน์ "ตัวชี้วัด" และ "คะแนน"');
    expect(problems[0]!.message.th).toContain(
      'ชีต "สรุป": "ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 25…", "หน่วยงาน", "อบต.ทดสอบ", "IIT", "EIT", "OIT"; ชีต "ว่าง": (ว่าง)',
    );
    expect(seen).toEqual({
      agency: 'อบต.ทดสอบ',
      fiscalYear: 2566,
      sheets: [
        { name: 'สรุป', texts: ['ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 25…', 'หน่วยงาน', 'อบต.ทดสอบ', 'IIT', 'EIT', 'OIT'] },
        { name: 'ว่าง', texts: [] },
      ],
    });
  });
});

describe('a saved page around the results', () => {
  it('takes a menu of links beside the labels ("หน้าหลัก | หน่วยงาน | ผลการประเมิน | ดาวน์โหลด") for no value, and the results for theirs', async () => {
    const page = fixtureHtml(fixture('lampangrong-2565'))
      .toString('utf8')
      .replace(
        '<body>',
        '<body><table><tr><td><a href="/">หน้าหลัก</a></td><td><a href="/agency">หน่วยงาน</a></td><td><a href="/result">ผลการประเมิน</a></td><td><a href="/dl">ดาวน์โหลด</a></td></tr></table>',
      );
    const read = await readWorkbook({ name: 'ผลการประเมิน.html', bytes: Buffer.from(page) });
    const { problems, agencies } = announceWorkbook(read.workbook!, OPTIONS);
    expect(codes([...problems, ...agencies.flatMap((a) => a.problems)])).toEqual([]);
    expect(agencies[0]!.announcement).toMatchObject({ agency: { shortName: 'อบต.ลำปางรอง' }, result: 'ไม่ผ่าน', total: 78.29 });
  });

  it('reads no year from "25652564" (two years run together) and takes the title’s', async () => {
    const { agencies, problems } = await announceFixture(
      layout1({ year: '25652564', labels: [['ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2565']] }),
    );
    expect(agencies[0]!.announcement?.fiscalYear).toBe(2565);
    expect(codes(problems)).toEqual(['warning:recommendations-missing']);
  });

  it('says a workbook without a sheet holds no table of scores, not that it states no year', async () => {
    const { problems, seen } = announceWorkbook({ file: 'ว่าง.xml', sheets: [] }, OPTIONS);
    expect(codes(problems)).toEqual(['error:no-indicator-table']);
    expect(problems[0]!.message.th).toContain('แต่ในไฟล์พบ ไม่มีชีตเลย');
    expect(seen).toEqual({ sheets: [] });
  });
});
