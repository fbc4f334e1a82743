/**
 * What the renderer is measured against (npm run bench): plain docxtemplater on the same template
 * and view, as its README shows it — the template's zip loaded and compiled for each document,
 * rendered, and written back deflated — and the announcements of the example workbook to render.
 */
import { COMMAND_LINE_NAMES } from '../../src/cli/options.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { build } from '../../src/build/index.js';
import { frameworksOnDisk } from '../../src/node/frameworks-on-disk.js';
import type { Announcement } from '../../src/ita/model.js';

/** One document the way docxtemplater's own README makes one. */
export function plainDocxtemplater(template: Uint8Array, view: object): Uint8Array {
  const doc = new Docxtemplater(new PizZip(template), { paragraphLoop: true, linebreaks: true });
  doc.render(view);
  return doc.getZip().generate({ type: 'uint8array', compression: 'DEFLATE' });
}

/** The announcements a workbook gives, read and checked by the core (no documents). */
export async function announcementsOf(workbook: string, template: string): Promise<Announcement[]> {
  const result = await build({
    workbooks: [{ name: path.basename(workbook), bytes: readFileSync(workbook) }],
    template: { name: path.basename(template), bytes: readFileSync(template) },
    frameworks: frameworksOnDisk(),
    announce: { date: '2022-08-02', names: COMMAND_LINE_NAMES },
    digits: 'thai',
    check: true,
  });
  return result.announcements.map((a) => a.announcement);
}
