/**
 * The pipeline, one direction: workbook file → cells → announcement model → DOCX bytes.
 * Returns results and problems; printing, writing and exit codes belong to cli.ts.
 */
import { readWorkbook } from './read/workbook.js';
import { normalise, type AnnouncementOptions } from './ita/normalise.js';
import type { Announcement } from './ita/model.js';
import { hasErrors, type Problem } from './problem.js';
import { renderDocx } from './render/docx.js';
import type { EmblemImage } from './render/emblem.js';
import type { Digits } from './render/format.js';
import type { Template } from './render/template.js';
import { toView } from './render/view.js';

export interface BuildOptions extends AnnouncementOptions {
  digits: Digits;
  emblem?: EmblemImage;
}

export interface Built {
  input: string;
  /** Present when the workbook gave an announcement without errors. */
  announcement?: Announcement;
  /** The DOCX, present only when there is no error at all. */
  document?: Buffer;
  problems: Problem[];
}

export async function buildAnnouncement(input: string, template: Template, options: BuildOptions): Promise<Built> {
  const read = await readWorkbook(input);
  if (!read.workbook) return { input, problems: read.problems };
  const { announcement, problems } = normalise(read.workbook, options);
  if (!announcement || hasErrors(problems)) return { input, problems };
  const rendered = renderDocx(template, toView(announcement, options.digits), { digits: options.digits, ...(options.emblem && { emblem: options.emblem }) });
  return { input, announcement, ...(rendered.document && { document: rendered.document }), problems: [...problems, ...rendered.problems] };
}
