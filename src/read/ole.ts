/**
 * An OLE compound file (the container of a binary .xls, [MS-CFB]) opened without trusting what
 * it says about itself. Its streams are chains of sectors linked through a table; a chain that
 * loops, a sector claimed by two chains, a stream longer than its chain or a sector past the end
 * of the file (a download cut short) are refused here, before any reader follows them: SheetJS's
 * own container reader walks a chain once from every sector it holds, so a file of a few
 * thousand sectors linked backwards costs it gigabytes. Only the root's streams are read, which
 * is where a workbook keeps its Workbook (or Book) stream. Runs on bytes, wherever the core runs.
 */

/** Why a compound file is refused: damaged (or cut short), or lying about its own structure. */
export type OleRefusal = { kind: 'damaged' | 'inconsistent'; detail: string };

export interface CompoundFile {
  /** The names of the root storage's streams (CFB compares them without case). */
  streams: string[];
  /** A root stream's bytes, by name; or why the file cannot be trusted to give them. */
  stream(name: string): Uint8Array | { refused: OleRefusal };
}

const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
/** Sector numbers above this are markers (free, end of chain, FAT or DIFAT sector), not sectors. */
const LAST_SECTOR = 0xfffffffa;
const NO_ENTRY = 0xffffffff;
const HEADER_DIFAT = 109;
const MINI_SECTOR = 64;
const ENTRY = 128;

class Refused extends Error {
  constructor(readonly refusal: OleRefusal) {
    super(refusal.detail);
  }
}
const damaged = (detail: string) => new Refused({ kind: 'damaged', detail });

interface Entry {
  name: string;
  type: number;
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}

/** The compound file's root streams; or why it is refused. */
export function openCompoundFile(bytes: Uint8Array): CompoundFile | { refused: OleRefusal } {
  try {
    return compoundFile(bytes);
  } catch (e) {
    if (e instanceof Refused) return { refused: e.refusal };
    throw e;
  }
}

