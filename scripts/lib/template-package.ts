/**
 * The default template is kept as readable WordprocessingML parts in templates/ita-announcement/
 * and packed into templates/ita-announcement.docx, so a change to it is a reviewable diff.
 * Packing is deterministic: the same parts always give the same bytes.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import PizZip from 'pizzip';
import { FIXED_ZIP_DATE } from '../../src/render/docx.js';

export const TEMPLATE_SOURCE = fileURLToPath(new URL('../../templates/ita-announcement/', import.meta.url));
export const TEMPLATE_FILE = fileURLToPath(new URL('../../templates/ita-announcement.docx', import.meta.url));

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
  return source.replace(/\r\n/g, '\n').replace(/<!--[\s\S]*?-->/g, '').replace(/>\s*\n\s*</g, '><').trim();
}

export function packTemplate(dir = TEMPLATE_SOURCE): Buffer {
  const zip = new PizZip();
  for (const part of templateParts(dir)) {
    const file = path.join(dir, part);
    const content = /\.(xml|rels)$/.test(part) ? shippedXml(readFileSync(file, 'utf8')) : readFileSync(file);
    zip.file(part, content, { date: FIXED_ZIP_DATE });
  }
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}
