/**
 * Files as the core takes and gives them, and what it needs of bytes and file names, on plain
 * Uint8Array and strings, so the core runs the same in Node and in a browser: no Buffer, no node:path.
 */

/** A file as its bytes and the name messages call it by (a path, or a file's name). */
export interface NamedBytes {
  name: string;
  bytes: Uint8Array;
}

export function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  return bytes.length >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b);
}

/** Where `needle` first occurs in `bytes`, or -1. */
export function indexOfBytes(bytes: Uint8Array, needle: Uint8Array, from = 0): number {
  const first = needle[0];
  for (let i = bytes.indexOf(first!, from); i >= 0 && i <= bytes.length - needle.length; i = bytes.indexOf(first!, i + 1)) {
    let j = 1;
    while (j < needle.length && bytes[i + j] === needle[j]) j++;
    if (j === needle.length) return i;
  }
  return -1;
}

/** Bytes as Latin-1 text: one character per byte, to look for ASCII markers. */
export function latin1(bytes: Uint8Array, start = 0, end = bytes.length): string {
  let text = '';
  for (let i = start; i < Math.min(end, bytes.length); i++) text += String.fromCharCode(bytes[i]!);
  return text;
}

/** The last part of a path, on Windows or elsewhere. */
export function baseName(name: string): string {
  return name.split(/[\\/]/).pop() ?? name;
}

/** ".xlsx" of "a/b.XLSX" (lower-cased); "" when there is none. */
export function extensionOf(name: string): string {
  const base = baseName(name);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/** A part name inside a zip, relative to `folder` ("word" + "../media/a.png" → "media/a.png"), resolved as a URL path is. */
export function joinPartName(folder: string, target: string): string {
  const parts: string[] = [];
  for (const piece of `${folder}/${target}`.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

/** The folder of a part name: "word/_rels/document.xml.rels" → "word/_rels". */
export function folderOfPart(name: string): string {
  const at = name.lastIndexOf('/');
  return at < 0 ? '' : name.slice(0, at);
}
