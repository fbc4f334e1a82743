/**
 * The default templates are kept as readable WordprocessingML parts in templates/ita-announcement/
 * and templates/ita-analysis/ and packed into templates/ita-announcement.docx and
 * templates/ita-analysis.docx, so a change to either is a reviewable diff. The analysis report
 * shares the announcement's styles, fonts, settings and page headers: those parts are packed from
 * the announcement's folder, so the two documents' typography is one source.
 * Packing is deterministic: the same parts always give the same bytes.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import PizZip from 'pizzip';
import { FIXED_ZIP_DATE } from '../src/render/docx.js';

export const TEMPLATE_SOURCE = fileURLToPath(new URL('../templates/ita-announcement/', import.meta.url));
export const ANALYSIS_TEMPLATE_SOURCE = fileURLToPath(new URL('../templates/ita-analysis/', import.meta.url));
/** The analysis template's parts that are the announcement's own. */
const SHARED_PARTS = [
  '_rels/.rels',
  'word/styles.xml',
  'word/fontTable.xml',
  'word/settings.xml',
  'word/header1.xml',
  'word/header2.xml',
  'docProps/app.xml',
];

/** Part names in package order: content types first, as Word writes them. */
function templateParts(dir = TEMPLATE_SOURCE): string[] {
  const walk = (sub: string): string[] =>
    readdirSync(path.join(dir, sub)).flatMap((name) => {
      const part = sub ? `${sub}/${name}` : name;
      return statSync(path.join(dir, part)).isDirectory() ? walk(part) : [part];
    });
  const parts = walk('').sort();
  return ['[Content_Types].xml', ...parts.filter((p) => p !== '[Content_Types].xml')];
}

/** The XML as shipped (pictures are packed as they are): the source's comments and indentation between elements removed. */
function shippedXml(source: string): string {
  return source
    .replace(/\r\n/g, '\n')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/>\s*\n\s*</g, '><')
    .trim();
}

export function packTemplate(dir = TEMPLATE_SOURCE): Buffer {
  const zip = new PizZip();
  const shared = dir === ANALYSIS_TEMPLATE_SOURCE ? SHARED_PARTS : [];
  const parts = [...templateParts(dir), ...shared].sort((a, b) =>
    a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a < b ? -1 : 1,
  );
  for (const part of parts) {
    const file = path.join(shared.includes(part) ? TEMPLATE_SOURCE : dir, part);
    const content = /\.(xml|rels)$/.test(part) ? shippedXml(readFileSync(file, 'utf8')) : readFileSync(file);
    zip.file(part, content, { date: FIXED_ZIP_DATE });
  }
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}
