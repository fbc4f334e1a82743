/**
 * npm run make-format-fixtures: remakes tests/fixtures/formats/, the seed (อบต.ลำปางรอง 2565) and
 * a workbook of every kind of cell (formats/cells.json) in each format an office or a government
 * system writes, each written by a program other than this one, so the readers are tested on what
 * those programs really write. The files are committed: the tests need none of these programs.
 *
 * Needs LibreOffice (soffice), Gnumeric (ssconvert), xsltproc and the th_TH.UTF-8 locale, all
 * Debian packages. Each file, and the program and filter that made it:
 *
 *   seed-libreoffice.xls            LibreOffice 'xls:MS Excel 97' (BIFF8)
 *   seed-gnumeric.xls               Gnumeric -T Gnumeric_Excel:excel_biff8
 *   seed-gnumeric-excel95.xls       Gnumeric -T Gnumeric_Excel:excel_biff7 under LC_ALL=th_TH.UTF-8 (BIFF5, code page 874)
 *   seed-gnumeric-excel95-no-thai.xls  the same without the Thai locale: code page 1252, every Thai letter saved as "?"
 *   seed-libreoffice.ods            LibreOffice 'ods'
 *   seed-gnumeric.ods               Gnumeric -T Gnumeric_OpenCalc:odf
 *   seed-xml-spreadsheet-2003.xml   LibreOffice's own XSLT for "MS Excel 2003 XML" run by xsltproc (below), and
 *   seed-xml-spreadsheet-2003.xls   the same bytes named .xls, as government web systems name it
 *   seed-libreoffice.html           LibreOffice 'html:HTML (StarCalc)'
 *   seed-saved-page.html            LibreOffice's tables inside a results page as a browser's "Save page as" keeps it
 *                                   (navigation, header, search form, script, style, another table, footer)
 *   seed-copied-*.txt, .tsv         LibreOffice 'txt:Text - txt - csv (StarCalc)' with tabs, one file per sheet, the two
 *                                   one under the other as a clerk pasting both tables into Notepad would, with
 *                                   Notepad's line ends, in each encoding Notepad saves (encoded here)
 *   cells-*.xls, .ods, .xml         formats/cells.json the same ways
 *
 * LibreOffice 7.4 cannot write Excel 95 (its export fails with an I/O error), and its "MS Excel 2003
 * XML" export recurses once per repeated column and fails on every real sheet (16,380 repeated
 * empty columns): so the flat ODS it writes is trimmed of long repeats first, then its XSLT is run
 * by xsltproc.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readFixture, windows874, writeFixtureWorkbook } from '../tools/workbook-fixture.js';

const FIXTURES = fileURLToPath(new URL('../tests/fixtures/', import.meta.url));
const OUT = path.join(FIXTURES, 'formats');
const SPREADSHEETML_XSLT = '/usr/lib/libreoffice/share/xslt/export/spreadsheetml/ooo2spreadsheetml.xsl';

const work = mkdtempSync(path.join(os.tmpdir(), 'ita-formats-'));
const profile = pathToFileURL(path.join(work, 'profile')).href;

function libreOffice(file: string, to: string, outdir: string): void {
  execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=${profile}`, '--convert-to', to, '--outdir', outdir, file], {
    stdio: 'ignore',
  });
}

function gnumeric(file: string, exporter: string, out: string, thai = true): void {
  // Gnumeric writes BIFF5 text in the locale's code page: without the Thai locale, 1252, where Thai letters become "?".
  const env = { ...process.env, LC_ALL: thai ? 'th_TH.UTF-8' : 'C.UTF-8' };
  execFileSync('ssconvert', ['-T', exporter, file, out], { stdio: 'ignore', env });
}

/** LibreOffice's XML Spreadsheet 2003, through its flat ODS with the long runs of empty rows and columns cut to one. */
function xmlSpreadsheet(file: string): Buffer {
  const dir = path.join(work, 'fods');
  libreOffice(file, 'fods', dir);
  const fods = path.join(dir, `${path.basename(file, '.xlsx')}.fods`);
  writeFileSync(fods, readFileSync(fods, 'utf8').replace(/number-(columns|rows)-repeated="\d{4,}"/g, 'number-$1-repeated="1"'));
  return execFileSync('xsltproc', [SPREADSHEETML_XSLT, fods]);
}

/** Each sheet as LibreOffice writes it as tab-separated UTF-8 text, one under the other, with Windows line ends. */
function copiedText(file: string): string {
  const dir = path.join(work, 'text');
  // Tokens: tab, " around text, UTF-8 (76), from line 1, standard cells, language, quoted as text, detect numbers,
  // cells as shown (84.39, not 84.3899999), no formulas, no trimming, every sheet to its own file (-1).
  libreOffice(file, 'txt:Text - txt - csv (StarCalc):9,34,76,1,,0,false,true,true,false,false,-1', dir);
  const base = path.basename(file, '.xlsx');
  const sheets = readFixture(path.join(FIXTURES, 'lampangrong-2565', 'workbook.json')).sheets.map((sheet) =>
    readFileSync(path.join(dir, `${base}-${sheet.name}.txt`), 'utf8'),
  );
  return sheets.join('\n').replace(/\r?\n/g, '\r\n');
}

