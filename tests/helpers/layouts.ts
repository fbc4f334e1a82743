/** Workbooks of both layouts built from a few facts, for tests that vary one thing at a time. */
import { expect } from 'vitest';
import type { FixtureCell, FixtureWorkbook } from '../../scripts/lib/workbook-fixture.js';
import { normalise, type AnnouncementOptions } from '../../src/ita/normalise.js';
import { readWorkbook } from '../../src/read/workbook.js';
import { workbookFile } from './workbooks.js';

export const NAMES = ['การปฏิบัติหน้าที่', 'การใช้งบประมาณ', 'การใช้อำนาจ', 'การใช้ทรัพย์สินของราชการ', 'การแก้ไขปัญหาการทุจริต', 'คุณภาพการดำเนินงาน', 'ประสิทธิภาพการสื่อสาร', 'การปรับปรุงระบบการทำงาน', 'การเปิดเผยข้อมูล', 'การป้องกันการทุจริต'];
/** อบต.ลำปางรอง 2565: 78.29, B. */
export const LAMPANGRONG: FixtureCell[] = [84.39, 72.98, 84.79, 75.36, 75.63, 84.27, 81.5, 79.61, 69.57, 81.25];
export const OPTIONS: AnnouncementOptions = { date: '2022-08-02', signer: 'นายทดสอบ ระบบ' };

export interface Layout1 {
  agency?: string;
  year?: FixtureCell;
  scores?: FixtureCell[];
  labels?: FixtureCell[][];
  extraRows?: FixtureCell[][];
  recommendations?: FixtureCell[][];
}

/** A one-agency workbook: labels, then the indicator table, then an optional recommendations sheet. */
export function layout1({ agency = 'อบต.ทดสอบ', year = 2565, scores = LAMPANGRONG, labels = [], extraRows = [], recommendations }: Layout1): FixtureWorkbook {
  const rows: FixtureCell[][] = [
    ['หน่วยงาน', agency],
    ...(year === null ? [] : [['ปีงบประมาณ', year]]),
    ...labels,
    [],
    ['ตัวชี้วัด', 'ชื่อตัวชี้วัด', 'คะแนน'],
    ...scores.map((score, i) => [i + 1, NAMES[i]!, score]),
    ...extraRows,
  ];
  const sheets = [{ name: 'ผลการประเมิน', rows }];
  if (recommendations) sheets.push({ name: 'ข้อเสนอแนะ', rows: [['เครื่องมือ', 'ตัวชี้วัด', 'ตัวชี้วัดย่อย', 'ข้อเสนอแนะ'], ...recommendations] });
  return { sheets };
}

/** Reads a generated workbook and normalises it; the workbook must read without problems. */
export async function normaliseWorkbook(workbook: FixtureWorkbook, options: Partial<AnnouncementOptions> = {}, name?: string) {
  const read = await readWorkbook(await workbookFile(workbook, undefined, name));
  expect(read.problems).toEqual([]);
  return normalise(read.workbook!, { ...OPTIONS, ...options });
}

export const codes = (problems: readonly { code: string; severity: string }[]) => problems.map((p) => `${p.severity}:${p.code}`);
