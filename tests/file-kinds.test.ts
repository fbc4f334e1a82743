/**
 * Files that are not .xlsx: a web page named .xls is read, a CSV is read as one sheet, a real
 * binary .xls and an XML Spreadsheet 2003 are refused with what to do in Excel.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureCsv } from './helpers/workbook-fixture.js';
import { normalise } from '../src/ita/normalise.js';
import { cellText } from '../src/read/cells.js';
import { buildDoc } from './helpers/cli.js';
import { saveAsBinaryXls, soffice } from './helpers/clients.js';
import { OPTIONS } from './helpers/layouts.js';
import { fixture, temporaryDir, workbookFile, readWorkbookFile } from './helpers/workbooks.js';

function fileWith(name: string, content: string | Buffer): string {
  const file = path.join(temporaryDir('ita-kinds-'), name);
  writeFileSync(file, content);
  return file;
}

describe('other file kinds', () => {
  it('reads a web page table: colspan and rowspan as merged cells, <br> as a line break, text outside tables as rows', async () => {
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>ITA</title></head><body>
      <h3>ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2565</h3>
      <table><tr><th rowspan="2">หน่วยงาน</th><th colspan="2">IIT</th></tr>
      <tr><td>1</td><td>2</td></tr>
      <tr><td>อบต.<b>หนึ่ง</b></td><td>84.39</td><td>ย่อหน้าแรก<br>ย่อหน้าสอง</td></tr></table></body></html>`;
    const read = await readWorkbookFile(fileWith('ผล ITA.xls', html));
    expect(read.problems).toEqual([]);
    const sheet = read.workbook!.sheets[0]!;
    expect(sheet.name).toBe('ผล ITA');
    expect(sheet.rows.map((row) => row.map((cell) => cellText(cell)))).toEqual([
      ['ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2565'],
      ['หน่วยงาน', 'IIT'],
      [, '1', '2'],
      ['อบต.หนึ่ง', '84.39', 'ย่อหน้าแรก\nย่อหน้าสอง'],
    ]);
    expect(sheet.merges).toEqual([
      { top: 2, left: 1, bottom: 3, right: 1 },
      { top: 2, left: 2, bottom: 2, right: 3 },
    ]);
  });

  it('reads a CSV saved as "CSV UTF-8", in the Windows Thai code page, or with semicolons; a formula-free sheet of text', async () => {
    const report = fixture('province-2564').sheets[0]!;
    const utf8 = fixtureCsv(report, 'utf-8-bom');
    const semicolons = Buffer.from(utf8.toString('utf8').replaceAll(',', ';'), 'utf8');
    for (const [name, bytes] of [['utf8.csv', utf8], ['thai.csv', fixtureCsv(report, 'windows-874')], ['semicolon.csv', semicolons]] as const) {
      const read = await readWorkbookFile(fileWith(name, bytes));
      expect(read.problems, name).toEqual([]);
      const { agencies } = normalise(read.workbook!, OPTIONS);
      expect(agencies.map((a) => [a.name, a.announcement?.total]), name).toEqual([
        ['อบจ.ทดลองเหนือ', 81.45],
        ['อบจ.ทดลองใต้', 77.85],
        ['อบต.บ้านใหม่', 97.49],
        ['อบต.บ้านใหม่', 89.92],
      ]);
    }
  });

  it('refuses an .xls in the old binary format and a password-protected workbook, saying what to do in Excel', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]);
    const binary = await readWorkbookFile(fileWith('old.xls', ole));
    expect(binary.problems.map((p) => p.code)).toEqual(['file-binary-xls']);
    expect(binary.problems[0]!.message.th).toContain('.xlsx');
    const encrypted = await readWorkbookFile(fileWith('locked.xlsx', Buffer.concat([ole, Buffer.from('EncryptionInfo', 'utf16le')])));
    expect(encrypted.problems.map((p) => p.code)).toEqual(['file-encrypted']);
  });

  it('refuses an XML Spreadsheet 2003 file, which is not a web page', async () => {
    const xml = '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>';
    const read = await readWorkbookFile(fileWith('export.xls', xml));
    expect(read.problems.map((p) => p.code)).toEqual(['file-xml-spreadsheet']);
  });

  it.skipIf(!soffice)('refuses a real binary .xls saved by LibreOffice Calc, with exit code 1 and no document (needs LibreOffice: .ci/run installs it)', async () => {
    const dir = temporaryDir('ita-xls-');
    const xlsx = await workbookFile('lampangrong-2565', dir, 'ผลการประเมิน.xlsx');
    const xls = saveAsBinaryXls(xlsx, dir);
    const out = temporaryDir('ita-out-');
    const run = await buildDoc([xls, '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('ผลการประเมิน.xls');
    expect(run.stderr).toContain('Excel รุ่นเก่า (.xls)');
    expect(run.stderr).toContain('เวิร์กบุ๊ก Excel (.xlsx)');
    expect(readdirSync(out)).toEqual([]);
  });
});
