/**
 * Writing announcements as documents. A large batch is shared among worker threads, one per
 * core, each with the prepared template loaded once; the order documents finish in does not
 * matter because every target name is chosen before.
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { buildSync } from 'esbuild';
import { writeDocument, type DocumentJob, type DocumentOutcome, type WriteSetup } from './document.js';

/** Below this many documents, starting threads costs more than it saves. */
const PARALLEL_FROM = 200;
/** Jobs handed to a thread at a time: few enough to keep both busy to the end. */
const CHUNK = 25;

/** Writes every job, calling `done` as each finishes (in any order), in threads when the batch is large. */
export async function writeDocuments(jobs: readonly DocumentJob[], setup: WriteSetup, done: (index: number, outcome: DocumentOutcome) => void): Promise<void> {
  const threads = setup.threads ?? Math.min(availableParallelism(), 4);
  if (threads < 2 || (setup.threads === undefined && jobs.length < PARALLEL_FROM)) {
    for (const [index, job] of jobs.entries()) done(index, await writeDocument(job, setup));
    return;
  }
  collectReadingGarbage();
  let next = 0;
  await Promise.all(
    Array.from({ length: threads }, () =>
      new Promise<void>((resolve, reject) => {
        const worker = startWorker({ prepared: setup.prepared, digits: setup.digits });
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

/**
 * Before the threads start, the main thread's garbage from reading the workbook (its heap holds
 * about 200 MB after reading 8,323 agencies, 90 of them live) is collected, when Node runs with
 * --expose-gc as `npm run build-doc` does. From here on the main thread allocates almost nothing,
 * so V8 would keep that memory through the first 20 seconds or so of rendering, where the peak
 * comes. With the formatters made once per thread, 8,323 agencies peaked at 425–527 MB in four
 * runs; collected too, at 417–435 MB in three (docs/benchmarks.md).
 */
function collectReadingGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** document-worker.ts and the renderer it imports, as one script of plain JavaScript. */
let workerScript: string | undefined;

/**
 * A rendering thread. It runs plain JavaScript, bundled once per run with esbuild (the compiler
 * tsx itself uses, about 0.1 s), so a thread loads neither tsx nor TypeScript: about 25 MB less
 * memory per thread than registering tsx in each.
 */
function startWorker(workerData: Pick<WriteSetup, 'prepared' | 'digits'>): Worker {
  workerScript ??= buildSync({
    entryPoints: [fileURLToPath(new URL('./document-worker.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'error',
  }).outputFiles[0]!.text;
  return new Worker(workerScript, { eval: true, workerData });
}
