/**
 * The pipeline, one direction: workbook file → cells → one announcement model per agency, then
 * (documents.ts) → DOCX bytes. Returns results and problems; printing, writing and exit codes
 * belong to cli.ts.
 */
import { readWorkbook } from './read/workbook.js';
import { normalise, type AnnouncementOptions, type Normalised } from './ita/normalise.js';
import type { Digits } from './render/format.js';

export type BuildOptions = AnnouncementOptions & { digits: Digits };

/** Every agency a workbook holds, each with its announcement or the problems that stopped it. */
export async function readAnnouncements(input: string, options: AnnouncementOptions): Promise<Normalised> {
  const read = await readWorkbook(input);
  if (!read.workbook) return { problems: read.problems, agencies: [] };
  const normalised = normalise(read.workbook, options);
  return { problems: [...read.problems, ...normalised.problems], agencies: normalised.agencies };
}
