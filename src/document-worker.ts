/** A thread of `writeDocuments`: renders and writes the chunks of jobs it is given. */
import { parentPort, workerData } from 'node:worker_threads';
import { writeDocument, type DocumentJob, type WriteSetup } from './document.js';

const setup = workerData as WriteSetup;
// Buffers cross to a thread as plain byte arrays.
setup.prepared.template.content = Buffer.from(setup.prepared.template.content);
if (setup.prepared.emblem) setup.prepared.emblem.content = Buffer.from(setup.prepared.emblem.content);

parentPort!.on('message', async (message: { start: number; jobs: DocumentJob[] }) => {
  const outcomes = [];
  for (const job of message.jobs) outcomes.push(await writeDocument(job, setup));
  parentPort!.postMessage({ start: message.start, outcomes });
});
