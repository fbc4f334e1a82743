/** npm run make-fill-in: writes the fill-in workbook templates/แบบกรอกผลคะแนน ITA.xlsx from the form's layout (src/ita/fill-in.ts). */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fillInWorkbook } from './lib/fill-in-workbook.js';

export const FILL_IN_WORKBOOK = fileURLToPath(new URL('../templates/แบบกรอกผลคะแนน ITA.xlsx', import.meta.url));

writeFileSync(FILL_IN_WORKBOOK, await fillInWorkbook());
console.log(`wrote ${path.relative(process.cwd(), FILL_IN_WORKBOOK)}`);
