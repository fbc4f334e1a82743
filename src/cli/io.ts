/**
 * What the command-line front ends meet of the world, in one place: where they run, their
 * environment and screens (an `Io`, which tests replace to run them in-process), and reading a
 * file given by the clerk without ever reading more than it may hold.
 */
import { realpathSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import type { NamedBytes } from '../core/bytes.js';
import type { Language } from '../core/language.js';
import type { Problem } from '../core/problem.js';

/** What the command line meets of the world: where it runs, its environment, and the two screens. */
export interface Io {
  /** Where the clerk typed the command (npm's INIT_CWD): paths given and shown are relative to it. */
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** stderr is a terminal: progress rewrites one line. */
  terminal: boolean;
}

export function processIo(): Io {
  return {
    cwd: process.env.INIT_CWD ?? process.cwd(),
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    terminal: Boolean(process.stderr.isTTY),
  };
}

/**
 * A file's bytes, or the problem why not: it cannot be opened (`cannotOpen`, with the error's code),
 * or it holds more than `most` bytes (`tooLarge`, with its size). No more than `most + 1` bytes
 * are ever read, so a huge file or a device (/dev/zero) costs nothing.
 */
export async function readInput(
  file: string,
  most: number,
  why: { cannotOpen: (code: string) => Problem; tooLarge: (size: number) => Problem },
): Promise<NamedBytes | { problem: Problem }> {
  try {
    const handle = await open(file, 'r');
    try {
      const { size } = await handle.stat();
      const chunks: Uint8Array[] = [];
      let length = 0;
      // The size a device or a growing file reports is not trusted: reading goes on to the end or past `most`.
      while (length <= most) {
        const chunk = new Uint8Array(Math.min(Math.max(size - length, 64 * 1024), most + 1 - length));
        const { bytesRead } = await handle.read(chunk, 0, chunk.length, length);
        if (bytesRead === 0) break;
        chunks.push(chunk.subarray(0, bytesRead));
        length += bytesRead;
      }
      if (length > most) return { problem: why.tooLarge(Math.max(size, length)) };
      return { name: file, bytes: chunks.length === 1 ? chunks[0]! : concat(chunks, length) };
    } finally {
      await handle.close();
    }
  } catch (e) {
    return { problem: why.cannotOpen((e as NodeJS.ErrnoException).code ?? String(e)) };
  }
}

function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/** Whether the module at `url` is the program Node was started with (not imported by a test). */
export function executedAsProgram(url: string): boolean {
  const started = process.argv[1];
  if (!started) return false;
  try {
    return pathToFileURL(realpathSync(started)).href === url;
  } catch {
    return false;
  }
}

/** `--lang en` or `--lang=en` among the arguments: English; anything else, Thai. */
export function languageAsked(argv: readonly string[]): Language {
  const at = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = at < 0 ? undefined : argv[at] === '--lang' ? argv[at + 1] : argv[at]!.slice('--lang='.length);
  return value === 'en' ? 'en' : 'th';
}
