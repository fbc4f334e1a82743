/**
 * The emblem (ตราครุฑ): the template's picture named "ตราครุฑ", 3 cm high at the top of page one.
 * `--emblem FILE` puts the agency's picture (PNG or JPEG) in its place, 3 cm high and as wide as
 * its proportions make it, by replacing the image part the picture points to: no image module.
 */
import type { Document, Element } from '@xmldom/xmldom';
import type PizZip from 'pizzip';
import type { Message } from '../core/language.js';
import { error, warning, type Problem } from '../core/problem.js';
import { baseName, folderOfPart, joinPartName, latin1, startsWith, type NamedBytes } from '../core/bytes.js';
import { whereToSet, type SettingNames } from '../core/setting-names.js';
import { NS, editXml, elements, readXml } from './word-xml.js';
import { domTree, type BodyTree } from './finish/body-tree.js';

/** The name (Word: Alt Text ▸ name, or Selection Pane) that marks the emblem in a template. */
export const EMBLEM_NAME = 'ตราครุฑ';
/** Text inside the default template's placeholder PNG (a tEXt chunk), to warn that it is still there. */
export const PLACEHOLDER_MARK = 'ita-announcement emblem placeholder';

const EMBLEM_HEIGHT_EMU = 1_080_000; // 3 cm
/** An emblem is a small picture; anything larger is the wrong file and would bloat the document. */
export const EMBLEM_MOST_BYTES = 20 * 1024 * 1024;

export interface EmblemImage {
  file: string;
  kind: 'png' | 'jpeg';
  width: number;
  height: number;
  content: Uint8Array;
}

const CONTENT_TYPE: Record<EmblemImage['kind'], string> = { png: 'image/png', jpeg: 'image/jpeg' };

/** The agency's picture from its bytes: a PNG or JPEG of a sensible size, or why it cannot be used. */
export function readEmblem({ name: file, bytes: content }: NamedBytes, names: SettingNames): { image?: EmblemImage; problems: Problem[] } {
  const refuse = (th: string, en: string) => ({ problems: [error('emblem-unusable', { file }, th, en)] });
  if (content.length > EMBLEM_MOST_BYTES) return { problems: [emblemTooLarge(file)] };
  const size = pngSize(content) ?? jpegSize(content);
  if (!size) {
    const format = otherFormat(content);
    return refuse(
      `ไฟล์ ${baseName(file)} ไม่ใช่ภาพ PNG หรือ JPEG${format ? ` (${format.th})` : ''}: บันทึกตราครุฑเป็น .png หรือ .jpg แล้วระบุใหม่${whereToSet(names, 'emblem').th}`,
      `${baseName(file)} is not a PNG or JPEG picture${format ? ` (${format.en})` : ''}: save the emblem as .png or .jpg and give it again${whereToSet(names, 'emblem').en}`,
    );
  }
  if (size.width === 0 || size.height === 0)
    return refuse(
      `ภาพ ${baseName(file)} ไม่มีขนาด (กว้าง ${size.width} สูง ${size.height} จุด): ไฟล์อาจเสีย`,
      `The picture ${baseName(file)} has no size (${size.width} × ${size.height} pixels): the file may be damaged`,
    );
  if (size.width > MOST_PIXELS_A_SIDE || size.height > MOST_PIXELS_A_SIDE) {
    return refuse(
      `ภาพ ${baseName(file)} ใหญ่ผิดปกติ (กว้าง ${size.width} สูง ${size.height} จุด): ใช้ภาพตราที่กว้างและสูงไม่เกิน ${MOST_PIXELS_A_SIDE} จุด`,
      `The picture ${baseName(file)} is unusually large (${size.width} × ${size.height} pixels): use an emblem at most ${MOST_PIXELS_A_SIDE} pixels a side`,
    );
  }
  const incomplete = size.kind === 'png' ? pngIncomplete(content) : jpegIncomplete(content);
  if (incomplete)
    return refuse(
      `ไฟล์ภาพ ${baseName(file)} ไม่ครบ (${incomplete}): ไฟล์อาจเสียหรือดาวน์โหลดมาไม่ครบ บันทึกภาพตราใหม่`,
      `The picture ${baseName(file)} is incomplete (${incomplete}): the file may be damaged or cut short; save the emblem again`,
    );
  return { image: { file, ...size, content }, problems: [] };
}

