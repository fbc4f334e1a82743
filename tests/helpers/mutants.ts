/**
 * A small seeded mutator, for the fuzz test: the damage a broken export, a cut download or a
 * careless hand does to a workbook or a Word template. A zip is mutated part by part, as text
 * (a part cut short, deleted, an element deleted or repeated, an attribute given an odd value or
 * taken away, a value made extreme, shared-string games, relationships and content types broken)
 * or as bytes (a few flipped); a text file (CSV, a web page) line by line and value by value.
 * The same seed gives the same mutants, so a failure is replayed from the seed it prints.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

/** mulberry32: a tiny, well-spread generator of numbers in [0, 1) from a 32-bit seed. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Mutant {
  /** What was done, to read in a failure: "xl/worksheets/sheet1.xml: attribute r removed (<c r="B3" …>)". */
  what: string;
  bytes: Uint8Array;
}

type Random = () => number;
const pick = <T>(rnd: Random, items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
const between = (rnd: Random, from: number, to: number) => from + Math.floor(rnd() * (to - from + 1));

/** Values no honest writer gives where a number, an index or a name belongs. */
const ODD_VALUES = [
  '',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '-1e309',
  '1e-320',
  '-0',
  '0x10',
  'x',
  'อบต.',
  '99999999999999999999',
  '-1',
  '1.5',
  ' ',
  '&amp;',
  '1,000',
  '١٢',
];

/** One mutation of a zip package (workbook or template), by kind. */
const ZIP_MUTATIONS = [
  'truncate-part',
  'delete-part',
  'delete-element',
  'duplicate-element',
  'odd-attribute',
  'remove-attribute',
  'extreme-value',
  'cell-type',
  'flip-text',
  'flip-bytes',
  'rename-part',
  'relationship',
  'content-types',
] as const;

export function zipMutants(original: Uint8Array, seed: number, count: number): Mutant[] {
  const rnd = random(seed);
  const parts = unzipSync(original);
  return Array.from({ length: count }, () => mutateZip(parts, original, rnd));
}

function mutateZip(original: Record<string, Uint8Array>, bytes: Uint8Array, rnd: Random): Mutant {
  const parts: Record<string, Uint8Array> = { ...original };
  const names = Object.keys(parts);
  const xmlNames = names.filter((n) => /\.(xml|rels)$/.test(n));
  const kind = pick(rnd, ZIP_MUTATIONS);
  const part = pick(rnd, xmlNames);
  const text = strFromU8(parts[part]!);
  const edit = (edited: { what: string; text: string } | undefined, name = part): Mutant => {
    if (!edited) return mutateZip(original, bytes, rnd);
    parts[name] = strToU8(edited.text);
    return { what: `${name}: ${edited.what}`, bytes: repacked(parts) };
  };
  switch (kind) {
    case 'truncate-part': {
      const at = between(rnd, 0, text.length - 1);
      return edit({ what: `cut short at ${at} of ${text.length}`, text: text.slice(0, at) });
    }
    case 'delete-part': {
      const name = pick(rnd, names);
      delete parts[name];
      return { what: `${name}: deleted`, bytes: repacked(parts) };
    }
    case 'delete-element':
    case 'duplicate-element':
      return edit(elementEdit(text, rnd, kind === 'delete-element'));
    case 'odd-attribute':
      return edit(attributeEdit(text, rnd, pick(rnd, ODD_VALUES)));
    case 'remove-attribute':
      return edit(attributeEdit(text, rnd, undefined));
    case 'extreme-value': {
      const values = [...text.matchAll(/<((?:\w+:)?(?:v|t))(?: [^>]*)?>([^<]*)<\/\1>/g)];
      if (values.length === 0) return mutateZip(original, bytes, rnd);
      const m = pick(rnd, values);
      const value = pick(rnd, ODD_VALUES);
      const at = m.index! + m[0].length - `</${m[1]}>`.length - m[2]!.length;
      return edit({
        what: `value "${m[2]!.slice(0, 20)}" made "${value}"`,
        text: text.slice(0, at) + value + text.slice(at + m[2]!.length),
      });
    }
    case 'cell-type': {
      const cells = [...text.matchAll(/<c\b[^>]*?>/g)];
      if (cells.length === 0) return mutateZip(original, bytes, rnd);
      const m = pick(rnd, cells);
      const type = pick(rnd, ['s', 'n', 'str', 'inlineStr', 'b', 'e', 'd', 'x']);
      const cell = / t="[^"]*"/.test(m[0]) ? m[0].replace(/ t="[^"]*"/, ` t="${type}"`) : m[0].replace(/^<c\b/, `<c t="${type}"`);
      return edit({ what: `${m[0]} made ${cell}`, text: text.slice(0, m.index) + cell + text.slice(m.index! + m[0].length) });
    }
    case 'flip-text': {
      const chars = [...text];
      const flips = between(rnd, 1, 3);
      for (let i = 0; i < flips; i++)
        chars[between(rnd, 0, chars.length - 1)] = pick(rnd, ['<', '>', '&', '"', '/', '=', ' ', 'x', '9', '\u0000', 'ก']);
      return edit({ what: `${flips} characters changed`, text: chars.join('') });
    }
    case 'flip-bytes': {
      const flipped = Uint8Array.from(bytes);
      const flips = between(rnd, 1, 4);
      for (let i = 0; i < flips; i++) {
        const at = between(rnd, 0, flipped.length - 1);
        flipped[at] = flipped[at]! ^ (1 << between(rnd, 0, 7));
      }
      return { what: `${flips} bits of the file flipped`, bytes: flipped };
    }
    case 'rename-part': {
      const name = pick(rnd, names);
      const renamed = pick(rnd, [
        `${name}x`,
        name.toUpperCase(),
        `${name}/`,
        `/${name}`,
        name.replace(/[^/]+$/, 'a b.xml'),
        `${name.replace(/\.\w+$/, '')}.`,
        `word/..//${name}`,
      ]);
      parts[renamed] = parts[name]!;
      delete parts[name];
      return { what: `${name}: renamed ${renamed}`, bytes: repacked(parts) };
    }
    case 'relationship': {
      const rels = pick(
        rnd,
        names.filter((n) => n.endsWith('.rels')),
      );
      const relsText = strFromU8(parts[rels]!);
      const all = [...relsText.matchAll(/<Relationship\b[^>]*\/>/g)];
      const m = pick(rnd, all);
      const choice = pick(rnd, ['duplicate-id', 'dangling-target', 'other-id', 'drop']);
      let edited = relsText;
      if (choice === 'duplicate-id' && all.length > 1) {
        const other = /Id="([^"]*)"/.exec(
          pick(
            rnd,
            all.filter((r) => r !== m),
          )[0],
        )![1]!;
        edited = relsText.replace(m[0], m[0].replace(/Id="[^"]*"/, `Id="${other}"`));
      } else if (choice === 'dangling-target') edited = relsText.replace(m[0], m[0].replace(/Target="[^"]*"/, 'Target="missing.xml"'));
      else if (choice === 'other-id') edited = relsText.replace(m[0], m[0].replace(/Id="[^"]*"/, 'Id="rIdNowhere"'));
      else edited = relsText.replace(m[0], '');
      return edit({ what: `${choice} (${m[0].slice(0, 80)})`, text: edited }, rels);
    }
    case 'content-types': {
      const types = strFromU8(parts['[Content_Types].xml'] ?? new Uint8Array());
      const entries = [...types.matchAll(/<(?:Override|Default)\b[^>]*\/>/g)];
      const choice = pick(rnd, ['drop', 'drop', 'ill-formed', 'wrong-type']);
      if (choice === 'ill-formed' || entries.length === 0)
        return edit({ what: 'made ill-formed', text: types.replace('</Types>', '<Types>') }, '[Content_Types].xml');
      const m = pick(rnd, entries);
      const edited =
        choice === 'drop' ? types.replace(m[0], '') : types.replace(m[0], m[0].replace(/ContentType="[^"]*"/, 'ContentType="text/plain"'));
      return edit({ what: `${choice} ${m[0].slice(0, 90)}`, text: edited }, '[Content_Types].xml');
    }
  }
}

/** An element deleted, or repeated right after itself. */
function elementEdit(text: string, rnd: Random, remove: boolean): { what: string; text: string } | undefined {
  const starts = [...text.matchAll(/<([\w:]+)\b[^>]*?(\/?)>/g)].filter((m) => !m[0].startsWith('<?'));
  if (starts.length < 2) return undefined;
  const m = pick(rnd, starts.slice(1));
  const start = m.index!;
  let end = start + m[0].length;
  if (!m[2]) {
    const close = text.indexOf(`</${m[1]}>`, end);
    if (close < 0) return undefined;
    end = close + `</${m[1]}>`.length;
  }
  const element = text.slice(start, end);
  return {
    what: `${remove ? 'deleted' : 'repeated'} ${element.slice(0, 80)}`,
    text: text.slice(0, start) + (remove ? '' : element + element) + text.slice(end),
  };
}

/** An attribute given `value`, or (undefined) taken away. */
function attributeEdit(text: string, rnd: Random, value: string | undefined): { what: string; text: string } | undefined {
  const attributes = [...text.matchAll(/\s([\w:]+)="([^"]*)"/g)].filter((m) => !m[1]!.startsWith('xmlns'));
  if (attributes.length === 0) return undefined;
  const m = pick(rnd, attributes);
  const replaced = value === undefined ? '' : ` ${m[1]}="${value}"`;
  return {
    what: `attribute ${m[0].trim()} ${value === undefined ? 'removed' : `made "${value}"`}`,
    text: text.slice(0, m.index) + replaced + text.slice(m.index! + m[0].length),
  };
}

const FIXED_TIME = new Date(Date.UTC(2022, 7, 2));

function repacked(parts: Record<string, Uint8Array>): Uint8Array {
  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(parts)) zippable[name] = [data, { mtime: FIXED_TIME }];
  return zipSync(zippable);
}

