/** The rules of announcing a workbook, each on a real workbook generated from data and read back. */
import { describe, expect, it } from 'vitest';
import type { FixtureWorkbook } from '../../tools/workbook-fixture.js';
import type { WorkbookAnnouncementSettings } from '../../src/ita/announce-workbook.js';
import { codes, LAMPANGRONG, layout1, NAMES, announceFixture } from '../helpers/layouts.js';

/** The one agency of a layout-1 workbook, with the workbook's problems and its own. */
async function announceOne(workbook: FixtureWorkbook, options: Partial<WorkbookAnnouncementSettings> = {}) {
  const { problems, agencies } = await announceFixture(workbook, options);
  expect(agencies.length).toBeLessThanOrEqual(1);
  return { announcement: agencies[0]?.announcement, problems: [...problems, ...(agencies[0]?.problems ?? [])] };
}

describe('announcing a workbook', () => {
  it('recomputes total, level and result when the workbook states none', async () => {
    const { announcement, problems } = await announceOne(layout1({}));
    expect(announcement).toMatchObject({ total: 78.29, level: 'B', result: 'ไม่ผ่าน', fiscalYear: 2565, highest: 84.79, lowest: 69.57 });
    expect(announcement!.agency).toEqual({ shortName: 'อบต.ทดสอบ', fullName: 'องค์การบริหารส่วนตำบลทดสอบ' });
    expect(announcement!.signature).toEqual({ signer: 'นายทดสอบ ระบบ', position: 'นายกองค์การบริหารส่วนตำบลทดสอบ' });
    expect(announcement!.levelDescription).toContain('พ.ศ. 2565');
    expect(announcement!.levelDescription).toContain('78.29 คะแนน');
    expect(codes(problems)).toEqual(['warning:recommendations-missing']);
  });

  it('gives 84.99 level B and 85.00 level A from the workbook scores', async () => {
    const b = await announceOne(layout1({ scores: Array(10).fill(84.99) }));
    expect(b.announcement).toMatchObject({ total: 84.99, level: 'B', result: 'ไม่ผ่าน' });
    const a = await announceOne(layout1({ scores: Array(10).fill(85) }));
    expect(a.announcement).toMatchObject({ total: 85, level: 'A', result: 'ผ่าน' });
  });

  it('reports every bad cell of a workbook at once, each with its cell', async () => {
    const scores = [...LAMPANGRONG];
    scores[0] = 101;
    scores[1] = 'ไม่มีข้อมูล';
    scores[2] = { formula: 'AVERAGE(X1:X9)' };
    scores[3] = -1;
    const { announcement, problems } = await announceOne(layout1({ scores }));
    expect(announcement).toBeUndefined();
    expect(problems.filter((p) => p.severity === 'error').map((p) => [p.code, p.where.cell])).toEqual([
      ['score-out-of-range', 'C5'],
      ['score-not-number', 'C6'],
      ['formula-without-result', 'C7'],
      ['score-out-of-range', 'C8'],
    ]);
    const formula = problems.find((p) => p.code === 'formula-without-result')!;
    expect(formula.message.th).toContain('ผลการประเมิน!C7');
    expect(formula.message.th).toContain('AVERAGE(X1:X9)');
    expect(formula.message.en).toContain('Cell ผลการประเมิน!C7 is a formula (=AVERAGE(X1:X9)) saved without its result');
  });

  it('finds the score column under other titles, and not under a full-mark column', async () => {
    const workbook = layout1({});
    const rows = workbook.sheets[0]!.rows;
    const header = rows.findIndex((row) => row[2] === 'คะแนน');
    rows[header] = ['ตัวชี้วัดที่', 'ตัวชี้วัด', 'คะแนนเต็ม', 'คะแนนที่ได้ (เต็ม 100)'];
    for (let r = header + 1; r < rows.length; r++) rows[r] = [rows[r]![0]!, rows[r]![1]!, 100, rows[r]![2]!];
    const { announcement } = await announceOne(workbook);
    expect(announcement).toMatchObject({ total: 78.29, highest: 84.79 });
  });

  it('refuses a missing, a duplicated and an unknown indicator', async () => {
    const missing = await announceOne(layout1({ scores: LAMPANGRONG.slice(0, 9) }));
    expect(codes(missing.problems)).toContain('error:indicator-missing');
    expect(missing.problems.find((p) => p.code === 'indicator-missing')!.message.th).toContain('ตัวชี้วัดที่ 10');

    const duplicated = await announceOne(layout1({ extraRows: [[3, 'การใช้อำนาจ', 70]] }));
    expect(codes(duplicated.problems)).toContain('error:indicator-duplicate');
    expect(duplicated.problems.find((p) => p.code === 'indicator-duplicate')!.message.th).toContain('ผลการประเมิน!B7 และ ผลการประเมิน!B15');

    const unknown = await announceOne(layout1({ extraRows: [[null, 'การบริหารจัดการ', 70]] }));
    expect(codes(unknown.problems)).toContain('error:indicator-unknown');
  });

  it('stops a stated total that contradicts the indicators, unless told to trust it', async () => {
    const stated = layout1({ labels: [['คะแนนรวม', 80.5]] });
    const refused = await announceOne(stated);
    expect(refused.announcement).toBeUndefined();
    const mismatch = refused.problems.find((p) => p.code === 'total-mismatch')!;
    expect(mismatch.message.th).toContain('80.50');
    expect(mismatch.message.th).toContain('78.29');
    expect(mismatch.message.en).toContain('The total in the workbook (ผลการประเมิน!B3) is 80.50, but the indicator scores give 78.29');
    expect(mismatch.where.cell).toBe('B3');

    const trusted = await announceOne(stated, { trustStatedTotal: true });
    expect(trusted.announcement!.total).toBe(80.5);
    expect(codes(trusted.problems)).toContain('warning:total-trusted');

    const rounded = await announceOne(layout1({ labels: [['คะแนนรวม', 78.3]] }));
    expect(rounded.announcement!.total).toBe(78.3);
  });

  it('prints a stated level and result that disagree, with a warning; refuses a level the year does not have', async () => {
    const disagree = await announceOne(
      layout1({
        labels: [
          ['ระดับ', 'A'],
          ['ผลการประเมิน', 'ผ่าน'],
        ],
      }),
    );
    expect(disagree.announcement).toMatchObject({ level: 'A', result: 'ผ่าน' });
    expect(codes(disagree.problems)).toEqual(expect.arrayContaining(['warning:level-mismatch', 'warning:result-mismatch']));

    const unknown = await announceOne(layout1({ labels: [['ระดับ', 'ผ่านดี']] }));
    expect(codes(unknown.problems)).toContain('error:level-unknown');
  });

  it('takes the fiscal year from a label, then a title, then --year; names the years that exist', async () => {
    expect(codes((await announceOne(layout1({ year: null }))).problems)).toContain('error:fiscal-year-missing');
    const fromOption = await announceOne(layout1({ year: null }), { fiscalYear: 2564 });
    expect(fromOption.announcement!.fiscalYear).toBe(2564);
    const fromTitle = await announceOne(layout1({ year: null, labels: [['ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๓']] }));
    expect(fromTitle.announcement!.fiscalYear).toBe(2563);
    const christian = await announceOne(layout1({ year: '2022' }));
    expect(christian.announcement!.fiscalYear).toBe(2565);
    const unknown = await announceOne(layout1({ year: 2560 }));
    const problem = unknown.problems.find((p) => p.code === 'fiscal-year-unknown')!;
    expect(problem.message.th).toContain('2560');
    expect(problem.message.th).toContain('2565');
    const later = await announceOne(layout1({ year: 2599 }));
    expect(later.announcement!.fiscalYear).toBe(2599);
    expect(codes(later.problems)).toContain('warning:framework-carried-forward');
  });

  it('reads "หน่วยงาน: อบต.…" written in one cell, and a title that reads like a label takes no label as its value', async () => {
    const workbook = layout1({ agency: 'ignored', labels: [['ผลการประเมิน'], ['ผลการประเมิน: ไม่ผ่าน'], ['ระดับ :  B']] });
    workbook.sheets[0]!.rows[0] = ['หน่วยงาน : อบต.ในเซลล์เดียว'];
    const { announcement, problems } = await announceOne(workbook);
    expect(codes(problems)).toEqual(['warning:recommendations-missing']);
    expect(announcement).toMatchObject({ agency: { shortName: 'อบต.ในเซลล์เดียว' }, level: 'B', result: 'ไม่ผ่าน' });
  });

  it('reads labels and headers broken over two lines inside their cells', async () => {
    const workbook = layout1({
      labels: [
        ['คะแนน\nรวม', 78.3],
        ['ระดับผล\nการประเมิน', 'B'],
      ],
    });
    const rows = workbook.sheets[0]!.rows;
    rows[0] = ['ชื่อ\nหน่วยงาน', 'อบต.สองบรรทัด'];
    const header = rows.findIndex((row) => row[2] === 'คะแนน');
    rows[header] = ['ตัวชี้วัด\nที่', 'ชื่อ\nตัวชี้วัด', 'คะแนน\n(เต็ม 100)'];
    const { announcement, problems } = await announceOne(workbook);
    expect(codes(problems)).toEqual(['warning:recommendations-missing']);
    expect(announcement).toMatchObject({ agency: { shortName: 'อบต.สองบรรทัด' }, total: 78.3, level: 'B' });
  });

  it('refuses a label written twice with different values', async () => {
    const { problems } = await announceOne(layout1({ labels: [['หน่วยงาน', 'อบต.อื่น']] }));
    expect(codes(problems)).toContain('error:label-conflict');
  });

  it('warns, and leaves a dotted line, when the signer or the position is not known', async () => {
    const { announcement, problems } = await announceOne(layout1({ agency: 'กรมทดสอบ' }), { signer: undefined });
    expect(announcement!.signature).toEqual({});
    expect(codes(problems)).toEqual(expect.arrayContaining(['warning:signer-missing', 'warning:position-missing']));
  });

  it('reads recommendations: paragraphs per line, OIT grouped by indicator and sub-indicator, tools however written', async () => {
    const { announcement, problems } = await announceOne(
      layout1({
        recommendations: [
          ['OIT', 'ตัวชี้วัดที่ 10', '10.1 การดำเนินการเพื่อป้องกันการทุจริต', 'ข้อ ก'],
          ['iit', 2, null, 'ย่อหน้าหนึ่ง\nย่อหน้าสอง'],
          ['แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT)', 8, null, 'ย่อหน้า EIT'],
          ['แบบวัด OIT', null, 'ตัวชี้วัดย่อยที่ 9.4 การบริหารและพัฒนาทรัพยากรบุคคล', '- ข้อ ข\n- ข้อ ค'],
          // Excel stores a control character as _x0007_; it reads back as U+0007.
          ['OIT', 9, '9.1 ข้อมูลพื้นฐาน', 'ข้อ ง_x0007_'],
        ],
      }),
    );
    expect(codes(problems)).toEqual(['warning:control-characters']);
    expect(announcement!.recommendations).toEqual({
      iit: ['ย่อหน้าหนึ่ง', 'ย่อหน้าสอง'],
      eit: ['ย่อหน้า EIT'],
      oit: [
        {
          indicator: { number: 9, name: 'การเปิดเผยข้อมูล' },
          sections: [
            { subIndicator: { number: '9.1', name: 'ข้อมูลพื้นฐาน' }, items: ['- ข้อ ง'] },
            { subIndicator: { number: '9.4', name: 'การบริหารและพัฒนาทรัพยากรบุคคล' }, items: ['- ข้อ ข', '- ข้อ ค'] },
          ],
        },
        {
          indicator: { number: 10, name: 'การป้องกันการทุจริต' },
          sections: [{ subIndicator: { number: '10.1', name: 'การดำเนินการเพื่อป้องกันการทุจริต' }, items: ['- ข้อ ก'] }],
        },
      ],
    });
  });

  it('reads the tool column however it is written, and warns when it names the wrong tool', async () => {
    const workbook = layout1({});
    const rows = workbook.sheets[0]!.rows;
    const header = rows.findIndex((row) => row[2] === 'คะแนน');
    const spellings = [
      'IIT',
      'iit',
      'แบบวัด IIT',
      'แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน',
      ' IIT\u00a0',
      'EIT',
      'แบบวัด eit',
      'แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT)',
      'OIT',
      'แบบวัดการเปิดเผยข้อมูลสาธารณะ',
    ];
    rows[header] = ['ตัวชี้วัด', 'ชื่อตัวชี้วัด', 'เครื่องมือ', 'คะแนน'];
    spellings.forEach((tool, i) => {
      rows[header + 1 + i] = [i + 1, NAMES[i]!, tool, LAMPANGRONG[i]!];
    });
    const read = await announceOne(workbook);
    expect(read.announcement!.total).toBe(78.29);
    expect(codes(read.problems)).toEqual(['warning:recommendations-missing']);

    rows[header + 1] = [1, NAMES[0]!, 'OIT', LAMPANGRONG[0]!];
    const wrong = await announceOne(workbook);
    expect(wrong.problems.find((p) => p.code === 'indicator-tool-mismatch')!.where.cell).toBe('C5');
  });

  it("applies each year's level rules: 78.29 is ต้องปรับปรุง in 2566", async () => {
    const { announcement } = await announceOne(layout1({ year: 2566 }));
    expect(announcement).toMatchObject({ total: 78.29, level: 'ต้องปรับปรุง', result: 'ไม่ผ่าน', fiscalYear: 2566 });
    expect(announcement!.levelDescription).toMatch(/^ระดับต้องปรับปรุง : .*2566.*78\.29 คะแนน$/);
  });

  it('passes over tool rows with their subtotals inside the table, and a row of indicator names kept for a chart', async () => {
    const workbook = layout1({});
    const rows = workbook.sheets[0]!.rows;
    const header = rows.findIndex((row) => row[2] === 'คะแนน');
    rows.splice(header + 6, 0, [null, 'แบบวัด EIT', 81.79]);
    rows.splice(header + 1, 0, [null, 'IIT', 78.63]);
    rows.push([], ['ข้อมูลกราฟ'], NAMES, LAMPANGRONG);
    const { announcement, problems } = await announceOne(workbook);
    expect(codes(problems)).toEqual(['warning:recommendations-missing']);
    expect(announcement).toMatchObject({ total: 78.29, level: 'B' });
  });

  it('refuses a recommendation whose tool it does not know', async () => {
    const { problems } = await announceOne(layout1({ recommendations: [['XYZ', 2, null, 'ข้อความ']] }));
    expect(problems.find((p) => p.code === 'recommendation-tool-unknown')!.where).toMatchObject({ sheet: 'ข้อเสนอแนะ', cell: 'A2' });
  });
});
