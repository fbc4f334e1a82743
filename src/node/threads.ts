/**
 * Rendering in Node: a large batch in worker threads, one per core, each compiling the prepared
 * template once (render/fast/compiled.ts); documents deflated by node:zlib, here or in a thread, so
 * the bytes are the same either way. The threads give back each document's bytes (moved, not
 * copied); the main thread writes them. The order documents finish in does not matter: every name is chosen before.
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { renderInChunks } from '../build/chunks.js';
import type { RenderMany, RenderOutcome } from '../build/index.js';
import type { Digits } from '../core/format.js';
import type { PreparedTemplate } from '../render/index.js';
import { nodeDeflater } from './deflater.js';

/** Below this many documents, starting threads costs more than it saves. */
const PARALLEL_FROM = 200;
/** Jobs handed to a thread at a time: few enough to keep both busy to the end. */
const CHUNK = 25;

export interface RenderSetup {
  prepared: PreparedTemplate;
  digits: Digits;
}

/** Renders in `threads` threads (default: one per core, at most 4, from 200 documents); one by one, here, otherwise. */
export function renderInThreads(threads?: number): RenderMany {
  return async (prepared, digits, announcements, done) => {
    const count = threads ?? Math.min(availableParallelism(), 4);
    if (count < 2 || (threads === undefined && announcements.length < PARALLEL_FROM)) {
      const { renderAnnouncement } = await import('../render/index.js');
      for (const [index, announcement] of announcements.entries())
        await done(index, renderAnnouncement(prepared, announcement, digits, nodeDeflater));
      return;
    }
    collectReadingGarbage();
    const script = await workerScriptOnce();
    await renderInChunks(announcements, done, {
      workers: count,
      chunk: CHUNK,
      start: () => {
        const worker = startWorker(script, { prepared, digits });
        return {
          render: (start, chunk) => worker.postMessage({ start, announcements: chunk }),
          onRendered: (listener) =>
            worker.on('message', (message: { start: number; outcomes: RenderOutcome[] }) => listener(message.start, message.outcomes)),
          onFailed: (listener) => worker.on('error', listener),
          stop: () => worker.terminate(),
        };
      },
    });
  };
}

/**
 * Before the threads start, the main thread's garbage from reading the workbook (its heap holds
 * about 200 MB after reading 8,323 agencies, 90 of them live) is collected, when Node runs with
 * --expose-gc as `npm run build-doc` does. From here on the main thread allocates little, so V8
 * would keep that memory through the first 20 seconds or so of rendering, where the peak comes.
 * With the formatters made once per thread, 8,323 agencies peaked at 425–527 MB in four runs;
 * collected too, at 417–435 MB in three (docs/benchmarks.md).
 */
function collectReadingGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Set to true by src/cli/launch.cjs when it builds the program into dist/; undefined when running from the sources. */
declare const BUILT: boolean | undefined;

/** render-worker.ts and the renderer it imports, as plain JavaScript: a file in dist/, or a script bundled here. */
let workerScript: Promise<URL | string> | undefined;

/**
 * What a rendering thread runs: plain JavaScript, so a thread loads neither tsx nor TypeScript
 * (about 25 MB less memory per thread than registering tsx in each). The program built into
 * dist/ has it beside itself; run from the sources (the tests), it is bundled once, here, with esbuild.
 */
function workerScriptOnce(): Promise<URL | string> {
  workerScript ??=
    typeof BUILT !== 'undefined'
      ? Promise.resolve(new URL('./render-worker.cjs', import.meta.url))
      : import('esbuild').then(
          ({ buildSync }) =>
            buildSync({
              entryPoints: [fileURLToPath(new URL('./render-worker.ts', import.meta.url))],
              bundle: true,
              platform: 'node',
              format: 'cjs',
              target: 'node20',
              write: false,
              logLevel: 'error',
            }).outputFiles[0]!.text,
        );
  return workerScript;
}

/** A rendering thread. */
function startWorker(script: URL | string, workerData: RenderSetup): Worker {
  return typeof script === 'string' ? new Worker(script, { eval: true, workerData }) : new Worker(script, { workerData });
}
