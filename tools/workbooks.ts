/** Test workbooks, generated from the readable descriptions in tests/fixtures/<case>/workbook.json. */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFixture, writeFixtureWorkbook, type FixtureWorkbook } from './workbook-fixture.js';
import { readWorkbook } from '../src/read/workbook.js';

export const FIXTURES = fileURLToPath(new URL('../tests/fixtures/', import.meta.url));

export function fixture(name: string): FixtureWorkbook {
  return readFixture(path.join(FIXTURES, name, 'workbook.json'));
}

export function temporaryDir(prefix = 'ita-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Writes the workbook and returns its path. */
export async function workbookFile(workbook: FixtureWorkbook | string, dir = temporaryDir(), name = 'ผลการประเมิน.xlsx'): Promise<string> {
  const file = path.join(dir, name);
  await writeFixtureWorkbook(typeof workbook === 'string' ? fixture(workbook) : workbook, file);
  return file;
}

/** A workbook file read as the core reads it: its bytes, named by its path. */
export async function readWorkbookFile(file: string) {
  return readWorkbook({ name: file, bytes: readFileSync(file) });
}
