/**
 * Large batches rendered in parallel: one Web Worker per core (at most 4), each running
 * render-worker.ts, bundled into the page and started from a blob: address (the page's policy
 * allows workers from there and nothing else). Chunks are handed out as workers finish, so both
 * cores stay busy to the end; documents may finish in any order, as build() allows.
 */
import { renderInChunks } from '../../src/build/chunks.js';
import type { RenderMany, RenderOutcome } from '../../src/build/index.js';

/** Below this many documents, starting workers costs more than it saves. */
const PARALLEL_FROM = 40;
/** Jobs handed to a worker at a time. */
const CHUNK = 20;

/** `script`: render-worker.ts bundled, as text. `oneByOne`: how to render a batch too small for workers. */
export function renderInWorkers(script: string, oneByOne: RenderMany): RenderMany {
  let url: string | undefined;
  return async (prepared, digits, announcements, done) => {
    const count = Math.min(navigator.hardwareConcurrency || 2, 4);
    if (announcements.length < PARALLEL_FROM || count < 2 || typeof Worker === 'undefined')
      return oneByOne(prepared, digits, announcements, done);
    url ??= URL.createObjectURL(new Blob([script], { type: 'text/javascript' }));
    await renderInChunks(announcements, done, {
      workers: count,
      chunk: CHUNK,
      start: () => {
        const worker = new Worker(url!);
        worker.postMessage({ setup: { prepared, digits } });
        return {
          render: (start, chunk) => worker.postMessage({ start, announcements: chunk }),
          onRendered: (listener) => {
            worker.onmessage = ({ data }: MessageEvent<{ start: number; outcomes: RenderOutcome[] }>) =>
              listener(data.start, data.outcomes);
          },
          onFailed: (listener) => {
            worker.onerror = (event) => listener(new Error(event.message));
          },
          stop: () => worker.terminate(),
        };
      },
    });
  };
}
