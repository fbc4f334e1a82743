/**
 * The output folder when the clerk's machine lets a run down: the run killed half-way (the window
 * closed, a power cut), a full disk, a folder that cannot be written to. Real runs on real folders:
 * a batch in a child process killed with SIGKILL at seeded moments, and small tmpfs disks mounted
 * for the test (that needs root on Linux; elsewhere those tests are skipped and say why).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  ftruncateSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import PizZip from 'pizzip';
import { describe, expect, it, onTestFinished } from 'vitest';
import { benchWorkbook } from '../../tools/bench-workbook.js';
import { runBuildDoc, PROJECT_ROOT } from '../helpers/cli.js';
import { paragraphs } from '../helpers/docx.js';
import { folderFault } from '../../src/node/files.js';
import { temporaryDir } from '../../tools/workbooks.js';

const START = path.join(PROJECT_ROOT, 'src', 'cli', 'start.cjs');
const RECORD = '.ita-announcement-written.json';
/** Whether a small tmpfs can be mounted here (`mount` needs root, tmpfs is Linux's): tried once, and undone at once. */
const CAN_MOUNT = ((): boolean => {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const dir = temporaryDir('ita-disk-');
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]).status === 0;
  if (mounted) spawnSync('umount', [dir]);
  rmSync(dir, { recursive: true, force: true });
  return mounted;
})();
const NEEDS_ROOT = 'needs root on Linux, to mount a small tmpfs';

const workbooks = temporaryDir('ita-batch-');
/** Benchmark workbooks share agencies: the first 20 of 40 are the 20 of 20. */
const batch = (agencies: number) => benchWorkbook(agencies, workbooks);

const documentsIn = (out: string) =>
  readdirSync(out)
    .filter((name) => name.endsWith('.docx'))
    .sort();
const asideIn = (out: string) => documentsIn(out).filter((name) => name.includes('(แก้ไข '));
/** Files a clerk would see that are neither a document nor the record of what was written. */
const leftoversIn = (out: string) => readdirSync(out).filter((name) => !name.endsWith('.docx') && name !== RECORD);
const snapshot = (out: string) => new Map(documentsIn(out).map((name) => [name, readFileSync(path.join(out, name))]));
const count = (text: string, part: string) => text.split(part).length - 1;

/** Every document in the folder is a whole DOCX: its zip opens with every CRC right and it has its text. */
function expectAllWhole(out: string): void {
  for (const name of documentsIn(out)) {
    const zip = new PizZip(readFileSync(path.join(out, name)), { checkCRC32: true });
    expect(zip.file('word/document.xml'), name).not.toBeNull();
  }
}

/** A small, reproducible random number generator (mulberry32): the same seed, the same moments. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `npm run build-doc` as its own process, killed with SIGKILL once `placed` documents have taken
 * their names since it started, and `delay` ms more (spent busy, so the kill lands between two of
 * the program's steps); whether it was killed before it ended by itself.
 */
async function killedRun(args: string[], out: string, placed: number, delay: number): Promise<boolean> {
  const started = Date.now();
  const child = spawn(process.execPath, ['--expose-gc', START, 'build-doc', ...args, '--out', out], {
    stdio: 'ignore',
    env: { ...process.env, INIT_CWD: PROJECT_ROOT },
  });
  let ended = false;
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  void exited.then(() => (ended = true));
  const placedSince = () =>
    documentsIn(out).filter((name) => (statSync(path.join(out, name), { throwIfNoEntry: false })?.mtimeMs ?? 0) >= started).length;
  while (!ended) {
    if (placedSince() >= placed) {
      for (const until = performance.now() + delay; performance.now() < until;);
      child.kill('SIGKILL');
      break;
    }
    await sleep(1);
  }
  return (await exited) === 'SIGKILL';
}

