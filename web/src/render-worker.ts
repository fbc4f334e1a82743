/**
 * A Web Worker of the page's `renderInWorkers`: the same renderer as the command line's threads
 * (src/node/render-worker.ts), deflating with fflate, as the page does on its main thread, so a
 * document is the same bytes whichever renders it. Given the prepared template once, then chunks
 * of announcements; sends back each chunk's documents, moved, not copied.
 */
import type { RenderOutcome } from '../../src/build/index.js';
import type { Digits } from '../../src/core/format.js';
import type { Announcement } from '../../src/ita/model.js';
import { renderAnnouncement, type PreparedTemplate } from '../../src/render/index.js';

type Message = { setup: { prepared: PreparedTemplate; digits: Digits } } | { start: number; announcements: Announcement[] };

let setup: { prepared: PreparedTemplate; digits: Digits } | undefined;
const scope = self as unknown as {
  onmessage: (event: { data: Message }) => void;
  postMessage: (message: unknown, transfer: ArrayBuffer[]) => void;
};

scope.onmessage = ({ data }) => {
  if ('setup' in data) {
    setup = data.setup;
    return;
  }
  const outcomes: RenderOutcome[] = data.announcements.map((announcement) =>
    renderAnnouncement(setup!.prepared, announcement, setup!.digits),
  );
  scope.postMessage(
    { start: data.start, outcomes },
    outcomes.flatMap((o) => (o.document ? [o.document.buffer as ArrayBuffer] : [])),
  );
};
