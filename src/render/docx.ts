/**
 * Writer: view → DOCX through docxtemplater over the Word template, then the finishing steps
 * docxtemplater does not do (Thai runs, page number digits, the emblem). Knows nothing of workbooks.
 *
 * What does not depend on the announcement is done once per run (`prepareTemplate`): the
 * headers' Thai runs marked in the template itself, the emblem checked. Each document then
 * costs one docxtemplater render, one pass over its body and, with --emblem, the picture's
 * replacement (kept per document, in the same order of steps as always, so the bytes stay the same).
 */
import PizZip from 'pizzip';
import { error, type Problem } from '../problem.js';
import { finishEmblem, hasEmblemPicture, noEmblemPicture, type EmblemImage } from './emblem.js';
import type { Digits } from '../format.js';
import { keepClosingWithText } from './keep-closing.js';
import { setPageNumberDigits } from './page-numbers.js';
import { compileTemplate, type Template } from './template.js';
import { templateProblems } from './template-errors.js';
import { markThaiRuns } from './thai-runs.js';
import type { Announcement } from '../ita/model.js';
import { toView, type AnnouncementView } from './view.js';
import { editXml, textParts } from './word-xml.js';

/** Every zip entry gets this date, so the same input gives a byte-identical file. */
export const FIXED_ZIP_DATE = new Date(2000, 0, 1, 0, 0, 0);

const BODY = 'word/document.xml';

/** A template made ready for a run, and the agency's emblem to put in each document. */
export interface PreparedTemplate {
  template: Template;
  emblem?: EmblemImage;
}

/**
 * The template made ready for a run: the Thai runs of headers and footers (which hold no tags)
 * marked once, and the emblem checked once: a template without the picture cannot take one, and
 * without --emblem a warning says when the placeholder is still there.
 */
export function prepareTemplate(template: Template, emblem: EmblemImage | undefined): { prepared?: PreparedTemplate; problems: Problem[] } {
  const zip = new PizZip(template.content);
  for (const part of textParts(zip)) if (part !== BODY) editXml(zip, part, markThaiRuns);
  if (emblem && !hasEmblemPicture(zip)) {
    return { problems: [noEmblemPicture(template.file)] };
  }
  const problems = emblem ? [] : finishEmblem(zip, undefined, template.file);
  const prepared = { file: template.file, content: zip.generate({ type: 'uint8array', compression: 'DEFLATE' }) };
  return { prepared: { template: prepared, ...(emblem && { emblem }) }, problems };
}

/** One announcement as a document: its DOCX bytes, or the problems that stopped it. */
export function renderAnnouncement(prepared: PreparedTemplate, announcement: Announcement, digits: Digits): { document?: Uint8Array; problems: Problem[] } {
  return renderDocx(prepared, toView(announcement, digits), digits);
}

function renderDocx({ template, emblem }: PreparedTemplate, view: AnnouncementView, digits: Digits): { document?: Uint8Array; problems: Problem[] } {
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
        error('template-tag-unknown', { file: template.file, tag: `{${tag}}` }, `แม่แบบใช้ป้าย {${tag}} ซึ่งไม่มีข้อมูลให้: แก้ชื่อป้ายในแม่แบบ`, `The template uses the tag {${tag}}, which nothing fills: correct the tag's name in the template`),
      ),
    };
  }
  const zip = compiled.doc.getZip() as PizZip;
  editXml(zip, BODY, (doc) => {
    markThaiRuns(doc);
    setPageNumberDigits(doc, digits);
    keepClosingWithText(doc);
  });
  const problems = emblem ? finishEmblem(zip, emblem, template.file) : [];
  if (problems.some((p) => p.severity === 'error')) return { problems };
  for (const entry of Object.values(zip.files)) entry.date = FIXED_ZIP_DATE;
  return { document: zip.generate({ type: 'uint8array', compression: 'DEFLATE' }), problems };
}
