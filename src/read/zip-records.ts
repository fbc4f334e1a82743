/**
 * What a zip file says about itself before anything is inflated: its entries' sizes from the
 * central directory at its end. A workbook is refused on these numbers alone when it would
 * inflate to more than a workbook ever holds (a zip bomb), so the check costs milliseconds and
 * no memory whatever it claims. Read from the bytes with a DataView (APPNOTE 4.3.12–4.3.16),
 * zip64 records included, so it runs wherever the core runs.
 */

export interface ZipRecords {
  entries: number;
  /** Sum of the entries' uncompressed sizes, as recorded. */
  uncompressed: number;
  /** The largest ratio of uncompressed to compressed size among entries over 10 MB (workbook XML inflates about 10×). */
  worstRatio: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_END_LOCATOR = 0x07064b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
/** The end record is 22 bytes and may be followed by a comment of up to 65,535. */
const END_SEARCH = 22 + 0xffff;

/** The zip's own records, or an Error saying why it has no readable central directory (truncated, damaged). */
export function readZipRecords(bytes: Uint8Array): ZipRecords | Error {
  try {
    return directoryOf(bytes);
  } catch (e) {
    // A size or offset pointing past the end of the file.
    return new Error(`damaged central directory (${(e as Error).message})`);
  }
}

function directoryOf(bytes: Uint8Array): ZipRecords | Error {
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
  if (end < 0) return new Error('end of central directory record signature not found');
  let count = u16(end + 10);
  let offset = u32(end + 16);
  if (count === 0xffff || offset === 0xffffffff) {
    const locator = end - 20;
    if (locator < 0 || u32(locator) !== ZIP64_END_LOCATOR) return new Error('zip64 end of central directory locator not found');
    const zip64End = u64(locator + 8);
    if (zip64End + 56 > bytes.length || u32(zip64End) !== ZIP64_END_OF_DIRECTORY) return new Error('zip64 end of central directory record not found');
    count = u64(zip64End + 32);
    offset = u64(zip64End + 48);
  }

  const records: ZipRecords = { entries: 0, uncompressed: 0, worstRatio: 0 };
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(at) !== DIRECTORY_ENTRY) return new Error('invalid central directory file header signature');
    let compressed = u32(at + 20);
    let uncompressed = u32(at + 24);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    if (compressed === 0xffffffff || uncompressed === 0xffffffff) {
      const sizes = zip64Sizes(view, at + 46 + nameLength, extraLength, uncompressed === 0xffffffff, compressed === 0xffffffff);
      if (!sizes) return new Error('zip64 extended information extra field missing');
      ({ uncompressed = uncompressed, compressed = compressed } = sizes);
    }
    records.entries++;
    records.uncompressed += uncompressed;
    if (uncompressed > 10 * 1024 * 1024) records.worstRatio = Math.max(records.worstRatio, uncompressed / Math.max(1, compressed));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return records;
}

/** The 64-bit sizes in an entry's zip64 extra field: uncompressed first, then compressed, each only when its 32-bit field is full. */
function zip64Sizes(view: DataView, start: number, length: number, hasUncompressed: boolean, hasCompressed: boolean): { uncompressed?: number; compressed?: number } | undefined {
  for (let at = start; at + 4 <= start + length && at + 4 <= view.byteLength; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      let field = at + 4;
      const next = () => {
        const value = Number(view.getBigUint64(field, true));
        field += 8;
        return value;
      };
      return { ...(hasUncompressed && { uncompressed: next() }), ...(hasCompressed && { compressed: next() }) };
    }
    at += 4 + size;
  }
  return undefined;
}
