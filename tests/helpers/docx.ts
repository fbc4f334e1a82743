/** Reading a produced DOCX back, as a reviewer would read it: paragraph texts in document order. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import PizZip from 'pizzip';
import { DEFAULT_TEMPLATE } from '../../src/node/project-root.js';

export function documentXml(docx: Buffer | string): string {
  const content = typeof docx === 'string' ? readFileSync(docx) : docx;
  return new PizZip(content).file('word/document.xml')!.asText();
}

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&apos;': "'" };

/**
 * Every paragraph's text, body and table cells alike, in document order, as a reviewer reads it:
 * a non-breaking space reads as a space (tests/real-clients/typography.test.ts checks where they are).
 */
export function paragraphs(docx: Buffer | string): string[] {
  const xml = documentXml(docx);
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((t) => t[1]!.replace(/&[a-z]+;/g, (e) => ENTITIES[e] ?? e).replaceAll('\u00a0', ' '))
      .join(''),
  );
}

export function withoutWhitespace(text: string): string {
  return text.replace(/\s+/g, '');
}

export { DEFAULT_TEMPLATE };

/** A copy of the default template with its document.xml edited, as an agency would in Word; returns its path. */
export function templateVariant(dir: string, name: string, edit: (documentXml: string) => string): string {
  const zip = new PizZip(readFileSync(DEFAULT_TEMPLATE));
  zip.file('word/document.xml', edit(zip.file('word/document.xml')!.asText()));
  const file = path.join(dir, name);
  writeFileSync(file, zip.generate({ type: 'nodebuffer' }));
  return file;
}

/**
 * What Word does to a template typed by hand: each tag ends up over several runs, split by
 * proofing marks, and the runs holding the Latin tag name carry Latin properties only (no w:cs,
 * a font named for Latin text alone, English language).
 */
export function splitTagsLikeWord(documentXml: string): string {
  const latin = '<w:rPr><w:rFonts w:ascii="TH SarabunIT๙" w:hAnsi="TH SarabunIT๙"/><w:lang w:val="en-US"/></w:rPr>';
  return documentXml.replace(
    /<w:r>(<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?<w:t(?: xml:space="preserve")?>([^<]*\{[^<]*)<\/w:t><\/w:r>/g,
    (_, rPr = '', text: string) =>
      text
        .split(/(\{[^}]*\})/)
        .filter(Boolean)
        .map((piece) => {
          const tag = /^\{([#/^]?)(.*)\}$/.exec(piece);
          if (!tag) return `<w:r>${rPr}<w:t xml:space="preserve">${piece}</w:t></w:r>`;
          const [, sign, name] = tag as unknown as [string, string, string];
          const half = Math.ceil(name.length / 2);
          return (
            `<w:r>${latin}<w:t>{${sign}${name.slice(0, half)}</w:t></w:r><w:proofErr w:type="spellStart"/>` +
            `<w:r>${latin}<w:t>${name.slice(half)}</w:t></w:r><w:proofErr w:type="spellEnd"/><w:r>${latin}<w:t>}</w:t></w:r>`
          );
        })
        .join(''),
  );
}

/** Runs of a part whose text has Thai letters, with their properties. */
export function thaiRuns(partXml: string): { properties: string; text: string }[] {
  return [...partXml.matchAll(/<w:r>(?:<w:rPr>((?:(?!<\/w:rPr>).)*)<\/w:rPr>)?((?:(?!<\/w:r>).)*)<\/w:r>/g)]
    .map((m) => ({ properties: m[1] ?? '', text: [...m[2]!.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('') }))
    .filter((run) => /[\u0E00-\u0E7F]/.test(run.text));
}

export function part(docx: string, name: string): string {
  return new PizZip(readFileSync(docx)).file(name)?.asText() ?? '';
}