/** The page as a browser saves it from ITAS: LibreOffice's tables inside the site's navigation, forms, scripts and footer. */
function savedPage(libreOfficeHtml: string): string {
  const tables = libreOfficeHtml.match(/<table[\s\S]*?<\/table>/g) ?? [];
  return `<!DOCTYPE html>
<html lang="th">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ผลการประเมิน ITA | ระบบประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ</title>
<link rel="stylesheet" href="https://itas.nacc.go.th/css/site.css">
<style>
  nav ul { list-style: none; display: flex; gap: 1em; }
  .score { text-align: right; } /* คะแนน */
</style>
<script>
  window.dataLayer = window.dataLayer || [];
  function gtag() { dataLayer.push(arguments); }
  document.addEventListener('DOMContentLoaded', function () { var t = '<table><tr><td>หน่วยงาน</td></tr></table>'; });
</script>
</head>
<body>
<header>
  <img src="ผลการประเมิน ITA_files/logo.png" alt="สำนักงาน ป.ป.ช.">
  <h2>ระบบประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITAS)</h2>
</header>
<nav>
  <ul>
    <li><a href="https://itas.nacc.go.th/">หน้าหลัก</a></li>
    <li><a href="https://itas.nacc.go.th/agency">หน่วยงาน</a></li>
    <li><a href="https://itas.nacc.go.th/result">ผลการประเมิน</a></li>
    <li><a href="https://itas.nacc.go.th/download">ดาวน์โหลด</a></li>
    <li><a href="https://itas.nacc.go.th/contact">ติดต่อเรา</a></li>
  </ul>
</nav>
<form action="https://itas.nacc.go.th/search" method="get">
  <label for="q">ค้นหาหน่วยงาน</label> <input id="q" name="q" type="text" placeholder="ชื่อหน่วยงาน">
  <select name="year"><option value="2565" selected>ปีงบประมาณ 2565</option><option value="2564">ปีงบประมาณ 2564</option></select>
  <button type="submit">ค้นหา</button>
</form>
<main>
<div class="breadcrumb"><a href="https://itas.nacc.go.th/">หน้าหลัก</a> › ผลการประเมิน</div>
${tables.join('\n<br>\n')}
<h4>ช่วงเวลาการประเมิน</h4>
<table class="schedule">
  <tr><th>ขั้นตอน</th><th>ช่วงเวลา</th></tr>
  <tr><td>เปิดระบบ</td><td>1 มีนาคม 2565</td></tr>
  <tr><td>ประกาศผล</td><td>30 กันยายน 2565</td></tr>
</table>
</main>
<footer>
  <p>© 2565 สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ (สำนักงาน ป.ป.ช.)</p>
  <p><a href="https://itas.nacc.go.th/privacy">นโยบายความเป็นส่วนตัว</a> | โทร. 1205</p>
</footer>
<script src="https://itas.nacc.go.th/js/app.js"></script>
</body>
</html>
`;
}

function utf16be(text: string): Buffer {
  const bytes = Buffer.from(`\uFEFF${text}`, 'utf16le');
  for (let i = 0; i + 1 < bytes.length; i += 2) [bytes[i], bytes[i + 1]] = [bytes[i + 1]!, bytes[i]!];
  return bytes;
}

mkdirSync(OUT, { recursive: true });
for (const name of readdirSync(OUT)) if (name !== 'cells.json') rmSync(path.join(OUT, name));

const seed = path.join(work, 'seed.xlsx');
const cells = path.join(work, 'cells.xlsx');
await writeFixtureWorkbook(readFixture(path.join(FIXTURES, 'lampangrong-2565', 'workbook.json')), seed);
await writeFixtureWorkbook(readFixture(path.join(OUT, 'cells.json')), cells);

for (const [workbook, name] of [
  [seed, 'seed'],
  [cells, 'cells'],
] as const) {
  const lo = path.join(work, `lo-${name}`);
  libreOffice(workbook, 'xls:MS Excel 97', lo);
  copyFileSync(path.join(lo, `${name}.xls`), path.join(OUT, `${name}-libreoffice.xls`));
  libreOffice(workbook, 'ods', lo);
  copyFileSync(path.join(lo, `${name}.ods`), path.join(OUT, `${name}-libreoffice.ods`));
  gnumeric(workbook, 'Gnumeric_Excel:excel_biff7', path.join(OUT, `${name}-gnumeric-excel95.xls`));
  gnumeric(workbook, 'Gnumeric_OpenCalc:odf', path.join(OUT, `${name}-gnumeric.ods`));
  writeFileSync(path.join(OUT, `${name}-xml-spreadsheet-2003.xml`), xmlSpreadsheet(workbook));
}

gnumeric(seed, 'Gnumeric_Excel:excel_biff8', path.join(OUT, 'seed-gnumeric.xls'));
gnumeric(seed, 'Gnumeric_Excel:excel_biff7', path.join(OUT, 'seed-gnumeric-excel95-no-thai.xls'), false);
copyFileSync(path.join(OUT, 'seed-xml-spreadsheet-2003.xml'), path.join(OUT, 'seed-xml-spreadsheet-2003.xls'));

const html = path.join(work, 'html');
libreOffice(seed, 'html:HTML (StarCalc)', html);
const libreOfficeHtml = readFileSync(path.join(html, 'seed.html'), 'utf8');
writeFileSync(path.join(OUT, 'seed-libreoffice.html'), libreOfficeHtml);
writeFileSync(path.join(OUT, 'seed-saved-page.html'), savedPage(libreOfficeHtml));

const text = copiedText(seed);
writeFileSync(path.join(OUT, 'seed-copied-utf8.txt'), text);
writeFileSync(path.join(OUT, 'seed-copied-utf8-bom.txt'), `\uFEFF${text}`);
writeFileSync(path.join(OUT, 'seed-copied-utf16le.txt'), Buffer.from(`\uFEFF${text}`, 'utf16le'));
writeFileSync(path.join(OUT, 'seed-copied-utf16be.tsv'), utf16be(text));
writeFileSync(path.join(OUT, 'seed-copied-windows-874.txt'), windows874(text));

rmSync(work, { recursive: true, force: true });
for (const name of readdirSync(OUT).sort()) console.log(`tests/fixtures/formats/${name}`);
