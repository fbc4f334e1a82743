/** Layout 2, one agency per row: each rule on a real workbook generated from data and read back. */
import { describe, expect, it } from 'vitest';
import type { FixtureSheet, FixtureWorkbook } from '../../../tools/workbook-fixture.js';
import type { AgencyResult } from '../../../src/ita/announce-workbook.js';
import { codes, LAMPANGRONG, layout2, NAMES, announceFixture, type Layout2, type Row } from '../../helpers/layouts.js';
import { fixture } from '../../../tools/workbooks.js';

/** The workbook's problems, less the warning every test here gets for giving several agencies one signer (checked once, below). */
const workbookCodes = (problems: Parameters<typeof codes>[0]) => codes(problems).filter((c) => c !== 'warning:signer-for-many');

const announced = (agencies: AgencyResult[]) =>
  agencies.map(
    (a) => a.announcement && [a.announcement.agency.shortName, a.announcement.total, a.announcement.level, a.announcement.result],
  );

describe('layout 2: many agencies, one row each', () => {
  it('reads a province report with a grouped two-row header, subtotals and an average row; the published 2564 figures check out', async () => {
    const { problems, agencies } = await announceFixture(fixture('province-2564'));
    expect(codes(problems)).toEqual(['warning:signer-for-many']);
    expect(agencies.map((a) => codes(a.problems))).toEqual([[], [], [], []]);
    expect(announced(agencies)).toEqual([
      ['อบจ.ทดลองเหนือ', 81.45, 'B', 'ไม่ผ่าน'],
      ['อบจ.ทดลองใต้', 77.85, 'B', 'ไม่ผ่าน'],
      ['อบต.บ้านใหม่', 97.49, 'AA', 'ผ่าน'],
      ['อบต.บ้านใหม่', 89.92, 'A', 'ผ่าน'],
    ]);
    const [north, south] = agencies.map((a) => a.announcement!);
    expect(north!.agency).toEqual({ shortName: 'อบจ.ทดลองเหนือ', fullName: 'องค์การบริหารส่วนจังหวัดทดลองเหนือ', province: 'ทดลองเหนือ' });
    expect(north!.fiscalYear).toBe(2564);
    expect(north!.source).toMatchObject({ sheet: 'ผลการประเมินรายหน่วยงาน', row: 5 });
    expect(north!.indicators[7]!.name).toBe('การปรับปรุงการทำงาน');
    expect(north!.levelDescription).toContain('81.45 คะแนน');
    expect(north!.signature.position).toBe('นายกองค์การบริหารส่วนจังหวัดทดลองเหนือ');
    // Each agency gets its own rows of the recommendations sheet, nobody else's.
    expect(north!.recommendations!.iit).toEqual(['หน่วยงานควรพัฒนาและปรับปรุงการแก้ไขปัญหาการทุจริตของ อบจ.ทดลองเหนือ']);
    expect(north!.recommendations!.eit).toEqual([]);
    expect(north!.recommendations!.oit.map((o) => o.indicator.number)).toEqual([10]);
    expect(south!.recommendations!.iit).toEqual(['หน่วยงานควรพัฒนาและปรับปรุงการปฏิบัติหน้าที่ของ อบจ.ทดลองใต้']);
    expect(south!.recommendations!.oit[0]!.sections[0]!.items).toEqual(['- ทดลองใต้: เผยแพร่แผนดำเนินงานประจำปี']);
  });

  it('finds the indicator columns titled by name, by number, by both, across a line break, or split over two rows', async () => {
    const variants: Layout2['titles'][] = [
      NAMES,
      NAMES.map((_, i) => i + 1),
      NAMES.map((_, i) => `ตัวชี้วัดที่ ${i + 1}`),
      NAMES.map((n, i) => `ตัวชี้วัดที่ ${i + 1}\n${n}`),
      NAMES.map((n, i) => `${i + 1}) ${n} (${i < 5 ? 6 : i < 8 ? 10 : 20}%)`),
      [NAMES.map((_, i) => `ตัวชี้วัดที่ ${i + 1}`), NAMES],
      [NAMES, NAMES.map((_, i) => i + 1)],
    ];
    for (const titles of variants) {
      const { problems, agencies } = await announceFixture(
        layout2({ titles, rows: [{ name: 'อบต.หนึ่ง' }, { name: 'อบต.สอง', scores: Array(10).fill(90) }] }),
      );
      expect(workbookCodes(problems), JSON.stringify(titles)).toEqual(['warning:recommendations-missing']);
      expect(announced(agencies), JSON.stringify(titles)).toEqual([
        ['อบต.หนึ่ง', 78.29, 'B', 'ไม่ผ่าน'],
        ['อบต.สอง', 90, 'A', 'ผ่าน'],
      ]);
      // Titled by number alone, an indicator is printed as ITAS prints it in 2565 (printed: in 2565.yaml): 8 is การปรับปรุงการทำงาน.
      const named = JSON.stringify(titles).includes(NAMES[0]!);
      expect(agencies[0]!.announcement!.indicators.map((i) => i.name)).toEqual(
        named ? NAMES : NAMES.map((n, i) => (i === 7 ? 'การปรับปรุงการทำงาน' : n)),
      );
    }
  });

  it('reads a three-row header: tool groups however spelt, indicator titles, and "คะแนน" under each title', async () => {
    const header = [
      'ลำดับ',
      'หน่วยงาน',
      'แบบวัด IIT (30%)',
      null,
      null,
      null,
      null,
      'แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก',
      null,
      null,
      'oit',
      null,
      'คะแนนรวม',
    ];
    const workbook: FixtureWorkbook = {
      sheets: [
        {
          name: 'ผล',
          merges: ['A2:A4', 'B2:B4', 'C2:G2', 'H2:J2', 'K2:L2', 'M2:M4'],
          rows: [
            ['ปีงบประมาณ', 2565],
            header,
            [null, null, ...NAMES],
            [null, null, ...Array(10).fill('คะแนน')],
            [1, 'อบต.หนึ่ง', ...LAMPANGRONG, 78.29],
          ],
        },
      ],
    };
    const { problems, agencies } = await announceFixture(workbook);
    expect(workbookCodes(problems)).toEqual(['warning:recommendations-missing']);
    expect(announced(agencies)).toEqual([['อบต.หนึ่ง', 78.29, 'B', 'ไม่ผ่าน']]);
  });

  it('reads indicator 8 under either of its names, and prints the name the workbook wrote', async () => {
    const titles = NAMES.map((n, i) => (i === 7 ? 'การปรับปรุงการทำงาน' : n));
    const { agencies } = await announceFixture(layout2({ titles, rows: [{ name: 'อบต.หนึ่ง' }] }));
    expect(agencies[0]!.announcement!.total).toBe(78.29);
    expect(agencies[0]!.announcement!.ranking.map((r) => r.name)).toContain('การปรับปรุงการทำงาน');
  });

  it('reads numbers as text, Thai digits, stray spaces, NBSP and zero-width characters, colons and line breaks in labels, rich text, hyperlinks and formulas', async () => {
    const workbook = layout2({
      labels: {
        agency: 'หน่วย\u200bงาน:',
        province: ' จังหวัด ',
        total: 'คะแนน\nรวม\n(100 คะแนน)',
        level: 'ระดับ\u00a0:',
        result: 'ผล การประเมิน (ผ่าน/ไม่ผ่าน)',
      },
      rows: [
        { name: { richText: ['อบต.', 'ตัวหนา'] }, scores: LAMPANGRONG.map(String) },
        {
          name: { text: 'อบต.ลิงก์', hyperlink: 'https://itas.nacc.go.th' },
          scores: ['๘๔.๓๙', '๗๒.๙๘', '๘๔.๗๙', '๗๕.๓๖', '๗๕.๖๓', '๘๔.๒๗', '๘๑.๕๐', '๗๙.๖๑', '๖๙.๕๗', '๘๑.๒๕'],
        },
        {
          name: '\u00a0อบต.ช่อง\u00a0 ว่าง\u200b ',
          scores: LAMPANGRONG.map((s) => ` ${s}\u00a0`),
          total: ' ๗๘.๓๐ ',
          level: ' A ',
          result: '\u00a0ผ่าน ',
        },
        {
          name: 'อบต.สูตร',
          scores: [{ formula: 'ROUND(84.391,2)', result: 84.39 }, ...LAMPANGRONG.slice(1)],
          total: { formula: 'SUM(D6:M6)/10', result: 78.29 },
        },
      ],
    });
    const { problems, agencies } = await announceFixture(workbook);
    expect(workbookCodes(problems)).toEqual(['warning:recommendations-missing']);
    expect(announced(agencies)).toEqual([
      ['อบต.ตัวหนา', 78.29, 'B', 'ไม่ผ่าน'],
      ['อบต.ลิงก์', 78.29, 'B', 'ไม่ผ่าน'],
      ['อบต.ช่อง ว่าง', 78.3, 'A', 'ผ่าน'],
      ['อบต.สูตร', 78.29, 'B', 'ไม่ผ่าน'],
    ]);
    // The stated columns are read under their bracketed titles: the level and result stand, with a warning.
    expect(codes(agencies[2]!.problems)).toEqual(['warning:level-mismatch', 'warning:result-mismatch']);
  });

  it('stops only the agency whose formula has no cached result, naming the cell', async () => {
    const scores = [...LAMPANGRONG];
    scores[2] = { formula: 'AVERAGE(X1:X9)' };
    const { agencies } = await announceFixture(
      layout2({ rows: [{ name: 'อบต.หนึ่ง' }, { name: 'อบต.สูตรเปล่า', scores }, { name: 'อบต.สาม' }] }),
    );
    expect(announced(agencies).map((a) => a?.[0])).toEqual(['อบต.หนึ่ง', undefined, 'อบต.สาม']);
    const problem = agencies[1]!.problems.find((p) => p.code === 'formula-without-result')!;
    expect(problem.where).toMatchObject({ sheet: 'รายหน่วยงาน', cell: 'F4', agency: 'อบต.สูตรเปล่า' });
    expect(problem.message.th).toContain('รายหน่วยงาน!F4');
  });

  it('skips averages, totals, weights, blank rows and notes; a province merged down belongs to each of its agencies', async () => {
    const workbook = layout2({
      rows: [
        ['น้ำหนัก', null, null, ...Array(5).fill('6%'), ...Array(3).fill('10%'), '20%', '20%'],
        { name: 'อบต.หนึ่ง', province: 'ลำปาง' },
        [],
        [2, 'อบต.สอง', null, ...Array(10).fill(90)],
        [null, 'รวม', null, ...Array(10).fill(168)],
        [null, 'ค่าเฉลี่ย', null, ...Array(10).fill(84)],
        [null, 'หมายเหตุ: ข้อมูลจากระบบ ITAS'],
      ],
    });
    workbook.sheets[0]!.merges = ['C4:C6'];
    const { problems, agencies } = await announceFixture(workbook);
    expect(agencies.map((a) => [a.name, a.announcement?.agency.province])).toEqual([
      ['อบต.หนึ่ง', 'ลำปาง'],
      ['อบต.สอง', 'ลำปาง'],
    ]);
    expect(workbookCodes(problems)).toEqual(['warning:agency-row-without-scores', 'warning:recommendations-missing']);
    expect(problems[0]!.message.th).toContain('หมายเหตุ');
  });

  it('reads visible sheets and ignores a hidden one, unless the hidden sheet is the only place with agencies', async () => {
    const old = layout2({ year: 2564, rows: [{ name: 'อบต.ปีเก่า' }] }).sheets[0]!;
    const notes: FixtureSheet = { name: 'คำอธิบาย', rows: [['แผ่นงานนี้เป็นหมายเหตุ'], ['ตัวชี้วัด', 'ความหมาย'], ['การปฏิบัติหน้าที่', 'ข้อความ']] };
    const both = layout2({ rows: [{ name: 'อบต.ปีนี้' }], sheets: [notes, { ...old, name: 'ซ่อน', hidden: true }] });
    expect(announced((await announceFixture(both)).agencies)).toEqual([['อบต.ปีนี้', 78.29, 'B', 'ไม่ผ่าน']]);

    const onlyHidden: FixtureWorkbook = { sheets: [notes, { ...old, name: 'ซ่อน', hidden: true }] };
    expect(announced((await announceFixture(onlyHidden)).agencies)).toEqual([['อบต.ปีเก่า', 78.29, 'B', 'ไม่ผ่าน']]);
  });

  it('checks what each row states against what it computes: a total off by more than 0.01 stops that agency only', async () => {
    const { agencies } = await announceFixture(
      layout2({
        rows: [
          { name: 'อบต.ปัดเศษ', total: 78.3 },
          { name: 'อบต.ผิด', total: 80.5 },
          { name: 'อบต.ระดับต่าง', level: 'A', result: 'ผ่าน' },
          { name: 'อบต.ระดับไม่มี', level: 'ผ่านดี' },
        ],
      }),
    );
    expect(announced(agencies)).toEqual([['อบต.ปัดเศษ', 78.3, 'B', 'ไม่ผ่าน'], undefined, ['อบต.ระดับต่าง', 78.29, 'A', 'ผ่าน'], undefined]);
    const mismatch = agencies[1]!.problems.find((p) => p.code === 'total-mismatch')!;
    expect(mismatch.message.th).toContain('80.50');
    expect(mismatch.message.th).toContain('78.29');
    expect(mismatch.where.cell).toBe('N4');
    expect(codes(agencies[2]!.problems)).toEqual(['warning:level-mismatch', 'warning:result-mismatch']);
    expect(codes(agencies[3]!.problems)).toEqual(['error:level-unknown']);

    const trusted = await announceFixture(layout2({ rows: [{ name: 'อบต.ผิด', total: 80.5 }] }), { trustStatedTotal: true });
    expect(announced(trusted.agencies)).toEqual([['อบต.ผิด', 80.5, 'B', 'ไม่ผ่าน']]);
    expect(codes(trusted.agencies[0]!.problems)).toEqual(['warning:total-trusted']);
  });

  it('warns when a stated IIT / EIT / OIT subtotal disagrees with its indicators', async () => {
    const workbook = fixture('province-2564');
    const rows = workbook.sheets[0]!.rows;
    rows[4]![8] = 80; // อบจ.ทดลองเหนือ's IIT: its indicators average 89.95
    const { agencies } = await announceFixture(workbook);
    const problem = agencies[0]!.problems.find((p) => p.code === 'tool-score-mismatch')!;
    expect(problem.severity).toBe('warning');
    expect(problem.message.th).toContain('89.95');
    expect(agencies[0]!.announcement!.total).toBe(81.45);
  });

  it('names a missing or repeated indicator column, and a table without an agency column', async () => {
    const missing = await announceFixture(
      layout2({ titles: NAMES.map((n, i) => (i === 3 ? 'การใช้ทรัพย์สิน' : n)), rows: [{ name: 'อบต.หนึ่ง' }] }),
    );
    const problem = missing.problems.find((p) => p.code === 'indicator-missing')!;
    expect(problem.message.th).toContain('ตัวชี้วัดที่ 4 (การใช้ทรัพย์สินของราชการ)');
    expect(problem.message.th).toContain('"การใช้ทรัพย์สิน" (G2)');
    expect(missing.agencies).toEqual([]);

    const repeated = await announceFixture(
      layout2({ titles: NAMES.map((n, i) => (i === 8 ? NAMES[7]! : n)), rows: [{ name: 'อบต.หนึ่ง' }] }),
    );
    expect(codes(repeated.problems)).toEqual(expect.arrayContaining(['error:indicator-duplicate', 'error:indicator-missing']));

    const noAgency = await announceFixture(layout2({ labels: { agency: 'ชื่อ' }, rows: [{ name: 'อบต.หนึ่ง' }] }));
    expect(codes(noAgency.problems)).toContain('error:agency-column-missing');
  });

  it('gives recommendations to no agency when the sheet has no หน่วยงาน column and the workbook holds several', async () => {
    const recommendations: FixtureSheet = {
      name: 'ข้อเสนอแนะ',
      rows: [
        ['เครื่องมือ', 'ตัวชี้วัด', 'ข้อเสนอแนะ'],
        ['IIT', 1, 'ข้อความ'],
      ],
    };
    const { problems, agencies } = await announceFixture(
      layout2({ rows: [{ name: 'อบต.หนึ่ง' }, { name: 'อบต.สอง' }], sheets: [recommendations] }),
    );
    expect(workbookCodes(problems)).toEqual(['warning:recommendations-unassigned']);
    expect(agencies.map((a) => a.announcement!.recommendations)).toEqual([undefined, undefined]);
  });

  it('skips a copy of an agency with the same scores and refuses one with other scores', async () => {
    const { agencies } = await announceFixture(
      layout2({ rows: [{ name: 'อบต.หนึ่ง' }, { name: 'อบต.หนึ่ง' }, { name: 'อบต.หนึ่ง', scores: Array(10).fill(90) }] }),
    );
    expect(announced(agencies).map((a) => a?.[0])).toEqual(['อบต.หนึ่ง', undefined, undefined]);
    expect(codes(agencies[1]!.problems)).toEqual(['warning:agency-repeated']);
    expect(codes(agencies[2]!.problems)).toEqual(['error:agency-repeated']);
  });

  it('applies the pass levels from 2566: the total and each tool decide', async () => {
    const rows: Row[] = [
      { name: 'อบต.ดีเยี่ยม', scores: [96, 97, 98, 95.5, 99, 96.2, 95.1, 97.3, 98.4, 99.1] },
      { name: 'อบต.เกือบดีเยี่ยม', scores: [...Array(5).fill(94), ...Array(5).fill(96)] },
      { name: 'อบต.ดี', scores: [88, 86, 90, 87, 91, 86.5, 88.2, 85.3, 92, 95] },
      { name: 'อบต.ผ่าน', scores: [...Array(5).fill(80), ...Array(5).fill(90)] },
      { name: 'อบต.ปรับปรุง' },
      { name: 'อบต.ด่วน', scores: Array(10).fill(60) },
      { name: 'อบต.ระบุเอง', level: 'ผ่านดี', result: 'ผ่าน' },
    ];
    const { agencies } = await announceFixture(layout2({ year: 2566, rows }));
    expect(announced(agencies)).toEqual([
      ['อบต.ดีเยี่ยม', 97.49, 'ผ่านดีเยี่ยม', 'ผ่าน'],
      ['อบต.เกือบดีเยี่ยม', 95.4, 'ผ่านดี', 'ผ่าน'],
      ['อบต.ดี', 89.92, 'ผ่านดี', 'ผ่าน'],
      ['อบต.ผ่าน', 87, 'ผ่าน', 'ผ่าน'],
      ['อบต.ปรับปรุง', 78.29, 'ต้องปรับปรุง', 'ไม่ผ่าน'],
      ['อบต.ด่วน', 60, 'ต้องปรับปรุงโดยด่วน', 'ไม่ผ่าน'],
      ['อบต.ระบุเอง', 78.29, 'ผ่านดี', 'ผ่าน'],
    ]);
    expect(codes(agencies[6]!.problems)).toEqual(['warning:level-mismatch', 'warning:result-mismatch', 'warning:computed-not-confirmed']);
    // No total or level stated: computed with weights assumed and bands inferred, so the clerk is told to check them.
    expect(codes(agencies[0]!.problems)).toEqual(['warning:computed-not-confirmed']);
    expect(agencies[0]!.problems[0]!.message.th).toMatch(
      /^ไฟล์ไม่ได้ระบุคะแนนรวมและระดับ: พิมพ์ตามที่โปรแกรมคำนวณด้วยเกณฑ์ปี 2566 ซึ่งเกณฑ์ข้อนี้เป็นการสันนิษฐาน/,
    );
    expect(agencies[0]!.announcement!.levelDescription).toMatch(/^ระดับผ่านดีเยี่ยม : .*พ\.ศ\. 2566.*97\.49 คะแนน$/);

    const letter = await announceFixture(layout2({ year: 2566, rows: [{ name: 'อบต.หนึ่ง', level: 'B' }] }));
    expect(codes(letter.agencies[0]!.problems)).toEqual(['error:level-unknown']);
  });
});
