/**
 * Writing a DOCX's zip from parts already deflated. A run's documents differ only in
 * word/document.xml: every other part is deflated once, when the template is compiled, and each
 * document deflates only its body. The deflater is given: node:zlib in Node (node/deflater.ts),
 * fflate where the core runs in a browser (`portableDeflater`). Entries carry one fixed date, so
 * the same input gives the same bytes.
 */
import { deflateSync } from 'fflate';
import { crc32 } from './open.js';

/** Raw DEFLATE (RFC 1951, as zip stores it) and the CRC-32 zip records. */
export interface Deflater {
  deflateRaw(bytes: Uint8Array): Uint8Array;
  crc32(bytes: Uint8Array): number;
}

/** The deflater that runs anywhere: fflate, and the CRC-32 the zip reader checks with. */
export const portableDeflater: Deflater = { deflateRaw: (bytes) => deflateSync(bytes, { level: 6 }), crc32 };

/** One entry of the zip, its content deflated (or, for a folder, empty and stored). */
export interface ZipPart {
  name: Uint8Array;
  folder: boolean;
  crc: number;
  size: number;
  compressed: Uint8Array;
}

const encoder = new TextEncoder();

/** A part deflated once; a folder (a name ending in /) is stored empty. */
export function zipPart(name: string, content: Uint8Array, deflater: Deflater): ZipPart {
  const folder = name.endsWith('/');
  return {
    name: encoder.encode(name),
    folder,
    crc: folder ? 0 : deflater.crc32(content),
    size: folder ? 0 : content.length,
    compressed: folder ? new Uint8Array(0) : deflater.deflateRaw(content),
  };
}

/** Every zip entry gets this date (PizZip's too: render/general.ts), so the same input gives a byte-identical file. */
export const FIXED_ZIP_DATE = new Date(2000, 0, 1, 0, 0, 0);
/** FIXED_ZIP_DATE, 1 January 2000, 00:00, in MS-DOS form: the date every entry carries. */
const DOS_TIME = 0;
const DOS_DATE = ((2000 - 1980) << 9) | (1 << 5) | 1;
const UTF8_NAME = 0x0800;

/** The zip of these parts, in this order. */
export function assembleZip(parts: readonly ZipPart[]): Uint8Array {
  const local = parts.reduce((sum, p) => sum + 30 + p.name.length + p.compressed.length, 0);
  const central = parts.reduce((sum, p) => sum + 46 + p.name.length, 0);
  const out = new Uint8Array(local + central + 22);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let at = 0;
  const header = (p: ZipPart, signature: number, centralRecord: boolean) => {
    view.setUint32(at, signature, true);
    at += 4;
    if (centralRecord) {
      view.setUint16(at, 20, true); // made by: MS-DOS, zip 2.0
      at += 2;
    }
    view.setUint16(at, p.folder ? 10 : 20, true); // needed to extract
    view.setUint16(at + 2, p.name.some((b) => b > 0x7f) ? UTF8_NAME : 0, true);
    view.setUint16(at + 4, p.folder ? 0 : 8, true); // stored or deflated
    view.setUint16(at + 6, DOS_TIME, true);
    view.setUint16(at + 8, DOS_DATE, true);
    view.setUint32(at + 10, p.crc, true);
    view.setUint32(at + 14, p.compressed.length, true);
    view.setUint32(at + 18, p.size, true);
    view.setUint16(at + 22, p.name.length, true);
    view.setUint16(at + 24, 0, true); // no extra field
    at += 26;
  };
  for (const p of parts) {
    offsets.push(at);
    header(p, 0x04034b50, false);
    out.set(p.name, at);
    at += p.name.length;
    out.set(p.compressed, at);
    at += p.compressed.length;
  }
  const directory = at;
  parts.forEach((p, i) => {
    header(p, 0x02014b50, true);
    view.setUint16(at, 0, true); // no comment
    view.setUint16(at + 2, 0, true); // disk 0
    view.setUint16(at + 4, 0, true); // internal attributes
    view.setUint32(at + 6, p.folder ? 0x10 : 0, true); // external: MS-DOS folder attribute
    view.setUint32(at + 10, offsets[i]!, true);
    at += 14;
    out.set(p.name, at);
    at += p.name.length;
  });
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, parts.length, true);
  view.setUint16(at + 10, parts.length, true);
  view.setUint32(at + 12, at - directory, true);
  view.setUint32(at + 16, directory, true);
  return out;
}
