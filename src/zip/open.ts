/**
 * Opening a zip (a workbook, a Word template) without trusting what it says about itself. Its
 * central directory gives the entries; each is inflated here with what it really inflates to
 * counted as it comes, so a zip bomb, even one whose records understate its sizes, is stopped
 * before memory is spent; each entry's size and CRC-32 must then match its record. Two entries of
 * one name are refused: a reader could take either; so is an entry whose local header gives
 * another name than the directory (SheetJS goes by the local one). Runs on bytes (fflate),
 * wherever the core runs.
 */
import { Inflate } from 'fflate';

export interface ZipLimits {
  /** The most any one entry may inflate to. */
  entryBytes: number;
  /** The most all entries together may inflate to. */
  totalBytes: number;
  /** The most an entry larger than 10 MB may inflate per compressed byte. */
  ratio: number;
}

/**
 * Why a zip is refused: damaged (or not one), a bomb, or lying about its contents. `fault` and
 * `part` say it in a way a front end can put into words (src/zip/parts.ts); `detail` is the
 * technical account, for a maintainer.
 */
export type ZipRefusal = {
  kind: 'damaged' | 'bomb' | 'inconsistent';
  /** directory: no readable central directory; cut: an entry's data missing or cut short; inflate: it cannot be inflated; check: its size or CRC-32 is not what is recorded; names: its local header names it otherwise; twice: two entries of one name. */
  fault: 'directory' | 'cut' | 'inflate' | 'check' | 'names' | 'twice' | 'bomb';
  part?: string;
  detail: string;
  inflatedBytes?: number;
};

export type OpenedZip = { entries: Map<string, Uint8Array> } | { refused: ZipRefusal };

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_END_LOCATOR = 0x07064b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** The end record is 22 bytes and may be followed by a comment of up to 65,535. */
const END_SEARCH = 22 + 0xffff;
/** Compressed bytes inflated at a time: no one push can inflate to more than about 16 MB. */
const CHUNK = 16 * 1024;
const BIG_ENTRY = 10 * 1024 * 1024;

interface Entry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeader: number;
}

/** Every entry of the zip, inflated within `limits`; or why the zip is refused. */
export function openZip(bytes: Uint8Array, limits: ZipLimits): OpenedZip {
  let entries: Entry[];
  try {
    entries = directoryOf(bytes);
  } catch (e) {
    return { refused: { kind: 'damaged', fault: 'directory', detail: (e as Error).message } };
  }
  const seen = new Set<string>();
  for (const entry of entries) {
    // Part names in a Word or Excel package are compared without case.
    const key = entry.name.toLowerCase();
    if (seen.has(key))
      return { refused: { kind: 'inconsistent', fault: 'twice', part: entry.name, detail: `two entries named ${entry.name}` } };
    seen.add(key);
  }
  const recorded = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (recorded > limits.totalBytes) return { refused: { kind: 'bomb', fault: 'bomb', detail: 'recorded sizes', inflatedBytes: recorded } };

  const contents = new Map<string, Uint8Array>();
  let total = 0;
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    const data = dataOf(bytes, entry);
    if (typeof data === 'string') return { refused: { kind: 'damaged', fault: 'cut', part: entry.name, detail: data } };
    const local = localNameOf(bytes, entry);
    if (local !== entry.name)
      return {
        refused: { kind: 'inconsistent', fault: 'names', part: entry.name, detail: `${entry.name} is named ${local} in its local header` },
      };
    const most = Math.min(limits.entryBytes, limits.totalBytes - total);
    const inflated = inflateWithin(data, entry.method, most, limits.ratio);
    if ('tooMuch' in inflated)
      return { refused: { kind: 'bomb', fault: 'bomb', part: entry.name, detail: entry.name, inflatedBytes: total + inflated.tooMuch } };
    if ('damaged' in inflated)
      return { refused: { kind: 'damaged', fault: 'inflate', part: entry.name, detail: `${entry.name}: ${inflated.damaged}` } };
    const content = inflated.content;
    if (content.length !== entry.uncompressedSize)
      return {
        refused: {
          kind: 'inconsistent',
          fault: 'check',
          part: entry.name,
          detail: `${entry.name} records ${entry.uncompressedSize} bytes but holds ${content.length}`,
        },
      };
    if (crc32(content) !== entry.crc)
      return { refused: { kind: 'inconsistent', fault: 'check', part: entry.name, detail: `${entry.name} does not match its CRC-32` } };
    total += content.length;
    contents.set(entry.name, content);
  }
  return { entries: contents };
}