describe('a run killed at any moment', () => {
  const seed = Number(process.env.ITA_CRASH_SEED ?? 23);

  it(`leaves every document whole, and a rerun moves aside only what somebody edited (seed ${seed}: ITA_CRASH_SEED=${seed} replays it)`, async () => {
    const agencies = 80;
    const workbook = await batch(agencies);
    const out = temporaryDir('ita-out-');
    const first = await runBuildDoc([workbook, '--out', out, '--date', '2023-10-01']);
    expect(first.status, first.stderr).toBe(0);

    const random = seeded(seed);
    // Three moments anywhere in the batch, and one as the last document takes its name (the record is being saved).
    const moments = [...Array.from({ length: 3 }, () => 1 + Math.floor(random() * (agencies - 1))), agencies];
    let killed = 0;
    for (const [i, placed] of moments.entries()) {
      const threads = i % 2 === 1 ? ['--threads', '2'] : [];
      if (await killedRun([workbook, '--date', `2023-10-0${i + 2}`, ...threads], out, placed, random() * 3)) killed++;
      expectAllWhole(out);
      expect(asideIn(out), `seed ${seed}, after the run killed at ${placed} documents`).toEqual([]);
    }
    expect(killed, `seed ${seed}: the runs ended before they were killed`).toBeGreaterThanOrEqual(3);

    // A reviewer edits one announcement in Word; the rerun keeps that one, and only that one.
    const edited = documentsIn(out)[Math.floor(random() * agencies)]!;
    const zip = new PizZip(readFileSync(path.join(out, edited)));
    zip.file('word/document.xml', zip.file('word/document.xml')!.asText().replace('ประกาศ ณ วันที่', 'ประกาศ ณ วันที่ (แก้แล้ว)'));
    writeFileSync(path.join(out, edited), zip.generate({ type: 'nodebuffer' }));

    const rerun = await runBuildDoc([workbook, '--out', out, '--date', '2023-10-09']);
    expect(rerun.status, rerun.stderr).toBe(0);
    expect(count(rerun.stderr, 'ไม่เขียนทับ'), `seed ${seed}: ${rerun.stderr}`).toBe(1);
    expect(rerun.stderr).toContain(`"${edited}" ถูกแก้ไขหลังจากที่โปรแกรมสร้าง`);
    expect(asideIn(out)).toHaveLength(1);
    expect(documentsIn(out)).toHaveLength(agencies + 1);
    expectAllWhole(out);
    expect(paragraphs(path.join(out, edited))).toContain('ประกาศ ณ วันที่ ๙ ตุลาคม พ.ศ. ๒๕๖๖');
    expect(leftoversIn(out)).toEqual([]);
  });

  it('reads the record an earlier version wrote (one hash a name, saved at the end)', async () => {
    const workbook = await batch(3);
    const out = temporaryDir('ita-out-');
    expect((await runBuildDoc([workbook, '--out', out, '--date', '2023-10-01'])).status).toBe(0);
    const earlier = Object.fromEntries(
      documentsIn(out).map((name) => [
        name,
        createHash('sha256')
          .update(readFileSync(path.join(out, name)))
          .digest('hex'),
      ]),
    );
    writeFileSync(path.join(out, RECORD), `${JSON.stringify(earlier, null, 2)}\n`);
    const run = await runBuildDoc([workbook, '--out', out, '--date', '2023-10-02']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('ไม่เขียนทับ');
    expect(asideIn(out)).toEqual([]);
  });
});

/** A tmpfs of `size` mounted for the test that asks, and unmounted when it ends. */
function smallDisk(size: string): string {
  const dir = temporaryDir('ita-disk-');
  expect(spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]).status).toBe(0);
  onTestFinished(() => {
    spawnSync('umount', ['-l', dir]);
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

/** Fills `disk` with a file of its own, leaving `room` bytes free; returns the file, to remove for the space back. */
function fill(disk: string, room: number): string {
  const filler = path.join(disk, `filler-${Date.now()}`);
  const fd = openSync(filler, 'w');
  const chunk = Buffer.alloc(64 * 1024);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
  }
  ftruncateSync(fd, Math.max(0, fstatSync(fd).size - room));
  closeSync(fd);
  return filler;
}

describe('a full disk', () => {
  it.skipIf(!CAN_MOUNT)(
    `exits 4 with one message, lists what was not saved, keeps every earlier document and a true record (${NEEDS_ROOT})`,
    async () => {
      const disk = smallDisk('1m');
      const out = path.join(disk, 'out');
      const shownOut = path.relative(PROJECT_ROOT, out);
      expect((await runBuildDoc([await batch(20), '--out', out, '--date', '2023-10-01'])).status).toBe(0);
      const size = statSync(path.join(out, documentsIn(out)[0]!)).size;

      // Room for about eight more documents: the twenty replace their own, the next ones fill the disk.
      const filler = fill(disk, Math.round(8.5 * size));
      const forty = await batch(40);
      const full = await runBuildDoc([forty, '--out', out, '--date', '2023-10-02']);
      expect(full.status, full.stderr).toBe(4);
      expect(count(full.stderr, 'ดิสก์เต็ม')).toBe(1);
      expect(full.stderr).toContain(`[${shownOut}]: ดิสก์เต็ม: บันทึกประกาศลงโฟลเดอร์นี้ต่อไม่ได้ เพราะไม่มีพื้นที่เหลือ (ENOSPC)`);
      const saved = documentsIn(out).length;
      expect(saved).toBeGreaterThan(20);
      expect(saved).toBeLessThan(40);
      expect(full.stderr).toContain(`ประกาศที่ยังไม่ได้บันทึก ${40 - saved} ฉบับ:`);
      expect(full.stderr).toContain(`  ✗ อบต.ตัวอย่าง40 [`);
      expect(full.stderr).toContain(`สรุป: สร้างประกาศ ${saved} ฉบับ, ยังไม่ได้บันทึก ${40 - saved} ฉบับ`);
      expect(full.stderr).not.toContain('ภายในโปรแกรม');
      expectAllWhole(out);
      expect(leftoversIn(out).filter((name) => name.endsWith('.tmp'))).toEqual([]);

      // No room at all: not one document changes.
      const before = snapshot(out);
      rmSync(filler);
      const noRoom = fill(disk, 0);
      const none = await runBuildDoc([forty, '--out', out, '--date', '2023-10-03']);
      expect(none.status, none.stderr).toBe(4);
      expect(count(none.stderr, 'ดิสก์เต็ม')).toBe(1);
      expect(none.stderr).toContain(`สรุป: สร้างประกาศ 0 ฉบับ, ยังไม่ได้บันทึก 40 ฉบับ`);
      expect(snapshot(out)).toEqual(before);
      expect(leftoversIn(out).filter((name) => name.endsWith('.tmp'))).toEqual([]);

      // With the space back, the record is still true: nothing the program wrote is taken for an edit.
      rmSync(noRoom);
      const rerun = await runBuildDoc([forty, '--out', out, '--date', '2023-10-03']);
      expect(rerun.status, rerun.stderr).toBe(0);
      expect(rerun.stderr).not.toContain('ไม่เขียนทับ');
      expect(documentsIn(out)).toHaveLength(40);
      expectAllWhole(out);
      expect(leftoversIn(out)).toEqual([]);
    },
  );
});

describe('a folder that cannot be written to', () => {
  /** Two runs of 20 announcements, the second into a folder made unwritable after the first: one message, nothing changed. */
  async function refused(out: string, makeUnwritable: () => void, why: string): Promise<void> {
    const workbook = await batch(20);
    expect((await runBuildDoc([workbook, '--out', out, '--date', '2023-10-01'])).status).toBe(0);
    const before = snapshot(out);
    makeUnwritable();
    const run = await runBuildDoc([workbook, '--out', out, '--date', '2023-10-02']);
    expect(run.status, run.stderr).toBe(4);
    expect(run.stderr).toContain(`[${path.relative(PROJECT_ROOT, out)}]: ${why}`);
    expect(count(run.stderr, why)).toBe(1);
    // It stops before making any announcement.
    expect(run.stderr).not.toContain('กำลังสร้างประกาศ');
    expect(snapshot(out)).toEqual(before);
  }

  it.skipIf(!CAN_MOUNT)(
    `says once that the disk is read-only, naming the folder, then stops (${NEEDS_ROOT} and remount it read-only)`,
    async () => {
      const disk = smallDisk('1m');
      await refused(
        path.join(disk, 'out'),
        () => expect(spawnSync('mount', ['-o', 'remount,ro', disk]).status).toBe(0),
        'บันทึกลงโฟลเดอร์นี้ไม่ได้ เพราะอยู่บนดิสก์ที่เขียนไม่ได้ (EROFS',
      );
    },
  );

  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)(
    'says once that the folder may not be written to, naming it, then stops (not as root, whom chmod does not stop; not on Windows)',
    async () => {
      const out = temporaryDir('ita-out-');
      mkdirSync(out, { recursive: true });
      try {
        await refused(out, () => chmodSync(out, 0o555), 'บันทึกลงโฟลเดอร์นี้ไม่ได้ เพราะไม่มีสิทธิ์สร้างไฟล์ในโฟลเดอร์ (EACCES)');
      } finally {
        chmodSync(out, 0o755);
      }
    },
  );

  it('tells a fault of the folder (it stops the batch) from a fault of one file (open in Word: the batch goes on)', () => {
    const fault = (code: string, syscall: string) => folderFault(Object.assign(new Error(code), { code, syscall }));
    expect(fault('ENOSPC', 'write')?.th).toMatch(/^ดิสก์เต็ม: .*\(ENOSPC\)/);
    expect(fault('EDQUOT', 'write')?.th).toMatch(/^ดิสก์เต็ม: .*โควตา.*\(EDQUOT\)/);
    expect(fault('EROFS', 'rename')?.th).toContain('(EROFS');
    for (const code of ['EACCES', 'EPERM']) expect(fault(code, 'open')?.th).toContain(`ไม่มีสิทธิ์สร้างไฟล์ในโฟลเดอร์ (${code})`);
    for (const code of ['EACCES', 'EPERM', 'EBUSY']) expect(fault(code, 'rename')).toBeUndefined();
    expect(fault('EISDIR', 'rename')).toBeUndefined();
  });

  it('says once that the output folder is a file', async () => {
    const out = path.join(temporaryDir('ita-out-'), 'ประกาศ.docx');
    writeFileSync(out, 'not a folder');
    const run = await runBuildDoc([await batch(20), '--out', out]);
    expect(run.status, run.stderr).toBe(4);
    expect(count(run.stderr, 'ไม่ใช่โฟลเดอร์')).toBe(1);
    expect(run.stderr).not.toContain('กำลังสร้างประกาศ');
    expect(readFileSync(out, 'utf8')).toBe('not a folder');
  });
});
