/**
 * A large batch rendered by several workers at once (Node's threads, the web page's Web Workers):
 * chunks of announcements handed out as each worker finishes its last, so every core stays busy
 * to the end. Each front end starts its own kind of worker behind `ChunkRenderer`.
 */
import type { Announcement } from '../ita/model.js';
import type { RenderOutcome } from './index.js';

/** One worker, as the hand-out sees it. */
export interface ChunkRenderer {
  /** Renders `announcements`, the batch's from index `start` on. */
  render(start: number, announcements: readonly Announcement[]): void;
  /** `listener` is given each chunk's outcomes when they come back. */
  onRendered(listener: (start: number, outcomes: RenderOutcome[]) => void): void;
  onFailed(listener: (error: Error) => void): void;
  stop(): unknown;
}

/**
 * Chunks each worker holds at once: the one it renders and the next, so it never waits on the
 * main thread (busy writing the other workers' documents) between two chunks.
 */
const IN_FLIGHT = 2;

/** Renders `announcements` in `workers` workers, `chunk` at a time each; `done` is called for every outcome, in any order. */
export async function renderInChunks(
  announcements: readonly Announcement[],
  done: (index: number, outcome: RenderOutcome) => Promise<void>,
  { workers, chunk, start }: { workers: number; chunk: number; start: () => ChunkRenderer },
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from(
      { length: workers },
      () =>
        new Promise<void>((resolve, reject) => {
          const worker = start();
          // Chunks given to this worker whose documents are not all taken yet.
          let unfinished = 0;
          const finish = () => {
            if (unfinished === 0) void Promise.resolve(worker.stop()).then(() => resolve());
          };
          const feed = () => {
            if (next >= announcements.length) return;
            const from = next;
            next = Math.min(announcements.length, next + chunk);
            unfinished++;
            worker.render(from, announcements.slice(from, next));
          };
          // The next chunk goes as soon as one comes back, before its documents are taken: a worker holds at most IN_FLIGHT
          // chunks, and the command line takes a chunk's documents (writes them) before it reads the next message.
          worker.onRendered((from, outcomes) => {
            feed();
            void Promise.all(outcomes.map((outcome, i) => done(from + i, outcome))).then(() => {
              unfinished--;
              finish();
            }, reject);
          });
          worker.onFailed((error) => {
            void worker.stop();
            reject(error);
          });
          for (let i = 0; i < IN_FLIGHT; i++) feed();
          finish();
        }),
    ),
  );
}
