/**
 * `npx tsx scripts/make-chart-workbook.ts`: writes src/render/analysis/workbook-parts.ts, the parts
 * of the analysis chart's workbook as exceljs writes them (after an exceljs upgrade, when
 * tests/render/analysis/workbook.test.ts says a report's workbook is no longer exceljs's).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { TEMPLATE_ROWS } from '../src/render/analysis/workbook.js';
import { excelJsParts } from '../tools/chart-workbook.js';

const target = fileURLToPath(new URL('../src/render/analysis/workbook-parts.ts', import.meta.url));
const parts = await excelJsParts(TEMPLATE_ROWS);
const source = `/**
 * The analysis chart's workbook as exceljs writes it for TEMPLATE_ROWS (render/analysis/workbook.ts),
 * its parts in exceljs's order. Written by scripts/make-chart-workbook.ts: do not edit.
 */
export const EXCELJS_PARTS: readonly (readonly [name: string, xml: string])[] = ${JSON.stringify(parts)};
`;
writeFileSync(target, await format(source, { ...(await resolveConfig(target)), filepath: target }));
console.log(`wrote ${target}`);
