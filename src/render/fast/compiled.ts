/**
 * The fast path: the template compiled once per run (per thread), each document rendering only
 * its body. docxtemplater has no public way to render one compiled template twice, so this uses
 * its internals (typed in internals.ts and docxtemplater-internals.d.ts) — the compiled body part
 * (`doc.compiled[part]`), rendered again with a fresh scope — and docxtemplater is pinned to one
 * version in package.json: tests/render/fast/internals.test.ts names what to check
 * when it is upgraded, the golden cases and the test comparing both paths are the tripwire. A
 * template whose compiled form lacks what is used (`internalsFaults`) takes the general path.
 *
 * Every part but the body is the same in every document of a run, when no tag is in it: those
 * parts are taken once from a document rendered by the general path, deflated once, and each
 * document's zip is written from them and its own body (zip/write.ts). A template with a tag
 * outside the body takes the general path for the whole run; a document whose body docxtemplater
 * cannot render takes it alone, so its problems are reported as the general path reports them.
 */
/// <reference path="./docxtemplater-internals.d.ts" />
import type Docxtemplater from 'docxtemplater';
import joinUncorrupt from 'docxtemplater/js/join-uncorrupt.js';
import renderParts from 'docxtemplater/js/render.js';
import type { Digits } from '../../core/format.js';
import type { Problem } from '../../core/problem.js';
import { assembleZip, zipPart, type Deflater, type ZipPart } from '../../zip/write.js';
import { BODY, finishBody, renderPackage, unknownTags, type PreparedTemplate } from '../general.js';
import { roundTripsUnchanged, TextFinisher } from '../finish/text.js';
import { templaterFor, type Templater } from '../template/read.js';
import type { AnnouncementView } from '../view.js';
import { internalsFaults, internalsOf } from './internals.js';
import { LoopItems } from './loop-items.js';
import { HOLDS_MARKER, MarkedBody, markedView, shapeRenders, viewShape } from './shape.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A template compiled once for the fast path: each document renders only its body. */
export class FastTemplate {
  /** How the bodies were finished: on their text (finish/text.ts) or, for markup it does not read, through the DOM. */
  readonly finished = { onText: 0, onDom: 0 };
  /** Of those on their text: the shapes rendered with markers, and the bodies filled in from one rendered before (fast/shape.ts). */
  readonly byShape = { rendered: 0, filled: 0 };

  private constructor(
    private readonly prepared: PreparedTemplate,
    private readonly digits: Digits,
    private readonly deflater: Deflater,
    private readonly compiled: Templater & { doc: Docxtemplater },
    /** The document's parts in order, the body's place left undefined. */
    private readonly parts: readonly (ZipPart | undefined)[],
    /** The body finished on its text, when the template's body allows it (finish/text.ts). */
    private readonly finisher: TextFinisher | undefined,
    /** The parts' names, in order. */
    private readonly names: readonly string[],
    /** The parts' contents, but the body's. */
    private readonly contents: ReadonlyMap<string, Uint8Array>,
    /** The bodies rendered by shape (fast/shape.ts), when the template and its finishing allow it. */
    private readonly shapes: ShapeMemo | undefined,
    /** The loops' items rendered by their own shape (fast/loop-items.ts), when the bodies are rendered by shape. */
    private readonly items: LoopItems | undefined,
  ) {}

  /** Of the loops' items: the item shapes rendered with markers, and the items filled in from one (fast/loop-items.ts). */
  get byItem(): { rendered: number; filled: number } {
    return this.items?.counts ?? { rendered: 0, filled: 0 };
  }

  /** The same template, with parts other than the body changed for every document (the analysis report's chart relationships). */
  withParts(replaced: ReadonlyMap<string, Uint8Array>): FastTemplate {
    const parts = this.names.map((name, i) => (replaced.has(name) ? zipPart(name, replaced.get(name)!, this.deflater) : this.parts[i]));
    const contents = new Map([...this.contents, ...replaced]);
    return new FastTemplate(
      this.prepared,
      this.digits,
      this.deflater,
      this.compiled,
      parts,
      this.finisher,
      this.names,
      contents,
      this.shapes,
      this.items,
    );
  }

