/**
 * A body rendered once per *shape* of view (fast/compiled.ts): for views of the same shape — the
 * same keys, loop lengths, conditions, and empty or unusual texts — docxtemplater's merged body
 * and its finishing differ only in the ordinary texts the tags insert. So the shape is rendered
 * once with a marker in place of each ordinary text, and each document of that shape is the
 * remembered body with the markers replaced by its texts, escaped as they would have been.
 *
 * Why that gives the same XML, for a template whose tags `shapeRenders` accepts (plain insertions
 * `{x}` and loops `{#x}`/`{^x}` only, the default parser, no tag that a text answers to: `length`,
 * an index) and texts that are `ordinary` (any other text is part of the shape, as it is):
 * - docxtemplater reads an ordinary text in two ways only. A loop over it asks whether it is
 *   truthy (a marker is, as a non-empty text is) and keeps the scope it had (scope-manager.js
 *   `loopOverValue`: a text never becomes a scope, but a list's item can: hence no tag `length` or
 *   index). A placeholder prints it: no line break, no character docxtemplater refuses, so it is
 *   `utf8ToWord(text)`, one piece, never empty nor white space, holding no `<`: the pieces
 *   `joinUncorrupt` and the postrenders look at (tags, empty pieces, white space) are the same.
 * - The finishing (finish/text.ts) reads the body's text only through a run's text having Thai
 *   (a marker carries a Thai letter when its text has one) and a paragraph's text being blank
 *   (neither is); it changes pieces of the body that hold no marker (`finish` is told to refuse
 *   one that does); its only change to text is the quotes docxtemplater escaped, which
 *   `asFinishedText` makes on each text.
 * The property test (tests/render/fast/shape.test.ts) compares both over generated views.
 */
import docUtils from 'docxtemplater/js/doc-utils.js';
import { asFinishedText } from '../finish/text.js';
import { THAI } from '../finish/thai-runs.js';
import type { CompiledPart } from './internals.js';

/** Markers are code points of plane 16 (private use, and never typed): one per text, then a Thai letter when the text has Thai, then the end. */
export const FIRST = 0x100000;
const END = '\u{10fffd}';
const MOST_TEXTS = 0xfff0;
/** A marker in the rendered body; the `u` flag reads each code point whole. */
export const MARKER = /([\u{100000}-\u{10fffc}])ก?\u{10fffd}/gu;
/** Any code point of plane 16 (its high surrogates): a text holding one is not ordinary, a body left with one is not split. */
export const PLANE_16 = /[\udbc0-\udbff]/;
const CONTROL = /[\u0000-\u001f]/;
/** Half of a surrogate pair, alone (read by code point, a pair is one). */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * A text docxtemplater and the finishing treat as they treat a marker: not empty nor blank, no
 * control character (line breaks included); and no lone surrogate, which UTF-8 would pair with
 * its neighbour's other half when the body is one string (`filledBytes` encodes piece by piece).
 */
function ordinary(text: string): boolean {
  return text.trim() !== '' && (!SUSPECT.test(text) || (!CONTROL.test(text) && !LONE_SURROGATE.test(text)));
}
/** What `ordinary` and `viewShape` look for, found by one quick expression (a Thai text has none of it). */
const SUSPECT = /[\u0000-\u001f\ud800-\udfff]/;

/** A view's shape (`key`) and its ordinary texts in the order the key meets them; undefined for a view that is not plain data. */
export interface ViewShape {
  key: string;
  texts: string[];
}

/**
 * A view's shape, walking it as JSON would (plain objects, arrays, texts, booleans, null);
 * undefined for anything else (numbers, functions, other objects) and for a text of plane 16.
 */
export function viewShape(view: object): ViewShape | undefined {
  const texts: string[] = [];
  const key = shapeOf(view, texts);
  return key === undefined || texts.length > MOST_TEXTS ? undefined : { key, texts };
}

function shapeOf(value: unknown, texts: string[]): string | undefined {
  if (typeof value === 'string') {
    // A text of plane 16 could read as a marker: such a view is rendered alone.
    if (SUSPECT.test(value) && PLANE_16.test(value)) return undefined;
    if (!ordinary(value)) return JSON.stringify(value);
    texts.push(value);
    return THAI.test(value) ? 't' : 's';
  }
  if (value === true || value === false || value === null) return String(value);
  if (typeof value !== 'object') return undefined;
  let key: string;
  if (Array.isArray(value)) {
    key = '[';
    for (let i = 0; i < value.length; i++) {
      const item = shapeOf(value[i], texts);
      if (item === undefined) return undefined;
      key += `${item},`;
    }
    return `${key}]`;
  }
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return undefined;
  key = '{';
  for (const name in value) {
    const item = shapeOf((value as Record<string, unknown>)[name], texts);
    if (item === undefined) return undefined;
    key += `${JSON.stringify(name)}:${item},`;
  }
  return `${key}}`;
}

