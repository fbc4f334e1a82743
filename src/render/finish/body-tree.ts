/**
 * A body read as a tree of elements, the one way every finishing step (steps.ts) picks the
 * elements it changes. Two trees give it: the DOM's (`domTree`, the general path) and the list of
 * elements read from the body's text (text.ts, the fast path), so both paths pick the same
 * elements by the same code. Names are written `prefix:local` with the prefixes of `NAMESPACES`.
 */
import type { Document, Element } from '@xmldom/xmldom';
import { NS, childElements, elements } from '../word-xml.js';

/** The namespaces a step names elements in, by the prefix Word gives them. */
export const NAMESPACES = { w: NS.w, wp: NS.wp } as const;

/** An element's or attribute's name: `w:r`, `wp:docPr`; an attribute without a prefix (`name`) has no namespace. */
export type Name = `${keyof typeof NAMESPACES}:${string}`;

export interface BodyTree<E> {
  /** Every element of this name, in document order. */
  all(name: Name): E[];
  /** The element's child elements, of this name or all of them. */
  children(element: E, name?: Name): E[];
  /** The element's descendants of this name, in document order. */
  descendants(element: E, name: Name): E[];
  parent(element: E): E | undefined;
  /** The element's name without its prefix. */
  localName(element: E): string;
  /** An attribute's value (entities read), undefined when absent. */
  attribute(element: E, name: Name | string): string | undefined;
  /** The text inside the element (entities read). */
  text(element: E): string;
}

function split(name: Name): [string, string] {
  const colon = name.indexOf(':');
  return [NAMESPACES[name.slice(0, colon) as keyof typeof NAMESPACES], name.slice(colon + 1)];
}

/** The DOM's tree of a body (or of any part). */
export function domTree(doc: Document): BodyTree<Element> {
  return {
    all: (name) => elements(doc, ...split(name)),
    children: (element, name) => (name ? childElements(element, ...split(name)) : childElements(element)),
    descendants: (element, name) => elements(element, ...split(name)),
    parent: (element) => (element.parentNode?.nodeType === 1 ? (element.parentNode as Element) : undefined),
    localName: (element) => element.localName ?? '',
    attribute: (element, name) => {
      const value = name.includes(':') ? element.getAttributeNS(...split(name as Name)) : element.getAttribute(name);
      return value ?? undefined;
    },
    text: (element) => element.textContent ?? '',
  };
}