  /** The template compiled for a run; undefined when it must take the general path (a tag outside the body, or a template that does not render). */
  static compile(prepared: PreparedTemplate, digits: Digits, deflater: Deflater): FastTemplate | undefined {
    const compiled = templaterFor(prepared.template);
    if (!compiled.doc) return undefined;
    if (internalsFaults(compiled.doc, BODY).length) return undefined;
    const internals = internalsOf(compiled.doc);
    const tagged = Object.entries(internals.compiled).filter(([, part]) => part.postparsed.some((p) => p.type === 'placeholder'));
    if (!internals.compiled[BODY] || tagged.some(([name]) => name !== BODY)) return undefined;
    // Read before the probe renders over it.
    const templateBody = decoder.decode(compiled.doc.getZip().file(BODY)!.asUint8Array());
    const finisher = roundTripsUnchanged(templateBody) ? new TextFinisher(digits, prepared.emblem) : undefined;
    // The parts around the body, as the general path writes them, rendered by this compiled template
    // (its body part renders again for each document: `renderBody` starts from a fresh scope).
    const probe = renderPackage(prepared, {} as AnnouncementView, digits, { probing: true, compiled }).zip;
    if (!probe) return undefined;
    const entries = Object.entries(probe.files).map(
      ([name, entry]) => [name, entry.dir ? new Uint8Array(0) : entry.asUint8Array()] as const,
    );
    const parts = entries.map(([name, content]) => (name === BODY ? undefined : zipPart(name, content, deflater)));
    const contents = new Map(entries.filter(([name]) => name !== BODY));
    const body = internals.compiled[BODY]!;
    const byShape = finisher !== undefined && shapeRenders(body, templateBody);
    return new FastTemplate(
      prepared,
      digits,
      deflater,
      { ...compiled, doc: compiled.doc },
      parts,
      finisher,
      entries.map(([name]) => name),
      contents,
      byShape ? new ShapeMemo() : undefined,
      byShape ? LoopItems.of(body.postparsed as never, body.getOptions().modules) : undefined,
    );
  }

  /** One document; undefined when its body does not render here (the general path then reports why). */
  render(view: AnnouncementView | object): { document?: Uint8Array; problems: Problem[] } | undefined {
    const body = this.body(view);
    if (body === undefined || 'problems' in body) return body;
    // A body filled in from its shape goes to bytes without being one string first.
    const bytes = 'marked' in body ? body.marked.filledBytes(body.texts) : encoder.encode(body.xml);
    return { document: this.documentOf(bytes), problems: [] };
  }

  /** The body merged with the view and finished, as text; undefined when it does not render here. */
  finishedBody(view: AnnouncementView | object): { xml: string } | { problems: Problem[] } | undefined {
    const body = this.body(view);
    return body && 'marked' in body ? { xml: body.marked.fill(body.texts) } : body;
  }

  /** The finished body: filled in from its shape's when it has one (fast/shape.ts), else rendered alone. */
  private body(view: object): { marked: MarkedBody; texts: string[] } | { xml: string } | { problems: Problem[] } | undefined {
    const shape = this.shapes && viewShape(view);
    if (!shape) return this.finishedOnce(view);
    let known = this.shapes!.get(shape.key);
    // A shape met for the first time is rendered alone, as are views of shapes met once: its markers pay only from its second view on.
    if (known === undefined && this.shapes!.firstTime(shape.key)) return this.finishedOnce(view);
    if (known === undefined) this.shapes!.set(shape.key, (known = this.renderShape(view)));
    else if (known instanceof MarkedBody) this.byShape.filled++;
    if (known === 'each') return this.finishedOnce(view);
    if ('missing' in known) return { problems: unknownTags(known.missing, this.prepared.template.file) };
    this.finished.onText++;
    return { marked: known, texts: shape.texts };
  }

