/**
 * What a finishing step of the body is: how it picks the elements it changes (once, over a
 * `BodyTree`, so the DOM and the text path pick the same), the change to one picked element (on a
 * DOM), and how the text path (text.ts) makes that change on the body's text. The list of steps,
 * in the order they run, is `FINISHING_STEPS` in steps.ts.
 */
import type { Document, Element } from '@xmldom/xmldom';
import type { Digits } from '../../core/format.js';
import type { EmblemImage } from '../emblem.js';
import { domTree, type BodyTree, type Name } from './body-tree.js';

/** What the finishing of one run's documents depends on. */
export interface Finishing {
  digits: Digits;
  emblem?: EmblemImage | undefined;
}

/**
 * How the text path makes a step's change. `removed`: each picked element is cut out of the text.
 * Otherwise a piece of each picked element (the whole element, or its first child of the name
 * given; missing, an empty piece at the element's start) is put in a small document of its own,
 * between `around`, the change is made there to the `target` element through the DOM, and the
 * piece as the DOM writes it replaces the old one.
 */
export type OnText =
  | { removed: true }
  | {
      piece: 'element' | Name;
      /** The small document's body around the piece. */
      around: readonly [string, string];
      /** The element to change in the small document. */
      target: (small: BodyTree<Element>) => Element | undefined;
    };

export interface FinishingStep<F = Finishing> {
  /** The elements this step changes, in document order. */
  pick: <E>(body: BodyTree<E>, finishing: F) => E[];
  /** The change to one picked element of `doc`. */
  change: (doc: Document, element: Element, finishing: F) => void;
  onText: OnText;
}

/** The steps done through the DOM, in order: each picks its elements once the steps before it are done. */
export function finishOnDom<F>(doc: Document, steps: readonly FinishingStep<F>[], finishing: F): void {
  const body = domTree(doc);
  for (const step of steps) for (const element of step.pick(body, finishing)) step.change(doc, element, finishing);
}
