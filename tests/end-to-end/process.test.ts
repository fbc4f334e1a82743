/**
 * The few things only a real process shows: the help on stdout, exit codes as the shell sees
 * them, and the README's command run through npm itself. Everything else about the command line
 * is tested in-process (tests/helpers/cli.ts).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDocProcess, PROJECT_ROOT, writtenIn } from '../helpers/cli.js';
import { temporaryDir } from '../../tools/workbooks.js';

describe('npm run build-doc as a process', () => {
  it('prints its help on stdout and exits 0', () => {
    const run = buildDocProcess(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('--signer');
    expect(run.stdout).toContain('วันที่ประกาศ');
    expect(run.stderr).toBe('');
  });

  it('exits 2 on a bad option and 1 on a file that is not a workbook, as the shell sees it', () => {
    expect(buildDocProcess(['--no-such-option']).status).toBe(2);
    const fake = path.join(temporaryDir(), 'ผลการประเมิน.xlsx');
    writeFileSync(fake, 'not a spreadsheet');
    const run = buildDocProcess([fake, '--out', temporaryDir('ita-out-')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('ไม่ใช่ไฟล์ Excel');
  });

  it("runs the README's command through npm: the example announcement in the output folder", () => {
    const out = temporaryDir('ita-npm-');
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const run = spawnSync(npm, ['run', 'build-doc', '--', '--out', out, '--date', '2565-08-02'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(writtenIn(out)).toEqual(['ประกาศผลการประเมิน ITA 2565 อบต.ลำปางรอง.docx']);
    expect(run.stderr).toContain('สรุป: สร้างประกาศ 1 ฉบับ');
  });

  it('stops when npm took the options (the -- forgotten), exit 2 as npm passes it on, with the command meant', () => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const run = spawnSync(npm, ['run', 'build-doc', '--pdf', '--signer', 'นายสันติ นาวีสัมพันธ์'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('npm run build-doc -- --signer "นายสันติ นาวีสัมพันธ์" --pdf');
    expect(run.stderr).not.toContain('ENOENT');
  });
});

describe('npm install', () => {
  it('says nothing that reads as a task for the clerk (no warning about install scripts, funding or audits), and builds the program', () => {
    const dir = temporaryDir('ita-install-');
    for (const name of ['package.json', 'package-lock.json', '.npmrc']) copyFileSync(path.join(PROJECT_ROOT, name), path.join(dir, name));
    cpSync(path.join(PROJECT_ROOT, 'src'), path.join(dir, 'src'), { recursive: true });
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const run = spawnSync(npm, ['install', '--prefer-offline'], { cwd: dir, encoding: 'utf8', timeout: 180_000 });
    expect(run.status, run.stderr).toBe(0);
    const said = `${run.stdout}\n${run.stderr}`;
    expect(said).toMatch(/added \d+ packages/);
    expect(said).not.toMatch(/warn|npm fund|npm audit|vulnerabilit|approve/i);
    // npm's `prepare` built the program the scripts run (src/cli/launch.cjs).
    expect(existsSync(path.join(dir, 'dist', 'programs.cjs'))).toBe(true);
  });
});
