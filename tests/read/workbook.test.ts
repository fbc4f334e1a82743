/**
 * Files that are not .xlsx: a web page named .xls is read, a CSV is read as one sheet, an XML
 * Spreadsheet 2003 named .xls is told from a web page, an OLE container is looked into before it
 * is trusted. The seed in every format other programs write is in workbook.formats.test.ts.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureCsv } from '../../tools/workbook-fixture.js';
import { announceWorkbook } from '../../src/ita/announce-workbook.js';
import { cellText } from '../../src/read/cells.js';
import { OPTIONS } from '../helpers/layouts.js';
import { fixture, temporaryDir, readWorkbookFile } from '../../tools/workbooks.js';

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

  it('reads a drop-down list as the option it shows, and leaves out what a browser does not show (noscript, template)', async () => {
    const html =
      '<html><body><table><tr><td>ปีงบประมาณ</td><td><select><option>2564</option><option selected>2565</option></select></td><td><select></select></td></tr></table><noscript>เปิด JavaScript</noscript><template><p>แบบ</p></template></body></html>';
    const sheet = (await readWorkbookFile(fileWith('page.html', html))).workbook!.sheets[0]!;
    expect(sheet.rows.map((row) => row.map((cell) => cellText(cell)))).toEqual([['ปีงบประมาณ', '2565']]);
  });

  it('reads a CSV saved as "CSV UTF-8", in the Windows Thai code page, or with semicolons; a formula-free sheet of text', async () => {
    const report = fixture('province-2564').sheets[0]!;
    const utf8 = fixtureCsv(report, 'utf-8-bom');
    const semicolons = Buffer.from(utf8.toString('utf8').replaceAll(',', ';'), 'utf8');
    for (const [name, bytes] of [
      ['utf8.csv', utf8],
      ['thai.csv', fixtureCsv(report, 'windows-874')],
      ['semicolon.csv', semicolons],
    ] as const) {
      const read = await readWorkbookFile(fileWith(name, bytes));
      expect(read.problems, name).toEqual([]);
      const { agencies } = announceWorkbook(read.workbook!, OPTIONS);
      expect(
        agencies.map((a) => [a.name, a.announcement?.total]),
        name,
      ).toEqual([
        ['อบจ.ทดลองเหนือ', 81.45],
        ['อบจ.ทดลองใต้', 77.85],
        ['อบต.บ้านใหม่', 97.49],
        ['อบต.บ้านใหม่', 89.92],
      ]);
    }
  });

  it('refuses a compound file too damaged to open, and one naming an EncryptionInfo stream as password-protected, never saying to use Excel', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]);
    const damaged = await readWorkbookFile(fileWith('old.xls', ole));
    expect(damaged.problems.map((p) => p.code)).toEqual(['file-damaged']);
    expect(damaged.problems[0]!.message.th).toContain('ดาวน์โหลดจากระบบ ITAS ใหม่');
    const encrypted = await readWorkbookFile(fileWith('locked.xlsx', Buffer.concat([ole, Buffer.from('EncryptionInfo', 'utf16le')])));
    expect(encrypted.problems.map((p) => p.code)).toEqual(['file-encrypted']);
    for (const problem of [...damaged.problems, ...encrypted.problems]) expect(problem.message.th).not.toMatch(/ใน Excel|Excel แล้ว/);
  });

  it('reads an XML Spreadsheet 2003 named .xls, which is not a web page', async () => {
    const xml =
      '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="ผลการประเมิน"><Table><Row><Cell><Data ss:Type="String">หน่วยงาน</Data></Cell><Cell><Data ss:Type="String">อบต.ทดสอบ</Data></Cell></Row><Row ss:Index="3"><Cell ss:Index="2"><Data ss:Type="Number">84.39</Data></Cell></Row></Table></Worksheet></Workbook>';
    const read = await readWorkbookFile(fileWith('export.xls', xml));
    expect(read.problems).toEqual([]);
    const sheet = read.workbook!.sheets[0]!;
    expect(sheet.name).toBe('ผลการประเมิน');
    expect(sheet.rows.map((row) => row.map((cell) => cell && `${cell.ref}=${cellText(cell)}`))).toEqual([
      ['A1=หน่วยงาน', 'B1=อบต.ทดสอบ'],
      [],
      [, 'B3=84.39'],
    ]);
  });
});
