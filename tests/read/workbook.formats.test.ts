/**
 * Whatever the clerk holds: the seed (อบต.ลำปางรอง 2565) as LibreOffice, Gnumeric and a browser
 * write it (tests/fixtures/formats/, made by npm run make-format-fixtures) gives the reference
 * announcement through the command line; each format's cells are read as the program that wrote
 * them shows them; input/ offers every kind of file; the containers of binary .xls files are
 * read without trusting them. The hostile files of each format are in tests/end-to-end/hostile-input.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cellText, type Cell, type Sheet } from '../../src/read/cells.js';
import { runBuildDoc, PROJECT_ROOT, writtenIn } from '../helpers/cli.js';
import { editedXls, fileOf, formatFixture, FORMATS, record, seedAnnouncementFrom, seedText, workbookStream } from '../helpers/formats.js';
import { compoundFile } from '../helpers/ole.js';
import { windows874 } from '../../tools/workbook-fixture.js';
import { readWorkbookFile, temporaryDir } from '../../tools/workbooks.js';

const SEED_FILES = [
  'seed-libreoffice.xls',
  'seed-gnumeric.xls',
  'seed-gnumeric-excel95.xls',
  'seed-libreoffice.ods',
  'seed-gnumeric.ods',
  'seed-xml-spreadsheet-2003.xml',
  'seed-xml-spreadsheet-2003.xls',
  'seed-libreoffice.html',
  'seed-saved-page.html',
  'seed-copied-utf8.txt',
  'seed-copied-utf8-bom.txt',
  'seed-copied-utf16le.txt',
  'seed-copied-utf16be.tsv',
  'seed-copied-windows-874.txt',
];

describe('the seed announcement from files other programs wrote', () => {
  it.each(SEED_FILES)('%s gives the reference announcement, exit 0, one document', async (name) => {
    expect(await seedAnnouncementFrom(path.join(FORMATS, name))).toBe(seedText());
  });

  it('reads a saved page whose menu is a table of links beside a year drop-down (2565 chosen, 2564 after it: not read as "25652564")', async () => {
    const menu =
      '<table class="menu"><tr><td><a href="/agency">หน่วยงาน</a></td></tr><tr><td><a href="/result">ผลการประเมิน</a></td></tr><tr><td>ปีงบประมาณ</td><td><select><option selected>2565</option><option>2564</option></select></td></tr></table>';
    const page = formatFixture('seed-saved-page.html')
      .toString('utf8')
      .replace(/<nav>[\s\S]*<\/nav>/, menu);
    expect(await seedAnnouncementFrom(fileOf('เมนู.html', page))).toBe(seedText());
  });

  it("reads a real binary .xls whose container stores its sectors last first (SheetJS's own container reader would spend gigabytes on it)", async () => {
    const file = fileOf(
      'ย้อนกลับ.xls',
      compoundFile([{ name: 'Workbook', data: workbookStream('seed-libreoffice.xls') }], { backwards: true }),
    );
    expect(await seedAnnouncementFrom(file)).toBe(seedText());
  });
});

const row = (sheet: Sheet, label: string): (Cell | undefined)[] => sheet.rows.find((cells) => cellText(cells[0]) === label) ?? [];

describe('cells as other programs write them', () => {
  it.each([
    'cells-libreoffice.xls',
    'cells-gnumeric-excel95.xls',
    'cells-libreoffice.ods',
    'cells-gnumeric.ods',
    'cells-xml-spreadsheet-2003.xml',
  ])(
    "%s: a fraction shown as a percent (0.8439 as 84.39) is 84.39 and percent, other numbers as they are, a formula's result, #DIV/0!, the merge, Thai text",
    async (name) => {
      const read = await readWorkbookFile(path.join(FORMATS, name));
      expect(read.problems).toEqual([]);
      const [sheet] = read.workbook!.sheets;
      expect(sheet!.name).toBe('คะแนน');
      expect(row(sheet!, 'ร้อยละ')[1]!.value).toEqual({ kind: 'number', value: 84.39, percent: true });
      expect(row(sheet!, 'ทศนิยม')[1]!.value).toEqual({ kind: 'number', value: 84.39 });
      expect(row(sheet!, 'ตัวเลข')[1]!.value).toEqual({ kind: 'number', value: 72.98 });
      expect(row(sheet!, 'ร้อยละในเครื่องหมายคำพูด')[1]!.value).toEqual({ kind: 'number', value: 84.39 });
      expect(row(sheet!, 'สูตร')[1]!.value).toEqual({ kind: 'number', value: 73 });
      // Gnumeric's .ods and LibreOffice's XML Spreadsheet keep the error as its text.
      expect(cellText(row(sheet!, 'หารศูนย์')[1])).toBe('#DIV/0!');
      expect(row(sheet!, 'ไทย')[1]).toMatchObject({ ref: 'B8', value: { kind: 'text', text: 'ผลการประเมิน' } });
      expect(sheet!.merges).toEqual([{ top: 7, left: 1, bottom: 7, right: 3 }]);
    },
  );

  it.each(['cells-libreoffice.xls', 'cells-gnumeric-excel95.xls', 'cells-libreoffice.ods', 'cells-gnumeric.ods'])(
    '%s: the hidden sheet is flagged',
    async (name) => {
      const { sheets } = (await readWorkbookFile(path.join(FORMATS, name))).workbook!;
      expect(sheets.map((s) => [s.name, s.hidden])).toEqual([
        ['คะแนน', false],
        ['ซ่อน', true],
      ]);
    },
  );

  it.each(['cells-libreoffice.xls', 'cells-gnumeric-excel95.xls', 'cells-libreoffice.ods'])(
    '%s: #DIV/0! is an error value',
    async (name) => {
      const [sheet] = (await readWorkbookFile(path.join(FORMATS, name))).workbook!.sheets;
      expect(row(sheet!, 'หารศูนย์')[1]!.value).toEqual({ kind: 'error', text: '#DIV/0!' });
    },
  );

  it('XML Spreadsheet 2003: a hidden sheet as Excel marks it, in the Windows Thai code page it declares; a formula saved without its result is an empty cell', async () => {
    const xml = formatFixture('cells-xml-spreadsheet-2003.xml')
      .toString('utf8')
      .replace(/(ซ่อนไว้[\s\S]*?)<x:WorksheetOptions\/>/, '$1<x:WorksheetOptions><x:Visible>SheetHidden</x:Visible></x:WorksheetOptions>')
      .replace('<Cell ss:Formula="of:=ROUND([.B3];1)"><Data ss:Type="Number">73</Data></Cell>', '<Cell ss:Formula="=ROUND(R[-2]C,1)"/>')
      .replace('encoding="UTF-8"', 'encoding="windows-874"');
    const read = await readWorkbookFile(fileOf('ซ่อน.xml', windows874(xml)));
    expect(read.problems).toEqual([]);
    expect(read.workbook!.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['คะแนน', false],
      ['ซ่อน', true],
    ]);
    expect(row(read.workbook!.sheets[0]!, 'สูตร')[1]).toBeUndefined();
  });
});

describe('what is not a results table', () => {
  it('refuses a .txt holding no table (no tabs) with a Thai message naming the file, exit 1, nothing written', async () => {
    const file = fileOf('บันทึก.txt', 'ผลการประเมิน ITA ของ อบต.ลำปางรอง ปี 2565 ได้ 78.29 คะแนน\r\n');
    const out = temporaryDir('ita-out-');
    const run = await runBuildDoc([file, '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('บันทึก.txt');
    expect(run.stderr).toContain('ไฟล์ข้อความนี้ไม่มีตาราง');
    expect(writtenIn(out)).toEqual([]);
    expect((await readWorkbookFile(file)).problems.map((p) => p.code)).toEqual(['file-text-not-table']);
  });

  it('refuses a BIFF5 .xls whose Thai letters were saved as "?" (Gnumeric without the Thai locale), saying so rather than finding no table', async () => {
    const read = await readWorkbookFile(path.join(FORMATS, 'seed-gnumeric-excel95-no-thai.xls'));
    expect(read.problems.map((p) => p.code)).toEqual(['file-thai-lost']);
    expect(read.problems[0]!.message.th).toContain('กลายเป็นเครื่องหมาย ?');
  });

  it('names a Word document and an OpenDocument text for what they are, and never says to use Excel', async () => {
    const doc = fileOf('ผล.xls', compoundFile([{ name: 'WordDocument', data: new Uint8Array(5000) }]));
    const { zipSync, strToU8 } = await import('fflate');
    const odt = fileOf(
      'ผล.ods',
      zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.text'), 'content.xml': strToU8('<office:document-content/>') }),
    );
    for (const [file, says] of [
      [doc, 'เอกสาร Word (.doc)'],
      [odt, 'เอกสารข้อความ OpenDocument (.odt)'],
    ] as const) {
      const read = await readWorkbookFile(file);
      expect(read.problems.map((p) => p.code)).toEqual(['file-not-spreadsheet']);
      expect(read.problems[0]!.message.th).toContain(says);
      expect(read.problems[0]!.message.th).not.toMatch(/ใน Excel|Excel แล้ว/);
    }
  });

  it('refuses an .xls whose BIFF records say it is encrypted (FILEPASS) as password-protected', async () => {
    const read = await readWorkbookFile(
      fileOf(
        'รหัสผ่าน.xls',
        editedXls('seed-libreoffice.xls', [record(0x002f, Buffer.from([0, 0, 0x12, 0x34, 0x56, 0x78]))], { atStart: true }),
      ),
    );
    expect(read.problems.map((p) => p.code)).toEqual(['file-encrypted']);
    expect(read.problems[0]!.message.th).toContain('ตั้งรหัสผ่าน');
  });
});

describe('input/', () => {
  it("offers every kind of results file, skipping Excel's ~$ lock files, dot files and settings.yaml (the built program, in a copy of the project)", () => {
    const root = temporaryDir('ita-project-');
    for (const part of ['src', 'templates']) cpSync(path.join(PROJECT_ROOT, part), path.join(root, part), { recursive: true });
    copyFileSync(path.join(PROJECT_ROOT, 'package.json'), path.join(root, 'package.json'));
    symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(root, 'node_modules'));
    mkdirSync(path.join(root, 'input'));
    const offered = ['a.xls', 'b.ods', 'c.xml', 'd.txt', 'e.tsv', 'f.html', 'g.htm', 'h.csv', 'i.xlsx'];
    const sources = [
      'seed-libreoffice.xls',
      'seed-gnumeric.ods',
      'seed-xml-spreadsheet-2003.xml',
      'seed-copied-utf8.txt',
      'seed-copied-utf16be.tsv',
      'seed-libreoffice.html',
      'seed-saved-page.html',
      'seed-copied-utf8.txt',
      'seed-libreoffice.xls',
    ];
    offered.forEach((name, i) => copyFileSync(path.join(FORMATS, sources[i]!), path.join(root, 'input', name)));
    for (const skipped of ['~$a.xls', '.hidden.ods'])
      copyFileSync(path.join(FORMATS, 'seed-libreoffice.xls'), path.join(root, 'input', skipped));
    writeFileSync(path.join(root, 'input', 'settings.yaml'), 'ผู้ลงนาม: นายสันติ นาวีสัมพันธ์\n');
    const run = spawnSync(process.execPath, [path.join(root, 'src', 'cli', 'start.cjs'), 'build-doc', '--json'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, INIT_CWD: root },
    });
    const json = JSON.parse(run.stdout) as { documents: { input: string }[]; failed: { input: string; problems: { code: string }[] }[] };
    // h.csv holds tabs, read as a CSV; i.xlsx is a binary .xls renamed: read by its bytes.
    expect(json.failed).toEqual([]);
    expect(json.documents.map((d) => path.basename(d.input)).sort()).toEqual(offered);
  });
});
