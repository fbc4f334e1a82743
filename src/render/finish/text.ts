/**
 * The body's finishing (general.ts `finishBody`) done on the text, for the fast path: parsing a
 * whole body into a DOM and writing it out again costs more than rendering it. The body is read
 * as a list of elements (where each starts and ends, and its parent); the few elements the
 * finishing changes — a Thai run's properties, a section's properties, the paragraph kept with
 * the closing, the emblem's frame — are each changed by the very same DOM functions, on a small
 * document holding only that element, and the results are remembered: a run's documents share
 * nearly all of them. Everything else is copied as it is.
 *
 * That gives finishBody's XML only where the DOM round trip leaves the text as it is, so it is
 * used for a template whose body the round trip leaves unchanged (`roundTripsUnchanged`, checked
 * once) and for markup it knows; on anything else (`undefined`) the caller takes finishBody.
 */
import { DOMParser, XMLSerializer, type Document } from '@xmldom/xmldom';
import type { Digits } from '../../core/format.js';
import { sizeEmblem, EMBLEM_NAME, type EmblemImage } from '../emblem.js';
import { CLOSING_STYLE, keepWithNext } from './keep-closing.js';
import { setPageNumberDigits } from './page-numbers.js';
import { markThaiRuns } from './thai-runs.js';
import { NS, elements } from '../word-xml.js';