export function emblemTooLarge(file: string): Problem {
  const most = EMBLEM_MOST_BYTES / 1024 / 1024;
  return error(
    'emblem-unusable',
    { file },
    `ไฟล์ภาพตราครุฑใหญ่เกิน ${most} MB: ใช้ภาพ PNG หรือ JPEG ขนาดเล็กลง`,
    `The emblem picture is larger than ${most} MB: use a smaller PNG or JPEG`,
  );
}

/** A template with no picture named "ตราครุฑ" cannot take the agency's emblem. */
export function noEmblemPicture(templateFile: string, names: SettingNames): Problem {
  return error(
    'template-error',
    { file: templateFile },
    `แม่แบบไม่มีภาพชื่อ "${EMBLEM_NAME}" ให้ใส่ตราครุฑที่ระบุ${whereToSet(names, 'emblem').th}: ใน Word คลิกขวาที่ภาพตรา ▸ ดูข้อความแสดงแทน (Alt Text) แล้วตั้งชื่อภาพว่า ${EMBLEM_NAME}`,
    `The template has no picture named "${EMBLEM_NAME}" to put the emblem given${whereToSet(names, 'emblem').en} in: in Word, right-click the emblem ▸ Edit Alt Text, and name the picture ${EMBLEM_NAME}`,
  );
}

/**
 * Puts `image` (or, without one, leaves the template's picture) in every picture named
 * "ตราครุฑ" in the document's package: the picture's part and its relationship (the body's
 * pictures are sized by `sizeEmblemFrame`, with the body's other finishing: finish/emblem-size.ts). Returns a problem when there is no such picture to replace, and a
 * warning when the document still shows the default template's placeholder.
 */
export function finishEmblem(zip: PizZip, image: EmblemImage | undefined, templateFile: string, names: SettingNames): Problem[] {
  const document = readXml(zip, 'word/document.xml');
  const pictures = document ? emblemPictures(document) : [];
  if (!image) {
    const placeholder = pictures.some((p) => imagePart(zip, p.embedId)?.includes(PLACEHOLDER_MARK));
    return placeholder ? [placeholderPrints(templateFile, names)] : [];
  }
  if (pictures.length === 0) {
    return [noEmblemPicture(templateFile, names)];
  }

  const part = `word/media/emblem-agency.${image.kind}`;
  zip.file(part, image.content);
  const replaced = new Set<string>();
  editXml(zip, 'word/_rels/document.xml.rels', (rels) => {
    for (const relationship of elements(rels, NS.rels, 'Relationship')) {
      if (!pictures.some((p) => p.embedId === relationship.getAttribute('Id'))) continue;
      replaced.add(resolveTarget(relationship.getAttribute('Target') ?? ''));
      relationship.setAttribute('Target', part.slice('word/'.length));
    }
  });
  removeUnreferenced(zip, replaced);
  addDefaultContentType(zip, image.kind);
  return [];
}

/** No emblem given: the default template's grey placeholder box prints on the announcement, and the clerk is told so plainly. */
function placeholderPrints(templateFile: string, names: SettingNames): Problem {
  const emblem = whereToSet(names, 'emblem');
  const template = names.template
    ? {
        th: ` หรือใช้แม่แบบที่มีตราของหน่วยงาน${whereToSet(names, 'template').th}`,
        en: ` or use a template with the agency's emblem${whereToSet(names, 'template').en}`,
      }
    : { th: '', en: '' };
  return warning(
    'emblem-placeholder',
    { file: templateFile },
    `ประกาศยังใช้ภาพตัวอย่างแทนตราครุฑ ซึ่งจะพิมพ์เป็นกรอบสีเทาที่หัวประกาศ: ใส่ภาพตราครุฑ${emblem.th}${template.th}`,
    `The announcement still has the placeholder instead of the Garuda emblem, which prints as a grey box at its head: give the emblem picture${emblem.en}${template.en}`,
  );
}

