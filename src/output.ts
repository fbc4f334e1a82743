/**
 * Writing documents: a name that reads as the agency and stays inside the output folder,
 * and a write that never leaves a half-written file or destroys an earlier good one.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Announcement } from './ita/model.js';
import type { Message } from './language.js';

/** Characters Windows forbids in file names, and control characters. */
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;

/**
 * `ประกาศผลการประเมิน ITA 2565 อบต.ลำปางรอง.docx`; with the province
 * (`… อบต.บ้านใหม่ จ.เชียงใหม่.docx`) when agencies of the same name share a workbook.
 */
export function documentFileName(announcement: Announcement, withProvince = false): string {
  const province = announcement.agency.province?.replace(/^(จังหวัด|จ\.)\s*/, '');
  const name = withProvince && province ? `${announcement.agency.shortName} จ.${province}` : announcement.agency.shortName;
  const agency = shortenTo(name.normalize('NFC').replace(UNSAFE, '_').replace(/\s+/g, ' '), MAX_AGENCY_BYTES).replace(/^[.\s]+|[.\s]+$/g, '');
  return `ประกาศผลการประเมิน ITA ${announcement.fiscalYear} ${agency || 'หน่วยงาน'}.docx`;
}

/**
 * File systems allow 255 bytes in a name and Thai letters take 3 bytes in UTF-8: the agency's
 * part is cut so the name, with the prefix and the temporary file's additions, always fits.
 */
const MAX_AGENCY_BYTES = 150;

function shortenTo(text: string, bytes: number): string {
  let cut = '';
  for (const character of text) {
    if (Buffer.byteLength(cut + character) > bytes) break;
    cut += character;
  }
  return cut;
}

/** What a clerk can do when a document cannot be written: close it in Word, or free the folder. */
export function cannotWriteMessage(e: NodeJS.ErrnoException): Message {
  if (e.code === 'EBUSY' || e.code === 'EPERM' || e.code === 'EACCES') {
    return {
      th: `บันทึกไฟล์ไม่ได้ (${e.code}): ถ้าไฟล์นี้เปิดอยู่ใน Word ให้ปิดก่อน หรือตรวจว่าไฟล์หรือโฟลเดอร์ไม่ได้เป็นแบบอ่านอย่างเดียว แล้วรันอีกครั้ง`,
      en: `Cannot save the file (${e.code}): if it is open in Word, close it, or check that the file or folder is not read-only, then run again`,
    };
  }
  return {
    th: `บันทึกไฟล์ไม่ได้ (${e.code ?? e.message}): ตรวจว่ามีพื้นที่ดิสก์และสิทธิ์เขียนในโฟลเดอร์ผลลัพธ์ แล้วรันอีกครั้ง`,
    en: `Cannot save the file (${e.code ?? e.message}): check the disk has space and the output folder can be written to, then run again`,
  };
}

/** Folders this thread has made sure of: a batch of thousands asks once, not per document. */
const foldersMade = new Set<string>();

/** Writes to a temporary file beside the target, then renames it into place. */
export async function writeFileAtomically(target: string, content: Buffer): Promise<void> {
  const folder = path.dirname(target);
  if (!foldersMade.has(folder)) {
    await mkdir(folder, { recursive: true });
    foldersMade.add(folder);
  }
  const temporary = path.join(path.dirname(target), `.~${process.pid}-${Date.now()}-${path.basename(target)}.tmp`);
  try {
    await writeFile(temporary, content);
    await rename(temporary, target);
  } catch (e) {
    await rm(temporary, { force: true });
    throw e;
  }
}
