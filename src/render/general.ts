/**
 * The general path: one document rendered by docxtemplater from the whole template, compiled
 * for it alone, then the finishing steps docxtemplater does not do (Thai runs, page number
 * digits, the closing kept with the text, the emblem). Any template docxtemplater reads renders
 * this way; `fast/compiled.ts` is the fast path for the templates that allow it, and gives the same XML.
 */
import { XMLSerializer } from '@xmldom/xmldom';
import { parseXml } from '../core/xml.js';
import type PizZip from 'pizzip';
import { error, type Problem } from '../core/problem.js';
import type { Digits } from '../core/format.js';
import { finishEmblem, type EmblemImage } from './emblem.js';
import { finishOnDom } from './finish/step.js';
import { FINISHING_STEPS } from './finish/steps.js';
import { templaterFor, type Templater, type Template } from './template/read.js';
import { templateProblems } from './template/errors.js';
import type { AnnouncementView } from './view.js';
import { FIXED_ZIP_DATE } from '../zip/write.js';

export { FIXED_ZIP_DATE };

export const BODY = 'word/document.xml';

/** A template made ready for a run, and the agency's emblem to put in each document. */
export interface PreparedTemplate {
  template: Template;
  emblem?: EmblemImage;
}

/** One document by the general path: its DOCX bytes, or the problems that stopped it. */
export function renderGeneral(
  prepared: PreparedTemplate,
  view: AnnouncementView | object,
  digits: Digits,
): { document?: Uint8Array; problems: Problem[] } {
  const { zip, problems } = renderPackage(prepared, view, digits);
  if (!zip) return { problems };
  for (const entry of Object.values(zip.files)) entry.date = FIXED_ZIP_DATE;
  return { document: zip.generate({ type: 'uint8array', compression: 'DEFLATE' }), problems };
}

/**
 * The document's package, every part as it will be written; no zip when a problem stopped it.
 * fast/compiled.ts probes with it, rendering an empty view to see the other parts: it passes the
 * template it compiled (`compiled`), and tags without a value are left empty instead of refused (`probing`).
 */
export function renderPackage(
  { template, emblem }: PreparedTemplate,
  view: AnnouncementView | object,
  digits: Digits,
  { probing = false, compiled = templaterFor(template) }: { probing?: boolean; compiled?: Templater } = {},
): { zip?: PizZip; problems: Problem[] } {
  if (!compiled.doc) return { problems: compiled.problems };
  try {
    compiled.doc.render(view);
  } catch (e) {
    return { problems: templateProblems(e, template.file) };
  }
  if (compiled.missingTags.length && !probing) return { problems: unknownTags(compiled.missingTags, template.file) };
  const zip = compiled.doc.getZip() as PizZip;
  // prepareTemplate has refused a template without the picture, so no message here names a setting.
  const problems = emblem ? finishEmblem(zip, emblem, template.file, {}) : [];
  if (problems.some((p) => p.severity === 'error')) return { problems };
  zip.file(BODY, finishBody(zip.file(BODY)!.asText(), digits, emblem));
  return { zip, problems };
}

export function unknownTags(tags: readonly string[], file: string): Problem[] {
  return [...new Set(tags)].map((tag) =>
    error(
      'template-tag-unknown',
      { file, tag: `{${tag}}` },
      `แม่แบบใช้ป้าย {${tag}} ซึ่งไม่มีข้อมูลให้: แก้ชื่อป้ายในแม่แบบ`,
      `The template uses the tag {${tag}}, which nothing fills: correct the tag's name in the template`,
    ),
  );
}

/** The merged body finished through its DOM by the finishing steps (finish/steps.ts). */
export function finishBody(xml: string, digits: Digits, emblem: EmblemImage | undefined): string {
  const doc = parseXml(xml);
  finishOnDom(doc, FINISHING_STEPS, { digits, emblem });
  return new XMLSerializer().serializeToString(doc);
}