/** Sizes an emblem's frame (`emblemFrames`) for `image`: 3 cm high, as wide as its proportions make it. */
export function sizeEmblemFrame(frame: Element, image: EmblemImage): void {
  const picture = pictureIn(frame);
  if (!picture) return;
  const width = Math.round((EMBLEM_HEIGHT_EMU * image.width) / image.height);
  for (const extent of [picture.extent, picture.shapeExtent]) {
    extent?.setAttribute('cx', String(width));
    extent?.setAttribute('cy', String(EMBLEM_HEIGHT_EMU));
  }
}

/** Whether the template has a picture named "ตราครุฑ" for --emblem to replace. */
export function hasEmblemPicture(zip: PizZip): boolean {
  const document = readXml(zip, 'word/document.xml');
  return document ? emblemPictures(document).length > 0 : false;
}

interface EmblemPicture {
  embedId: string;
  /** wp:extent: the size on the page. */
  extent?: Element;
  /** a:ext of the picture's shape: the size the picture is drawn at. */
  shapeExtent?: Element;
}

/** The frames (wp:anchor or wp:inline) of the pictures named "ตราครุฑ", in document order: how every use of the emblem finds it. */
export function emblemFrames<E>(body: BodyTree<E>): E[] {
  return body
    .all('wp:docPr')
    .filter((docPr) => body.attribute(docPr, 'name')?.trim() === EMBLEM_NAME)
    .flatMap((docPr) => body.parent(docPr) ?? []);
}

function emblemPictures(doc: Document): EmblemPicture[] {
  return emblemFrames(domTree(doc)).flatMap((frame) => pictureIn(frame) ?? []);
}

/** The picture in an emblem's frame: its image's relationship and its extents; undefined without an image. */
function pictureIn(frame: Element): EmblemPicture | undefined {
  const blip = elements(frame, NS.a, 'blip')[0];
  const embedId = blip?.getAttributeNS(NS.r, 'embed');
  if (!embedId) return undefined;
  const extent = elements(frame, NS.wp, 'extent')[0];
  const transform = elements(frame, NS.a, 'xfrm')[0];
  const shapeExtent = transform && elements(transform, NS.a, 'ext')[0];
  return { embedId, ...(extent && { extent }), ...(shapeExtent && { shapeExtent }) };
}

function imagePart(zip: PizZip, embedId: string): string | undefined {
  const rels = readXml(zip, 'word/_rels/document.xml.rels');
  const relationship = rels && elements(rels, NS.rels, 'Relationship').find((r) => r.getAttribute('Id') === embedId);
  const target = relationship?.getAttribute('Target');
  return target ? zip.file(resolveTarget(target))?.asBinary() : undefined;
}

/** A relationship's target as a part name; `source` is the folder of the part that has the relationship. */
function resolveTarget(target: string, source = 'word'): string {
  return target.startsWith('/') ? target.slice(1) : joinPartName(source, target);
}

/** Drop image parts that no relationship points to any more (another picture may share one). */
function removeUnreferenced(zip: PizZip, parts: Set<string>): void {
  const targets = new Set<string>();
  for (const relsPart of Object.keys(zip.files).filter((name) => name.endsWith('.rels'))) {
    const source = folderOfPart(folderOfPart(relsPart)); // word/_rels/x.rels → word
    const rels = readXml(zip, relsPart);
    for (const relationship of rels ? elements(rels, NS.rels, 'Relationship') : []) {
      targets.add(resolveTarget(relationship.getAttribute('Target') ?? '', source));
    }
  }
  for (const part of parts) if (!targets.has(part)) zip.remove(part);
}

