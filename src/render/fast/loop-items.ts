/**
 * A loop's items rendered by their own shape: docxtemplater renders each item of a loop
 * (`{#indicators}…{/indicators}`) by calling `options.render` on the loop's compiled content with
 * the item as the innermost scope (modules/loop.js `render`). Here that call is answered, for an
 * item that is plain data, from the item's shape (fast/shape.ts `viewShape`): rendered once with a
 * marker for each ordinary text, then each item of that shape is the remembered pieces with the
 * markers replaced by its texts as docxtemplater prints them (`utf8ToWord`). The whole body is
 * then joined and finished as before, so a view whose shape is met once (an analysis report: a
 * condition in each of ten indicators, lists of every length) still shares its items' renders.
 *
 * Why the pieces are docxtemplater's own: fast/shape.ts says why a marker renders as an ordinary
 * text does. What is more here, an item is rendered without the scopes around it:
 * - Every value its tags find is found in the item: the scopes outside it are replaced, for the
 *   marked render, by one that notes any look-up (and the null getter too); an item shape that
 *   looks outside is rendered each time. The look-ups depend on the shape only (which names
 *   there are, which are null), so every item of the shape finds its values inside.
 * - The render module's one state across pieces (the run it records, for a text's line breaks)
 *   is part of the key as it comes in and set as the marked render left it; an item with a line
 *   break in a text is rendered each time (its breaks would read the run recorded before it).
 * - What the loop module does with an item's pieces by the item's place among the scopes
 *   (sections, page breaks, a row's height or id: pptx and sections in loops) is not done here:
 *   a loop whose content has any of it is rendered each time (`eligibleLoops`).
 * The property test (tests/render/fast/shape.test.ts) compares both over generated views.
 */
import type Docxtemplater from 'docxtemplater';
import docUtils from 'docxtemplater/js/doc-utils.js';
import renderParts, { type PartOptions } from 'docxtemplater/js/render.js';
import { FIRST, MARKER, markedView, PLANE_16, viewShape } from './shape.js';

type Part = Docxtemplater.DXT.Part & { subparsed?: Part[]; tag?: string; [flag: string]: unknown };
type Rendered = { errors: Error[]; parts: (string | number)[] };
/** The render module's state across pieces (modules/render.js `recordRuns`). */
interface RunRecorder {
  name: string;
  recordRun: unknown;
  recordedRun: unknown;
}
interface ItemRender {
  parts: (string | number)[];
  recordRun: unknown;
  recordedRun: unknown;
}

/** Loop flags by which the loop module changes an item's pieces by its place (modules/loop.js `render`). */
const PLACED = ['sectPrCount', 'addContinuousType', 'addNextPage', 'hasPageBreak', 'hasPageBreakBeginning'];
/** Tags the loop module keeps state or changes values on (pptx rows and frames). */
const STATEFUL_TAGS = ['p:xfrm', 'a:ext', 'a:tr', 'a16:rowId'];
/** Item shapes remembered per loop at most (forgotten all at once when there are more). */
const MOST = 256;

/** The loops whose content has nothing placed nor stateful in it, deepest too. */
function eligibleLoops(parts: readonly Part[], into: Set<readonly Part[]>): boolean {
  let clean = true;
  for (const part of parts) {
    if (typeof part.tag === 'string' && STATEFUL_TAGS.includes(part.tag)) clean = false;
    if (!Array.isArray(part.subparsed)) continue;
    const inner = eligibleLoops(part.subparsed, into);
    if (inner && PLACED.every((flag) => !part[flag])) into.add(part.subparsed);
    else clean = false;
  }
  return clean;
}

/** A scope that is never there and notes that it was looked in. */
function watchedEmptiness(looked: () => void): object {
  return new Proxy(
    {},
    {
      get: () => void looked(),
      has: () => (looked(), false),
      getOwnPropertyDescriptor: () => void looked(),
    },
  );
}

export class LoopItems {
  readonly counts = { rendered: 0, filled: 0 };
  private readonly byLoop = new Map<readonly Part[], Map<string, ItemRender | 'each'>>();

  private constructor(private readonly recorder: RunRecorder) {}

  /** For a compiled body's parts and modules; undefined when the render module is not as read. */
  static of(postparsed: readonly Part[], modules: readonly unknown[]): LoopItems | undefined {
    const recorder = modules.find((m) => (m as RunRecorder)?.name === 'Render') as RunRecorder | undefined;
    if (!recorder || !('recordRun' in recorder) || !('recordedRun' in recorder)) return undefined;
    const items = new LoopItems(recorder);
    const loops = new Set<readonly Part[]>();
    eligibleLoops(postparsed, loops);
    for (const loop of loops) items.byLoop.set(loop, new Map());
    return items;
  }

  /** docxtemplater's `options.render`, an item of an eligible loop answered from its shape. */
  readonly render = (options: PartOptions): Rendered => {
    const memo = this.byLoop.get(options.compiled as Part[]);
    const scopes = (options.scopeManager as unknown as { scopeList?: unknown[] } | undefined)?.scopeList;
    const item = scopes?.[scopes.length - 1];
    if (!memo || !scopes || scopes.length < 2 || !plainObject(item) || item === scopes[scopes.length - 2]) return renderParts(options);
    const shape = viewShape(item);
    if (!shape || shape.key.includes('\\n')) return renderParts(options);
    const key = `${shape.key}\u0000${String(this.recorder.recordRun)}\u0000${String(this.recorder.recordedRun)}`;
    let known = memo.get(key);
    if (known === undefined) {
      if (memo.size >= MOST) memo.clear();
      memo.set(key, (known = this.renderMarked(options, scopes, item)));
    } else if (known !== 'each') this.counts.filled++;
    if (known === 'each') return renderParts(options);
    this.recorder.recordRun = known.recordRun;
    this.recorder.recordedRun = known.recordedRun;
    return { errors: [], parts: known.parts.map((part) => (typeof part === 'string' ? filled(part, shape.texts) : part)) };
  };

  /** The item rendered with markers and no scope around it; 'each' when it looked outside itself or failed. */
  private renderMarked(options: PartOptions, scopes: readonly unknown[], item: object): ItemRender | 'each' {
    let outside = false;
    const looked = () => (outside = true);
    const around = watchedEmptiness(looked);
    const manager = options.scopeManager as unknown as object;
    const marked = Object.assign(Object.create(Object.getPrototypeOf(manager) as object) as object, manager, {
      scopeList: [...scopes.slice(0, -1).map(() => around), markedView(item)],
    });
    const result = renderParts({
      ...options,
      scopeManager: marked as never,
      render: renderParts,
      baseNullGetter: () => (looked(), ''),
    });
    if (outside || result.errors.length) return 'each';
    this.counts.rendered++;
    return { parts: result.parts, recordRun: this.recorder.recordRun, recordedRun: this.recorder.recordedRun };
  }
}

function plainObject(value: unknown): value is object {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** A piece of a marked item with its markers replaced by the item's texts, as a placeholder prints them. */
function filled(piece: string, texts: readonly string[]): string {
  return PLANE_16.test(piece) ? piece.replace(MARKER, (_, at: string) => docUtils.utf8ToWord(texts[at.codePointAt(0)! - FIRST]!)) : piece;
}
