/**
 * The pipeline, one direction: workbook file → cells → one announcement model per agency →
 * DOCX bytes. Returns results and problems; printing, writing and exit codes belong to cli.ts.
 */
import { readWorkbook } from './read/workbook.js';
import { normalise, type AnnouncementOptions, type Normalised } from './ita/normalise.js';
import type { Announcement } from './ita/model.js';
import type { Problem } from './problem.js';
import type { Digits } from './render/format.js';
import { renderDocx, type PreparedTemplate } from './render/docx.js';
import { toView } from './render/view.js';

export type BuildOptions = AnnouncementOptions & { digits: Digits };

/** Every agency a workbook holds, each with its announcement or the problems that stopped it. */
export async function readAnnouncements(input: string, options: AnnouncementOptions): Promise<Normalised> {
  const read = await readWorkbook(input);
  if (!read.workbook) return { problems: read.problems, agencies: [] };
  const normalised = normalise(read.workbook, options);
  return { problems: [...read.problems, ...normalised.problems], agencies: normalised.agencies };
}

/** One announcement as a DOCX from a template made ready by `prepareTemplate`; no document when the template cannot give one. */
export function renderAnnouncement(announcement: Announcement, prepared: PreparedTemplate, digits: Digits): { document?: Buffer; problems: Problem[] } {
  return renderDocx(prepared, toView(announcement, digits), digits);
}
