/** npm run pack-template: templates/ita-announcement/ → templates/ita-announcement.docx, templates/ita-analysis/ → templates/ita-analysis.docx */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ANALYSIS_TEMPLATE_FILE, ANALYSIS_TEMPLATE_SOURCE, TEMPLATE_FILE, packTemplate } from '../tools/template-package.js';

for (const [file, source] of [[TEMPLATE_FILE, undefined], [ANALYSIS_TEMPLATE_FILE, ANALYSIS_TEMPLATE_SOURCE]] as const) {
  writeFileSync(file, packTemplate(source));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
