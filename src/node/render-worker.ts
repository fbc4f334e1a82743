/** A thread of `renderInThreads`: renders the chunks of announcements it is given and sends back their bytes. */
import { parentPort, workerData } from 'node:worker_threads';
import type { RenderOutcome } from '../build/index.js';
import type { Announcement } from '../ita/model.js';
import { renderAnnouncement } from '../render/index.js';
import { nodeDeflater } from './deflater.js';
import type { RenderSetup } from './threads.js';

const { prepared, digits } = workerData as RenderSetup;

parentPort!.on('message', (message: { start: number; announcements: Announcement[] }) => {
  const outcomes: RenderOutcome[] = message.announcements.map((announcement) =>
    renderAnnouncement(prepared, announcement, digits, nodeDeflater),
  );
  const moved = outcomes.flatMap((o) => (o.document ? [o.document.buffer as ArrayBuffer] : []));
  parentPort!.postMessage({ start: message.start, outcomes }, moved);
});
