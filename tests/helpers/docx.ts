/** Reading a produced DOCX back, as a reviewer would read it: paragraph texts in document order. */
import { readFileSync } from 'node:fs';
import PizZip from 'pizzip';

export function documentXml(docx: Buffer | string): string {
  const content = typeof docx === 'string' ? readFileSync(docx) : docx;
  return new PizZip(content).file('word/document.xml')!.asText();
}

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&apos;': "'" };

/** Every paragraph's text, body and table cells alike, in document order. */
export function paragraphs(docx: Buffer | string): string[] {
  const xml = documentXml(docx);
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]!.replace(/&[a-z]+;/g, (e) => ENTITIES[e] ?? e)).join(''),
  );
}

export function withoutWhitespace(text: string): string {
  return text.replace(/\s+/g, '');
}