/** An entry's compressed bytes, found through its local header; or why they cannot be. */
function dataOf(bytes: Uint8Array, entry: Entry): Uint8Array | string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeader;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_HEADER) return `${entry.name}: no local header`;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) return `${entry.name}: its data runs past the end of the file`;
  return bytes.subarray(start, end);
}

function localNameOf(bytes: Uint8Array, entry: Entry): string {
  const at = entry.localHeader;
  const length = bytes[at + 26]! | (bytes[at + 27]! << 8);
  return new TextDecoder().decode(bytes.subarray(at + 30, at + 30 + length));
}

type Inflated = { content: Uint8Array } | { tooMuch: number } | { damaged: string };

/** The entry's content, inflated in chunks and counted: stopped as soon as it passes `most` bytes. */
function inflateWithin(data: Uint8Array, method: number, most: number, ratio: number): Inflated {
  if (method === 0) return data.length > most ? { tooMuch: data.length } : { content: data };
  if (method !== 8) return { damaged: `compression method ${method}` };
  const chunks: Uint8Array[] = [];
  let length = 0;
  let over = false;
  const inflater = new Inflate((chunk) => {
    length += chunk.length;
    if (length > most || (length > BIG_ENTRY && length > ratio * data.length)) over = true;
    else chunks.push(chunk);
  });
  try {
    for (let at = 0; at < data.length && !over; at += CHUNK)
      inflater.push(data.subarray(at, Math.min(at + CHUNK, data.length)), at + CHUNK >= data.length);
    if (data.length === 0) inflater.push(data, true);
  } catch (e) {
    return { damaged: (e as Error).message };
  }
  if (over) return { tooMuch: length };
  const content = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    content.set(chunk, at);
    at += chunk.length;
  }
  return { content };
}

function directoryOf(bytes: Uint8Array): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const u64 = (at: number) => Number(view.getBigUint64(at, true));

  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - END_SEARCH); at--) {
    if (u32(at) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new Error('end of central directory record signature not found');
  let count = u16(end + 10);
  let offset = u32(end + 16);
  if (count === 0xffff || offset === 0xffffffff) {
    const locator = end - 20;
    if (locator < 0 || u32(locator) !== ZIP64_END_LOCATOR) throw new Error('zip64 end of central directory locator not found');
    const zip64End = u64(locator + 8);
    if (zip64End + 56 > bytes.length || u32(zip64End) !== ZIP64_END_OF_DIRECTORY)
      throw new Error('zip64 end of central directory record not found');
    count = u64(zip64End + 32);
    offset = u64(zip64End + 48);
  }

  const entries: Entry[] = [];
  const names = new TextDecoder();
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(at) !== DIRECTORY_ENTRY) throw new Error('invalid central directory file header signature');
    let compressedSize = u32(at + 20);
    let uncompressedSize = u32(at + 24);
    let localHeader = u32(at + 42);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localHeader === 0xffffffff) {
      const sizes = zip64Fields(view, at + 46 + nameLength, extraLength, {
        uncompressed: uncompressedSize === 0xffffffff,
        compressed: compressedSize === 0xffffffff,
        offset: localHeader === 0xffffffff,
      });
      if (!sizes) throw new Error('zip64 extended information extra field missing');
      ({
        uncompressed: uncompressedSize = uncompressedSize,
        compressed: compressedSize = compressedSize,
        offset: localHeader = localHeader,
      } = sizes);
    }
    entries.push({
      name: names.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: u16(at + 10),
      crc: u32(at + 16),
      compressedSize,
      uncompressedSize,
      localHeader,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The 64-bit fields of an entry's zip64 extra field, each present only when its 32-bit field is full. */
function zip64Fields(
  view: DataView,
  start: number,
  length: number,
  present: { uncompressed: boolean; compressed: boolean; offset: boolean },
): { uncompressed?: number; compressed?: number; offset?: number } | undefined {
  for (let at = start; at + 4 <= start + length && at + 4 <= view.byteLength;) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      let field = at + 4;
      const next = () => {
        const value = Number(view.getBigUint64(field, true));
        field += 8;
        return value;
      };
      return {
        ...(present.uncompressed && { uncompressed: next() }),
        ...(present.compressed && { compressed: next() }),
        ...(present.offset && { offset: next() }),
      };
    }
    at += 4 + size;
  }
  return undefined;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 as zip records it (ISO 3309, the polynomial 0xEDB88320). */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
