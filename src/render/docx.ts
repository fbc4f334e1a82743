/**
 * Writer: announcement → DOCX bytes over the Word template. Knows nothing of workbooks.
 *
 * What does not depend on the announcement is done once per run (`prepareTemplate`): the
 * headers' Thai runs marked in the template itself, the emblem checked. Each document is then
 * rendered by the fast path (fast/compiled.ts: the template compiled once, only the body rendered),
 * or by the general path (general.ts: docxtemplater over the whole template) when the template
 * or the document needs it. Both give the same document XML.
 */
import type { Problem } from '../core/problem.js';
import type { Digits } from '../core/format.js';
import type { Announcement } from '../ita/model.js';
import { portableDeflater, type Deflater } from '../zip/write.js';
import { FastTemplate } from './fast/compiled.js';
import type { SettingNames } from '../core/setting-names.js';
import { finishEmblem, hasEmblemPicture, noEmblemPicture, type EmblemImage } from './emblem.js';
import { BODY, renderGeneral, type PreparedTemplate } from './general.js';
import { markThaiRuns } from './finish/thai-runs.js';
import { templateZip, type Template } from './template/read.js';
import { toView } from './view.js';
import { editXml, textParts } from './word-xml.js';

export { FIXED_ZIP_DATE, type PreparedTemplate } from './general.js';

/**
 * The template made ready for a run: the Thai runs of headers and footers (which hold no tags)
 * marked once, and the emblem checked once: a template without the picture cannot take one, and
 * without an emblem a warning says the placeholder prints.
 */
export function prepareTemplate(
  template: Template,
  emblem: EmblemImage | undefined,
  names: SettingNames,
): { prepared?: PreparedTemplate; problems: Problem[] } {
  const { zip, problems: unreadable } = templateZip(template);
  if (!zip) return { problems: unreadable };
  for (const part of textParts(zip)) if (part !== BODY) editXml(zip, part, markThaiRuns);
  if (emblem && !hasEmblemPicture(zip)) {
    return { problems: [noEmblemPicture(template.file, names)] };
  }
  const problems = emblem ? [] : finishEmblem(zip, undefined, template.file, names);
  // Stored, not deflated: it is only ever opened again (by each thread that compiles it, every run
  // when the command line keeps it in dist/), and each document is deflated when it is made.
  const prepared = { file: template.file, content: zip.generate({ type: 'uint8array', compression: 'STORE' }) };
  return { prepared: { template: prepared, ...(emblem && { emblem }) }, problems };
}

/** How a prepared template is rendered in this thread: compiled once (or known to need the general path). */
const compiledFor = new WeakMap<PreparedTemplate, { digits: Digits; deflater: Deflater; compiled: FastTemplate | undefined }>();

/**
 * One announcement as a document: its DOCX bytes, or the problems that stopped it. `deflater`
 * compresses the zip (node:zlib in Node, node/deflater.ts; fflate by default).
 * `path: 'general'` renders by the general path (for the test that compares both).
 */
export function renderAnnouncement(
  prepared: PreparedTemplate,
  announcement: Announcement,
  digits: Digits,
  deflater: Deflater = portableDeflater,
  path: 'fast' | 'general' = 'fast',
): { document?: Uint8Array; problems: Problem[] } {
  const view = toView(announcement, digits);
  if (path === 'general') return renderGeneral(prepared, view, digits);
  let known = compiledFor.get(prepared);
  if (!known || known.digits !== digits || known.deflater !== deflater) {
    known = { digits, deflater, compiled: FastTemplate.compile(prepared, digits, deflater) };
    compiledFor.set(prepared, known);
  }
  return known.compiled?.render(view) ?? renderGeneral(prepared, view, digits);
}
