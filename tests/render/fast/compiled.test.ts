/**
 * The fast path (render/fast/compiled.ts: the template compiled once, only the body rendered, the
 * body finished on its text) against the general path (render/general.ts: docxtemplater over
 * the whole template, the body finished through a DOM): every part of every document the same,
 * for the default template and for templates as agencies make them in Word.
 */
import { COMMAND_LINE_NAMES } from '../../../src/cli/options.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import type { Announcement } from '../../../src/ita/model.js';
import { FastTemplate } from '../../../src/render/fast/compiled.js';
import { prepareTemplate, readEmblem, readTemplate, renderAnnouncement, type PreparedTemplate } from '../../../src/render/index.js';
import { nodeDeflater } from '../../../src/node/deflater.js';
import { portableDeflater } from '../../../src/zip/write.js';
import type { Digits } from '../../../src/core/format.js';
import { buildCase, GOLDEN_DIR, goldenCases } from '../../../tools/golden.js';
import { DEFAULT_TEMPLATE, splitTagsLikeWord } from '../../helpers/docx.js';

function prepared(edit?: (zip: PizZip) => void, emblemFile?: string, checked = true): PreparedTemplate {
  const zip = new PizZip(readFileSync(DEFAULT_TEMPLATE));
  edit?.(zip);
  const bytes = zip.generate({ type: 'uint8array' });
  // Unchecked: as if a tag had slipped past the check, to see what rendering does with it.
  const { template } = checked
    ? readTemplate({ name: 'แม่แบบ.docx', bytes }, COMMAND_LINE_NAMES)
    : { template: { file: 'แม่แบบ.docx', content: bytes } };
  const emblem = emblemFile ? readEmblem({ name: emblemFile, bytes: readFileSync(emblemFile) }, COMMAND_LINE_NAMES).image : undefined;
  return prepareTemplate(template!, emblem, COMMAND_LINE_NAMES).prepared!;
}

const editBody = (edit: (xml: string) => string) => (zip: PizZip) =>
  zip.file('word/document.xml', edit(zip.file('word/document.xml')!.asText()));

/** Every part of a document, as text (pictures as their bytes, in hex). */
function parts(docx: Uint8Array): Record<string, string> {
  return Object.fromEntries(
    Object.entries(unzipSync(docx)).map(([name, bytes]) => [
      name,
      /\.(xml|rels)$/.test(name) ? new TextDecoder().decode(bytes) : Buffer.from(bytes).toString('hex'),
    ]),
  );
}

/** Renders each announcement both ways and expects the same parts; returns how the fast path finished the bodies. */
function expectSameDocuments(template: PreparedTemplate, announcements: Announcement[], digits: Digits) {
  const compiled = FastTemplate.compile(template, digits, nodeDeflater);
  for (const announcement of announcements) {
    const fast = compiled?.render(renderView(announcement, digits));
    const general = renderAnnouncement(template, announcement, digits, nodeDeflater, 'general');
    expect(general.document, JSON.stringify(general.problems)).toBeDefined();
    expect(fast?.document).toBeDefined();
    expect(parts(fast!.document!)).toEqual(parts(general.document!));
    // And through the entry point every caller uses.
    expect(parts(renderAnnouncement(template, announcement, digits, nodeDeflater).document!)).toEqual(parts(general.document!));
  }
  return compiled?.finished;
}

const { toView: renderView } = await import('../../../src/render/view.js');

async function announcementsOf(name: string): Promise<{ announcements: Announcement[]; digits: Digits; emblem?: string }> {
  const golden = goldenCases().find((c) => c.name === name)!;
  const built = await buildCase(golden);
  return {
    announcements: built.documents.map((d) => d.announcement),
    digits: golden.settings.digits ?? 'thai',
    ...(golden.settings.emblem && { emblem: path.resolve(GOLDEN_DIR, name, golden.settings.emblem) }),
  };
}

/** Word's ways with a template an agency saved: CR LF after the declaration, revision ids, proofing marks, split tags, w:noProof, bookmarks. */
function savedByWord(xml: string): string {
  return splitTagsLikeWord(xml)
    .replace(/^(<\?xml [^>]*\?>)/, '$1\r\n')
    .replaceAll('<w:p>', '<w:p w:rsidR="00A1B2C3" w:rsidRDefault="00A1B2C3">')
    .replaceAll('<w:r>', '<w:r w:rsidRPr="00D4E5F6">')
    .replace(
      '<w:rFonts w:ascii="TH SarabunIT๙" w:hAnsi="TH SarabunIT๙"/>',
      '<w:rFonts w:ascii="TH SarabunIT๙" w:hAnsi="TH SarabunIT๙"/><w:noProof/>',
    )
    .replace('<w:body>', '<w:body><w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/>');
}

