/**
 * The body's finishing (general.ts `finishBody`) done on the text, for the fast path: parsing a
 * whole body into a DOM and writing it out again costs more than rendering it. The body is read
 * as a list of elements (where each starts and ends, and its parent), offered to the finishing
 * steps (steps.ts) as a `BodyTree`, so each step picks its elements by its own code, the code the
 * DOM path runs. Each picked element (a Thai run's properties, a section's properties, the
 * paragraph kept with the closing, the emblem's frame) is changed by the step's own DOM change, on
 * a small document holding only that piece (the step's `onText`), and the results are remembered:
 * a run's documents share nearly all of them. Everything else is copied as it is.
 *
 * That gives finishBody's XML only where the DOM round trip leaves the text as it is, so it is
 * used for a template whose body the round trip leaves unchanged (`roundTripsUnchanged`, checked
 * once) and for markup it knows; on anything else (`undefined`) the caller takes finishBody.
 */
import { DOMParser, XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import type { Digits } from '../../core/format.js';
import type { EmblemImage } from '../emblem.js';
import { domTree, NAMESPACES, type BodyTree, type Name } from './body-tree.js';
import type { Finishing, FinishingStep } from './step.js';
import { FINISHING_STEPS } from './steps.js';

/** A tag: its name and attributes (quoted values may hold anything but their quote). */
const TAG = /<(\/?)([A-Za-z_][\w.-]*(?::[\w.-]+)?)((?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

/** What the element list does not read, and the DOM would: comments, CDATA, processing instructions, character references, carriage returns, control characters. */
function unusual(xml: string): boolean {
  const body = xml.startsWith('<?xml ') ? xml.slice(xml.indexOf('?>') + 2) : xml;
  return body.includes('<!') || body.includes('<?') || body.includes('&#') || body.includes('\r') || CONTROL.test(body);
}

interface XmlElement {
  name: string;
  /** Its place in the list (document order). */
  index: number;
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
  private readonly finishing: Finishing;

  constructor(
    digits: Digits,
    emblem: EmblemImage | undefined,
    private readonly steps: readonly FinishingStep[] = FINISHING_STEPS,
  ) {
    this.finishing = { digits, emblem };
  }

  /**
   * finishBody's result, or undefined for markup this does not read, or when a piece the steps
   * change (or cut out) matches `untouchable` (fast/shape.ts: a piece holding a marker).
   */
  finish(merged: string, untouchable?: RegExp): string | undefined {
    const plain = asTheDomWrites(merged);
    const text =
      plain.includes('&quot;') || plain.includes('&apos;')
        ? plain.replace(/>([^<]*)</g, (_, inner: string) => `>${asFinishedText(inner)}<`)
        : plain;
    if (unusual(text)) return undefined;
    const list = elementsOf(text);
    if (!list) return undefined;
    const root = list[0];
    if (root?.name !== 'w:document') return undefined;
    const rootStart = text.slice(root.start, root.openEnd);
    if (!namespacesOnRoot(text, rootStart, list)) return undefined;
    const body = textTree(list, text);

    // Each step's elements cut out, or a piece of each replaced by the same piece changed through the DOM
    // (without what the steps before cut out: the DOM's piece when the step runs).
    const removed: { start: number; end: number; step: number }[] = [];
    const edits: { start: number; end: number; text: string; step: number }[] = [];
    for (let index = 0; index < this.steps.length; index++) {
      const step = this.steps[index]!;
      const onText = step.onText;
      const picked = step.pick(body, this.finishing);
      if ('removed' in onText) {
        for (const { start, end } of picked) {
          if (untouchable?.test(text.slice(start, end))) return undefined;
          removed.push({ start, end, step: index });
        }
        continue;
      }
      for (const element of picked) {
        let { start, end } = element;
        if (onText.piece !== 'element') {
          const piece = body.children(element, onText.piece)[0];
          ({ start, end } = piece ?? { start: element.openEnd, end: element.openEnd });
        }
        const inside = removed.length ? removed.filter((cut) => cut.start >= start && cut.end <= end) : removed;
        const old = inside.length ? cutOut(text, start, end, inside) : text.slice(start, end);
        if (untouchable?.test(old)) return undefined;
        const key = `${index} ${old}`;
        if (!this.changed.has(key))
          this.changed.set(
            key,
            viaDom(rootStart, onText, old, (doc, target) => step.change(doc, target, this.finishing)),
          );
        const made = this.changed.get(key);
        if (made === undefined) return undefined;
        edits.push({ start, end, text: made, step: index });
      }
    }
    for (const cut of removed) {
      const around = edits.find((edit) => cut.start >= edit.start && cut.end <= edit.end);
      // Cut out of a later step's piece already; inside an earlier step's piece, the DOM would cut it from the changed piece: not done here.
      if (!around) edits.push({ ...cut, text: '' });
      else if (around.step < cut.step) return undefined;
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

/** Text between tags as the DOM writes it: quotes as they are, where docxtemplater escapes them. */
export function asFinishedText(text: string): string {
  return text.replaceAll('&quot;', '"').replaceAll('&apos;', "'");
}

/** The text from `start` to `end` without the pieces inside it (in order). */
function cutOut(text: string, start: number, end: number, inside: readonly { start: number; end: number }[]): string {
  let out = '';
  let at = start;
  for (const cut of inside) {
    out += text.slice(at, cut.start);
    at = cut.end;
  }
  return out + text.slice(at, end);
}

/**
 * Each namespace the steps name elements in (`w:`, `wp:`) bound once, on the root, to its prefix:
 * the text's `wp:docPr` is then the DOM's docPr of that namespace (a template may give it another
 * prefix, or bind the prefix to another namespace, and the DOM would see other elements).
 */
function namespacesOnRoot(text: string, rootStart: string, list: readonly XmlElement[]): boolean {
  for (const [prefix, uri] of Object.entries(NAMESPACES)) {
    const onRoot = rootStart.indexOf(uri);
    if (
      onRoot === -1
        ? text.includes(`<${prefix}:`)
        : !rootStart.includes(`xmlns:${prefix}="${uri}"`) || onRoot !== rootStart.lastIndexOf(uri)
    )
      return false;
  }
  // No declaration below the root binds one of these prefixes or namespaces again. Declarations
  // are in start tags: "xmlns" in the text between tags is text (as the DOM reads it).
  let tag = 1;
  for (let at = text.indexOf('xmlns', list[0]!.openEnd); at !== -1; at = text.indexOf('xmlns', at + 5)) {
    while (tag < list.length && list[tag]!.openEnd <= at) tag++;
    if (tag === list.length) break;
    if (at < list[tag]!.start) continue;
    const declaration = /^xmlns(?::([\w.-]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(text.slice(at, at + 200));
    if (!declaration) continue;
    const [, prefix, double, single] = declaration;
    if ((prefix && prefix in NAMESPACES) || Object.values(NAMESPACES).includes((double ?? single) as never)) return false;
  }
  return true;
}

const ENTITY = /&(lt|gt|amp|quot|apos);/g;
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
/** Text with its entities read (character references are `unusual`, not read here). */
const entitiesRead = (raw: string) => (raw.includes('&') ? raw.replace(ENTITY, (_, name: string) => ENTITIES[name]!) : raw);
const attributePatterns = new Map<string, RegExp>();
/** An attribute of this name in a start tag: its value in double or single quotes. */
function attributePattern(name: string): RegExp {
  let pattern = attributePatterns.get(name);
  if (!pattern) attributePatterns.set(name, (pattern = new RegExp(`\\s${name.replace(/[.]/g, '\\.')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  return pattern;
}

/** The element list as a `BodyTree`, for the steps to pick from. */
function textTree(list: XmlElement[], text: string): BodyTree<XmlElement> {
  const byName = new Map<string, XmlElement[]>();
  const inner = (e: XmlElement) => (e.openEnd === e.end ? '' : text.slice(e.openEnd, e.end - `</${e.name}>`.length));
  return {
    all: (name) => {
      let named = byName.get(name);
      if (!named) byName.set(name, (named = list.filter((e) => e.name === name)));
      return named;
    },
    children: (e, name?: Name) => {
      const children: XmlElement[] = [];
      for (const i of e.children) if (!name || list[i]!.name === name) children.push(list[i]!);
      return children;
    },
    descendants: (e, name) => {
      const found: XmlElement[] = [];
      for (let i = e.index + 1; i < list.length && list[i]!.start < e.end; i++) if (list[i]!.name === name) found.push(list[i]!);
      return found;
    },
    parent: (e) => list[e.parent],
    localName: (e) => e.name.slice(e.name.indexOf(':') + 1),
    attribute: (e, name) => {
      const found = attributePattern(name).exec(text.slice(e.start, e.openEnd));
      return found ? entitiesRead(found[1] ?? found[2]!) : undefined;
    },
    text: (e) => entitiesRead(inner(e)),
  };
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
    const element: XmlElement = { name, index: list.length, start: next, openEnd: at, end: at, parent, children: [] };
    if (parent !== -1) list[parent]!.children.push(list.length);
    list.push(element);
    if (tag[4]) continue;
    // A run inside a run (a text box's) would make a run's text ambiguous.
    if (name === 'w:r' && runs++ > 0) return undefined;
    open.push(list.length - 1);
  }
  return open.length ? undefined : list;
}

/** `piece` (one element, or nothing) put in a small document of its own, its target changed by `change`, and written back. */
function viaDom(
  rootStart: string,
  { around: [before, after], target }: Extract<FinishingStep['onText'], { around: unknown }>,
  piece: string,
  change: (doc: Document, target: Element) => void,
): string | undefined {
  const doc = parse(`${rootStart}${before}${piece}${after}</w:document>`);
  const element = doc && target(domTree(doc));
  if (!doc || !element) return undefined;
  change(doc, element);
  const out = new XMLSerializer().serializeToString(doc);
  const head = `${rootStart}${before}`;
  const tail = `${after}</w:document>`;
  return out.startsWith(head) && out.endsWith(tail) ? out.slice(head.length, out.length - tail.length) : undefined;
}
