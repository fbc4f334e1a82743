/** npm run pack-template: templates/ita-announcement/ → templates/ita-announcement.docx */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { TEMPLATE_FILE, packTemplate } from './lib/template-package.js';

writeFileSync(TEMPLATE_FILE, packTemplate());
console.log(`wrote ${path.relative(process.cwd(), TEMPLATE_FILE)}`);
