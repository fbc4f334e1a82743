/**
 * Zips made by hand for hostile inputs: a zip bomb shaped like a workbook (its first sheet padded
 * with hundreds of MB of spaces, which deflate to almost nothing, written chunk by chunk so making
 * it never holds the inflated sheet), and zips whose records lie (sizes, CRC-32, repeated names).
 */
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import zlib from 'node:zlib';
import PizZip from 'pizzip';

export interface Entry {
  name: string;
  /** CRC-32 and size of the content, as the records will say. */
  crc: number;
  size: number;
  /** The bytes as stored: deflated (method 8) or as they are (method 0). */
  data: Buffer;
  method: 0 | 8;
}

/** An entry as a zip tool writes it: its true CRC and size. */
export function entry(name: string, content: Buffer | string, method: 0 | 8 = 8): Entry {
  const data = Buffer.from(content);
  return { name, crc: zlib.crc32(data), size: data.length, data: method === 8 ? zlib.deflateRawSync(data) : data, method };
}

/** The entries of a zip, in order, as true entries. */
export function entriesOf(zip: Buffer, method: 0 | 8 = 8): Entry[] {
  return Object.values(new PizZip(zip).files)
    .filter((file) => !file.dir)
    .map((file) => entry(file.name, Buffer.from(file.asUint8Array()), method));
}

export async function writeZipBomb(workbook: Buffer, target: string, inflatedBytes: number, recordedBytes?: number): Promise<void> {
  const entries = entriesOf(workbook).map((e) => (e.name === 'xl/worksheets/sheet1.xml' ? undefined : e));
  const index = entries.indexOf(undefined);
  const bomb = await padded(
    'xl/worksheets/sheet1.xml',
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
    '</sheetData></worksheet>',
    inflatedBytes,
  );
  // A bomb that lies: its records say it is small.
  if (recordedBytes !== undefined) bomb.size = recordedBytes;
  entries[index] = bomb;
  writeFileSync(target, craftedZip(entries as Entry[]));
}

/** An XML part of `inflatedBytes`: `head`, spaces, `tail`, deflated as it is made. */
export async function padded(name: string, head: string, tail: string, inflatedBytes: number): Promise<Entry> {
  const spaces = Buffer.alloc(1024 * 1024, 0x20);
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  let crc = 0;
  let size = 0;
  const write = async (data: Buffer) => {
    crc = zlib.crc32(data, crc);
    size += data.length;
    if (!deflate.write(data)) await once(deflate, 'drain');
  };
  await write(Buffer.from(head));
  for (let written = head.length + tail.length; written < inflatedBytes; written += spaces.length) await write(spaces);
  await write(Buffer.from(tail));
  deflate.end();
  await once(deflate, 'end');
  return { name, crc, size, data: Buffer.concat(chunks), method: 8 };
}

/** The fields a local header and a directory entry share, from flags to the name's length (UTF-8 names, 1980-01-01). */
function writeEntryFields(header: Buffer, at: number, entry: Entry, nameLength: number): void {
  header.writeUInt16LE(0x0800, at);
  header.writeUInt16LE(entry.method, at + 2);
  header.writeUInt16LE(0x21, at + 6);
  header.writeUInt32LE(entry.crc, at + 8);
  header.writeUInt32LE(entry.data.length, at + 12);
  header.writeUInt32LE(entry.size, at + 16);
  header.writeUInt16LE(nameLength, at + 20);
}

/** A plain zip (no ZIP64, DOS date 1980-01-01): local headers and data, then the central directory, as the entries say. */
export function craftedZip(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    writeEntryFields(local, 6, entry, name.length);
    locals.push(local, name, entry.data);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    writeEntryFields(central, 8, entry, name.length);
    central.writeUInt32LE(offset, 42);
    directory.push(central, name);
    offset += 30 + name.length + entry.data.length;
  }
  const directorySize = directory.reduce((sum, b) => sum + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...directory, end]);
}
