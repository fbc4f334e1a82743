/**
 * The output folder, kept so that nothing a reviewer did is lost. The program remembers what it
 * wrote there (each file's SHA-256, in `.ita-announcement-written.json`). A document about to
 * be replaced that is not what it wrote (edited in Word, signed, replaced by hand) is first moved
 * aside under a dated name; a PDF that no longer matches its document is removed when the program
 * made it, moved aside when someone else did. Temporary files an interrupted run left are removed.
 *
 * The record is true at every moment, whenever the run is stopped (killed, a power cut, the
 * window closed): each file's hash is appended to a journal (`.ita-announcement-written.journal`)
 * once the file is whole on disk and before it is renamed into place, and the journal is folded
 * into the record when the run ends. A file whose hash the record or the journal holds is one the
 * program made, byte for byte, so replacing it loses nothing; a name may hold a few such hashes
 * after a run was stopped (the file then is one of them) until it is written again.
 */
import { createHash } from 'node:crypto';
import {
  appendFileSync,
  closeSync,
  constants,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { access, readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { error, warning, type Problem } from '../core/problem.js';
import { cannotWriteMessage, folderFault, TEMPORARY_FILE, writeFileAtomically } from './files.js';

const RECORD = '.ita-announcement-written.json';
const JOURNAL = '.ita-announcement-written.journal';

export interface OutputFolder {
  /** Writes `name`, keeping an edited file of that name and an outdated PDF beside it; the problems say what was done. */
  write(name: string, bytes: Uint8Array): Promise<Problem[]>;
  /** Saves a file the program made beside the documents (a PDF) and remembers it as its own, so a later run may replace it; throws when it cannot. */
  save(name: string, bytes: Uint8Array): Promise<void>;
  /** Why the folder takes no more files (a full disk, a read-only drive), once it is so: said once, and later writes are refused without trying. */
  readonly stopped: Problem | undefined;
  /** Folds the journal into the record, for the next run. */
  close(): Promise<void>;
}

/**
 * The folder, or the problem why nothing can be written there, said once before any document is
 * made. The folder itself is made with the first file written to it.
 */
export async function openOutputFolder(dir: string): Promise<OutputFolder | { problem: Problem }> {
  const refused = await whyUnwritable(dir);
  if (refused) {
    const why = folderFault(refused) ?? cannotWriteMessage(refused);
    return { problem: error('output-not-writable', { file: dir }, why.th, why.en) };
  }
  // The journal's file descriptor, opened with the first file written (the folder is made then).
  let journal: number | undefined;
  const journalOnce = () => {
    if (journal === undefined) {
      mkdirSync(dir, { recursive: true });
      journal = openSync(path.join(dir, JOURNAL), 'a');
    }
    return journal;
  };
  const written = await readRecord(dir);
  const journalled = await readJournal(dir, written);
  await removeStrayTemporaryFiles(dir);
  let changed = false;
  let stopped: Problem | undefined;

  /** A file that could not be written: the folder's fault stops the batch, one file's fault is that file's. */
  const fault = (e: unknown, file: string): Problem => {
    const ofFolder = folderFault(e as NodeJS.ErrnoException);
    if (ofFolder) return (stopped ??= error('output-not-writable', { file: dir }, ofFolder.th, ofFolder.en));
    const why = cannotWriteMessage(e as NodeJS.ErrnoException);
    return error('output-not-writable', { file }, why.th, why.en);
  };

  /** Writes `name` whole; `clearWay` moves what is in its way; its hash goes in the journal before it takes the name. */
  const place = (name: string, bytes: Uint8Array, clearWay?: () => void) => {
    const hash = sha256(bytes);
    writeFileAtomically(path.join(dir, name), bytes, () => {
      clearWay?.();
      // A line of its own even after a line a full disk cut short.
      appendFileSync(journalOnce(), `\n${JSON.stringify([name, hash])}\n`);
      written.set(name, (written.get(name) ?? new Set()).add(hash));
    });
    written.set(name, new Set([hash]));
    changed = true;
  };

  return {
    get stopped() {
      return stopped;
    },
    async write(name, bytes) {
      if (stopped) return [stopped];
      const problems: Problem[] = [];
      try {
        place(name, bytes, () => clearWayFor(dir, name, written, problems));
      } catch (e) {
        return [...problems, fault(e, path.join(dir, name))];
      }
      return problems;
    },
    async save(name, bytes) {
      try {
        place(name, bytes);
      } catch (e) {
        fault(e, path.join(dir, name));
        throw e;
      }
    },
    async close() {
      if (journal !== undefined) closeSync(journal);
      try {
        if (changed || journalled)
          writeFileAtomically(path.join(dir, RECORD), new TextEncoder().encode(`${JSON.stringify(recordOf(written), null, 2)}\n`));
        await rm(path.join(dir, JOURNAL), { force: true });
      } catch {
        // The record cannot be saved (a full disk): the journal stays beside it, the two still true, and the next run folds them.
      }
    },
  };
}

/** Moves `name` aside when it is there and is not what the program wrote; says where to. */
function keepIfChanged(
  dir: string,
  name: string,
  written: ReadonlyMap<string, ReadonlySet<string>>,
): { kept?: string; ours: boolean; edited: boolean } {
  const file = path.join(dir, name);
  // Asked first: a missing file is the usual case, and a failed read costs an Error with its stack each time.
  const found = statSync(file, { throwIfNoEntry: false });
  let content: Buffer;
  try {
    if (!found) return { ours: false, edited: false };
    content = readFileSync(file);
  } catch {
    return { ours: false, edited: false };
  }
  if (written.get(name)?.has(sha256(content)) === true) return { ours: true, edited: false };
  const aside = asideName(dir, name, found.mtime);
  renameSync(file, path.join(dir, aside));
  return { kept: aside, ours: false, edited: written.has(name) };
}

/** Clears the way for a new document `name`: a document of that name the program did not write is kept aside, and the PDF beside it removed (the program's) or kept aside (anyone else's); `problems` says what was done. */
function clearWayFor(dir: string, name: string, written: Map<string, Set<string>>, problems: Problem[]): void {
  const document = keepIfChanged(dir, name, written);
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
  const pdf = keepIfChanged(dir, pdfName, written);
  if (pdf.ours) {
    rmSync(path.join(dir, pdfName), { force: true });
    written.delete(pdfName);
    problems.push(
      warning(
        'pdf-outdated',
        { file: path.join(dir, pdfName) },
        `ลบ "${pdfName}" ที่สร้างจากประกาศฉบับเดิม เพราะไม่ตรงกับฉบับใหม่ (สร้าง PDF ใหม่ด้วย --pdf)`,
        `Removed "${pdfName}", made from the earlier announcement, as it no longer matches the new one (--pdf makes a new one)`,
      ),
    );
  } else if (pdf.kept) {
    problems.push(
      warning(
        'pdf-outdated',
        { file: path.join(dir, pdf.kept) },
        `"${pdfName}" ไม่ได้สร้างจากประกาศฉบับใหม่ จึงย้ายไปเป็น "${pdf.kept}"`,
        `"${pdfName}" was not made from the new announcement, so it was moved to "${pdf.kept}"`,
      ),
    );
  }
}

/** Why the folder cannot take new files, found without making anything there: it is a file, or it (or the folder it is to be made in) may not be written to. */
async function whyUnwritable(dir: string): Promise<NodeJS.ErrnoException | undefined> {
  for (let at = dir; ; at = path.dirname(at)) {
    try {
      if (!(await stat(at)).isDirectory()) return Object.assign(new Error(`${at} is not a folder`), { code: 'ENOTDIR', syscall: 'stat' });
      await access(at, constants.W_OK);
      return undefined;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || path.dirname(at) === at) return e as NodeJS.ErrnoException;
    }
  }
}

function sha256(content: Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

const HASH = /^[0-9a-f]{64}$/;

/** The record: each name's hash, or its hashes when a stopped run left it one of several (earlier versions wrote one hash a name). */
async function readRecord(dir: string): Promise<Map<string, Set<string>>> {
  const written = new Map<string, Set<string>>();
  let record: unknown;
  try {
    record = JSON.parse(await readFile(path.join(dir, RECORD), 'utf8'));
  } catch {
    return written;
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return written;
  for (const [name, hashes] of Object.entries(record)) {
    const valid = ([] as unknown[]).concat(hashes).filter((h): h is string => typeof h === 'string' && HASH.test(h));
    if (valid.length) written.set(name, new Set(valid));
  }
  return written;
}

function recordOf(written: ReadonlyMap<string, ReadonlySet<string>>): Record<string, string | string[]> {
  return Object.fromEntries([...written].map(([name, hashes]) => [name, hashes.size === 1 ? [...hashes][0]! : [...hashes].sort()]));
}

/** Adds the hashes a stopped run journalled to `written`; whether there were any. */
async function readJournal(dir: string, written: Map<string, Set<string>>): Promise<boolean> {
  let text: string;
  try {
    text = await readFile(path.join(dir, JOURNAL), 'utf8');
  } catch {
    return false;
  }
  let any = false;
  for (const line of text.split('\n')) {
    let entry: unknown;
    try {
      entry = JSON.parse(line);
    } catch {
      continue;
    }
    if (!Array.isArray(entry) || typeof entry[0] !== 'string' || typeof entry[1] !== 'string' || !HASH.test(entry[1])) continue;
    written.set(entry[0], (written.get(entry[0]) ?? new Set()).add(entry[1]));
    any = true;
  }
  return any;
}

/** `ประกาศ… อบต.ลำปางรอง (แก้ไข 2569-12-01 10.32).docx`, by when the file was last changed; `(2)` after it if that is taken. */
function asideName(dir: string, name: string, changed: Date): string {
  const extension = path.extname(name);
  const stem = name.slice(0, name.length - extension.length);
  const two = (n: number) => String(n).padStart(2, '0');
  const when = `${changed.getFullYear() + 543}-${two(changed.getMonth() + 1)}-${two(changed.getDate())} ${two(changed.getHours())}.${two(changed.getMinutes())}`;
  const taken = new Set(readdirSync(dir));
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
