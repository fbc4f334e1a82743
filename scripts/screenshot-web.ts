/**
 * npm run screenshot-web: the picture of the web page in the README (docs/web-page.png), the
 * example workbook chosen, in Debian's Chromium (apt-get install chromium).
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchChromium } from '../tests/helpers/browser.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const TARGET = path.join(ROOT, 'docs', 'web-page.png');

const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  await page.goto(pathToFileURL(path.join(ROOT, 'web', 'ita-announcement.html')).href);
  await page.fill('#signer', 'นายสันติ นาวีสัมพันธ์');
  await page.fill('#date', '2565-08-02');
  await page.setInputFiles('#workbook', path.join(ROOT, 'input', 'ตัวอย่าง ผลการประเมิน ITA 2565 อบต.ลำปางรอง.xlsx'));
  await page.locator('#announcements h3').waitFor();
  await page.screenshot({ path: TARGET, fullPage: true });
  console.log(`wrote ${path.relative(process.cwd(), TARGET)}`);
} finally {
  await browser.close();
}
