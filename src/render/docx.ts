/**
 * Writer: view → DOCX through docxtemplater over the Word template, then the finishing steps
 * docxtemplater does not do (Thai runs, page number digits, the emblem). Knows nothing of workbooks.
 */
import type PizZip from 'pizzip';
import { error, type Problem } from '../problem.js';
import { finishEmblem, type EmblemImage } from './emblem.js';
import type { Digits } from './format.js';
import { setPageNumberDigits } from './page-numbers.js';
import { compileTemplate, templateProblems, type Template } from './template.js';
import { markThaiRuns } from './thai-runs.js';
import type { AnnouncementView } from './view.js';
import { editXml, textParts } from './word-xml.js';

/** Every zip entry gets this date, so the same input gives a byte-identical file. */
export const FIXED_ZIP_DATE = new Date(2000, 0, 1, 0, 0, 0);

export interface RenderOptions {
  digits: Digits;
  /** The agency's emblem, put in place of the template's picture named "ตราครุฑ". */
  emblem?: EmblemImage;
}

export function renderDocx(template: Template, view: AnnouncementView, options: RenderOptions): { document?: Buffer; problems: Problem[] } {
  const compiled = compileTemplate(template);
  if (!compiled.doc) return { problems: compiled.problems };
  try {
    compiled.doc.render(view);
  } catch (e) {
    return { problems: templateProblems(e, template.file) };
  }
  if (compiled.missingTags.length) {
    return {
      problems: [...new Set(compiled.missingTags)].map((tag) =>
        error('template-tag-unknown', { file: template.file, tag: `{${tag}}` }, `แม่แบบใช้ป้าย {${tag}} ซึ่งไม่มีข้อมูลให้: แก้ชื่อป้ายในแม่แบบ`),
      ),
    };
  }
  const zip = compiled.doc.getZip() as PizZip;
  for (const part of textParts(zip)) {
    editXml(zip, part, (doc) => {
      markThaiRuns(doc);
      if (part === 'word/document.xml') setPageNumberDigits(doc, options.digits);
    });
  }
  const problems = finishEmblem(zip, options.emblem, template.file);
  if (problems.some((p) => p.severity === 'error')) return { problems };
  for (const entry of Object.values(zip.files)) entry.date = FIXED_ZIP_DATE;
  return { document: zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' }), problems };
}
