/**
 * What one run of the command line made that depends only on files a clerk rarely changes, kept
 * on disk for the next run, beside the built program in dist/: the template checked and prepared
 * with the emblem (`build`'s `PreparedCache`), and each year's framework file parsed and checked
 * (`FrameworkCache`). A clerk runs the same template and years again and again, and making them
 * was about a third of one announcement's time.
 *
 * - Keyed by the SHA-256 of every byte that making them reads (file names and contents, the names
 *   messages give the settings) and of the Node.js version: only the very bytes checked before are
 *   ever taken unchecked, so a hostile template is still checked.
 * - Kept in dist/ by the built program only, and removed with the code cache whenever the program
 *   is built again (src/cli/launch.cjs removes dist/*.cache): a changed program never takes what
 *   an older one made. Run from the sources (the tests), nothing is kept.
 * - Written by temporary file and rename; a file that cannot be read or is not what it should be
 *   is ignored, and one that cannot be written only costs the next run its speed.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { Prepared, PreparedCache, PrepareInputs } from '../build/index.js';
import type { FrameworkCache, ParsedFramework } from '../ita/framework.js';
import { writeFileAtomically } from './files.js';

/** Set to true by src/cli/launch.cjs when it builds the program into dist/; undefined when running from the sources. */
declare const BUILT: boolean | undefined;

const SUFFIX = '.cache';

/** The folder of the built program (dist/), or none when running from the sources. */
export function builtProgramFolder(): string | undefined {
  return typeof BUILT !== 'undefined' ? path.dirname(fileURLToPath(import.meta.url)) : undefined;
}

/** The prepared templates kept in `folder`: one file for each template (and emblem, and names), eight at most. */
export function preparedCacheIn(folder: string): PreparedCache {
  const kept = keptIn<Prepared>(folder, 'prepared-', 8, isPrepared);
  const pieces = ({ template, emblem, names, analysis }: PrepareInputs) => [
    analysis ? 'analysis template' : 'announcement template',
    JSON.stringify(names),
    template.name,
    template.bytes,
    emblem ? `emblem ${emblem.name}` : 'no emblem',
    emblem?.bytes ?? '',
  ];
  return {
    recall: (inputs) => {
      const found = kept.recall(pieces(inputs));
      return found?.prepared ? { ...found, prepared: withOwnBytes(found.prepared) } : found;
    },
    keep: (inputs, prepared) => kept.keep(pieces(inputs), prepared),
  };
}

/**
 * The template's and the emblem's bytes each in an array of its own: read back, they are views of
 * the one buffer the file was read into, and a thread given one (moved, not copied) would take the
 * other with it.
 */
function withOwnBytes({ template, emblem }: NonNullable<Prepared['prepared']>): NonNullable<Prepared['prepared']> {
  return {
    template: { ...template, content: template.content.slice() },
    ...(emblem && { emblem: { ...emblem, content: emblem.content.slice() } }),
  };
}

/** The framework files parsed, kept in `folder`: one file for each year's file as it is. */
export function frameworkCacheIn(folder: string): FrameworkCache {
  const kept = keptIn<ParsedFramework>(folder, 'framework-', 32, isParsedFramework);
  const pieces = ({ name, text }: { name: string; text: string }) => [name, text];
  return { recall: (file) => kept.recall(pieces(file)), keep: (file, parsed) => kept.keep(pieces(file), parsed) };
}

/** Values kept one to a file, `<prefix><SHA-256 of the pieces>.cache`, the newest `most` of them. */
function keptIn<T>(folder: string, prefix: string, most: number, isValue: (kept: unknown) => kept is T) {
  const fileOf = (pieces: (Uint8Array | string)[]) => path.join(folder, `${prefix}${keyOf(pieces)}${SUFFIX}`);
  return {
    recall(pieces: (Uint8Array | string)[]): T | undefined {
      try {
        const kept: unknown = deserialize(readFileSync(fileOf(pieces)));
        return isValue(kept) ? kept : undefined;
      } catch {
        return undefined;
      }
    },
    keep(pieces: (Uint8Array | string)[], value: T): void {
      try {
        const file = fileOf(pieces);
        writeFileAtomically(file, serialize(value));
        removeOldest(folder, prefix, most, file);
      } catch {
        // A folder that cannot be written only costs the next run its speed.
      }
    },
  };
}

/** The SHA-256 of the pieces and the Node.js version, each with its length, so no two run together. */
function keyOf(pieces: (Uint8Array | string)[]): string {
  const hash = createHash('sha256');
  for (const piece of [process.version, ...pieces]) {
    const data = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
    hash.update(`${data.length}:`).update(data);
  }
  return hash.digest('hex');
}

/** What a kept prepared template must hold to be taken. */
function isPrepared(kept: unknown): kept is Prepared {
  if (typeof kept !== 'object' || kept === null) return false;
  const { prepared, usesHistory, problems } = kept as Partial<Prepared>;
  return (
    typeof usesHistory === 'boolean' &&
    Array.isArray(problems) &&
    (prepared === undefined ||
      (typeof prepared.template?.file === 'string' &&
        prepared.template.content instanceof Uint8Array &&
        (prepared.emblem === undefined || prepared.emblem.content instanceof Uint8Array)))
  );
}

/** What a kept framework must hold to be taken. */
function isParsedFramework(kept: unknown): kept is ParsedFramework {
  if (typeof kept !== 'object' || kept === null) return false;
  const { framework, problems } = kept as Partial<ParsedFramework>;
  return (
    Array.isArray(problems) &&
    (framework === undefined ||
      (typeof framework.fiscalYear === 'number' && Array.isArray(framework.indicators) && Array.isArray(framework.levels)))
  );
}

/** The oldest kept files beyond `most`, the one just written never among them. */
function removeOldest(folder: string, prefix: string, most: number, written: string): void {
  const kept = readdirSync(folder)
    .filter((name) => name.startsWith(prefix) && name.endsWith(SUFFIX) && path.join(folder, name) !== written)
    .map((name) => ({ file: path.join(folder, name), at: statSync(path.join(folder, name)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const { file } of kept.slice(most - 1)) rmSync(file, { force: true });
}
