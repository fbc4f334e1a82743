/**
 * Golden documents: announcements built from fixtures and committed, so a change that alters a
 * single byte of the output (a speed-up, a library update) is seen. `npm run make-golden`
 * rewrites them on purpose, never silently; tests/golden.test.ts compares.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFixture, writeFixtureWorkbook } from './workbook-fixture.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const GOLDEN_DIR = path.join(ROOT, 'tests', 'golden');

export interface GoldenCase {
  name: string;
  fixture: string;
  args: string[];
}

export const GOLDEN_CASES: GoldenCase[] = [
  { name: 'lampangrong-2565', fixture: 'lampangrong-2565', args: ['--date', '2022-08-02', '--signer', 'นายสันติ นาวีสัมพันธ์'] },
  { name: 'lampangrong-2565-arabic-emblem', fixture: 'lampangrong-2565', args: ['--date', '2022-08-02', '--digits', 'arabic', '--emblem', path.join(ROOT, 'tests', 'fixtures', 'emblem', 'ตราหน่วยงาน.png')] },
  { name: 'province-2564', fixture: 'province-2564', args: ['--date', '2021-10-01'] },
];

/** Builds a case's announcements with the command line, as a clerk would, into `out`; returns their names. */
export async function buildGolden(golden: GoldenCase, out: string): Promise<string[]> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'ita-golden-'));
  try {
    const workbook = path.join(work, 'ผลการประเมิน.xlsx');
    await writeFixtureWorkbook(readFixture(path.join(ROOT, 'tests', 'fixtures', golden.fixture, 'workbook.json')), workbook);
    mkdirSync(out, { recursive: true });
    const run = spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), path.join(ROOT, 'src', 'cli.ts'), workbook, '--out', out, ...golden.args], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`${golden.name}: build-doc exited ${run.status}\n${run.stderr}`);
    return readdirSync(out).sort();
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
