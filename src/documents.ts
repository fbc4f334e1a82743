/**
 * Writing announcements as documents: render, then write atomically. A large batch is shared
 * among worker threads, one per core, each with the prepared template loaded once; the order
 * documents finish in does not matter because every target name is chosen before.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
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

/** Below this many documents, starting threads costs more than it saves. */
const PARALLEL_FROM = 200;
/** Jobs handed to a thread at a time: few enough to keep both busy to the end. */
const CHUNK = 25;

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

/** Writes every job, calling `done` as each finishes (in any order), in threads when the batch is large. */
export async function writeDocuments(jobs: readonly DocumentJob[], setup: WriteSetup, done: (index: number, outcome: DocumentOutcome) => void): Promise<void> {
  const threads = setup.threads ?? Math.min(availableParallelism(), 4);
  if (threads < 2 || (setup.threads === undefined && jobs.length < PARALLEL_FROM)) {
    for (const [index, job] of jobs.entries()) done(index, await writeDocument(job, setup));
    return;
  }
  let next = 0;
  await Promise.all(
    Array.from({ length: threads }, () =>
      new Promise<void>((resolve, reject) => {
        const worker = startWorker(new URL('./document-worker.ts', import.meta.url), { prepared: setup.prepared, digits: setup.digits });
        const feed = () => {
          if (next >= jobs.length) {
            void worker.terminate().then(() => resolve());
            return;
          }
          const start = next;
          next = Math.min(jobs.length, next + CHUNK);
          worker.postMessage({ start, jobs: jobs.slice(start, next) });
        };
        worker.on('message', (message: { start: number; outcomes: DocumentOutcome[] }) => {
          message.outcomes.forEach((outcome, i) => done(message.start + i, outcome));
          feed();
        });
        worker.on('error', reject);
        feed();
      }),
    ),
  );
}

/** A thread running one of this project's TypeScript files: it registers tsx's loader first, as `tsx` does here. */
function startWorker(entry: URL, workerData: unknown): Worker {
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(boot, { eval: true, workerData });
}
