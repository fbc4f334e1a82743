/**
 * Writing a document to disk: a write that never leaves a half-written file or destroys an
 * earlier good one, and a message a clerk can act on when the file cannot be written.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Message } from '../language.js';

/** Folders this run has made sure of: a batch of thousands asks once, not per document. */
const foldersMade = new Set<string>();

/** `.~<pid>-<time>-<name>.tmp`: a file being written, and by which process. */
export const TEMPORARY_FILE = /^\.~(\d+)-\d+-.+\.tmp$/;

/** Writes to a temporary file beside the target, then renames it into place. */
export async function writeFileAtomically(target: string, content: Uint8Array): Promise<void> {
  const folder = path.dirname(target);
  if (!foldersMade.has(folder)) {
    await mkdir(folder, { recursive: true });
    foldersMade.add(folder);
  }
  const temporary = path.join(folder, `.~${process.pid}-${Date.now()}-${path.basename(target)}.tmp`);
  try {
    await writeFile(temporary, content);
    await rename(temporary, target);
  } catch (e) {
    await rm(temporary, { force: true });
    throw e;
  }
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