/** One mutation of a text table (CSV, a web page): lines and values. */
export function textMutants(original: string, seed: number, count: number, encode: (text: string) => Uint8Array): Mutant[] {
  const rnd = random(seed);
  return Array.from({ length: count }, () => {
    const lines = original.split('\n');
    const kind = pick(rnd, ['truncate', 'delete-line', 'duplicate-line', 'extreme-value', 'flip', 'quote', 'markup']);
    const at = between(rnd, 0, lines.length - 1);
    let what = kind;
    let text: string;
    if (kind === 'truncate') {
      const cut = between(rnd, 0, original.length - 1);
      text = original.slice(0, cut);
      what = `cut short at ${cut}`;
    } else if (kind === 'delete-line' || kind === 'duplicate-line') {
      lines.splice(at, kind === 'delete-line' ? 1 : 0, ...(kind === 'delete-line' ? [] : [lines[at]!]));
      text = lines.join('\n');
      what = `${kind} ${at}`;
    } else if (kind === 'extreme-value') {
      const numbers = [...original.matchAll(/\d+(?:\.\d+)?/g)];
      const m = pick(rnd, numbers);
      const value = pick(rnd, ODD_VALUES);
      text = original.slice(0, m.index) + value + original.slice(m.index! + m[0].length);
      what = `${m[0]} at ${m.index} made "${value}"`;
    } else {
      const chars = [...original];
      const flips = between(rnd, 1, 3);
      const pool =
        kind === 'quote'
          ? ['"', ',', '\n', '\r']
          : kind === 'markup'
            ? ['<', '>', '&', '</td>', '<tr>', ' colspan="9999"', ' rowspan="0"']
            : ['x', '9', '.', '-', '\t', '\u0000', '\uFFFD', 'ก'];
      for (let i = 0; i < flips; i++) chars[between(rnd, 0, chars.length - 1)] = pick(rnd, pool);
      text = chars.join('');
      what = `${kind}: ${flips} characters changed`;
    }
    return { what, bytes: encode(text) };
  });
}