const THAI = /[\u0E00-\u0E7F]/;
/** A tag: its name and attributes (quoted values may hold anything but their quote). */
const TAG = /<(\/?)([A-Za-z_][\w.-]*(?::[\w.-]+)?)((?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

/** What the element list does not read, and the DOM would: comments, CDATA, processing instructions, character references, carriage returns, control characters. */
function unusual(xml: string): boolean {
  const body = xml.startsWith('<?xml ') ? xml.slice(xml.indexOf('?>') + 2) : xml;
  return body.includes('<!') || body.includes('<?') || body.includes('&#') || body.includes('\r') || CONTROL.test(body);
}
const MAIN_NAMESPACE = `xmlns:w="${NS.w}"`;

interface XmlElement {
  name: string;
  start: number;
  /** Just after the start tag. */
  openEnd: number;
  /** Just after the end tag (the start tag's end when empty). */
  end: number;
  parent: number;
  children: number[];
}

/** Whether the DOM's parse and write give back this text unchanged (but for what `asTheDomWrites` does): the condition for `TextFinisher`. */
export function roundTripsUnchanged(xml: string): boolean {
  const text = asTheDomWrites(xml);
  if (unusual(text)) return false;
  const doc = parse(xml);
  return doc !== undefined && new XMLSerializer().serializeToString(doc) === text;
}

/**
 * The DOM's way of writing what docxtemplater and Word write otherwise: an empty element closed in
 * its start tag (docxtemplater leaves `<w:t></w:t>` where it took a split tag's pieces), the line
 * break after the XML declaration as LF (Word writes CR LF; a parser reads every line break as LF).
 */
function asTheDomWrites(xml: string): string {
  return closeEmptyElements(xml.replace(/^(<\?xml [^>]*\?>)\r\n/, '$1\n'));
}

/** `<w:t></w:t>` → `<w:t/>`: each `></` whose end tag closes the start tag just before it. */
function closeEmptyElements(xml: string): string {
  let out = '';
  let at = 0;
  for (let i = xml.indexOf('></'); i !== -1; i = xml.indexOf('></', i + 3)) {
    const end = xml.indexOf('>', i + 3);
    const name = xml.slice(i + 3, end);
    // '<' cannot be inside an attribute's value: the last one before is the start of this tag.
    const start = xml.slice(xml.lastIndexOf('<', i) + 1, i);
    if (end === -1 || !(start === name || start.startsWith(`${name} `))) continue;
    out += `${xml.slice(at, i)}/>`;
    at = end + 1;
  }
  return out + xml.slice(at);
}

function parse(xml: string): Document | undefined {
  let failed = false;
  const doc = new DOMParser({ onError: () => (failed = true) }).parseFromString(xml, 'text/xml');
  return failed ? undefined : doc;
}

/** The remembered results of changing one element, for one run's digits and emblem. */
export class TextFinisher {
  private readonly changed = new Map<string, string | undefined>();

  constructor(
    private readonly digits: Digits,
    private readonly emblem: EmblemImage | undefined,
  ) {}

  /** finishBody's result, or undefined for markup this does not read. */
  finish(merged: string): string | undefined {
    // The DOM writes quotes in text as they are; docxtemplater escapes them.
    const plain = asTheDomWrites(merged);
    const xml = plain.includes('&quot;') || plain.includes('&apos;') ? plain.replace(/>([^<]*)</g, (_, text: string) => `>${text.replaceAll('&quot;', '"').replaceAll('&apos;', "'")}<`) : plain;
    if (unusual(xml)) return undefined;
    // w:noProof goes everywhere, as markThaiRuns removes it first.
    const text = xml.replace(/<w:noProof(?:\s[^>]*)?\/>/g, '');
    if (text.includes('<w:noProof')) return undefined;
    const list = elementsOf(text);
    if (!list) return undefined;
    const root = list[0];
    if (root?.name !== 'w:document') return undefined;
    const rootStart = text.slice(root.start, root.openEnd);
    // The main namespace declared once, on the root: `w:` means the same everywhere.
    if (!rootStart.includes(MAIN_NAMESPACE) || text.indexOf('xmlns:w=') !== text.lastIndexOf('xmlns:w=')) return undefined;
    const slice = (e: XmlElement) => text.slice(e.start, e.end);
    const childrenNamed = (e: XmlElement, name: string) => e.children.map((i) => list[i]!).filter((c) => c.name === name);
    const inner = (e: XmlElement) => (e.openEnd === e.end ? '' : text.slice(e.openEnd, e.end - `</${e.name}>`.length));
    const edits: { start: number; end: number; text: string }[] = [];
    const change = (start: number, end: number, key: string, make: () => string | undefined) => {
      if (!this.changed.has(key)) this.changed.set(key, make());
      const made = this.changed.get(key);
      if (made === undefined) return false;
      edits.push({ start, end, text: made });
      return true;
    };

    for (const run of list.filter((e) => e.name === 'w:r')) {
      if (!THAI.test(childrenNamed(run, 'w:t').map(inner).join(''))) continue;
      const properties = childrenNamed(run, 'w:rPr')[0];
      const key = properties ? slice(properties) : '';
      const at = properties ?? { start: run.openEnd, end: run.openEnd };
      if (!change(at.start, at.end, `r ${key}`, () => viaDom(rootStart, '<w:body><w:p><w:r>', key, '<w:t>ก</w:t></w:r></w:p></w:body>', markThaiRuns))) return undefined;
    }
    for (const section of list.filter((e) => e.name === 'w:sectPr')) {
      if (!change(section.start, section.end, `s ${slice(section)}`, () => viaDom(rootStart, '<w:body>', slice(section), '</w:body>', (doc) => setPageNumberDigits(doc, this.digits)))) return undefined;
    }
    const paragraph = keptWithClosing(list, text, inner);
    if (paragraph) {
      const properties = childrenNamed(paragraph, 'w:pPr')[0];
      const key = properties ? slice(properties) : '';
      const at = properties ?? { start: paragraph.openEnd, end: paragraph.openEnd };
      if (!change(at.start, at.end, `p ${key}`, () => viaDom(rootStart, '<w:body><w:p>', key, '</w:p></w:body>', (doc) => keepWithNext(doc, elements(doc, NS.w, 'p')[0]!)))) return undefined;
    }
    if (this.emblem) {
      const emblem = this.emblem;
      for (const docPr of list.filter((e) => e.name === 'wp:docPr')) {
        const name = /\sname="([^"]*)"/.exec(text.slice(docPr.start, docPr.openEnd))?.[1];
        if (name === undefined || name.includes('&')) return undefined;
        if (name.trim() !== EMBLEM_NAME) continue;
        const frame = list[docPr.parent]!;
        if (!change(frame.start, frame.end, `e ${slice(frame)}`, () => viaDom(rootStart, '<w:body><w:p><w:r><w:drawing>', slice(frame), '</w:drawing></w:r></w:p></w:body>', (doc) => sizeEmblem(doc, emblem)))) return undefined;
      }
    }

    edits.sort((a, b) => a.start - b.start);
    let out = '';
    let at = 0;
    for (const edit of edits) {
      if (edit.start < at) return undefined; // overlapping changes: not markup this knows
      out += text.slice(at, edit.start) + edit.text;
      at = edit.end;
    }
    return out + text.slice(at);
  }
}

