/** Running the command line as a clerk does, as a separate process. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function buildDoc(args: string[], options: { cwd?: string } = {}): Run {
  const result = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../../src/cli.ts', import.meta.url)), ...args], {
    cwd: options.cwd ?? PROJECT_ROOT,
    encoding: 'utf8',
    env: { ...process.env, INIT_CWD: options.cwd ?? PROJECT_ROOT },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
