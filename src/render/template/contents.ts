/**
 * A template is data: its parts are read and copied into every announcement, so before anything
 * else it is checked for what must not travel in a signed ประกาศ: a zip bomb, parts that are not
 * well-formed XML or declare a DOCTYPE, a macro-enabled document or a template saved as .docx,
 * content fetched from elsewhere when the document opens (an attached template, a linked picture
 * or frame: on Windows a file:// link sends the user's credentials), altChunk imports, macros,
 * ActiveX and embedded programs, and fields that run or fetch (DDE, INCLUDETEXT, INCLUDEPICTURE);
 * last, what Word would refuse to open (template/package.ts). What a check or a library said in its
 * own words is kept for a maintainer (`Problem.debug`).
 */
import { zipRefusalInWords } from '../../zip/parts.js';
import { error, type Problem } from '../../core/problem.js';
import { xmlFault } from '../../core/xml.js';
import { openZip } from '../../zip/open.js';
import { packageFault } from './package.js';

const MB = 1024 * 1024;
/** A template is a few hundred KB; its largest part is usually the emblem picture. */
export const TEMPLATE_ZIP = { entryBytes: 25 * MB, totalBytes: 60 * MB, ratio: 100 };
const MAIN_DOCUMENT = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
/** Relationship types a template may not have, by the end of their URI, with what a clerk calls them. */
const FORBIDDEN_RELATIONSHIPS: [RegExp, { th: string; en: string }][] = [
  [/\/aFChunk$/, { th: 'เนื้อหาที่นำเข้าจากไฟล์อื่น (altChunk)', en: 'content imported from another file (altChunk)' }],
  [/\/vbaProject$/, { th: 'แมโคร (VBA)', en: 'macros (VBA)' }],
  [/\/control$/, { th: 'ตัวควบคุม ActiveX', en: 'ActiveX controls' }],
  [/\/oleObject$/, { th: 'วัตถุที่ฝังไว้ (OLE)', en: 'embedded objects (OLE)' }],
  [/\/package$/, { th: 'ไฟล์ที่ฝังไว้', en: 'embedded files' }],
];
const FORBIDDEN_PARTS = /^word\/(vbaProject\.bin|vbaData\.xml|activeX\/|embeddings\/)/i;
/** Fields Word runs or fetches with when the document opens or is printed. */
const ACTIVE_FIELD = /\b(DDE|DDEAUTO|INCLUDETEXT|INCLUDEPICTURE|IMPORT|LINK)\b/;

const refusal = (file: string, th: string, en: string, debug?: string) => [
  { ...error('template-unreadable', { file }, th, en), ...(debug && { debug }) },
];

/** A template's parts, inflated by zip/open.ts within `TEMPLATE_ZIP`; or why its zip is refused. */
export function openTemplate(content: Uint8Array, file: string): { entries: Map<string, Uint8Array> } | { problems: Problem[] } {
  const zip = openZip(content, TEMPLATE_ZIP);
  if (!('refused' in zip)) return zip;
  const { kind, detail } = zip.refused;
  const what = zipRefusalInWords(zip.refused);
  return {
    problems:
      kind === 'bomb'
        ? refusal(
            file,
            'แม่แบบจะขยายใหญ่เกินกว่าเอกสาร Word จะเป็นได้เมื่อเปิด (อาจเป็นไฟล์อันตราย) จึงไม่ใช้: ใช้แม่แบบของโปรแกรม หรือบันทึกแม่แบบจาก Word ใหม่',
            "The template would inflate far beyond what a Word document is when opened (it may be a malicious file), so it is not used: use the program's template, or save yours from Word again",
          )
        : refusal(
            file,
            `แม่แบบเอกสารเสียหรือขัดแย้งกับตัวเอง (${what.th}): เปิดใน Word แล้วบันทึกเป็น "เอกสาร Word (*.docx)" ใหม่`,
            `The template is damaged or contradicts itself (${what.en}): open it in Word and save it again as "Word Document (*.docx)"`,
            detail,
          ),
  };
}

/** What must not travel in a template's parts (`openTemplate`'s entries), or what Word would not open. */
export function templateContentProblems(entries: ReadonlyMap<string, Uint8Array>, file: string): Problem[] {
  const text = new Map<string, string>();
  for (const [name, bytes] of entries) if (/\.(xml|rels)$/i.test(name)) text.set(name, new TextDecoder().decode(bytes));
  return (
    malformedPart(text, file) ?? notAWordDocument(text, file) ?? activeContent(entries, text, file) ?? unopenable(entries, text, file) ?? []
  );
}

/** A part that declares a DOCTYPE or is not well-formed XML. */
function malformedPart(text: ReadonlyMap<string, string>, file: string): Problem[] | undefined {
  for (const [name, xml] of text) {
    if (/<!DOCTYPE/i.test(xml))
      return refusal(
        file,
        `ส่วน ${name} ของแม่แบบประกาศ DOCTYPE ซึ่งเอกสาร Word ไม่มี: บันทึกแม่แบบจาก Word ใหม่`,
        `The template's part ${name} declares a DOCTYPE, which no Word document has: save the template from Word again`,
      );
    const fault = xmlFault(xml);
    if (fault)
      return refusal(
        file,
        `ไฟล์แม่แบบเสีย (XML ของส่วน ${name} ไม่สมบูรณ์): เปิดใน Word แล้วบันทึกใหม่`,
        `The template file is damaged (the XML of its part ${name} is broken): open it in Word and save it again`,
        fault,
      );
  }
  return undefined;
}