describe('the fast path gives the general path’s documents', () => {
  it.each(goldenCases().map((c) => c.name))('%s, default template: every part the same, every body finished on its text', async (name) => {
    const { announcements, digits, emblem } = await announcementsOf(name);
    const finished = expectSameDocuments(prepared(undefined, emblem), announcements, digits);
    expect(finished).toEqual({ onText: announcements.length, onDom: 0 });
  });

  it('a template as Word saves it (CR LF, revision ids, split tags, proofing marks, w:noProof, a bookmark): the same, on its text', async () => {
    const { announcements, digits } = await announcementsOf('province-2564');
    const template = prepared(editBody(savedByWord));
    expect(new TextDecoder().decode(unzipSync(template.template.content)['word/document.xml'])).toContain('w:rsidRPr');
    expect(expectSameDocuments(template, announcements, digits)).toEqual({ onText: announcements.length, onDom: 0 });
  });

  it('values with quotes, ampersands, angle brackets and a two-line position: the same, on its text', async () => {
    const { announcements, digits } = await announcementsOf('lampangrong-2565');
    const odd = announcements.map(
      (a) =>
        ({
          ...a,
          agency: { ...a.agency, fullName: `${a.agency.fullName} "ทดสอบ" & 'หน่วยงาน' <ใหม่>` },
          signer: 'นาย ก. "ข"',
          position: 'ปลัด อบต.\nรักษาราชการแทน นายก อบต.',
        }) as Announcement,
    );
    expect(expectSameDocuments(prepared(), odd, digits)).toEqual({ onText: odd.length, onDom: 0 });
  });

  it('the emblem in a template that names the drawing namespace otherwise (wpd: for wp:): the same, the emblem sized on both paths', async () => {
    const { announcements, digits, emblem } = await announcementsOf('lampangrong-2565-arabic-emblem');
    const template = prepared(
      editBody((xml) => xml.replaceAll('xmlns:wp=', 'xmlns:wpd=').replaceAll('<wp:', '<wpd:').replaceAll('</wp:', '</wpd:')),
      emblem,
    );
    expect(new TextDecoder().decode(unzipSync(template.template.content)['word/document.xml'])).toContain('<wpd:docPr');
    expect(expectSameDocuments(template, announcements, digits)).toEqual({ onText: 0, onDom: announcements.length });
  });

  it('a text box in the body (runs inside a run): the same, finished through the DOM', async () => {
    const { announcements, digits } = await announcementsOf('lampangrong-2565');
    const textBox =
      '<w:p><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent><w:p><w:r><w:t>กล่องข้อความ</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>';
    const template = prepared(editBody((xml) => xml.replace('<w:body>', `<w:body>${textBox}`)));
    expect(expectSameDocuments(template, announcements, digits)).toEqual({ onText: 0, onDom: announcements.length });
  });

  it('a tag in the header: the whole run takes the general path', async () => {
    const { announcements, digits } = await announcementsOf('lampangrong-2565');
    const template = prepared((zip) =>
      zip.file(
        'word/header1.xml',
        zip
          .file('word/header1.xml')!
          .asText()
          .replace('<w:t xml:space="preserve">- </w:t>', '<w:t xml:space="preserve">{agencyFullName} - </w:t>'),
      ),
    );
    expect(FastTemplate.compile(template, digits, nodeDeflater)).toBeUndefined();
    const general = renderAnnouncement(template, announcements[0]!, digits, nodeDeflater, 'general');
    expect(new TextDecoder().decode(unzipSync(general.document!)['word/header1.xml'])).toContain(announcements[0]!.agency.fullName);
    expect(parts(renderAnnouncement(template, announcements[0]!, digits, nodeDeflater).document!)).toEqual(parts(general.document!));
  });

  it('a tag with no value: the same refusal both ways', async () => {
    const { announcements, digits } = await announcementsOf('lampangrong-2565');
    const template = prepared(
      editBody((xml) => xml.replace('{agencyFullName}', '{agencyFullName}{noSuchTag}')),
      undefined,
      false,
    );
    const fast = renderAnnouncement(template, announcements[0]!, digits, nodeDeflater);
    expect(fast.document).toBeUndefined();
    expect(fast.problems).toEqual(renderAnnouncement(template, announcements[0]!, digits, nodeDeflater, 'general').problems);
    expect(fast.problems.map((p) => p.where.tag)).toEqual(['{noSuchTag}']);
  });

  it('the portable deflater (the web page’s) and node:zlib give documents of the same parts, each the same every time', async () => {
    const { announcements, digits } = await announcementsOf('lampangrong-2565');
    const template = prepared();
    const [announcement] = announcements;
    const portable = renderAnnouncement(template, announcement!, digits, portableDeflater).document!;
    const native = renderAnnouncement(template, announcement!, digits, nodeDeflater).document!;
    expect(parts(portable)).toEqual(parts(native));
    expect(Buffer.from(renderAnnouncement(template, announcement!, digits, portableDeflater).document!).equals(Buffer.from(portable))).toBe(
      true,
    );
    expect(Buffer.from(renderAnnouncement(template, announcement!, digits, nodeDeflater).document!).equals(Buffer.from(native))).toBe(true);
  });
});
