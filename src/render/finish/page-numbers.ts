/**
 * Page numbers ("- ๒ -" from page two) are a PAGE field in the template's header; its digits come
 * from the section's page number format. Word prints thaiNumbers as ๑ ๒ ๓. LibreOffice 7.4 does
 * not know that format and prints 2; the field switch "\* ThaiArabic" would be worse there (it
 * prints Thai letters), so the format, not a switch, carries the choice.
 */
import type { Digits } from '../../core/format.js';
import { NS, childElements, createW, insertInOrder } from '../word-xml.js';
import type { FinishingStep } from './step.js';

/** CT_SectPr's children in schema order. */
const SECTION_PROPERTY_ORDER = [
  'headerReference',
  'footerReference',
  'footnotePr',
  'endnotePr',
  'type',
  'pgSz',
  'pgMar',
  'paperSrc',
  'pgBorders',
  'lnNumType',
  'pgNumType',
  'cols',
  'formProt',
  'vAlign',
  'noEndnote',
  'titlePg',
  'textDirection',
  'bidi',
  'rtlGutter',
  'docGrid',
  'printerSettings',
  'sectPrChange',
];

const PAGE_NUMBER_FORMAT: Record<Digits, string> = { thai: 'thaiNumbers', arabic: 'decimal' };

/** Every section's page number format, for the run's digits. */
export const pageNumberDigits: FinishingStep<{ digits: Digits }> = {
  pick: (body) => body.all('w:sectPr'),
  change: (doc, section, { digits }) => {
    let format = childElements(section, NS.w, 'pgNumType')[0];
    if (!format) {
      format = createW(doc, section, 'pgNumType');
      insertInOrder(section, format, SECTION_PROPERTY_ORDER);
    }
    format.setAttributeNS(NS.w, `${format.prefix ?? 'w'}:fmt`, PAGE_NUMBER_FORMAT[digits]);
  },
  onText: { piece: 'element', around: ['<w:body>', '</w:body>'], target: (small) => small.all('w:sectPr')[0] },
};
