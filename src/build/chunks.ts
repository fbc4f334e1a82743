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
          const feed = () => {
            if (next >= announcements.length) {
              void Promise.resolve(worker.stop()).then(() => resolve());
              return;
            }
            const from = next;
            next = Math.min(announcements.length, next + chunk);
            worker.render(from, announcements.slice(from, next));
          };
          // The next chunk goes once these are taken: documents never pile up in memory.
          worker.onRendered((from, outcomes) => void Promise.all(outcomes.map((outcome, i) => done(from + i, outcome))).then(feed, reject));
          worker.onFailed((error) => {
            void worker.stop();
            reject(error);
          });
          feed();
        }),
    ),
  );
}
