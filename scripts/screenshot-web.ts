/**
 * npm run screenshot-web: the picture of the web page in the README (docs/web-page.png), the
 * example workbook chosen, in Debian's Chromium (apt-get install chromium).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../tests/helpers/browser.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const TARGET = path.join(ROOT, 'docs', 'web-page.png');

const browser = await launchBrowser('chromium');
try {
  const page = await browser.openPage(path.join(ROOT, 'web', 'ita-announcement.html'), { width: 1000, height: 900 });
  await page.fill('#signer', 'นายสันติ นาวีสัมพันธ์');
  await page.fill('#date', '2565-08-02');
  await page.choose('#workbook', path.join(ROOT, 'input', 'ตัวอย่าง ผลการประเมิน ITA 2565 อบต.ลำปางรอง.xlsx'));
  await page.waitFor('#announcements h3');
  await page.screenshot(TARGET);
  console.log(`wrote ${path.relative(process.cwd(), TARGET)}`);
} finally {
  await browser.close();
}
