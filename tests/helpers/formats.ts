/**
 * The committed files of tests/fixtures/formats/ (made by npm run make-format-fixtures with
 * LibreOffice and Gnumeric), and edits of them as a hostile or broken writer would make them:
 * an .ods with its content.xml changed, a binary .xls with records added to its first sheet, an
 * XML Spreadsheet with its text changed. Also the reference text of the seed's announcement.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { expect } from 'vitest';
import { openCompoundFile } from '../../src/read/ole.js';
import { runBuildDoc, PROJECT_ROOT, writtenIn } from './cli.js';
import { paragraphs, withoutWhitespace } from './docx.js';
import { compoundFile } from './ole.js';
import { FIXTURES, temporaryDir } from '../../tools/workbooks.js';

export const FORMATS = path.join(FIXTURES, 'formats');
export const SEED_DOCUMENT = 'ประกาศผลการประเมิน ITA 2565 อบต.ลำปางรอง.docx';
const SIGNING = ['--date', '2022-08-02', '--signer', 'นายสันติ นาวีสัมพันธ์'];

export function formatFixture(name: string): Buffer {
  return readFileSync(path.join(FORMATS, name));
}

/** The real announcement's text, whitespace aside, with "o๒๕" where the seed has "๐๒๕" (as tests/end-to-end/seed-announcement.test.ts reads it). */
export function seedText(): string {
  return withoutWhitespace(
    readFileSync(path.join(PROJECT_ROOT, 'tests', 'fixtures', 'reference', 'seed-announcement-lampangrong-2565.txt'), 'utf8'),
  ).replace('๐๒๕', 'o๒๕');
}

/** The command line on one file, in-process: exit 0, exactly the seed's document, whose text is returned. */
export async function seedAnnouncementFrom(file: string): Promise<string> {
  const out = temporaryDir('ita-out-');
  const run = await runBuildDoc([file, '--out', out, ...SIGNING]);
  expect(run.status, run.stderr).toBe(0);
  expect(writtenIn(out)).toEqual([SEED_DOCUMENT]);
  return withoutWhitespace(paragraphs(path.join(out, SEED_DOCUMENT)).join(''));
}

/** Bytes written to a fresh folder under `name`; returns the path. */
export function fileOf(name: string, bytes: Uint8Array | string): string {
  const file = path.join(temporaryDir('ita-format-'), name);
  writeFileSync(file, bytes);
  return file;
}

/** An .ods fixture with its content.xml edited (and parts added). */
export function editedOds(fixture: string, edit: (content: string) => string, parts: Record<string, string> = {}): Buffer {
  const entries = unzipSync(formatFixture(fixture));
  const edited: Record<string, Uint8Array> = { ...entries, 'content.xml': strToU8(edit(strFromU8(entries['content.xml']!))) };
  for (const [name, text] of Object.entries(parts)) edited[name] = strToU8(text);
  return Buffer.from(zipSync(edited));
}

/** The Workbook (or Book) stream of a binary .xls fixture. */
export function workbookStream(fixture: string): Uint8Array {
  const ole = openCompoundFile(formatFixture(fixture));
  if ('refused' in ole) throw new Error(ole.refused.detail);
  const stream = ole.stream(ole.streams.find((s) => /^(workbook|book)$/i.test(s))!);
  if ('refused' in stream) throw new Error(stream.refused.detail);
  return stream;
}

/** One BIFF record: its type, its length, its data. */
export function record(type: number, data: Uint8Array): Uint8Array {
  const out = Buffer.alloc(4 + data.length);
  out.writeUInt16LE(type, 0);
  out.writeUInt16LE(data.length, 2);
  out.set(data, 4);
  return out;
}

/** A NUMBER record: the value in a cell (0-based row and column). */
export function numberRecord(row: number, col: number, value: number): Uint8Array {
  const data = Buffer.alloc(14);
  data.writeUInt16LE(row, 0);
  data.writeUInt16LE(col, 2);
  data.writeUInt16LE(15, 4);
  data.writeDoubleLE(value, 6);
  return record(0x0203, data);
}

/**
 * A binary .xls fixture with records added to its first sheet, after its DIMENSIONS record (or,
 * with `atStart`, to the workbook's globals after its BOF), each sheet's offset (BOUNDSHEET)
 * moved to match, in a fresh container; `edit` may change the stream's bytes after that.
 */
export function editedXls(
  fixture: string,
  records: Uint8Array[],
  options: { atStart?: boolean; edit?: (stream: Buffer) => void } = {},
): Buffer {
  const stream = Buffer.from(workbookStream(fixture));
  const at = options.atStart ? 4 + stream.readUInt16LE(2) : afterRecord(stream, 0x0200);
  const added = Buffer.concat(records);
  const out = Buffer.concat([stream.subarray(0, at), added, stream.subarray(at)]);
  for (let p = 0; p + 4 <= out.length; p += 4 + out.readUInt16LE(p + 2)) {
    if (out.readUInt16LE(p) === 0x0085 && out.readUInt32LE(p + 4) >= at) out.writeUInt32LE(out.readUInt32LE(p + 4) + added.length, p + 4);
  }
  options.edit?.(out);
  return compoundFile([{ name: 'Workbook', data: out }]);
}

/** Where the first record of `type` ends in a stream. */
export function afterRecord(stream: Buffer, type: number): number {
  for (let p = 0; p + 4 <= stream.length; p += 4 + stream.readUInt16LE(p + 2))
    if (stream.readUInt16LE(p) === type) return p + 4 + stream.readUInt16LE(p + 2);
  throw new Error(`no record 0x${type.toString(16)}`);
}

/** An HLINK record: a link to a web address over a range of cells (0-based rows and columns, inclusive). */
export function hyperlinkRecord(rows: [number, number], cols: [number, number]): Uint8Array {
  const url = Buffer.from('https://itas.nacc.go.th/\0', 'utf16le');
  const data = Buffer.alloc(52 + url.length);
  [rows[0], rows[1], cols[0], cols[1]].forEach((n, i) => data.writeUInt16LE(n, 2 * i));
  // The hyperlink object's class, version 2, "has a moniker" and "absolute", the URL moniker's class, the URL.
  Buffer.from('D0C9EA79F9BACE118C8200AA004BA90B', 'hex').copy(data, 8);
  data.writeUInt32LE(2, 24);
  data.writeUInt32LE(3, 28);
  Buffer.from('E0C9EA79F9BACE118C8200AA004BA90B', 'hex').copy(data, 32);
  data.writeUInt32LE(url.length, 48);
  url.copy(data, 52);
  return record(0x01b8, data);
}
