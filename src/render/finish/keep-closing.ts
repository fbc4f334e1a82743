/**
 * The closing (จึงประกาศเพื่อทราบโดยทั่วกัน), the date and the signature keep together (their
 * styles keep each with the next); this keeps the last paragraph before them with them too, so
 * the closing never stands alone at the top of the last page. Which paragraph is last depends on
 * the workbook (a recommendation, or the level's description), so it is found in each document.
 */
import type { Document, Element } from '@xmldom/xmldom';
import { NS, childElements, createW, insertInOrder } from '../word-xml.js';
import type { BodyTree } from './body-tree.js';
import type { FinishingStep } from './step.js';

/** The style that starts the closing block, as the default template names it. */
export const CLOSING_STYLE = 'ItaClosing';

/** CT_PPrBase's first children in schema order, as far as keepNext and keepLines. */
const PARAGRAPH_PROPERTY_ORDER = ['pStyle', 'keepNext', 'keepLines'];

/** The last paragraph with text before the closing, among its siblings. */
export const closingKeptWithText: FinishingStep<object> = {
  pick: (body) => {
    const closing = body.all('w:p').find((p) => styleOf(body, p) === CLOSING_STYLE);
    const parent = closing && body.parent(closing);
    if (!parent) return [];
    const siblings = body.children(parent);
    for (let i = siblings.indexOf(closing) - 1; i >= 0; i--) {
      const sibling = siblings[i]!;
      if (body.localName(sibling) === 'p' && body.descendants(sibling, 'w:t').some((t) => body.text(t).trim() !== '')) return [sibling];
    }
    return [];
  },
  change: (doc, paragraph) => keepWithNext(doc, paragraph),
  onText: { piece: 'w:pPr', around: ['<w:body><w:p>', '</w:p></w:body>'], target: (small) => small.all('w:p')[0] },
};

/** The paragraph kept on the page of the next one, its lines together (w:keepNext, w:keepLines). */
function keepWithNext(doc: Document, paragraph: Element): void {
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

function styleOf<E>(body: BodyTree<E>, paragraph: E): string | undefined {
  const properties = body.children(paragraph, 'w:pPr')[0];
  const style = properties && body.children(properties, 'w:pStyle')[0];
  return style && body.attribute(style, 'w:val');
}
