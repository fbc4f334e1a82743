/**
 * Reading and editing the XML parts of a DOCX package (a PizZip) through a DOM, for the few
 * finishing steps docxtemplater does not do: Thai runs, page number digits, the emblem.
 */
import { XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import { parseXml } from '../core/xml.js';
import type PizZip from 'pizzip';

export const NS = {
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  wp: 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  rels: 'http://schemas.openxmlformats.org/package/2006/relationships',
  contentTypes: 'http://schemas.openxmlformats.org/package/2006/content-types',
} as const;

/** The parts that hold the document's text: body, headers, footers. */
export function textParts(zip: PizZip): string[] {
  return Object.keys(zip.files)
    .filter((name) => /^word\/(document|header\d*|footer\d*)\.xml$/.test(name))
    .sort();
}

export function readXml(zip: PizZip, part: string): Document | undefined {
  const text = zip.file(part)?.asText();
  return text === undefined ? undefined : parseXml(text);
}

/** Parse, edit, write back: one step of finishing a part. */
export function editXml(zip: PizZip, part: string, edit: (doc: Document) => void): void {
  const doc = readXml(zip, part);
  if (!doc) return;
  edit(doc);
  zip.file(part, new XMLSerializer().serializeToString(doc));
}

export function elements(root: Document | Element, ns: string, localName: string): Element[] {
  return Array.from(root.getElementsByTagNameNS(ns, localName));
}

const ELEMENT_NODE = 1;

export function childElements(parent: Element, ns?: string, localName?: string): Element[] {
  const children: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    const el = node as Element;
    if (node.nodeType !== ELEMENT_NODE) continue;
    if ((ns === undefined || el.namespaceURI === ns) && (localName === undefined || el.localName === localName)) children.push(el);
  }
  return children;
}

/** A new w:-namespaced element named like its siblings (same prefix as the parent). */
export function createW(doc: Document, parent: Element, localName: string): Element {
  const prefix = parent.prefix ? `${parent.prefix}:` : '';
  return doc.createElementNS(NS.w, `${prefix}${localName}`);
}

/** w:val on/off: absent or anything but 0/false/off means on. */
export function isOn(el: Element): boolean {
  const value = el.getAttributeNS(NS.w, 'val');
  return !value || !['0', 'false', 'off'].includes(value);
}

/** Insert a w: element among its siblings at its place in the schema's sequence (`order`). */
export function insertInOrder(parent: Element, child: Element, order: readonly string[]): void {
  const rank = (el: Element) => {
    const index = el.namespaceURI === NS.w ? order.indexOf(el.localName ?? '') : -1;
    return index === -1 ? Number.POSITIVE_INFINITY : index;
  };
  const before = childElements(parent).find((sibling) => rank(sibling) > rank(child));
  parent.insertBefore(child, before ?? null);
}
