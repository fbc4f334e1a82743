/**
 * The reference: with อบต.ลำปางรอง's 2565 data the document's text equals the real
 * announcement (a copy of the public document in tests/fixtures/reference), whitespace aside, with "o๒๕" where the seed has "๐๒๕".
 */
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuildDoc, PROJECT_ROOT, writtenIn } from '../helpers/cli.js';
import { resaveWithLibreOffice, soffice, validate } from '../helpers/clients.js';
import { paragraphs, withoutWhitespace } from '../helpers/docx.js';
import { fixture, temporaryDir, workbookFile } from '../../tools/workbooks.js';
import { fixtureHtml } from '../../tools/workbook-fixture.js';

const SEED = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'reference', 'seed-announcement-lampangrong-2565.txt');
const SIGNING = ['--date', '2022-08-02', '--signer', 'นายสันติ นาวีสัมพันธ์'];
const OUTPUT_NAME = 'ประกาศผลการประเมิน ITA 2565 อบต.ลำปางรอง.docx';

function expectedText(): string {
  const seed = withoutWhitespace(readFileSync(SEED, 'utf8'));
  expect(seed.split('๐๒๕')).toHaveLength(2);
  return seed.replace('๐๒๕', 'o๒๕');
}

async function buildAndRead(workbook: string): Promise<string> {
  const out = temporaryDir('ita-out-');
  const run = await runBuildDoc([workbook, '--out', out, ...SIGNING]);
  expect(run.stderr).toContain('อบต.ลำปางรอง');
  expect(run.status).toBe(0);
  expect(writtenIn(out)).toEqual([OUTPUT_NAME]);
  expect(await validate(path.join(out, OUTPUT_NAME)), 'Open XML SDK validation errors').toEqual([]);
  return withoutWhitespace(paragraphs(path.join(out, OUTPUT_NAME)).join(''));
}

describe('the announcement of อบต.ลำปางรอง, 2565', () => {
  it('reproduces the reference text from the ITAS-style workbook', async () => {
    expect(await buildAndRead(await workbookFile('lampangrong-2565'))).toBe(expectedText());
  });

  it('reproduces it from the workbook shipped in input/', async () => {
    const shipped = readdirSync(path.join(PROJECT_ROOT, 'input')).filter((name) => name.endsWith('.xlsx'));
    expect(shipped).toHaveLength(1);
    expect(await buildAndRead(path.join(PROJECT_ROOT, 'input', shipped[0]!))).toBe(expectedText());
  });

  it('reproduces it with the indicators ranked by score, numbers in the names and the summary as a header row', async () => {
    expect(await buildAndRead(await workbookFile('lampangrong-2565-ranked'))).toBe(expectedText());
  });

  it('reproduces it from Thai-digit text numbers, colons, NBSP, rich text, a formula total and a hidden sheet', async () => {
    expect(await buildAndRead(await workbookFile('lampangrong-2565-thai-digits'))).toBe(expectedText());
  });

  it('reproduces it from a web page saved as .xls (as web systems export), in UTF-8 and in the Windows Thai code page', async () => {
    for (const name of ['lampangrong-2565', 'lampangrong-2565-ranked']) {
      for (const charset of ['utf-8', 'windows-874'] as const) {
        const file = path.join(temporaryDir('ita-html-'), 'ผลการประเมิน.xls');
        writeFileSync(file, fixtureHtml(fixture(name), charset));
        expect(readFileSync(file, 'latin1').startsWith('<html>')).toBe(true);
        expect(await buildAndRead(file), `${name} ${charset}`).toBe(expectedText());
      }
    }
  });

  it.skipIf(!soffice)('reproduces it from a workbook saved by LibreOffice Calc (needs LibreOffice: .ci/run installs it)', async () => {
    const dir = temporaryDir('ita-lo-');
    const originals = [
      await workbookFile('lampangrong-2565', dir, 'original.xlsx'),
      await workbookFile('lampangrong-2565-thai-digits', dir, 'thai-digits.xlsx'),
    ];
    const resaved = resaveWithLibreOffice(originals, dir);
    for (const [i, file] of resaved.entries()) {
      const named = path.join(temporaryDir('ita-lo-'), 'ผลการประเมิน LibreOffice.xlsx');
      copyFileSync(file, named);
      expect(readFileSync(file).equals(readFileSync(originals[i]!))).toBe(false);
      expect(await buildAndRead(named), originals[i]).toBe(expectedText());
    }
  });
});
