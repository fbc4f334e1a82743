/**
 * The output folder, kept so that nothing a reviewer did is lost. The program remembers what it
 * last wrote there (each file's SHA-256, in `.ita-announcement-written.json`). A document about to
 * be replaced that is not what it wrote (edited in Word, signed, replaced by hand) is first moved
 * aside under a dated name; a PDF that no longer matches its document is removed when the program
 * made it, moved aside when someone else did. Temporary files an interrupted run left are removed.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { error, warning, type Problem } from '../problem.js';
import { cannotWriteMessage, TEMPORARY_FILE, writeFileAtomically } from './files.js';

const RECORD = '.ita-announcement-written.json';

export interface OutputFolder {
  /** Writes `name`, keeping an edited file of that name and an outdated PDF beside it; the problems say what was done. */
  write(name: string, bytes: Uint8Array): Promise<Problem[]>;
  /** Remembers a PDF the program made, so a later run may replace it. */
  made(file: string): Promise<void>;
  /** Saves what was written, for the next run. */
  close(): Promise<void>;
}

export async function openOutputFolder(dir: string): Promise<OutputFolder> {
  const written = await readRecord(dir);
  await removeStrayTemporaryFiles(dir);
  let changed = false;

  /** Moves `name` aside when it is there and is not what the program wrote; says where to. */
  const keepIfChanged = async (name: string): Promise<{ kept?: string; ours: boolean; edited: boolean }> => {
    const file = path.join(dir, name);
    let content: Buffer;
    try {
      content = await readFile(file);
    } catch {
      return { ours: false, edited: false };
    }
    if (written[name] === sha256(content)) return { ours: true, edited: false };
    const aside = await asideName(dir, name, (await stat(file)).mtime);
    await rename(file, path.join(dir, aside));
    return { kept: aside, ours: false, edited: written[name] !== undefined };
  };

  return {
    async write(name, bytes) {
      const target = path.join(dir, name);
      const problems: Problem[] = [];
      try {
        const document = await keepIfChanged(name);
        if (document.kept) {
          const why = document.edited
            ? { th: 'ถูกแก้ไขหลังจากที่โปรแกรมสร้าง (เช่น แก้ใน Word)', en: 'was changed after the program made it (edited in Word, say)' }
            : { th: 'ไม่ใช่ไฟล์ที่โปรแกรมสร้างไว้ครั้งล่าสุด', en: 'is not the file the program last made there' };
          problems.push(
            warning(
              'output-edited-kept',
              { file: path.join(dir, document.kept) },
              `"${name}" ${why.th} จึงไม่เขียนทับ: ฉบับเดิมเก็บไว้เป็น "${document.kept}" และประกาศฉบับใหม่ใช้ชื่อเดิม`,
              `"${name}" ${why.en}, so it was not overwritten: it is kept as "${document.kept}", and the new announcement takes the name`,
            ),
          );
        }
        const pdfName = name.replace(/\.docx$/i, '.pdf');
        const pdf = await keepIfChanged(pdfName);
        if (pdf.ours) {
          await rm(path.join(dir, pdfName), { force: true });
          delete written[pdfName];
          changed = true;
          problems.push(warning('pdf-outdated', { file: path.join(dir, pdfName) }, `ลบ "${pdfName}" ที่สร้างจากประกาศฉบับเดิม เพราะไม่ตรงกับฉบับใหม่ (สร้าง PDF ใหม่ด้วย --pdf)`, `Removed "${pdfName}", made from the earlier announcement, as it no longer matches the new one (--pdf makes a new one)`));
        } else if (pdf.kept) {
          problems.push(warning('pdf-outdated', { file: path.join(dir, pdf.kept) }, `"${pdfName}" ไม่ได้สร้างจากประกาศฉบับใหม่ จึงย้ายไปเป็น "${pdf.kept}"`, `"${pdfName}" was not made from the new announcement, so it was moved to "${pdf.kept}"`));
        }
        await writeFileAtomically(target, bytes);
      } catch (e) {
        const message = cannotWriteMessage(e as NodeJS.ErrnoException);
        return [...problems, error('output-not-writable', { file: target }, message.th, message.en)];
      }
      written[name] = sha256(bytes);
      changed = true;
      return problems;
    },
    async made(file) {
      written[path.basename(file)] = sha256(await readFile(file));
      changed = true;
    },
    async close() {
      if (changed) await writeFileAtomically(path.join(dir, RECORD), new TextEncoder().encode(`${JSON.stringify(written, null, 2)}\n`));
    },
  };
}

function sha256(content: Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

async function readRecord(dir: string): Promise<Record<string, string>> {
  try {
    const record: unknown = JSON.parse(await readFile(path.join(dir, RECORD), 'utf8'));
    return typeof record === 'object' && record !== null && !Array.isArray(record) ? (record as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/** `ประกาศ… อบต.ลำปางรอง (แก้ไข 2569-12-01 10.32).docx`, by when the file was last changed; `(2)` after it if that is taken. */
async function asideName(dir: string, name: string, changed: Date): Promise<string> {
  const extension = path.extname(name);
  const stem = name.slice(0, name.length - extension.length);
  const two = (n: number) => String(n).padStart(2, '0');
  const when = `${changed.getFullYear() + 543}-${two(changed.getMonth() + 1)}-${two(changed.getDate())} ${two(changed.getHours())}.${two(changed.getMinutes())}`;
  const taken = new Set(await readdir(dir));
  for (let n = 1; ; n++) {
    const candidate = `${stem} (แก้ไข ${when}${n > 1 ? ` ${n}` : ''})${extension}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Temporary files of runs that stopped half-way (their process is gone): a run still going keeps its own. */
async function removeStrayTemporaryFiles(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = TEMPORARY_FILE.exec(name)?.[1];
    if (pid !== undefined && !running(Number(pid))) await rm(path.join(dir, name), { force: true });
  }
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
