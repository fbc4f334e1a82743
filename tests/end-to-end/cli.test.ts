/** The command line as a clerk runs it: a separate process, real files in and out. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuildDoc, runCheckTemplate, writtenIn } from '../helpers/cli.js';
import PizZip from 'pizzip';
import { documentXml, paragraphs } from '../helpers/docx.js';
import { hasPythonDocx, runPython, validate } from '../helpers/clients.js';
import { temporaryDir, workbookFile } from '../../tools/workbooks.js';

const NAME = 'ประกาศผลการประเมิน ITA 2565 อบต.ลำปางรอง.docx';
const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('npm run build-doc', () => {
  it('builds every workbook in input/ when given no files, and summarises on screen', async () => {
    const out = temporaryDir('ita-out-');
    const run = await runBuildDoc(['--out', out, '--date', '2022-08-02', '--signer', 'นายสันติ นาวีสัมพันธ์']);
    expect(run.status).toBe(0);
    expect(writtenIn(out)).toEqual([NAME]);
    expect(run.stderr).toContain('ประกาศที่สร้าง 1 ฉบับ จาก input/ตัวอย่าง ผลการประเมิน ITA 2565 อบต.ลำปางรอง.xlsx:');
    expect(run.stderr).toMatch(
      /หน่วยงาน\s+คะแนนรวม\s+ระดับ\s+ผลการประเมิน\s+ไฟล์\n\s+อบต\.ลำปางรอง\s+78\.29\s+B\s+ไม่ผ่าน\s+\S.*ประกาศผลการประเมิน ITA 2565 อบต\.ลำปางรอง\.docx/,
    );
    expect(run.stderr).toContain(NAME);
    expect(run.stdout).toBe('');
  });

  it('prints a JSON summary on stdout with --json, problems included, human text on stderr', async () => {
    const out = temporaryDir('ita-out-');
    const run = await runBuildDoc([await workbookFile('lampangrong-2565'), '--out', out, '--date', '2565-08-02', '--json']);
    expect(run.status).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary.documents).toHaveLength(1);
    expect(summary.documents[0]).toMatchObject({ agency: 'อบต.ลำปางรอง', fiscalYear: 2565, total: 78.29, level: 'B', result: 'ไม่ผ่าน' });
    expect(path.basename(summary.documents[0].output)).toBe(NAME);
    expect(summary.problems.map((p: { code: string }) => p.code)).toEqual(['emblem-placeholder', 'signer-missing']);
    expect(run.stderr).toContain('ผู้ลงนาม');
  });

  it('leaves a dotted line to sign over without --signer, and derives the position from the agency', async () => {
    const out = temporaryDir('ita-out-');
    await runBuildDoc([await workbookFile('lampangrong-2565'), '--out', out, '--date', '2022-08-02']);
    const text = paragraphs(path.join(out, NAME));
    expect(text.slice(-2)).toEqual(['(....................................)', 'นายกองค์การบริหารส่วนตำบลลำปางรอง']);
  });

  it('prints what --signer and --position say', async () => {
    const out = temporaryDir('ita-out-');
    await runBuildDoc([
      await workbookFile('lampangrong-2565'),
      '--out',
      out,
      '--signer',
      'นางสาวทดสอบ ใจดี',
      '--position',
      'ปลัดองค์การบริหารส่วนตำบล ปฏิบัติหน้าที่นายก',
    ]);
    expect(paragraphs(path.join(out, NAME)).slice(-2)).toEqual(['(นางสาวทดสอบ ใจดี)', 'ปลัดองค์การบริหารส่วนตำบล ปฏิบัติหน้าที่นายก']);
  });

  it('uses Arabic digits with --digits arabic', async () => {
    const out = temporaryDir('ita-out-');
    await runBuildDoc([await workbookFile('lampangrong-2565'), '--out', out, '--date', '2022-08-02', '--digits', 'arabic']);
    const text = paragraphs(path.join(out, NAME));
    expect(text).toContain('ได้รับคะแนนการประเมิน 78.29 คะแนน ผลคะแนนการประเมินอยู่ในระดับ B');
    expect(text).toContain('ประกาศ ณ วันที่ 2 สิงหาคม พ.ศ. 2565');
    expect(text.join('')).not.toMatch(/[๐-๙]/);
  });

  it('reads --date in either era and gives byte-identical documents for the same input', async () => {
    const workbook = await workbookFile('lampangrong-2565');
    const [a, b] = [temporaryDir('ita-a-'), temporaryDir('ita-b-')];
    await runBuildDoc([workbook, '--out', a, '--date', '2565-08-02']);
    await runBuildDoc([workbook, '--out', b, '--date', '2022-08-02']);
    expect(readFileSync(path.join(a, NAME)).equals(readFileSync(path.join(b, NAME)))).toBe(true);
    expect(paragraphs(path.join(a, NAME))).toContain('ประกาศ ณ วันที่ ๒ สิงหาคม พ.ศ. ๒๕๖๕');
  });

  it('refuses a bad option with exit code 2 and a Thai message', async () => {
    for (const args of [['--date', '2565-02-30'], ['--date', 'เมื่อวาน'], ['--digits', 'roman'], ['--no-such-option']]) {
      const run = await runBuildDoc(args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/[ก-๙]/);
      noStackTrace(run.stderr);
    }
  });

  it('refuses a file that is not a workbook with exit code 1, writing nothing and keeping an earlier announcement', async () => {
    const out = temporaryDir('ita-out-');
    const good = await workbookFile('lampangrong-2565');
    await runBuildDoc([good, '--out', out]);
    const earlier = readFileSync(path.join(out, NAME));
    const fake = path.join(temporaryDir(), 'ผลการประเมิน.xlsx');
    writeFileSync(fake, 'this is not a spreadsheet');
    const run = await runBuildDoc([fake, '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('ผลการประเมิน.xlsx');
    expect(run.stderr).toContain('ไม่ใช่ไฟล์ Excel');
    noStackTrace(run.stderr);
    expect(writtenIn(out)).toEqual([NAME]);
    expect(readFileSync(path.join(out, NAME)).equals(earlier)).toBe(true);
  });

  it('writes no document for a workbook with an error, and exits 1 while the good ones are still written', async () => {
    const out = temporaryDir('ita-out-');
    const dir = temporaryDir();
    const bad = await workbookFile(
      {
        sheets: [
          {
            name: 'ผล',
            rows: [
              ['หน่วยงาน', 'อบต.ผิดพลาด'],
              ['ปีงบประมาณ', 2565],
              ['ตัวชี้วัด', 'คะแนน'],
              ['การปฏิบัติหน้าที่', 150],
            ],
          },
        ],
      },
      dir,
      'bad.xlsx',
    );
    const run = await runBuildDoc([bad, await workbookFile('lampangrong-2565'), '--out', out, '--json']);
    expect(run.status).toBe(1);
    expect(writtenIn(out)).toEqual([NAME]);
    const summary = JSON.parse(run.stdout);
    expect(
      summary.problems.filter((p: { severity: string }) => p.severity === 'error').map((p: { where: { cell?: string } }) => p.where.cell),
    ).toContain('B4');
  });

  it('refuses a template that is not a Word document with exit code 3', async () => {
    const template = path.join(temporaryDir(), 'แม่แบบ.docx');
    writeFileSync(template, 'not a docx');
    const out = temporaryDir('ita-out-');
    const run = await runBuildDoc([await workbookFile('lampangrong-2565'), '--out', out, '--template', template]);
    expect(run.status).toBe(3);
    expect(run.stderr).toContain('แม่แบบ');
    expect(readdirSync(out)).toEqual([]);
  });

  it('shows its help in Thai', async () => {
    const run = await runBuildDoc(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout + run.stderr).toContain('วันที่ประกาศ');
  });
});

describe('--lang en, for maintainers', () => {
  it('shows the help, the problems and the summary in English, and writes the very same document', async () => {
    const help = await runBuildDoc(['--help', '--lang', 'en']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Options:');
    expect(help.stdout).toContain('announcement date, year-month-day');
    expect(help.stdout).not.toContain('วันที่ประกาศ');

    const workbook = await workbookFile('lampangrong-2565');
    const [thai, english] = [temporaryDir('ita-th-'), temporaryDir('ita-en-')];
    expect((await runBuildDoc([workbook, '--out', thai, '--date', '2022-08-02'])).status).toBe(0);
    const run = await runBuildDoc([workbook, '--out', english, '--date', '2022-08-02', '--lang=en', '--json']);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('! warning');
    expect(run.stderr).toContain('No signer given (ผู้ลงนาม: in the settings file, or --signer)');
    expect(run.stderr).toMatch(/Agency\s+Total\s+Level\s+Result\s+File\n\s+อบต\.ลำปางรอง\s+78\.29\s+B\s+ไม่ผ่าน/);
    expect(run.stderr).toContain('Summary: 1 announcement written');
    expect(run.stderr).not.toContain('สรุป');
    expect(JSON.parse(run.stdout).problems.find((p: { code: string }) => p.code === 'signer-missing').message).toContain('No signer given');
    expect(readFileSync(path.join(english, NAME)).equals(readFileSync(path.join(thai, NAME)))).toBe(true);
  });

  it('refuses bad input in English with the same exit codes as in Thai', async () => {
    const date = await runBuildDoc(['--date', '2565-02-30', '--lang', 'en']);
    expect(date.status).toBe(2);
    expect(date.stderr).toContain('--date "2565-02-30" is not valid: there is no such day in the calendar');
    expect((await runBuildDoc(['--lang', 'fr'])).status).toBe(2);

    const fake = path.join(temporaryDir(), 'ผลการประเมิน.xlsx');
    writeFileSync(fake, 'this is not a spreadsheet');
    const out = temporaryDir('ita-out-');
    const run = await runBuildDoc([fake, '--out', out, '--lang', 'en']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('✗ error [');
    expect(run.stderr).toContain('This is not an Excel file (.xlsx)');
    expect(run.stderr).toContain('1 could not be made');
    expect(readdirSync(out)).toEqual([]);

    const check = await runCheckTemplate([fake, '--lang', 'en']);
    expect(check.status).toBe(3);
    expect(check.stderr).toContain('is not usable');
  });
});

describe('clients other than ours', () => {
  it('the Open XML SDK validator finds no error in the announcement, and does find one in a broken copy', async () => {
    const out = temporaryDir('ita-out-');
    await runBuildDoc([await workbookFile('lampangrong-2565'), '--out', out, '--date', '2022-08-02', '--signer', 'นายสันติ นาวีสัมพันธ์']);
    const file = path.join(out, NAME);
    expect(await validate(file)).toEqual([]);

    const zip = new PizZip(readFileSync(file));
    zip.file('word/document.xml', documentXml(file).replace('<w:body>', '<w:body><w:p><w:r><w:bogus/></w:r></w:p>'));
    const broken = path.join(out, 'broken.docx');
    writeFileSync(broken, zip.generate({ type: 'nodebuffer' }));
    expect((await validate(broken)).length).toBeGreaterThan(0);
  });

  it.skipIf(!hasPythonDocx)(
    'python-docx opens the announcement and finds its two tables (needs python3-docx: .ci/run installs it)',
    async () => {
      const out = temporaryDir('ita-out-');
      await runBuildDoc([await workbookFile('lampangrong-2565'), '--out', out, '--date', '2022-08-02']);
      const script =
        'import sys, docx\nd = docx.Document(sys.argv[1])\nprint(len(d.tables), len(d.tables[0].rows), d.tables[1].rows[1].cells[0].text)';
      const run = runPython(script, [path.join(out, NAME)]);
      expect(run.stderr).toBe('');
      expect(run.stdout.trim()).toBe('2 11 อบต.ลำปางรอง');
    },
  );
});
