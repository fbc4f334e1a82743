// node scripts/lib/plain-docxtemplater.mjs TEMPLATE VIEWS.json OUT_DIR
//
// The peer npm run bench measures the program against: plain docxtemplater as its README shows
// it, in plain JavaScript (no tsx), one document per view, each one's template loaded and
// compiled anew, rendered, deflated and written. Prints its processor time and peak memory.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';

const [templateFile, viewsFile, out] = process.argv.slice(2);
const template = readFileSync(templateFile);
const views = JSON.parse(readFileSync(viewsFile, 'utf8'));
mkdirSync(out, { recursive: true });
for (const [index, view] of views.entries()) {
  const doc = new Docxtemplater(new PizZip(template), { paragraphLoop: true, linebreaks: true });
  doc.render(view);
  writeFileSync(path.join(out, `${index}.docx`), doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' }));
}
const usage = process.resourceUsage();
process.stdout.write(
  `${JSON.stringify({ documents: views.length, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6, peakMemoryMB: Math.round(usage.maxRSS / 1024) })}\n`,
);