function addDefaultContentType(zip: PizZip, kind: EmblemImage['kind']): void {
  editXml(zip, '[Content_Types].xml', (types) => {
    const defaults = elements(types, NS.contentTypes, 'Default');
    if (defaults.some((d) => d.getAttribute('Extension')?.toLowerCase() === kind)) return;
    const entry = types.createElementNS(NS.contentTypes, 'Default');
    entry.setAttribute('Extension', kind);
    entry.setAttribute('ContentType', CONTENT_TYPE[kind]);
    types.documentElement?.insertBefore(entry, types.documentElement.firstChild);
  });
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** An emblem 3 cm high needs a few hundred pixels; Word refuses pictures past 2³¹ in a side, LibreOffice far sooner. */
const MOST_PIXELS_A_SIDE = 10_000;

/** What a PNG lacks to be whole: its chunks must run to an IEND, with image data between. */
function pngIncomplete(content: Uint8Array): string | undefined {
  const view = new DataView(content.buffer, content.byteOffset, content.byteLength);
  let at = 8;
  let data = false;
  while (at + 12 <= content.length) {
    const length = view.getUint32(at);
    const type = latin1(content, at + 4, at + 8);
    if (at + 12 + length > content.length) return `the ${type} chunk runs past the end`;
    if (type === 'IDAT') data = true;
    if (type === 'IEND') return data ? undefined : 'no image data';
    at += 12 + length;
  }
  return 'no IEND chunk';
}

/** What a JPEG lacks to be whole: a start of scan (the image data) and its end-of-image marker. */
function jpegIncomplete(content: Uint8Array): string | undefined {
  let scan = false;
  for (let at = 2; at + 1 < content.length; at++) {
    if (content[at] === 0xff && content[at + 1] === 0xda) {
      scan = true;
      break;
    }
  }
  if (!scan) return 'no image data';
  const end = content.lastIndexOf(0xd9);
  return end > 0 && content[end - 1] === 0xff ? undefined : 'no end-of-image marker';
}

function pngSize(content: Uint8Array): { kind: 'png'; width: number; height: number } | undefined {
  if (content.length < 24 || !startsWith(content, PNG_SIGNATURE) || latin1(content, 12, 16) !== 'IHDR') return undefined;
  const view = new DataView(content.buffer, content.byteOffset, content.byteLength);
  return { kind: 'png', width: view.getUint32(16), height: view.getUint32(20) };
}

/** A JPEG's size is in its start-of-frame segment (SOF0–SOF15 but DHT, JPG and DAC). */
function jpegSize(content: Uint8Array): { kind: 'jpeg'; width: number; height: number } | undefined {
  if (content.length < 4 || content[0] !== 0xff || content[1] !== 0xd8) return undefined;
  const view = new DataView(content.buffer, content.byteOffset, content.byteLength);
  let at = 2;
  while (at + 9 < content.length) {
    if (content[at] !== 0xff) return undefined;
    const marker = content[at + 1]!;
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    const length = view.getUint16(at + 2);
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { kind: 'jpeg', height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
    }
    at += 2 + length;
  }
  return undefined;
}

/** Names the format a clerk most likely picked instead, so the message says what to change. */
function otherFormat(content: Uint8Array): Message | undefined {
  const head = latin1(content, 0, 16);
  const picture = (format: string) => ({ th: `ไฟล์นี้เป็นภาพ ${format}`, en: `it is a ${format} picture` });
  if (head.startsWith('GIF8')) return picture('GIF');
  if (head.startsWith('BM')) return picture('BMP');
  if (head.startsWith('RIFF') && head.slice(8, 12) === 'WEBP') return picture('WebP');
  if (head.slice(4, 12).startsWith('ftyphei') || head.slice(4, 12).startsWith('ftypmif'))
    return { th: 'ไฟล์นี้เป็นภาพ HEIC จากโทรศัพท์', en: 'it is a HEIC photo from a phone' };
  if (head.startsWith('%PDF')) return { th: 'ไฟล์นี้เป็น PDF', en: 'it is a PDF' };
  if (/^\s*<(\?xml|svg)/i.test(new TextDecoder().decode(content.subarray(0, 64)))) return picture('SVG');
  return undefined;
}
