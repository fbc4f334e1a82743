/**
 * Windows code pages, as old binary workbooks (Excel 95's BIFF5) store their text: Thai Windows
 * writes 874. Decoded with the platform's TextDecoder, which Node and every browser carry, instead
 * of SheetJS's own code-page tables (dist/cpexcel.full.mjs, 470 KB in the web page for the one
 * or two code pages a Thai office uses).
 */

/** Code page → the name TextDecoder knows it by (the WHATWG Encoding Standard's labels). */
const LABELS = new Map<number, string>([
  [874, 'windows-874'],
  [932, 'shift_jis'],
  [936, 'gbk'],
  [949, 'euc-kr'],
  [950, 'big5'],
  [866, 'ibm866'],
  [1200, 'utf-16le'],
  [1201, 'utf-16be'],
  [10000, 'macintosh'],
  [10007, 'x-mac-cyrillic'],
  [20866, 'koi8-r'],
  [21866, 'koi8-u'],
  [65001, 'utf-8'],
  // US-ASCII, which Excel also records as 367: every byte of it means the same in windows-1252.
  [367, 'windows-1252'],
  [20127, 'windows-1252'],
  ...[1250, 1251, 1252, 1253, 1254, 1255, 1256, 1257, 1258].map((cp): [number, string] => [cp, `windows-${cp}`]),
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15].map((n): [number, string] => [28590 + n, `iso-8859-${n}`]),
]);

export function knowsCodePage(codePage: number): boolean {
  return LABELS.has(codePage);
}

/** Text in a code page no decoder here knows; SheetJS lets it through, and the reader refuses the file. */
export class UnknownCodePage extends Error {
  constructor(readonly codePage: number) {
    super(`code page ${codePage} is not supported`);
  }
}

const decoders = new Map<number, InstanceType<typeof TextDecoder>>();

export function decodeCodePage(codePage: number, bytes: Uint8Array): string {
  let decoder = decoders.get(codePage);
  if (!decoder) {
    const label = LABELS.get(codePage);
    if (!label) throw new UnknownCodePage(codePage);
    decoder = new TextDecoder(label);
    decoders.set(codePage, decoder);
  }
  return decoder.decode(bytes);
}

/**
 * What SheetJS asks of a code-page table when it reads (`set_cptable`): `utils.decode(cp, data)`,
 * with data as bytes, an array of byte values, or a string of one byte per character. Its
 * `utils.encode` is used only when writing, which this program never asks of it.
 */
export const SHEETJS_CODE_PAGES = {
  utils: {
    decode(codePage: number, data: Uint8Array | readonly number[] | string): string {
      const bytes =
        data instanceof Uint8Array
          ? data
          : typeof data === 'string'
            ? Uint8Array.from(data, (c) => c.charCodeAt(0) & 0xff)
            : Uint8Array.from(data);
      return decodeCodePage(codePage, bytes);
    },
  },
};
