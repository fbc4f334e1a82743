/**
 * The closing (จึงประกาศเพื่อทราบโดยทั่วกัน), the date and the signature keep together (their
 * styles keep each with the next); this keeps the last paragraph before them with them too, so
 * the closing never stands alone at the top of the last page. Which paragraph is last depends on
 * the workbook (a recommendation, or the level's description), so it is found in each document.
 */
import type { Document, Element } from '@xmldom/xmldom';
import { NS, childElements, createW, elements, insertInOrder } from '../word-xml.js';

/** The style that starts the closing block, as the default template names it. */
export const CLOSING_STYLE = 'ItaClosing';

/** CT_PPrBase's first children in schema order, as far as keepNext and keepLines. */
const PARAGRAPH_PROPERTY_ORDER = ['pStyle', 'keepNext', 'keepLines'];

export function keepClosingWithText(doc: Document): void {
  const closing = elements(doc, NS.w, 'p').find((p) => styleOf(p) === CLOSING_STYLE);
  let before = closing?.previousSibling;
  while (before && !(before.nodeType === 1 && (before as Element).localName === 'p' && hasText(before as Element))) before = before.previousSibling;
  if (before) keepWithNext(doc, before as Element);
}

/** The paragraph kept on the page of the next one, its lines together (w:keepNext, w:keepLines). */
export function keepWithNext(doc: Document, paragraph: Element): void {
  let properties = childElements(paragraph, NS.w, 'pPr')[0];
  if (!properties) {
    properties = createW(doc, paragraph, 'pPr');
    paragraph.insertBefore(properties, paragraph.firstChild);
  }
  for (const name of ['keepNext', 'keepLines']) {
    if (childElements(properties, NS.w, name).length) continue;
    insertInOrder(properties, createW(doc, properties, name), PARAGRAPH_PROPERTY_ORDER);
  }
}

function styleOf(paragraph: Element): string | undefined {
  const properties = childElements(paragraph, NS.w, 'pPr')[0];
  const style = properties && childElements(properties, NS.w, 'pStyle')[0];
  return style?.getAttributeNS(NS.w, 'val') ?? undefined;
}

function hasText(paragraph: Element): boolean {
  return elements(paragraph, NS.w, 't').some((t) => (t.textContent ?? '').trim() !== '');
}
