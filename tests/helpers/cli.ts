/**
 * Running the command line as a clerk does. `runBuildDoc` and `runCheckTemplate` call the commands'
 * `main` in-process, with their own working folder, environment and screens: the same code from
 * the arguments to the exit code, without starting Node and tsx for each run. `buildDocProcess`
 * starts a real process, for the few things only a process shows (help on stdout, exit codes as
 * the shell sees them, npm itself).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Io } from '../../src/cli/io.js';
import { main as buildDocMain } from '../../src/cli/build-doc.js';
import { main as checkTemplateMain } from '../../src/cli/check-template.js';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

interface RunOptions {
  cwd?: string;
  /** Variables to set (or, given as undefined, to remove) for the command. */
  env?: NodeJS.ProcessEnv;
}

function environment(options: RunOptions): NodeJS.ProcessEnv {
  const env = { ...process.env, ...options.env };
  for (const [name, value] of Object.entries(options.env ?? {})) if (value === undefined) delete env[name];
  return env;
}

async function inProcess(main: (argv: string[], io: Io) => Promise<number>, args: string[], options: RunOptions): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    cwd: options.cwd ?? PROJECT_ROOT,
    env: environment(options),
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    terminal: false,
  };
  const status = await main(args, io);
  return { status, stdout, stderr };
}

/** npm run build-doc -- ARGS, in-process. */
export function runBuildDoc(args: string[], options: RunOptions = {}): Promise<Run> {
  return inProcess(buildDocMain, args, options);
}

/** npm run check-template -- ARGS, in-process. */
export function runCheckTemplate(args: string[], options: RunOptions = {}): Promise<Run> {
  return inProcess(checkTemplateMain, args, options);
}

/** npm run build-doc -- ARGS as its own Node process, as npm starts it (the program built in dist/, src/cli/launch.cjs), from `cwd`. */
export function buildDocProcess(args: string[], options: RunOptions = {}): Run {
  const result = spawnSync(
    process.execPath,
    ['--expose-gc', fileURLToPath(new URL('../../src/cli/start.cjs', import.meta.url)), 'build-doc', ...args],
    {
      cwd: options.cwd ?? PROJECT_ROOT,
      encoding: 'utf8',
      env: { ...environment(options), INIT_CWD: options.cwd ?? PROJECT_ROOT },
    },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The files a run left in an output folder, less the record of what it wrote (src/node/output-folder.ts). */
export function writtenIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name !== '.ita-announcement-written.json')
    .sort();
}

/**
 * Words of a library's or a check's own English on a clerk's screen (JavaScript's "Cannot read
 * properties of undefined", a zip's "end of central directory", xmldom's warnings, a stack), or
 * undefined: a run of three lower-case English words is nothing the program's Thai says.
 */
export function libraryText(screen: string): string | undefined {
  return /\n\s+at .+:\d+:\d+|\[xmldom|undefined|NaN|[A-Za-z]+Error\b|[a-z]{2,} [a-z]{2,} [a-z]{2,}/.exec(screen)?.[0];
}
