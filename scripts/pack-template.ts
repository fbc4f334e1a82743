/** npm run pack-template: templates/ita-announcement/ → templates/ita-announcement.docx, templates/ita-analysis/ → templates/ita-analysis.docx */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ANALYSIS_TEMPLATE_SOURCE, packTemplate } from '../tools/template-package.js';
import { DEFAULT_ANALYSIS_TEMPLATE, DEFAULT_TEMPLATE } from '../src/node/project-root.js';

for (const [file, source] of [
  [DEFAULT_TEMPLATE, undefined],
  [DEFAULT_ANALYSIS_TEMPLATE, ANALYSIS_TEMPLATE_SOURCE],
] as const) {
  writeFileSync(file, packTemplate(source));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
