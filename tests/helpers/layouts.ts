/** Workbooks of both layouts built from a few facts, for tests that vary one thing at a time. */
import { COMMAND_LINE_NAMES } from '../../src/cli/options.js';
import { expect } from 'vitest';
import type { FixtureCell, FixtureSheet, FixtureWorkbook } from '../../tools/workbook-fixture.js';
import { announceWorkbook, type WorkbookAnnouncementSettings } from '../../src/ita/announce-workbook.js';
import { frameworksOnDisk } from '../../src/node/frameworks-on-disk.js';
import { workbookFile, readWorkbookFile } from '../../tools/workbooks.js';

import { INDICATOR_NAMES } from '../../tools/bench-workbook.js';

export const NAMES = INDICATOR_NAMES;
/** อบต.ลำปางรอง 2565: 78.29, B. */
export const LAMPANGRONG: FixtureCell[] = [84.39, 72.98, 84.79, 75.36, 75.63, 84.27, 81.5, 79.61, 69.57, 81.25];
export const OPTIONS: WorkbookAnnouncementSettings = {
  date: '2022-08-02',
  signer: 'นายทดสอบ ระบบ',
  frameworks: frameworksOnDisk(),
  names: COMMAND_LINE_NAMES,
};

export interface Layout1 {
  agency?: string;
  year?: FixtureCell;
  scores?: FixtureCell[];
  labels?: FixtureCell[][];
  extraRows?: FixtureCell[][];
  recommendations?: FixtureCell[][];
}

/** A one-agency workbook: labels, then the indicator table, then an optional recommendations sheet. */
export function layout1({
  agency = 'อบต.ทดสอบ',
  year = 2565,
  scores = LAMPANGRONG,
  labels = [],
  extraRows = [],
  recommendations,
}: Layout1): FixtureWorkbook {
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

export interface Row {
  name: FixtureCell;
  province?: FixtureCell;
  scores?: FixtureCell[];
  total?: FixtureCell;
  level?: FixtureCell;
  result?: FixtureCell;
}

export interface Layout2 {
  year?: number;
  /** The indicator column titles, one header row; or two rows (e.g. numbers above names). */
  titles?: FixtureCell[] | [FixtureCell[], FixtureCell[]];
  labels?: { agency?: string; province?: string; total?: string; level?: string; result?: string };
  rows: (Row | FixtureCell[])[];
  sheets?: FixtureSheet[];
}

/** A list of agencies: a title with the year, one header row (or two), then one row per agency. */
export function layout2({
  year = 2565,
  titles = NAMES.map((n, i) => `${i + 1}. ${n}`),
  labels = {},
  rows,
  sheets = [],
}: Layout2): FixtureWorkbook {
  const twoRows = Array.isArray(titles[0]);
  const [upper, lower] = twoRows ? (titles as [FixtureCell[], FixtureCell[]]) : [titles as FixtureCell[], undefined];
  const names = [labels.agency ?? 'หน่วยงาน', labels.province ?? 'จังหวัด'];
  const after = [labels.total ?? 'คะแนนรวม', labels.level ?? 'ระดับ', labels.result ?? 'ผลการประเมิน'];
  const header = [['ลำดับ', ...names, ...upper, ...after], ...(lower ? [[null, null, null, ...lower]] : [])];
  const body = rows.map((row, i) =>
    Array.isArray(row)
      ? row
      : [
          i + 1,
          row.name,
          row.province ?? 'ลำปาง',
          ...(row.scores ?? LAMPANGRONG),
          row.total ?? null,
          row.level ?? null,
          row.result ?? null,
        ],
  );
  const merges = lower ? ['A2:A3', 'B2:B3', 'C2:C3', 'N2:N3', 'O2:O3', 'P2:P3'] : [];
  return {
    sheets: [{ name: 'รายหน่วยงาน', merges, rows: [[`ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ${year}`], ...header, ...body] }, ...sheets],
  };
}

/** Reads a generated workbook and announces each agency in it (announceWorkbook); the workbook must read without problems. */
export async function announceFixture(workbook: FixtureWorkbook, options: Partial<WorkbookAnnouncementSettings> = {}, name?: string) {
  const read = await readWorkbookFile(await workbookFile(workbook, undefined, name));
  expect(read.problems).toEqual([]);
  return announceWorkbook(read.workbook!, { ...OPTIONS, ...options });
}

export const codes = (problems: readonly { code: string; severity: string }[]) => problems.map((p) => `${p.severity}:${p.code}`);
