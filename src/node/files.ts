/**
 * Writing a document to disk: a write that never leaves a half-written file or destroys an
 * earlier good one, and a message a clerk can act on when the file cannot be written: one file's
 * fault (open in Word), or the folder's (a full disk, a read-only drive), said once for the batch.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Message } from '../core/language.js';

/** Folders this run has made sure of: a batch of thousands asks once, not per document. */
const foldersMade = new Set<string>();

/** `.~<pid>-<time>-<name>.tmp`: a file being written, and by which process. */
export const TEMPORARY_FILE = /^\.~(\d+)-\d+-.+\.tmp$/;

/**
 * Writes to a temporary file beside the target, then renames it into place. `beforeRename` runs
 * once the whole content is on disk and before the target changes: what it does (noting the
 * file in the record of what was written) is done whatever moment the process is stopped at.
 *
 * Synchronous: a batch writes thousands of small files, and each asynchronous call (a FileHandle,
 * a trip to libuv's thread pool, a promise) cost more than the system call itself: the open alone
 * was 7 % of a batch's profile (docs/benchmarks.md). Nothing else waits on the main thread meanwhile.
 */
export function writeFileAtomically(target: string, content: Uint8Array, beforeRename?: () => void): void {
  const folder = path.dirname(target);
  if (!foldersMade.has(folder)) {
    mkdirSync(folder, { recursive: true });
    foldersMade.add(folder);
  }
  const temporary = temporaryFileFor(target);
  try {
    writeFileSync(temporary, content);
    beforeRename?.();
    renameSync(temporary, target);
  } catch (e) {
    rmSync(temporary, { force: true });
    throw e;
  }
}

/** A temporary file beside `target`, named so that a later run knows which process wrote it (`TEMPORARY_FILE`). */
function temporaryFileFor(target: string): string {
  return path.join(path.dirname(target), `.~${process.pid}-${Date.now()}-${path.basename(target)}.tmp`);
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

/**
 * Why nothing more can be written to the folder, or undefined when the fault is one file's. A
 * full or read-only disk stops every file; so does a folder that refuses a new file. Replacing
 * a file (the rename) that is open in Word (EBUSY, EPERM or EACCES on Windows) is that file's
 * fault only: the batch goes on.
 */
export function folderFault(e: NodeJS.ErrnoException): Message | undefined {
  const code = e.code ?? '';
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    const why =
      code === 'EDQUOT' ? { th: 'ใช้พื้นที่ครบโควตาที่ได้รับแล้ว', en: 'the disk quota is used up' } : { th: 'ไม่มีพื้นที่เหลือ', en: 'no space is left' };
    return {
      th: `ดิสก์เต็ม: บันทึกประกาศลงโฟลเดอร์นี้ต่อไม่ได้ เพราะ${why.th} (${code}): ลบไฟล์ที่ไม่ใช้ออกจากดิสก์นี้ หรือใช้โฟลเดอร์บนดิสก์อื่น (--out) แล้วรันอีกครั้ง ประกาศที่บันทึกไว้แล้วยังอยู่ครบ`,
      en: `Disk full: no more announcements can be saved in this folder, as ${why.en} (${code}): free some space on the disk or use a folder on another disk (--out), then run again; the announcements already saved are whole`,
    };
  }
  if (code === 'EROFS') {
    return {
      th: `บันทึกลงโฟลเดอร์นี้ไม่ได้ เพราะอยู่บนดิสก์ที่เขียนไม่ได้ (EROFS: อ่านอย่างเดียว เช่น แผ่น CD หรือแฟลชไดรฟ์ที่ล็อกไว้): ใช้โฟลเดอร์อื่น (--out) แล้วรันอีกครั้ง`,
      en: 'Cannot save in this folder, as its disk cannot be written to (EROFS: read-only, a CD or a locked USB drive, say): use another folder (--out), then run again',
    };
  }
  if (e.syscall === 'rename') return undefined;
  if (code === 'EACCES' || code === 'EPERM') {
    return {
      th: `บันทึกลงโฟลเดอร์นี้ไม่ได้ เพราะไม่มีสิทธิ์สร้างไฟล์ในโฟลเดอร์ (${code}): ตรวจสิทธิ์ของโฟลเดอร์ (คลิกขวา > Properties > Security) หรือใช้โฟลเดอร์อื่น (--out) แล้วรันอีกครั้ง`,
      en: `Cannot save in this folder, as there is no permission to make files in it (${code}): check the folder's permissions (right-click > Properties > Security) or use another folder (--out), then run again`,
    };
  }
  if (code === 'ENOTDIR' || (code === 'EEXIST' && e.syscall === 'mkdir')) {
    return {
      th: `ใช้เป็นโฟลเดอร์ผลลัพธ์ไม่ได้ เพราะเป็นไฟล์ ไม่ใช่โฟลเดอร์ (${code}): ใช้ชื่อโฟลเดอร์อื่น (--out) แล้วรันอีกครั้ง`,
      en: `Cannot be the output folder, as it is a file, not a folder (${code}): use another folder name (--out), then run again`,
    };
  }
  return undefined;
}
