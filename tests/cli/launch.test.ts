/**
 * How npm's scripts start the program (src/cli/start.cjs, src/cli/launch.cjs): plain JavaScript built
 * ahead into dist/, rebuilt when a source changes, never a compiler at run time.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/cli.js';
import { temporaryDir, workbookFile } from '../../tools/workbooks.js';
import { defaultTemplateFile } from '../../src/node/project-root.js';

/** A copy of the project without dist/, sharing this one's installed packages. */
function projectCopy(): string {
  const dir = temporaryDir('ita-launch-');
  for (const name of ['src', 'templates']) cpSync(path.join(PROJECT_ROOT, name), path.join(dir, name), { recursive: true });
  for (const name of ['package.json', 'package-lock.json']) cpSync(path.join(PROJECT_ROOT, name), path.join(dir, name));
  symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(dir, 'node_modules'), process.platform === 'win32' ? 'junction' : 'dir');
  return dir;
}

function start(dir: string, args: string[], preload: string[] = []) {
  const run = spawnSync(process.execPath, [...preload, path.join(dir, 'src', 'cli', 'start.cjs'), ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, INIT_CWD: dir },
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

const built = (dir: string) => statSync(path.join(dir, 'dist', 'programs.cjs')).mtimeMs;

describe('the program as npm starts it', () => {
  it('builds itself on the first run, runs what it built after that, and rebuilds when a source changes', () => {
    const dir = projectCopy();
    const template = defaultTemplateFile('announcement', dir);

    const first = start(dir, ['check-template', template]);
    expect(first.status, first.output).toBe(0);
    expect(first.output).toContain('ใช้ได้');
    expect(readdirSync(path.join(dir, 'dist')).sort()).toEqual(
      expect.arrayContaining(['programs.cjs', 'render-worker.cjs', 'sources.txt']),
    );
    const firstBuild = built(dir);
    // After a run, V8's code cache is kept for the next.
    expect(readdirSync(path.join(dir, 'dist')).filter((name) => name.endsWith('.cache'))).toHaveLength(1);

    const again = start(dir, ['check-template', template]);
    expect(again.status, again.output).toBe(0);
    expect(built(dir)).toBe(firstBuild);

    // An edited source is never run stale.
    const source = path.join(dir, 'src', 'cli', 'check-template.ts');
    writeFileSync(source, readFileSync(source, 'utf8').replace('ใช้ได้', 'ใช้ได้ (ฉบับแก้)'));
    const edited = start(dir, ['check-template', template]);
    expect(edited.status, edited.output).toBe(0);
    expect(edited.output).toContain('ใช้ได้ (ฉบับแก้)');
    expect(built(dir)).not.toBe(firstBuild);
  });

  it('loads no compiler to run: neither tsx, TypeScript nor esbuild', async () => {
    const dir = temporaryDir('ita-loaded-');
    const preload = path.join(dir, 'list-modules.cjs');
    // Every file require() loaded, written out when the process ends.
    writeFileSync(
      preload,
      `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(path.join(dir, 'loaded.json'))}, JSON.stringify(Object.keys(require.cache))));\n`,
    );
    const out = path.join(dir, 'out');
    mkdirSync(out);
    // Built first (after an edit to the sources the next run rebuilds, with esbuild): what is checked is a run.
    expect(start(PROJECT_ROOT, ['build']).status).toBe(0);
    const run = start(PROJECT_ROOT, ['build-doc', await workbookFile('lampangrong-2565'), '--out', out], ['--require', preload]);
    expect(run.status, run.output).toBe(0);
    expect(readdirSync(out)).toContain('ประกาศผลการประเมิน ITA 2565 อบต.ลำปางรอง.docx');
    const loaded = JSON.parse(readFileSync(path.join(dir, 'loaded.json'), 'utf8')) as string[];
    // The launcher ran (the bundle it loads through node:vm is not in require's cache).
    expect(loaded.some((file) => file.endsWith(path.join('src', 'cli', 'launch.cjs')))).toBe(true);
    expect(loaded.filter((file) => /node_modules[\\/](tsx|typescript|esbuild)[\\/]/.test(file))).toEqual([]);
  });

  it('keeps the prepared template and the parsed framework beside the program, takes them on the next run, and drops them when the program is built again', async () => {
    const dir = projectCopy();
    const workbook = await workbookFile('lampangrong-2565');
    const prepared = () => readdirSync(path.join(dir, 'dist')).filter((name) => name.startsWith('prepared-'));
    const frameworks = () => readdirSync(path.join(dir, 'dist')).filter((name) => name.startsWith('framework-'));
    const run = (out: string) => start(dir, ['build-doc', workbook, '--out', path.join(dir, out), '--date', '2022-08-02']);
    const first = run('first');
    expect(first.status, first.output).toBe(0);
    expect(prepared()).toHaveLength(1);
    expect(frameworks()).toHaveLength(1);
    const keptAt = () => [...prepared(), ...frameworks()].map((name) => statSync(path.join(dir, 'dist', name)).mtimeMs);
    const firstKept = keptAt();
    const second = run('second');
    expect(second.status, second.output).toBe(0);
    // Taken, not made again: the files are as the first run wrote them.
    expect(keptAt()).toEqual(firstKept);
    expect(second.output.replaceAll('second', 'first')).toBe(first.output);
    const name = 'ประกาศผลการประเมิน ITA 2565 อบต.ลำปางรอง.docx';
    expect(readFileSync(path.join(dir, 'second', name))).toEqual(readFileSync(path.join(dir, 'first', name)));

    const source = path.join(dir, 'src', 'render', 'template', 'read.ts');
    writeFileSync(source, `${readFileSync(source, 'utf8')}\n// edited\n`);
    expect(start(dir, ['build']).status).toBe(0);
    expect([...prepared(), ...frameworks()]).toEqual([]);

    // A year's file with a mistake: checked (zod, which the built program loads only now) and said, then said again from what was kept.
    const year = path.join(dir, 'src', 'ita', 'frameworks', '2565.yaml');
    writeFileSync(year, readFileSync(year, 'utf8').replace(/^fiscalYear: 2565$/m, 'fiscalYear: abc'));
    for (const out of ['broken', 'broken-again']) {
      const broken = run(out);
      expect(broken.status, broken.output).not.toBe(0);
      expect(broken.output).toMatch(/ไฟล์เกณฑ์การประเมิน บรรทัดที่ \d+: fiscalYear: /);
    }
  });

  it('says in Thai what to do when the program cannot be built', () => {
    const dir = projectCopy();
    const source = path.join(dir, 'src', 'core', 'nearest.ts');
    writeFileSync(source, `${readFileSync(source, 'utf8')}\nexport const broken = ;\n`);
    const run = start(dir, ['check-template']);
    expect(run.status).toBe(5);
    expect(run.output).toContain('เตรียมโปรแกรมไม่ได้');
    expect(run.output).toContain('nearest.ts');
    expect(run.output).not.toMatch(/\n\s+at /);
    expect(existsSync(path.join(dir, 'dist', 'sources.txt'))).toBe(false);
  });
});
