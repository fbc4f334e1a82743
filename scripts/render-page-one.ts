/**
 * npm run render-page-one: the pictures of page one in the README: the announcement's
 * (docs/page-1.png) and the analysis report's (docs/analysis-page-1.png, with two earlier years
 * of the example's agency from tests/fixtures/, so its chart and table of years show).
 *
 * Builds the example announcement and its analysis report with their PDFs, as `--pdf` makes it (LibreOffice, where
 * TH SarabunIT๙ is not installed drawing it with Laksaman from fonts-thai-tlwg, a font of the same
 * measures), and draws page one with poppler's pdftoppm.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { workbookFile } from '../tools/workbooks.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXAMPLE = path.join(ROOT, 'input', 'ตัวอย่าง ผลการประเมิน ITA 2565 อบต.ลำปางรอง.xlsx');
const TARGET = path.join(ROOT, 'docs', 'page-1.png');
const ANALYSIS_TARGET = path.join(ROOT, 'docs', 'analysis-page-1.png');
const EARLIER = ['lampangrong-2563', 'lampangrong-2564'];
const RESOLUTION = '70';

const work = mkdtempSync(path.join(tmpdir(), 'page-one-'));
try {
  const earlier = await Promise.all(EARLIER.map((name) => workbookFile(name, work, `${name}.xlsx`)));
  execFileSync(
    process.execPath,
    [
      '--import',
      import.meta.resolve('tsx'),
      path.join(ROOT, 'src', 'cli', 'build-doc.ts'),
      ...earlier,
      EXAMPLE,
      '--out',
      path.join(work, 'out'),
      '--date',
      '2565-08-02',
      '--signer',
      'นายสันติ นาวีสัมพันธ์',
      '--analysis',
      '--pdf',
    ],
    { stdio: 'inherit' },
  );
  for (const [prefix, target] of [
    ['ประกาศผลการประเมิน ITA 2565', TARGET],
    ['รายงานการวิเคราะห์ผลการประเมิน ITA 2565', ANALYSIS_TARGET],
  ] as const) {
    const pdf = path.join(
      work,
      'out',
      readdirSync(path.join(work, 'out')).find((name) => name.startsWith(prefix) && name.endsWith('.pdf'))!,
    );
    execFileSync('pdftoppm', ['-png', '-r', RESOLUTION, '-f', '1', '-l', '1', '-singlefile', pdf, path.join(work, 'page-1')]);
    copyFileSync(path.join(work, 'page-1.png'), target);
    console.log(`wrote ${path.relative(process.cwd(), target)}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
