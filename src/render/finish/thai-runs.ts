/**
 * Every run that carries Thai text is marked complex script (<w:cs/>), so Word shapes it with the
 * complex-script font and size and breaks its lines at Thai word boundaries instead of treating a
 * whole sentence as one word. Templates typed in Word mark the Thai they were typed with, but not
 * the Thai that docxtemplater puts into a tag typed in Latin letters: this step does, after merging.
 *
 * With <w:cs/> Word uses the run's complex-script properties, so they are made to follow the Latin
 * ones where the template set only those: bold (bCs), italic (iCs), size (szCs), font (rFonts/@cs).
 * w:noProof is removed everywhere: it hides spelling marks a reviewer relies on.
 */
import type { Document, Element } from '@xmldom/xmldom';
import { NS, childElements, createW, insertInOrder, isOn } from '../word-xml.js';
import { finishOnDom, type FinishingStep } from './step.js';

export const THAI = /[\u0E00-\u0E7F]/;

/** CT_RPr's children in schema order; Word reports a file with them out of order as damaged. */
const RUN_PROPERTY_ORDER = [
  'rStyle',
  'rFonts',
  'b',
  'bCs',
  'i',
  'iCs',
  'caps',
  'smallCaps',
  'strike',
  'dstrike',
  'outline',
  'shadow',
  'emboss',
  'imprint',
  'noProof',
  'snapToGrid',
  'vanish',
  'webHidden',
  'color',
  'spacing',
  'w',
  'kern',
  'position',
  'sz',
  'szCs',
  'highlight',
  'u',
  'effect',
  'bdr',
  'shd',
  'fitText',
  'vertAlign',
  'rtl',
  'cs',
  'em',
  'lang',
  'eastAsianLayout',
  'specVanish',
  'oMath',
];

/** Latin property → its complex-script twin. */
const COMPLEX_SCRIPT_TWIN: Record<string, string> = { b: 'bCs', i: 'iCs', sz: 'szCs' };

/** w:noProof, wherever it is. */
export const noProofRemoved: FinishingStep<object> = {
  pick: (body) => body.all('w:noProof'),
  change: (_, noProof) => noProof.parentNode?.removeChild(noProof),
  onText: { removed: true },
};

/** Every run with Thai in its text. */
export const thaiRunsMarked: FinishingStep<object> = {
  pick: (body) => body.all('w:r').filter((run) => body.children(run, 'w:t').some((t) => THAI.test(body.text(t)))),
  change: (doc, run) => markThaiRun(doc, run),
  onText: { piece: 'w:rPr', around: ['<w:body><w:p><w:r>', '<w:t>ก</w:t></w:r></w:p></w:body>'], target: (small) => small.all('w:r')[0] },
};

/** The two steps on a part (the headers and footers, once for a run). */
export function markThaiRuns(doc: Document): void {
  finishOnDom(doc, [noProofRemoved, thaiRunsMarked], {});
}

function markThaiRun(doc: Document, run: Element): void {
  const properties = runProperties(doc, run);
  const cs = childElements(properties, NS.w, 'cs')[0];
  if (cs) cs.removeAttributeNS(NS.w, 'val');
  else insertInOrder(properties, createW(doc, properties, 'cs'), RUN_PROPERTY_ORDER);
  for (const [latin, twin] of Object.entries(COMPLEX_SCRIPT_TWIN)) {
    const property = childElements(properties, NS.w, latin)[0];
    if (!property || childElements(properties, NS.w, twin).length) continue;
    if (latin !== 'sz' && !isOn(property)) continue;
    const copy = createW(doc, properties, twin);
    const value = property.getAttributeNS(NS.w, 'val');
    if (value) copy.setAttributeNS(NS.w, `${copy.prefix ?? 'w'}:val`, value);
    insertInOrder(properties, copy, RUN_PROPERTY_ORDER);
  }
  const fonts = childElements(properties, NS.w, 'rFonts')[0];
  if (fonts && !fonts.hasAttributeNS(NS.w, 'cs') && !fonts.hasAttributeNS(NS.w, 'cstheme')) {
    const latinFont = fonts.getAttributeNS(NS.w, 'ascii') || fonts.getAttributeNS(NS.w, 'hAnsi');
    if (latinFont) fonts.setAttributeNS(NS.w, `${fonts.prefix ?? 'w'}:cs`, latinFont);
  }
}

/** The run's w:rPr, created as its first child when missing. */
function runProperties(doc: Document, run: Element): Element {
  const existing = childElements(run, NS.w, 'rPr')[0];
  if (existing) return existing;
  const properties = createW(doc, run, 'rPr');
  run.insertBefore(properties, run.firstChild);
  return properties;
}
