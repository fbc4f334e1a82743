/** The generated workbooks the benchmarks read: one agency per row, plausible scores, the same every run. */
import path from 'node:path';
import { writeFixtureWorkbook, type FixtureCell } from './workbook-fixture.js';

/** The ten indicators' names as a 2563–2568 workbook writes them, in their order. */
export const INDICATOR_NAMES = [
  'การปฏิบัติหน้าที่',
  'การใช้งบประมาณ',
  'การใช้อำนาจ',
  'การใช้ทรัพย์สินของราชการ',
  'การแก้ไขปัญหาการทุจริต',
  'คุณภาพการดำเนินงาน',
  'ประสิทธิภาพการสื่อสาร',
  'การปรับปรุงระบบการทำงาน',
  'การเปิดเผยข้อมูล',
  'การป้องกันการทุจริต',
];

/** Plausible scores: 40–100, most agencies in the 70s and 80s, the same every run. */
function scores(seed: number): number[] {
  let state = seed * 2654435761;
  const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  return INDICATOR_NAMES.map(() => Math.round((100 - 60 * random() ** 2) * 100) / 100);
}

/**
 * What the generated agencies are recommended, as ITAS lists them: agency i gets the first i mod 5
 * (none to four), so a batch's documents differ in shape as a real year's do, not only in figures.
 */
const RECOMMENDATIONS: FixtureCell[][] = [
  ['IIT', 2, null, 'หน่วยงานควรพัฒนาและปรับปรุงการใช้งบประมาณให้โปร่งใสและตรวจสอบได้'],
  ['OIT', 9, '9.2 การบริหารงาน', '- หน่วยงานต้องเผยแพร่แผนดำเนินงานประจำปี'],
  ['EIT', 7, null, 'ควรปรับปรุงช่องทางการสื่อสารให้ผู้รับบริการเข้าถึงได้ง่าย'],
  ['OIT', 10, '10.1 การดำเนินการเพื่อป้องกันการทุจริต', '- หน่วยงานควรจัดทำมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน'],
];

/** A layout-2 workbook of `agencies` generated agencies, none to four recommendations each, in `dir`. */
export async function benchWorkbook(agencies: number, dir: string): Promise<string> {
  const rows: FixtureCell[][] = [
    ['ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2566'],
    ['ลำดับ', 'หน่วยงาน', 'จังหวัด', ...INDICATOR_NAMES.map((n, i) => `${i + 1}. ${n}`)],
  ];
  const recommendations: FixtureCell[][] = [['หน่วยงาน', 'เครื่องมือ', 'ตัวชี้วัด', 'ตัวชี้วัดย่อย', 'ข้อเสนอแนะ']];
  for (let i = 1; i <= agencies; i++) {
    const name = `อบต.ตัวอย่าง${i}`;
    rows.push([i, name, `จังหวัดที่${(i % 77) + 1}`, ...scores(i)]);
    recommendations.push(...RECOMMENDATIONS.slice(0, i % (RECOMMENDATIONS.length + 1)).map((row) => [name, ...row]));
  }
  const file = path.join(dir, `agencies-${agencies}.xlsx`);
  await writeFixtureWorkbook(
    {
      sheets: [
        { name: 'ผลการประเมิน', rows },
        { name: 'ข้อเสนอแนะ', rows: recommendations },
      ],
    },
    file,
  );
  return file;
}