/** A main document of another type than a Word document's: a .docm, a .dotx or something else named .docx. */
function notAWordDocument(text: ReadonlyMap<string, string>, file: string): Problem[] | undefined {
  const types = text.get('[Content_Types].xml') ?? '';
  const main =
    /<Override\b[^>]*PartName="\/word\/document\.xml"[^>]*ContentType="([^"]+)"/.exec(types)?.[1] ??
    /<Override\b[^>]*ContentType="([^"]+)"[^>]*PartName="\/word\/document\.xml"/.exec(types)?.[1];
  if (main === MAIN_DOCUMENT) return undefined;
  const kind = main?.includes('macroEnabled')
    ? { th: 'เอกสารที่มีแมโคร (.docm)', en: 'a macro-enabled document (.docm)' }
    : main?.includes('template')
      ? { th: 'แม่แบบของ Word (.dotx)', en: 'a Word template file (.dotx)' }
      : { th: 'ไม่ใช่เอกสาร Word', en: 'not a Word document' };
  return refusal(
    file,
    `ไฟล์แม่แบบนี้เป็น${kind.th} แม้จะชื่อ .docx: เปิดใน Word แล้วบันทึกเป็น "เอกสาร Word (*.docx)"`,
    `This template is ${kind.en}, though it is named .docx: open it in Word and save it as "Word Document (*.docx)"`,
  );
}

/** Active content, first found first: a program or embedded file among the parts, a forbidden or external relationship, a field that runs or fetches. */
function activeContent(entries: ReadonlyMap<string, Uint8Array>, text: ReadonlyMap<string, string>, file: string): Problem[] | undefined {
  const active = (th: string, en: string) => [
    error(
      'template-active',
      { file },
      `แม่แบบมี${th} ซึ่งประกาศไม่ใช้และไม่ควรอยู่ในเอกสารราชการ: ลบออกใน Word แล้วบันทึกเป็น "เอกสาร Word (*.docx)" หรือใช้แม่แบบของโปรแกรม`,
      `The template has ${en}, which the announcement does not use and an official document should not carry: remove it in Word and save as "Word Document (*.docx)", or use the program's template`,
    ),
  ];
  for (const name of entries.keys())
    if (FORBIDDEN_PARTS.test(name))
      return active(`ส่วนที่เป็นโปรแกรมหรือไฟล์ฝัง (${name})`, `a part that is a program or an embedded file (${name})`);
  for (const [name, xml] of text) {
    if (!name.endsWith('.rels')) continue;
    for (const relationship of xml.match(/<(?:\w+:)?Relationship\b[^>]*>/g) ?? []) {
      const type = /\bType="([^"]*)"/.exec(relationship)?.[1] ?? '';
      const forbidden = FORBIDDEN_RELATIONSHIPS.find(([pattern]) => pattern.test(type));
      if (forbidden) return active(forbidden[1].th, forbidden[1].en);
      if (/\bTargetMode="External"/.test(relationship) && !/\/hyperlink$/.test(type)) {
        const target = /\bTarget="([^"]*)"/.exec(relationship)?.[1] ?? '';
        return active(`ส่วนที่ดึงมาจากภายนอกเมื่อเปิดเอกสาร (${target})`, `something fetched from elsewhere when the document opens (${target})`);
      }
    }
  }
  for (const [name, xml] of text) {
    const instructions = [...xml.matchAll(/<w:instrText\b[^>]*>([^<]*)<\/w:instrText>|\bw:instr="([^"]*)"/g)]
      .map((m) => m[1] ?? m[2] ?? '')
      .join('');
    const field = ACTIVE_FIELD.exec(instructions.toUpperCase())?.[1];
    if (field)
      return active(
        `ฟิลด์ ${field} ใน ${name} ซึ่งดึงข้อมูลหรือเรียกโปรแกรมอื่น`,
        `a ${field} field in ${name}, which fetches data or runs another program`,
      );
  }
  return undefined;
}

/** What Word would refuse to open (template/package.ts). */
function unopenable(entries: ReadonlyMap<string, Uint8Array>, text: ReadonlyMap<string, string>, file: string): Problem[] | undefined {
  const fault = packageFault(entries, text);
  if (!fault) return undefined;
  const { what, debug } = fault;
  return refusal(
    file,
    `Word จะเปิดแม่แบบนี้ไม่ได้ เพราะ${what.th}: ใช้แม่แบบฉบับก่อนหน้าหรือแม่แบบของโปรแกรม หรือเปิดใน Word (ให้ Word ซ่อมถ้าถาม) แล้วบันทึกเป็น "เอกสาร Word (*.docx)" ใหม่`,
    `Word would not open this template, as ${what.en}: use an earlier copy or the program's template, or open it in Word (let Word repair it if it offers) and save it again as "Word Document (*.docx)"`,
    debug,
  );
}
