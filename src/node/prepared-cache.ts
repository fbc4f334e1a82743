/**
 * What `build` made of the template (checked, and prepared with the emblem) kept on disk from one
 * run to the next, beside the built program in dist/: a clerk runs the same template again and
 * again, and checking and preparing it was a third of one announcement's time.
 *
 * - Keyed by the SHA-256 of every byte preparing reads (the template's and the emblem's names and
 *   bytes, the names messages give the settings) and of the Node.js version: only the very bytes
 *   checked before are ever taken unchecked, so a hostile template is still checked.
 * - Kept in dist/ by the built program only, and removed with the code cache whenever the program
 *   is built again (src/cli/launch.cjs removes dist/*.cache): a changed program never takes what
 *   an older one made. Run from the sources (the tests), nothing is kept.
 * - Written by temporary file and rename; a file that cannot be read or is not what it should be
 *   is ignored, and one that cannot be written only costs the next run its speed.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { Prepared, PreparedCache, PrepareInputs } from '../build/index.js';

/** Set to true by src/cli/launch.cjs when it builds the program into dist/; undefined when running from the sources. */
declare const BUILT: boolean | undefined;

const PREFIX = 'prepared-';
const SUFFIX = '.cache';
/** Templates kept at most: the oldest beyond them are removed, so trying many templates does not fill the folder. */
const MOST_KEPT = 8;

/** The cache beside the built program, or none when running from the sources. */
export function builtProgramCache(): PreparedCache | undefined {
  return typeof BUILT !== 'undefined' ? preparedCacheIn(path.dirname(fileURLToPath(import.meta.url))) : undefined;
}

/** What preparing keeps in `folder`, one file per template (and emblem, and names). */
export function preparedCacheIn(folder: string): PreparedCache {
  const fileOf = (inputs: PrepareInputs) => path.join(folder, `${PREFIX}${keyOf(inputs)}${SUFFIX}`);
  return {
    recall: (inputs) => {
      try {
        const kept: unknown = deserialize(readFileSync(fileOf(inputs)));
        return isPrepared(kept) ? kept : undefined;
      } catch {
        return undefined;
      }
    },
    keep: (inputs, prepared) => {
      try {
        const file = fileOf(inputs);
        writeWhole(file, serialize(prepared));
        removeOldest(folder, file);
      } catch {
        // A folder that cannot be written only costs the next run its speed.
      }
    },
  };
}

/** The SHA-256 of everything preparing reads, each piece with its length, so no two inputs run together. */
function keyOf({ template, emblem, names }: PrepareInputs): string {
  const hash = createHash('sha256');
  const piece = (bytes: Uint8Array | string) => {
    const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
    hash.update(`${data.length}:`).update(data);
  };
  piece(process.version);
  piece(JSON.stringify(names));
  piece(template.name);
  piece(template.bytes);
  piece(emblem ? emblem.name : '');
  piece(emblem ? emblem.bytes : '');
  hash.update(emblem ? 'emblem' : 'no emblem');
  return hash.digest('hex');
}

/** What a kept file must hold to be taken. */
function isPrepared(kept: unknown): kept is Prepared {
  if (typeof kept !== 'object' || kept === null) return false;
  const { prepared, usesHistory, problems } = kept as Partial<Prepared>;
  return (
    typeof usesHistory === 'boolean' &&
    Array.isArray(problems) &&
    (prepared === undefined || (typeof prepared.template?.file === 'string' && prepared.template.content instanceof Uint8Array))
  );
}

function writeWhole(file: string, content: Uint8Array): void {
  const temporary = `${file}.~${process.pid}-${Date.now()}.tmp`;
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, file);
  } catch (e) {
    rmSync(temporary, { force: true });
    throw e;
  }
}

/** The oldest kept files beyond `MOST_KEPT`, the one just written never among them. */
function removeOldest(folder: string, written: string): void {
  const kept = readdirSync(folder)
    .filter((name) => name.startsWith(PREFIX) && name.endsWith(SUFFIX) && path.join(folder, name) !== written)
    .map((name) => ({ file: path.join(folder, name), at: statSync(path.join(folder, name)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const { file } of kept.slice(MOST_KEPT - 1)) rmSync(file, { force: true });
}
