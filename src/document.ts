/**
 * Writing one announcement as a document: render, then write atomically. What a rendering
 * thread runs (see documents.ts), so it imports the renderer and nothing of the reading side.
 */
import type { Announcement } from './ita/model.js';
import { cannotWriteMessage, writeFileAtomically } from './output.js';
import { error, type Problem } from './problem.js';
import type { Digits } from './render/format.js';
import { renderDocx, type PreparedTemplate } from './render/docx.js';
import { toView } from './render/view.js';

export interface DocumentJob {
  announcement: Announcement;
  target: string;
}

/** Written, or the problems why not: the template's, or a file that cannot be written. */
export interface DocumentOutcome {
  written: boolean;
  problems: Problem[];
}

export interface WriteSetup {
  prepared: PreparedTemplate;
  digits: Digits;
  /** Threads to share a large batch among; default: one per core, at most 4. */
  threads?: number;
}

export async function writeDocument(job: DocumentJob, setup: WriteSetup): Promise<DocumentOutcome> {
  const rendered = renderDocx(setup.prepared, toView(job.announcement, setup.digits), setup.digits);
  if (!rendered.document || rendered.problems.some((p) => p.severity === 'error')) return { written: false, problems: rendered.problems };
  try {
    await writeFileAtomically(job.target, rendered.document);
  } catch (e) {
    return { written: false, problems: [...rendered.problems, cannotWrite(job.target, e as NodeJS.ErrnoException)] };
  }
  return { written: true, problems: rendered.problems };
}

function cannotWrite(target: string, e: NodeJS.ErrnoException): Problem {
  const message = cannotWriteMessage(e);
  return error('output-not-writable', { file: target }, message.th, message.en);
}
