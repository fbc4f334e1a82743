/** Running the command line as a clerk does, as a separate process. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

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

/** Runs one of the project's commands (a file in src/) as `npm run` would, from `cwd`. */
function runCommand(script: string, args: string[], options: RunOptions): Run {
  const result = spawnSync(process.execPath, ['--expose-gc', '--import', import.meta.resolve('tsx'), fileURLToPath(new URL(`../../src/${script}`, import.meta.url)), ...args], {
    cwd: options.cwd ?? PROJECT_ROOT,
    encoding: 'utf8',
    env: { ...process.env, INIT_CWD: options.cwd ?? PROJECT_ROOT, ...options.env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** npm run build-doc -- ARGS */
export function buildDoc(args: string[], options: RunOptions = {}): Run {
  return runCommand('cli.ts', args, options);
}

/** npm run check-template -- ARGS */
export function checkTemplate(args: string[], options: RunOptions = {}): Run {
  return runCommand('check-template.ts', args, options);
}
