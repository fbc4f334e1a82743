/**
 * npm's `--` trap. `npm run build-doc --pdf` (the `--` forgotten, as everyone does once) hands
 * the program nothing: npm takes `--signer` as a setting of its own and leaves it in the
 * environment as `npm_config_signer=true`, with the name the clerk typed passed on as if it were a
 * workbook; `--pdf` it reads as its own `-p -d -f`, `--lang` as `-l -a -g`. This module finds what
 * npm took and writes the command the clerk meant, so the program can stop and say it.
 */

import type { CommandOption } from './options.js';

/** Options npm reads as a bundle of its own one-letter settings, each set to these values. */
const BUNDLES: Record<string, Record<string, string>> = {
  pdf: { npm_config_parseable: 'true', npm_config_loglevel: 'info', npm_config_force: 'true' },
  lang: { npm_config_long: 'true', npm_config_all: 'true', npm_config_global: 'true' },
};

const WORKBOOK = /\.(xlsx|xlsm|xls|csv)$/i;

export interface TakenByNpm {
  /** The options npm took, as the clerk meant them, e.g. `--signer "นายสันติ นาวีสัมพันธ์"`. */
  options: string[];
  /** The whole command the clerk meant: `npm run build-doc -- --pdf --signer "…"`. */
  meant: string;
}

/**
 * The options of `ours` npm took from a run of `npm run <script>` (its environment), and the
 * command the clerk meant, given the arguments npm did pass on; undefined when npm took none or
 * the program was not started by npm.
 */
export function takenByNpm(env: NodeJS.ProcessEnv, args: readonly string[], ours: readonly CommandOption[]): TakenByNpm | undefined {
  const script = env.npm_lifecycle_event;
  if (!script) return undefined;
  const taken = ours.filter((option) => {
    const bundle = BUNDLES[option.name];
    if (bundle) return Object.entries(bundle).every(([name, value]) => env[name] === value);
    return env[`npm_config_${option.name.replaceAll('-', '_')}`] !== undefined;
  });
  if (taken.length === 0) return undefined;

  // A value npm kept (--emblem=x.png) is in the environment; one it passed on is among the arguments.
  const rest = [...args];
  const valueOf = (option: CommandOption): string | undefined => {
    const kept = env[`npm_config_${option.name.replaceAll('-', '_')}`];
    if (kept !== undefined && kept !== 'true') return kept;
    const shape = option.shape;
    const at = rest.findIndex((arg) => (shape ? shape.test(arg) : !WORKBOOK.test(arg)));
    return at < 0 ? undefined : rest.splice(at, 1)[0];
  };
  // Options whose values have a shape of their own choose first; the rest take what is left, in order.
  const values = new Map<string, string | undefined>();
  for (const option of [...taken].sort((a, b) => Number(!a.shape) - Number(!b.shape)))
    values.set(option.name, option.takesValue ? valueOf(option) : undefined);
  const options = taken.map((option) => {
    if (!option.takesValue) return `--${option.name}`;
    return `--${option.name} ${quoted(values.get(option.name) ?? '…')}`;
  });
  return { options, meant: ['npm run', script, '--', ...options, ...rest.map(quoted)].join(' ') };
}

/** An argument as a clerk types it in cmd or a shell: in double quotes when it has spaces. */
function quoted(arg: string): string {
  return /[\s"]/.test(arg) ? `"${arg.replaceAll('"', '\\"')}"` : arg;
}
