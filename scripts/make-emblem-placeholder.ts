/**
 * npm run make-emblem-placeholder: scripts/assets/emblem-placeholder.fodt → the template's
 * placeholder picture (templates/ita-announcement/word/media/emblem.png), a grey dashed square
 * reading "ตราครุฑ / ภาพตัวอย่าง / แทนด้วยตราจริง", 3 × 3 cm, carrying PLACEHOLDER_MARK so that a
 * document still showing it gets a warning.
 *
 * LibreOffice Writer lays out the page (Draw, which exports PNG, is not installed everywhere)
 * and poppler's pdftoppm turns it into a picture. Run it only to change the placeholder; the
 * PNG is committed, and `npm run pack-template` then puts it into the template.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';
import { PLACEHOLDER_MARK } from '../src/render/emblem.js';

const SOURCE = fileURLToPath(new URL('assets/emblem-placeholder.fodt', import.meta.url));
const TARGET = fileURLToPath(new URL('../templates/ita-announcement/word/media/emblem.png', import.meta.url));
/** 200 dpi: 3 cm is 236 pixels, sharp on paper and small in the file. */
const RESOLUTION = '200';

const work = mkdtempSync(path.join(tmpdir(), 'emblem-'));
try {
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', work, SOURCE], { stdio: 'ignore' });
  const pdf = path.join(work, 'emblem-placeholder.pdf');
  execFileSync('pdftoppm', ['-png', '-r', RESOLUTION, '-singlefile', pdf, path.join(work, 'emblem')]);
  writeFileSync(TARGET, withComment(readFileSync(path.join(work, 'emblem.png')), PLACEHOLDER_MARK));
  console.log(`wrote ${path.relative(process.cwd(), TARGET)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** The PNG with a tEXt chunk "Comment" right after its header, by which the writer knows the placeholder. */
function withComment(png: Buffer, comment: string): Buffer {
  const HEADER_END = 8 + 25; // signature, then IHDR: length, type, 13 bytes of data, CRC
  const body = Buffer.concat([Buffer.from('tEXt', 'latin1'), Buffer.from(`Comment\0${comment}`, 'latin1')]);
  const chunk = Buffer.alloc(body.length + 8);
  chunk.writeUInt32BE(body.length - 4, 0);
  body.copy(chunk, 4);
  chunk.writeUInt32BE(crc32(body), body.length + 4);
  return Buffer.concat([png.subarray(0, HEADER_END), chunk, png.subarray(HEADER_END)]);
}
