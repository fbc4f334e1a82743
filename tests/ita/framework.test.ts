/**
 * The framework of each fiscal year as data: every fact with its confidence and source, the facts
 * found in public material, a year without a file carried forward, and a broken file named by line.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FRAMEWORK_DIR, frameworksOnDisk } from '../../src/node/frameworks-on-disk.js';
import { frameworkLibrary, parseFrameworkFile, type Basis, type Framework } from '../../src/ita/framework.js';

const library = frameworksOnDisk();
const place = { file: 'ผลการประเมิน.xlsx', sheet: 'ผลการประเมิน', cell: 'B2' };
const frameworkOf = (year: number) => library.forYear(year, place).framework!;
const text2568 = readFileSync(path.join(FRAMEWORK_DIR, '2568.yaml'), 'utf8');

/** Every fact of a framework with its basis, by a readable name. */
function bases(framework: Framework): [string, Basis][] {
  return [
    ...Object.entries(framework.basis),
    ...framework.levels.flatMap((band) =>
      Object.entries(band.basis).map(([fact, basis]): [string, Basis] => [`${band.level}.${fact}`, basis!]),
    ),
  ];
}

describe('the framework files', () => {
  it('are one readable file per year, 2563 to 2568, each valid: letter grades to 2565, pass levels from 2566', async () => {
    expect(library.years).toEqual([2563, 2564, 2565, 2566, 2567, 2568]);
    for (const year of library.years) {
      const found = library.forYear(year, place);
      expect(found.problems, String(year)).toEqual([]);
      expect(found.framework!.fiscalYear).toBe(year);
      expect(found.framework!.carriedFrom).toBeUndefined();
      expect(found.framework!.rule).toBe(year <= 2565 ? 'letter-grade' : 'pass-levels');
      expect(found.framework!.indicators.map((i) => i.name)).toEqual(framework2565().indicators.map((i) => i.name));
    }
    expect(frameworkOf(2566).levels.map((l) => l.level)).toEqual(['ผ่านดีเยี่ยม', 'ผ่านดี', 'ผ่าน', 'ต้องปรับปรุง', 'ต้องปรับปรุงโดยด่วน']);
    expect(text2568).toMatch(/^# เกณฑ์การประเมิน ITA ปีงบประมาณ พ\.ศ\. 2568/);
  });

  it('give every fact a confidence and a source in words', async () => {
    for (const year of library.years) {
      const all = bases(frameworkOf(year));
      expect(all.length).toBeGreaterThanOrEqual(5 + 7);
      for (const [fact, basis] of all) {
        expect(['confirmed', 'inferred', 'assumed'], `${year} ${fact}`).toContain(basis.confidence);
        expect(basis.source.length, `${year} ${fact}`).toBeGreaterThan(20);
      }
    }
  });

  it('record the facts found in public material, with their sources', async () => {
    const basisOf = (year: number, fact: string) => bases(frameworkOf(year)).find(([name]) => name === fact)![1];
    // NACC's board, 8 June 2566: pass levels replace AA–F from the 2566 results on.
    for (const year of [2566, 2567, 2568])
      expect(basisOf(year, 'rule')).toMatchObject({ confidence: 'confirmed', source: expect.stringContaining('8 มิ.ย. 2566') });
    for (const year of [2563, 2564, 2565]) expect(basisOf(year, 'rule').source).toContain('8 มิ.ย. 2566');
    // The pass mark 85, stated by NACC for 2565 and 2566 (6,737 of 8,323 passed in 2566).
    for (const year of [2565, 2566]) {
      expect(frameworkOf(year).passMark).toBe(85);
      expect(basisOf(year, 'passMark')).toMatchObject({ confidence: 'confirmed', source: expect.stringContaining('6,737 จาก 8,323') });
    }
    // The per-tool minimum: สตง. 94.64 in 2568 is ผ่าน because its EIT was under 85.
    expect(frameworkOf(2568).levels[1]).toMatchObject({ level: 'ผ่านดี', min: 85, eachToolMin: 85 });
    expect(basisOf(2568, 'ผ่านดี.eachToolMin')).toMatchObject({ confidence: 'inferred', source: expect.stringContaining('94.64') });
    expect(basisOf(2566, 'ผ่านดีเยี่ยม.eachToolMin')).toMatchObject({ confidence: 'inferred', source: expect.stringContaining('95.81') });
    // The lower bands are seen only in third-party code.
    for (const year of [2566, 2567, 2568]) {
      expect(basisOf(year, 'ต้องปรับปรุง.min')).toMatchObject({ confidence: 'inferred', source: expect.stringContaining('โปรแกรมของผู้อื่น') });
      expect(basisOf(year, 'weights').confidence).toBe('assumed');
    }
    // Weights and letter grades to 2565 are NACC's; the 2565 B text is ITAS's, as the real announcement prints it.
    for (const year of [2563, 2564, 2565]) {
      expect(basisOf(year, 'weights').confidence).toBe('confirmed');
      expect(basisOf(year, 'B.min').confidence).toBe('confirmed');
    }
    expect(basisOf(2565, 'B.description').confidence).toBe('confirmed');
    expect(basisOf(2565, 'A.description').confidence).toBe('assumed');
  });
});

function framework2565(): Framework {
  return frameworkOf(2565);
}

describe('a year with no file of its own', () => {
  it.each([2569, 2571])('%s is announced under the newest earlier year (2568), every fact assumed, with one warning', async (year) => {
    const found = library.forYear(year, place);
    const framework = found.framework!;
    expect(framework.fiscalYear).toBe(year);
    expect(framework.carriedFrom).toBe(2568);
    expect(framework.levels.map((l) => [l.level, l.min, l.eachToolMin])).toEqual(
      frameworkOf(2568).levels.map((l) => [l.level, l.min, l.eachToolMin]),
    );
    for (const [fact, basis] of bases(framework)) {
      expect(basis.confidence, fact).toBe('assumed');
      expect(basis.source, fact).toMatch(/^ยกมาจากเกณฑ์ปี 2568 /);
    }
    expect(found.problems).toHaveLength(1);
    expect(found.problems[0]).toMatchObject({ code: 'framework-carried-forward', severity: 'warning', where: place });
    expect(found.problems[0]!.message.th).toContain(`ใช้เกณฑ์ปี 2568 เพราะ ป.ป.ช. ยังไม่ประกาศเกณฑ์ปี ${year}`);
    expect(found.problems[0]!.message.en).toContain(`Using fiscal year 2568's criteria, as NACC has not published ${year}'s yet`);
    expect(found.problems[0]!.details!.th).toContain('src/ita/frameworks/');
  });

  it('before the earliest file, is refused as before', async () => {
    const found = library.forYear(2562, place);
    expect(found.framework).toBeUndefined();
    expect(found.problems).toEqual([expect.objectContaining({ code: 'fiscal-year-unknown', severity: 'error', where: place })]);
    expect(found.problems[0]!.message.th).toBe('ยังไม่มีเกณฑ์การประเมินของปีงบประมาณ 2562: ปีที่มีคือ 2563, 2564, 2565, 2566, 2567, 2568');
  });

  it('gets its own rules, with no warning, once a maintainer adds its file: one file, no code', async () => {
    const added = frameworkLibrary([
      { name: '2568.yaml', text: text2568 },
      { name: 'frameworks/2569.yaml', text: text2568.replace('fiscalYear: 2568', 'fiscalYear: 2569') },
    ]);
    const found = added.forYear(2569, place);
    expect(found.problems).toEqual([]);
    expect(found.framework).toMatchObject({ fiscalYear: 2569, file: 'frameworks/2569.yaml' });
    expect(found.framework!.carriedFrom).toBeUndefined();
  });
});

describe('a mistake in a framework file', () => {
  /** The problems of 2568.yaml with one edit, as `line: message`. */
  function mistakes(edit: (text: string) => string, name = '2568.yaml'): string[] {
    const { framework, problems } = parseFrameworkFile({ name, text: edit(text2568) });
    expect(framework).toBeUndefined();
    for (const p of problems) expect(p).toMatchObject({ code: 'framework-invalid', severity: 'error', where: { file: name } });
    return problems.map((p) => `${p.where.line}: ${p.message.th} | ${p.message.en}`);
  }
  const lineOf = (needle: string, from = 0) => text2568.slice(0, text2568.indexOf(needle, from)).split('\n').length;

  it('is named with its line, in Thai and English', async () => {
    expect(mistakes((t) => t.replace('0.06, 0.06, 0.06, 0.06, 0.06', '0.07, 0.06, 0.06, 0.06, 0.06'))).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${lineOf('value: [0.06')}: ไฟล์เกณฑ์การประเมิน บรรทัดที่ ${lineOf('value: [0.06')}: น้ำหนักรวมกันได้ 1.01.* ต้องรวมได้ 1 \\| .*the weights add up to 1.01`,
        ),
      ),
    ]);
    const ninetyFive = lineOf('value: 95');
    expect(mistakes((t) => t.replace('value: 95', 'value: เก้าสิบห้า'))).toEqual([
      expect.stringMatching(new RegExp(`^${ninetyFive}: .*levels\\.0\\.min\\.value: .*ตัวเลข.* \\| .*expected number`)),
    ]);
    const confidence = lineOf('confidence: assumed');
    expect(mistakes((t) => t.replace('confidence: assumed', 'confidence: sure'))).toEqual([
      expect.stringMatching(new RegExp(`^${confidence}: .*weights\\.confidence: .*"confirmed"\\|"inferred"\\|"assumed"`)),
    ]);
    expect(mistakes((t) => t.replace('fiscalYear: 2568', 'fiscalYear: 2568\nweight: 1'))).toEqual([
      expect.stringMatching(/: .*คีย์ที่ไม่รู้จัก: "weight" \| .*Unrecognized key: "weight"/),
    ]);
    expect(mistakes((t) => t.replace('rule:\n  value: pass-levels', 'rule:\n  value: [pass-levels'))).toEqual([
      expect.stringMatching(/YAML/),
    ]);
  });

  it('checks that the facts fit together: levels in order, letter grades on the total alone, the year its name says', async () => {
    const swapped = text2568
      .replace('level: ผ่านดีเยี่ยม', 'level: TOP')
      .replace('level: ผ่านดี\n', 'level: ผ่านดีเยี่ยม\n')
      .replace('level: TOP', 'level: ผ่านดี');
    expect(parseFrameworkFile({ name: '2568.yaml', text: swapped }).problems).toEqual([]);
    expect(mistakes((t) => t.replace(/value: 95\n/, 'value: 80\n'))).toEqual([
      expect.stringMatching(/^\d+: .*ระดับต้องเรียงจากสูงไปต่ำ \| .*highest to lowest/),
    ]);
    expect(mistakes((t) => t.replace('value: pass-levels', 'value: letter-grade'))).toEqual([
      expect.stringMatching(new RegExp(`^${lineOf('eachToolMin:')}: .*ใช้คะแนนรวมอย่างเดียว`)),
      expect.stringMatching(new RegExp(`^${lineOf('eachToolMin:', text2568.indexOf('eachToolMin:') + 1)}: .*ใช้คะแนนรวมอย่างเดียว`)),
    ]);
    expect(mistakes((t) => t, '2569.yaml')).toEqual([expect.stringMatching(/^\d+: .*fiscalYear เป็น 2568 แต่ชื่อไฟล์เป็นปี 2569/)]);
    expect(mistakes((t) => t.replace(/value: 0\n/, 'value: 10\n'))).toEqual([expect.stringMatching(/ระดับสุดท้ายต้องเริ่มที่ 0/)]);
  });

  it('stops only the workbooks of that year, each told which file and line to mend', async () => {
    const broken = frameworkLibrary([
      { name: '2565.yaml', text: readFileSync(path.join(FRAMEWORK_DIR, '2565.yaml'), 'utf8') },
      { name: '2568.yaml', text: text2568.replace('value: 85\n', 'value: ["85"]\n') },
    ]);
    expect(broken.forYear(2565, place).problems).toEqual([]);
    for (const year of [2568, 2569]) {
      const found = broken.forYear(year, place);
      expect(found.framework).toBeUndefined();
      expect(found.problems).toEqual([
        expect.objectContaining({ code: 'framework-invalid', where: { file: '2568.yaml', line: lineOf('value: 85\n') } }),
      ]);
    }
  });
});