function compoundFile(bytes: Uint8Array): CompoundFile {
  if (bytes.length < 512) throw damaged('shorter than a compound file header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const shift = u16(30);
  if (u16(28) !== 0xfffe || (shift !== 9 && shift !== 12) || u16(32) !== 6) throw damaged('not a compound file header');
  const sectorSize = 1 << shift;
  const { sector, claim } = sectorsOf(bytes, sectorSize);

  const fatSectors = fatSectorsOf(bytes, view, sectorSize, sector, claim);
  const fat = new Uint32Array(fatSectors.length * (sectorSize / 4));
  fatSectors.forEach((n, i) => fat.set(sectorNumbers(sector(n)), i * (sectorSize / 4)));

  const chain = (start: number, what: string) => chainOf(start, what, fat, (n) => claim(n, what));

  const directorySectors = chain(u32(48), 'directory');
  const directory = chainBytes(directorySectors, directorySectors.length * sectorSize, sector, sectorSize, 'directory');
  const entries = entriesOf(directory);
  const root = entries[0];
  if (root?.type !== 5) throw damaged('the directory has no root entry');

  const cutoff = u32(56);
  let mini: { fat: Uint32Array; stream: Uint8Array } | undefined;
  const miniParts = () => {
    if (mini) return mini;
    const miniFatSectors = u32(60) >= LAST_SECTOR ? [] : chain(u32(60), 'mini-stream table');
    const miniFatBytes = chainBytes(miniFatSectors, miniFatSectors.length * sectorSize, sector, sectorSize, 'mini-stream table');
    const miniFat = sectorNumbers(miniFatBytes);
    const rootSectors = root.start >= LAST_SECTOR ? [] : chain(root.start, 'mini stream');
    mini = {
      fat: miniFat,
      stream: chainBytes(rootSectors, Math.min(root.size, rootSectors.length * sectorSize), sector, sectorSize, 'mini stream'),
    };
    return mini;
  };
  const miniClaimed = new Set<number>();

  const children = rootChildren(entries, root.child);
  /** A stream read once: its sectors are claimed when it is read, so a second reading would be a second claim. */
  const read = new Map<Entry, Uint8Array | { refused: OleRefusal }>();
  const readStream = (entry: Entry): Uint8Array | { refused: OleRefusal } => {
    try {
      if (entry.size >= cutoff)
        return chainBytes(chain(entry.start, `${entry.name} stream`), entry.size, sector, sectorSize, `${entry.name} stream`);
      const { fat: miniFat, stream } = miniParts();
      const sectors = chainOf(entry.start, `${entry.name} stream`, miniFat, (n) => {
        if (miniClaimed.has(n)) throw new Refused({ kind: 'inconsistent', detail: `mini sector ${n} is claimed twice` });
        miniClaimed.add(n);
      });
      return chainBytes(
        sectors,
        entry.size,
        (n) => stream.subarray(n * MINI_SECTOR, (n + 1) * MINI_SECTOR),
        MINI_SECTOR,
        `${entry.name} stream`,
      );
    } catch (e) {
      if (e instanceof Refused) return { refused: e.refusal };
      throw e;
    }
  };
  return {
    streams: children.filter((e) => e.type === 2).map((e) => e.name),
    stream(name) {
      const entry = children.find((e) => e.type === 2 && e.name.toUpperCase() === name.toUpperCase());
      if (!entry) return { refused: { kind: 'damaged', detail: `no ${name} stream` } };
      if (!read.has(entry)) read.set(entry, readStream(entry));
      return read.get(entry)!;
    },
  };
}

/** The sectors of a chain, in order, each claimed as it is reached; refused when it loops (a second claim), runs off the table or the file. */
function chainOf(start: number, what: string, table: Uint32Array, claimSector: (n: number) => void): number[] {
  const sectors: number[] = [];
  for (let n = start; n !== END_OF_CHAIN; n = table[n]!) {
    if (n > LAST_SECTOR || n >= table.length)
      throw damaged(`the ${what} runs to sector ${n === FREE ? 'free' : n}, which its table does not hold`);
    claimSector(n);
    sectors.push(n);
  }
  return sectors;
}

/** The file's sectors by number, and the claim a chain makes on one: every sector belongs to one chain at most, a second claim is a lie about the file. */
function sectorsOf(bytes: Uint8Array, sectorSize: number): { sector: (n: number) => Uint8Array; claim: (n: number, what: string) => void } {
  const sectorCount = Math.ceil((bytes.length - sectorSize) / sectorSize);
  const sector = (n: number) => {
    if (n >= sectorCount) throw damaged(`sector ${n} lies past the end of the file (it may have been cut short)`);
    const start = (n + 1) * sectorSize;
    return bytes.subarray(start, Math.min(start + sectorSize, bytes.length));
  };
  const claimed = new Uint8Array(sectorCount);
  const claim = (n: number, what: string) => {
    if (n >= sectorCount) throw damaged(`the ${what} needs sector ${n}, past the end of the file (it may have been cut short)`);
    if (claimed[n]) throw new Refused({ kind: 'inconsistent', detail: `sector ${n} is claimed twice (by the ${what})` });
    claimed[n] = 1;
  };
  return { sector, claim };
}

/** A stream's bytes from its chain of sectors (or mini sectors, `unit` bytes each); refused when the chain holds fewer than it records. */
function chainBytes(sectors: number[], size: number, read: (n: number) => Uint8Array, unit: number, what: string): Uint8Array {
  if (size > sectors.length * unit)
    throw damaged(`the ${what} records ${size} bytes but its sectors hold ${sectors.length * unit} (it may have been cut short)`);
  const out = new Uint8Array(size);
  for (let i = 0, at = 0; at < size; i++, at += unit) {
    const data = read(sectors[i]!).subarray(0, Math.min(unit, size - at));
    if (data.length < Math.min(unit, size - at)) throw damaged(`the ${what} is cut short`);
    out.set(data, at);
  }
  return out;
}

/** The sector numbers a table's sector holds, little-endian, four bytes each. */
function sectorNumbers(data: Uint8Array): Uint32Array {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const numbers = new Uint32Array(Math.floor(data.length / 4));
  for (let k = 0; k < numbers.length; k++) numbers[k] = view.getUint32(k * 4, true);
  return numbers;
}

/** The sectors holding the allocation table: 109 named in the header, the rest in a chain of DIFAT sectors. */
function fatSectorsOf(
  bytes: Uint8Array,
  view: DataView,
  sectorSize: number,
  sector: (n: number) => Uint8Array,
  claim: (n: number, what: string) => void,
): number[] {
  const count = view.getUint32(44, true);
  const perDifat = sectorSize / 4 - 1;
  if (count > HEADER_DIFAT + perDifat * Math.ceil(bytes.length / sectorSize))
    throw damaged(`the header counts ${count} table sectors, more than the file holds`);
  const sectors: number[] = [];
  for (let i = 0; i < HEADER_DIFAT && sectors.length < count; i++) sectors.push(view.getUint32(76 + 4 * i, true));
  for (let next = view.getUint32(68, true); sectors.length < count;) {
    if (next > LAST_SECTOR) throw damaged(`the header counts ${count} table sectors but names ${sectors.length}`);
    claim(next, 'table of table sectors');
    const data = sector(next);
    const difat = new DataView(data.buffer, data.byteOffset, data.byteLength);
    for (let k = 0; k < perDifat && sectors.length < count; k++) sectors.push(difat.getUint32(4 * k, true));
    next = difat.getUint32(4 * perDifat, true);
  }
  for (const n of sectors) {
    if (n > LAST_SECTOR) throw damaged(`a table sector is numbered ${n}`);
    claim(n, 'allocation table');
  }
  return sectors;
}

function entriesOf(directory: Uint8Array): (Entry | undefined)[] {
  const view = new DataView(directory.buffer, directory.byteOffset, directory.byteLength);
  const names = new TextDecoder('utf-16le');
  const entries: (Entry | undefined)[] = [];
  for (let at = 0; at + ENTRY <= directory.length; at += ENTRY) {
    const type = directory[at + 66]!;
    const nameBytes = Math.min(64, view.getUint16(at + 64, true));
    if (type === 0) {
      entries.push(undefined);
      continue;
    }
    entries.push({
      name: names.decode(directory.subarray(at, at + Math.max(0, nameBytes - 2))),
      type,
      left: view.getUint32(at + 68, true),
      right: view.getUint32(at + 72, true),
      child: view.getUint32(at + 76, true),
      start: view.getUint32(at + 116, true),
      // Version 3 files may leave garbage in the size's high half ([MS-CFB] 2.6.3); no workbook stream is 4 GB.
      size: view.getUint32(at + 120, true),
    });
  }
  return entries;
}

/** The root storage's children: a tree of siblings, walked without recursion, each entry once. */
function rootChildren(entries: (Entry | undefined)[], first: number): Entry[] {
  const found: Entry[] = [];
  const seen = new Set<number>();
  const stack = [first];
  while (stack.length) {
    const id = stack.pop()!;
    if (id === NO_ENTRY) continue;
    const entry = entries[id];
    if (!entry || seen.has(id))
      throw new Refused({
        kind: seen.has(id) ? 'inconsistent' : 'damaged',
        detail: `the directory links entry ${id} ${seen.has(id) ? 'twice' : 'which it does not hold'}`,
      });
    seen.add(id);
    found.push(entry);
    stack.push(entry.left, entry.right);
  }
  return found;
}