  /**
   * The body of a view's shape, rendered and finished with markers (fast/shape.ts); 'each' when
   * the views of this shape are rendered each (an error, a body finished through the DOM, a marker
   * where the finishing changes the body, plane 16 in the template).
   */
  private renderShape(view: object): MarkedBody | { missing: string[] } | 'each' {
    this.compiled.missingTags.length = 0;
    const text = this.renderBody(markedView(view));
    if (text === undefined) return 'each';
    if (this.compiled.missingTags.length) return { missing: [...this.compiled.missingTags] };
    const finished = this.finisher!.finish(text, HOLDS_MARKER);
    const body = (finished !== undefined && MarkedBody.split(finished)) || 'each';
    if (body !== 'each') this.byShape.rendered++;
    return body;
  }

  /** The body of this view alone. */
  private finishedOnce(view: object): { xml: string } | { problems: Problem[] } | undefined {
    this.compiled.missingTags.length = 0;
    const text = this.renderBody(view);
    if (text === undefined) return undefined;
    if (this.compiled.missingTags.length) return { problems: unknownTags(this.compiled.missingTags, this.prepared.template.file) };
    const onText = this.finisher?.finish(text);
    this.finished[onText === undefined ? 'onDom' : 'onText']++;
    return { xml: onText ?? finishBody(text, this.digits, this.prepared.emblem) };
  }

  /** The document's zip around a finished body: the template's other parts, and `added` after them. */
  document(body: string, added: readonly { name: string; content: Uint8Array }[] = []): Uint8Array {
    return this.documentOf(encoder.encode(body), added);
  }

  private documentOf(body: Uint8Array, added: readonly { name: string; content: Uint8Array }[] = []): Uint8Array {
    const bodyPart = zipPart(BODY, body, this.deflater);
    return assembleZip([
      ...this.parts.map((part) => part ?? bodyPart),
      ...added.map(({ name, content }) => zipPart(name, content, this.deflater)),
    ]);
  }

  /** A part of the document as every document of the run has it (not the body). */
  partContent(name: string): Uint8Array | undefined {
    return this.contents.get(name);
  }

  /**
   * The body merged with the view: what docxtemplater's XmlTemplater.render does (render the
   * compiled parts in a fresh scope, each module's postrender, joinUncorrupt), but the merged
   * text is kept as text, not turned into UTF-8 bytes to be read back. Undefined on an error.
   */
  private renderBody(view: AnnouncementView | object): string | undefined {
    const internals = internalsOf(this.compiled.doc);
    const body = internals.compiled[BODY]!;
    internals.scopeManagers = {};
    body.scopeManager = internals.getScopeManager(BODY, body, view);
    body.filePath = BODY;
    const options = Object.assign(body.getOptions(), {
      resolved: body.scopeManager.resolved,
      scopeManager: body.scopeManager,
      render: this.items?.render ?? renderParts,
      joinUncorrupt,
    });
    const { errors, parts } = renderParts(options);
    if (errors.length) return undefined;
    let merged = parts.map((part) => (typeof part === 'number' ? String(part) : part));
    for (const module of options.modules) merged = module.postrender(merged, options);
    const joined = joinUncorrupt(merged, options);
    return joined.every((part) => typeof part === 'string') ? joined.join('') : undefined;
  }
}

/**
 * Bodies by a view's shape, for one compiled template: the shapes used last, at most `MOST` (a
 * body and its bytes are about 100 KB; a run of a national workbook can have many shapes).
 */
class ShapeMemo {
  private static readonly MOST = 64;
  /** In the order of their last use (a Map keeps the order keys were set in). */
  private readonly byKey = new Map<string, MarkedBody | { missing: string[] } | 'each'>();
  /** Shapes met once, not rendered yet; forgotten all at once when there are many. */
  private readonly metOnce = new Set<string>();

  /** Whether this shape is met for the first time (it is remembered as met). */
  firstTime(key: string): boolean {
    if (this.metOnce.delete(key)) return false;
    if (this.metOnce.size >= 4 * ShapeMemo.MOST) this.metOnce.clear();
    this.metOnce.add(key);
    return true;
  }

  get(key: string) {
    const body = this.byKey.get(key);
    if (body !== undefined) {
      this.byKey.delete(key);
      this.byKey.set(key, body);
    }
    return body;
  }

  set(key: string, body: MarkedBody | { missing: string[] } | 'each'): void {
    if (this.byKey.size >= ShapeMemo.MOST) this.byKey.delete(this.byKey.keys().next().value!);
    this.byKey.set(key, body);
  }
}
