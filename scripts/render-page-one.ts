/**
 * npm run render-page-one: the picture of page one in the README (docs/page-1.png).
 *
 * Builds the example announcement with its PDF, as `--pdf` makes it (LibreOffice, where
 * TH SarabunIT๙ is not installed drawing it with Laksaman from fonts-thai-tlwg, a font of the same
 * measures), and draws page one with poppler's pdftoppm.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXAMPLE = path.join(ROOT, 'input', 'ตัวอย่าง ผลการประเมิน ITA 2565 อบต.ลำปางรอง.xlsx');
const TARGET = path.join(ROOT, 'docs', 'page-1.png');
const RESOLUTION = '70';

const work = mkdtempSync(path.join(tmpdir(), 'page-one-'));
try {
  execFileSync(
    process.execPath,
    ['--import', import.meta.resolve('tsx'), path.join(ROOT, 'src', 'cli.ts'), EXAMPLE, '--out', work, '--date', '2565-08-02', '--signer', 'นายสันติ นาวีสัมพันธ์', '--pdf'],
    { stdio: 'inherit' },
  );
  const pdf = path.join(work, readdirSync(work).find((name) => name.endsWith('.pdf'))!);
  execFileSync('pdftoppm', ['-png', '-r', RESOLUTION, '-f', '1', '-l', '1', '-singlefile', pdf, path.join(work, 'page-1')]);
  copyFileSync(path.join(work, 'page-1.png'), TARGET);
  console.log(`wrote ${path.relative(process.cwd(), TARGET)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
