/**
 * OLE compound files ([MS-CFB] version 3, 512-byte sectors) written here, around streams taken
 * from real .xls files, so a test can lay a container out as an attacker or a broken writer
 * would: sectors in reverse order, a chain that loops, a file cut short.
 */

const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;
const FAT_SECTOR = 0xfffffffd;
const DIFAT_SECTOR = 0xfffffffc;
/** FAT sectors the header names; the rest are named in DIFAT sectors, 127 each. */
const HEADER_DIFAT = 109;
const PER_DIFAT = 127;
const NO_ENTRY = 0xffffffff;
const SECTOR = 512;
/** Streams this small would belong in the mini stream, which this writer does not make. */
const SMALLEST = 4096;

export interface Stream {
  name: string;
  data: Uint8Array;
}

export interface Layout {
  /** Each stream's sectors stored last first, each linking to the one before it. */
  backwards?: boolean;
  /** Changes to the allocation table (sector → next sector) once it is laid out. */
  fat?: (fat: Uint32Array, streamSectors: number[][]) => void;
}

export function compoundFile(streams: readonly Stream[], layout: Layout = {}): Buffer {
  const padded = streams.map((s) => (s.data.length >= SMALLEST ? s.data : Uint8Array.from({ length: SMALLEST }, (_, i) => s.data[i] ?? 0)));
  const streamSectors: number[][] = [];
  let next = 0;
  for (const data of padded) {
    const count = Math.ceil(data.length / SECTOR);
    const sectors = Array.from({ length: count }, (_, i) => next + i);
    streamSectors.push(layout.backwards ? sectors.reverse() : sectors);
    next += count;
  }
  const directorySectors = Math.ceil(((streams.length + 1) * 128) / SECTOR);
  const directoryStart = next;
  next += directorySectors;
  let fatSectors = 1;
  const difatFor = (fat: number) => Math.ceil(Math.max(0, fat - HEADER_DIFAT) / PER_DIFAT);
  while (fatSectors * (SECTOR / 4) < next + fatSectors + difatFor(fatSectors)) fatSectors++;
  const difatSectors = difatFor(fatSectors);
  const fatStart = next;
  const difatStart = fatStart + fatSectors;
  const total = difatStart + difatSectors;

  const fat = new Uint32Array(fatSectors * (SECTOR / 4)).fill(FREE);
  const link = (sectors: number[]) => sectors.forEach((s, i) => (fat[s] = sectors[i + 1] ?? END_OF_CHAIN));
  streamSectors.forEach(link);
  link(Array.from({ length: directorySectors }, (_, i) => directoryStart + i));
  for (let i = 0; i < fatSectors; i++) fat[fatStart + i] = FAT_SECTOR;
  for (let i = 0; i < difatSectors; i++) fat[difatStart + i] = DIFAT_SECTOR;
  layout.fat?.(fat, streamSectors);

  const file = Buffer.alloc(SECTOR * (1 + total));
  const header = file.subarray(0, SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  header.writeUInt16LE(0x3e, 24);
  header.writeUInt16LE(3, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  header.writeUInt16LE(6, 32);
  header.writeUInt32LE(fatSectors, 44);
  header.writeUInt32LE(directoryStart, 48);
  header.writeUInt32LE(SMALLEST, 56);
  header.writeUInt32LE(END_OF_CHAIN, 60);
  header.writeUInt32LE(difatSectors ? difatStart : END_OF_CHAIN, 68);
  header.writeUInt32LE(difatSectors, 72);
  for (let i = 0; i < HEADER_DIFAT; i++) header.writeUInt32LE(i < fatSectors ? fatStart + i : FREE, 76 + 4 * i);

  const at = (sector: number) => SECTOR * (1 + sector);
  padded.forEach((data, i) =>
    streamSectors[i]!.forEach((sector, k) => Buffer.from(data.subarray(k * SECTOR, (k + 1) * SECTOR)).copy(file, at(sector))),
  );
  const entries = [
    { name: 'Root Entry', type: 5, child: streams.length ? 1 : NO_ENTRY, start: END_OF_CHAIN, size: 0 },
    ...padded.map((data, i) => ({ name: streams[i]!.name, type: 2, child: NO_ENTRY, start: streamSectors[i]![0]!, size: data.length })),
  ];
  entries.forEach((entry, i) => {
    const e = file.subarray(at(directoryStart) + 128 * i, at(directoryStart) + 128 * (i + 1));
    e.write(entry.name, 0, 'utf16le');
    e.writeUInt16LE((entry.name.length + 1) * 2, 64);
    e[66] = entry.type;
    e[67] = 1;
    e.writeUInt32LE(NO_ENTRY, 68);
    // The root's children as a chain of right siblings: a valid, if unbalanced, tree.
    e.writeUInt32LE(i > 0 && i < entries.length - 1 ? i + 1 : NO_ENTRY, 72);
    e.writeUInt32LE(entry.child, 76);
    e.writeUInt32LE(entry.start, 116);
    e.writeUInt32LE(entry.size, 120);
  });
  fat.forEach((value, i) => file.writeUInt32LE(value, at(fatStart) + 4 * i));
  for (let d = 0; d < difatSectors; d++) {
    for (let k = 0; k < PER_DIFAT; k++) {
      const n = HEADER_DIFAT + d * PER_DIFAT + k;
      file.writeUInt32LE(n < fatSectors ? fatStart + n : FREE, at(difatStart + d) + 4 * k);
    }
    file.writeUInt32LE(d + 1 < difatSectors ? difatStart + d + 1 : END_OF_CHAIN, at(difatStart + d) + 4 * PER_DIFAT);
  }
  return file;
}