/** The view with each ordinary text replaced by its marker (in `viewShape`'s order). */
export function markedView(view: object): object {
  let next = 0;
  const mark = (value: unknown): unknown => {
    if (typeof value === 'string')
      return ordinary(value) ? `${String.fromCodePoint(FIRST + next++)}${THAI.test(value) ? 'ก' : ''}${END}` : value;
    if (Array.isArray(value)) return value.map(mark);
    if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mark(v)]));
    return value;
  };
  return mark(view) as object;
}

/** A finished body with markers, split around them: `pieces[i]`, then the text `slots[i]`, …, then the last piece. */
export class MarkedBody {
  /** The pieces in UTF-8, and their length together. */
  private readonly encoded: readonly Uint8Array[];
  private readonly encodedLength: number;

  private constructor(
    private readonly pieces: readonly string[],
    private readonly slots: readonly number[],
  ) {
    this.encoded = pieces.map((piece) => encoder.encode(piece));
    this.encodedLength = this.encoded.reduce((sum, piece) => sum + piece.length, 0);
  }

  /** The body split at its markers; undefined when something of plane 16 is left outside them (`shapeRenders` has seen none in the template). */
  static split(xml: string): MarkedBody | undefined {
    const pieces: string[] = [];
    const slots: number[] = [];
    let at = 0;
    for (const found of xml.matchAll(MARKER)) {
      pieces.push(xml.slice(at, found.index));
      slots.push(found[1]!.codePointAt(0)! - FIRST);
      at = found.index + found[0].length;
    }
    pieces.push(xml.slice(at));
    return pieces.some((piece) => PLANE_16.test(piece)) ? undefined : new MarkedBody(pieces, slots);
  }

  /** The body with these texts in the markers' places, as docxtemplater and the finishing would have written them. */
  fill(texts: readonly string[]): string {
    let out = this.pieces[0]!;
    for (let i = 0; i < this.slots.length; i++) out += inserted(texts[this.slots[i]!]!) + this.pieces[i + 1]!;
    return out;
  }

  /** `fill`'s text in UTF-8, written piece by piece into one buffer. */
  filledBytes(texts: readonly string[]): Uint8Array {
    const values = this.slots.map((slot) => inserted(texts[slot]!));
    // A UTF-16 unit is at most 3 bytes of UTF-8.
    const out = new Uint8Array(values.reduce((sum, value) => sum + 3 * value.length, this.encodedLength));
    out.set(this.encoded[0]!);
    let at = this.encoded[0]!.length;
    for (let i = 0; i < values.length; i++) {
      at += encoder.encodeInto(values[i]!, out.subarray(at)).written;
      out.set(this.encoded[i + 1]!, at);
      at += this.encoded[i + 1]!.length;
    }
    return out.subarray(0, at);
  }
}

const encoder = new TextEncoder();
const ESCAPED = /[&<>"']/;
/** A text as the finished body holds it: escaped by docxtemplater (`utf8ToWord`), its quotes then written as the DOM writes them (`asFinishedText`); as it is when it has nothing to escape. */
function inserted(text: string): string {
  return ESCAPED.test(text) ? asFinishedText(docUtils.utf8ToWord(text)) : text;
}

/** The marker of a piece of the body the finishing changes: such a piece is not changed by shape (`TextFinisher.finish`). */
export const HOLDS_MARKER = PLANE_16;

/**
 * Whether this compiled body renders by shape: every tag a plain insertion or a loop, read by
 * docxtemplater's default parser, none named as a text's own property (`length`, an index), so
 * that no tag reads a text but to print it or to test it; and nothing of plane 16 in the
 * template's body (`templateBody`, its XML), which could read as a marker.
 */
export function shapeRenders(body: CompiledPart, templateBody: string): boolean {
  if (PLANE_16.test(templateBody)) return false;
  const options = body.getOptions();
  if (options.parser !== docUtils.getDefaults().parser) return false;
  const plain = (parts: readonly { type: string; module?: string; value?: unknown; subparsed?: unknown }[]): boolean =>
    parts.every(
      (p) =>
        p.type !== 'placeholder' ||
        ((p.module === undefined || p.module === 'loop') &&
          typeof p.value === 'string' &&
          p.value !== 'length' &&
          !/^\d+$/.test(p.value) &&
          (!Array.isArray(p.subparsed) || plain(p.subparsed as never))),
    );
  return plain(body.postparsed as never);
}