/** The paragraph keepClosingWithText keeps with the closing: the last one before it with text, among its siblings. */
function keptWithClosing(list: XmlElement[], text: string, inner: (e: XmlElement) => string): XmlElement | undefined {
  const firstChild = (e: XmlElement | undefined, name: string) => e?.children.map((i) => list[i]!).find((c) => c.name === name);
  const styleOf = (paragraph: XmlElement) => {
    const style = firstChild(firstChild(paragraph, 'w:pPr'), 'w:pStyle');
    return style && /\sw:val="([^"]*)"/.exec(text.slice(style.start, style.openEnd))?.[1];
  };
  const closing = list.findIndex((e) => e.name === 'w:p' && styleOf(e) === CLOSING_STYLE);
  if (closing === -1) return undefined;
  const siblings = list[list[closing]!.parent]!.children;
  const descendantsNamed = (e: XmlElement, name: string): XmlElement[] => e.children.flatMap((i) => [...(list[i]!.name === name ? [list[i]!] : []), ...descendantsNamed(list[i]!, name)]);
  for (let i = siblings.indexOf(closing) - 1; i >= 0; i--) {
    const sibling = list[siblings[i]!]!;
    if (/(^|:)p$/.test(sibling.name) && descendantsNamed(sibling, 'w:t').some((t) => inner(t).trim() !== '')) return sibling;
  }
  return undefined;
}

/** The body's elements in document order, or undefined for text this does not read (or elements not closed in order). */
function elementsOf(text: string): XmlElement[] | undefined {
  const list: XmlElement[] = [];
  const open: number[] = [];
  let runs = 0;
  let at = text.startsWith('<?xml ') ? text.indexOf('?>') + 2 : 0;
  for (let next = text.indexOf('<', at); next !== -1; next = text.indexOf('<', at)) {
    TAG.lastIndex = next;
    const tag = TAG.exec(text);
    if (!tag) return undefined;
    at = TAG.lastIndex;
    const [, closing, name] = tag as unknown as [string, string, string];
    if (closing) {
      const index = open.pop();
      if (index === undefined || list[index]!.name !== name) return undefined;
      list[index]!.end = at;
      if (name === 'w:r') runs--;
      continue;
    }
    const parent = open.at(-1) ?? -1;
    const element: XmlElement = { name, start: next, openEnd: at, end: at, parent, children: [] };
    if (parent !== -1) list[parent]!.children.push(list.length);
    list.push(element);
    if (tag[4]) continue;
    // A run inside a run (a text box's) would make a run's text ambiguous.
    if (name === 'w:r' && runs++ > 0) return undefined;
    open.push(list.length - 1);
  }
  return open.length ? undefined : list;
}

/** `inner` (one element, or nothing) changed by `edit` in a small document of its own, and written back. */
function viaDom(rootStart: string, before: string, inner: string, after: string, edit: (doc: Document) => void): string | undefined {
  const doc = parse(`${rootStart}${before}${inner}${after}</w:document>`);
  if (!doc) return undefined;
  edit(doc);
  const out = new XMLSerializer().serializeToString(doc);
  const head = `${rootStart}${before}`;
  const tail = `${after}</w:document>`;
  return out.startsWith(head) && out.endsWith(tail) ? out.slice(head.length, out.length - tail.length) : undefined;
}
