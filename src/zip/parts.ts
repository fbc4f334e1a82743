/**
 * The parts of a zipped Office file (an .xlsx, an .ods, a Word template) named as a clerk can
 * follow them: "ชีตที่ 1 ของไฟล์", "หัวกระดาษของแม่แบบ", with the part's own name after it for a
 * maintainer on the phone. And what a zip's refusal (src/zip/open.ts) means, in the same words.
 */
import type { Message } from '../core/language.js';
import type { ZipRefusal } from './open.js';

const NAMED: [RegExp, (m: RegExpExecArray) => Message][] = [
  [/^xl\/worksheets\/sheet(\d+)\.xml$/i, (m) => ({ th: `ชีตที่ ${m[1]} ของไฟล์`, en: `sheet ${m[1]} of the file` })],
  [/^xl\/sharedStrings\.xml$/i, () => ({ th: 'ข้อความในเซลล์ของไฟล์', en: "the file's cell texts" })],
  [/^xl\/styles\.xml$/i, () => ({ th: 'รูปแบบเซลล์ของไฟล์', en: "the file's cell formats" })],
  [/^xl\/workbook\.xml$/i, () => ({ th: 'รายชื่อชีตของไฟล์', en: "the file's list of sheets" })],
  [/^xl\/theme\//i, () => ({ th: 'ชุดสีและฟอนต์ของไฟล์', en: "the file's theme" })],
  [/^content\.xml$/i, () => ({ th: 'เนื้อหาของไฟล์', en: "the file's content" })],
  [/^word\/document\.xml$/i, () => ({ th: 'เนื้อหาหลักของแม่แบบ', en: "the template's main text" })],
  [/^word\/header\d*\.xml$/i, () => ({ th: 'หัวกระดาษของแม่แบบ', en: 'a header of the template' })],
  [/^word\/footer\d*\.xml$/i, () => ({ th: 'ท้ายกระดาษของแม่แบบ', en: 'a footer of the template' })],
  [/^word\/styles\.xml$/i, () => ({ th: 'สไตล์ของแม่แบบ', en: "the template's styles" })],
  [/^word\/settings\.xml$/i, () => ({ th: 'การตั้งค่าของแม่แบบ', en: "the template's settings" })],
  [/^word\/fontTable\.xml$/i, () => ({ th: 'รายการฟอนต์ของแม่แบบ', en: "the template's font list" })],
  [/^word\/numbering\.xml$/i, () => ({ th: 'เลขลำดับของแม่แบบ', en: "the template's numbering" })],
  [/^word\/media\//i, () => ({ th: 'ภาพในแม่แบบ', en: 'a picture in the template' })],
  [/^docProps\//i, () => ({ th: 'ข้อมูลประกอบของไฟล์ (ผู้สร้าง วันที่)', en: "the file's properties (author, dates)" })],
  [/^\[Content_Types\]\.xml$/i, () => ({ th: 'รายการชนิดของส่วนต่าง ๆ ในไฟล์', en: "the file's list of part types" })],
  [/(^|\/)_rels\//i, () => ({ th: 'รายการที่บอกว่าส่วนใดของไฟล์อยู่ที่ใด', en: 'the list saying where each part of the file is' })],
];

/** A part by what it holds, and its name: ชีตที่ 1 ของไฟล์ (xl/worksheets/sheet1.xml). */
export function partInWords(part: string): Message {
  for (const [pattern, words] of NAMED) {
    const m = pattern.exec(part);
    if (m) {
      const { th, en } = words(m);
      return { th: `${th} (${part})`, en: `${en} (${part})` };
    }
  }
  return { th: `ส่วน ${part} ของไฟล์`, en: `the part ${part}` };
}

/** What a zip refused for, in words; its own technical detail goes to the maintainer (`Problem.debug`). */
export function zipRefusalInWords(refused: ZipRefusal): Message {
  const part = refused.part === undefined ? undefined : partInWords(refused.part);
  switch (refused.fault) {
    case 'directory':
      return {
        th: 'ไฟล์ไม่ใช่ zip ที่สมบูรณ์: ไม่พบสารบัญท้ายไฟล์ มักเพราะดาวน์โหลดมาไม่ครบ',
        en: 'the file is not a whole zip: the directory at its end is missing, usually because the download was cut short',
      };
    case 'cut':
      return { th: `${part!.th} ไม่ครบ (ข้อมูลถูกตัดหรือหายไป)`, en: `${part!.en} is incomplete (cut short or missing)` };
    case 'inflate':
      return { th: `${part!.th} เสีย (ข้อมูลที่บีบอัดไว้ขยายกลับไม่ได้)`, en: `${part!.en} is damaged (its compressed data cannot be inflated)` };
    case 'check':
      return {
        th: `${part!.th} ไม่ตรงกับขนาดหรือรหัสตรวจสอบที่ไฟล์บันทึกไว้`,
        en: `${part!.en} does not match the size or checksum the file records`,
      };
    case 'names':
      return { th: `${part!.th} มีชื่อไม่ตรงกันสองแห่งในไฟล์`, en: `${part!.en} is named two ways in the file` };
    case 'twice':
      return { th: `มี${part!.th} สองส่วนที่ชื่อเดียวกัน`, en: `${part!.en} is in the file twice` };
    case 'bomb':
      return { th: 'ไฟล์จะขยายใหญ่เกินไปเมื่อเปิด', en: 'the file would inflate too far when opened' };
  }
}
