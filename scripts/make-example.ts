/** npm run make-example: writes the example workbook shipped in input/ from its readable data. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFixture, writeFixtureWorkbook } from '../tools/workbook-fixture.js';

const EXAMPLE_DATA = fileURLToPath(new URL('../tests/fixtures/lampangrong-2565/workbook.json', import.meta.url));
const EXAMPLE_WORKBOOK = fileURLToPath(new URL('../input/ตัวอย่าง ผลการประเมิน ITA 2565 อบต.ลำปางรอง.xlsx', import.meta.url));

await writeFixtureWorkbook(readFixture(EXAMPLE_DATA), EXAMPLE_WORKBOOK);
console.log(`wrote ${path.relative(process.cwd(), EXAMPLE_WORKBOOK)}`);
