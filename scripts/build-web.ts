/** npm run build-web: writes web/ita-announcement.html from the sources (tools/web-page.ts builds it). */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildWebPage, WEB_PAGE } from '../tools/web-page.js';

const page = await buildWebPage();
writeFileSync(WEB_PAGE, page);
console.log(`wrote ${path.relative(process.cwd(), WEB_PAGE)} (${Math.round(page.length / 1024)} KB)`);
