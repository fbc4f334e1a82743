/** docxtemplater's errors as problems in Thai and English, each with the paragraph it is in. */
import type { Message } from '../../core/language.js';
import { error, type Problem } from '../../core/problem.js';
import { excerpt, type PartCollector } from './parts.js';

interface TemplateErrorDetail {
  message?: string;
  properties?: {
    id?: string;
    xtag?: string;
    explanation?: string;
    file?: string;
    offset?: number | number[];
    openingtag?: string;
    closingtag?: string;
    errors?: TemplateErrorDetail[];
  };
}

/** docxtemplater's syntax errors (id, xtag, file, offset) as problems in Thai with their paragraph. */
export function templateProblems(e: unknown, file: string, collector?: PartCollector): Problem[] {
  const detail = e as TemplateErrorDetail;
  if (!detail.properties) {
    const problem = error(
      'template-unreadable',
      { file },
      'แม่แบบเอกสารไม่ใช่ไฟล์ Word (.docx) ที่ใช้ได้: เปิดใน Word แล้วบันทึกเป็น "เอกสาร Word (*.docx)" ใหม่',
      'The template is not a usable Word document (.docx): open it in Word and save it again as "Word Document (*.docx)"',
    );
    return [{ ...problem, debug: `docxtemplater: ${detail.message ?? String(e)}` }];
  }
  return (detail.properties.errors ?? [detail]).map((err) => {
    const p = err.properties ?? {};
    const offset = Array.isArray(p.offset) ? p.offset[0] : p.offset;
    const paragraph = collector && p.file && offset !== undefined ? collector.paragraphAt(p.file, offset) : undefined;
    // An unclosed tag runs on into the following paragraphs' text: show it up to its paragraph's end.
    const xtag = p.id === 'unclosed_tag' && paragraph ? paragraph.text.slice(paragraph.at + 1) : p.xtag;
    const tag = xtag === undefined ? undefined : `{${xtag}${p.id === 'unclosed_tag' ? '' : '}'}`;
    const why = syntaxMessage({ ...p, ...(xtag !== undefined && { xtag }) });
    const docxtemplaterSays = `${p.explanation ?? err.message ?? p.id}`;
    const problem = error(
      'template-syntax',
      { file, ...(tag && { tag }), ...(paragraph && { paragraph: excerpt(paragraph.text, paragraph.at) }) },
      `แม่แบบมีข้อผิดพลาด: ${why?.th ?? 'ป้ายในวงเล็บปีกกาเขียนไม่ถูกต้อง: ตรวจวงเล็บ { } และชื่อป้าย'}`,
      `The template has an error: ${why?.en ?? docxtemplaterSays}`,
    );
    return { ...problem, debug: `docxtemplater: ${docxtemplaterSays}` };
  });
}

function syntaxMessage(p: NonNullable<TemplateErrorDetail['properties']>): Message | undefined {
  const tag = p.xtag ?? '';
  switch (p.id) {
    case 'unclosed_tag':
      return { th: `ป้ายที่ขึ้นต้นด้วย {${tag.slice(0, 30)} ไม่มีวงเล็บปิด }`, en: `the tag starting {${tag.slice(0, 30)} has no closing brace }` };
    case 'unopened_tag':
      return {
        th: `มีวงเล็บปิด } หลัง "${tag.slice(0, 30)}" โดยไม่มีวงเล็บเปิด {`,
        en: `there is a closing brace } after "${tag.slice(0, 30)}" with no opening brace {`,
      };
    case 'duplicate_open_tag':
      return { th: `มีวงเล็บเปิด { ซ้อนกันใน {${tag.slice(0, 30)}`, en: `there is an opening brace { inside {${tag.slice(0, 30)}` };
    case 'duplicate_close_tag':
      return { th: `มีวงเล็บปิด } ซ้อนกันหลัง ${tag.slice(0, 30)}`, en: `there are two closing braces } after ${tag.slice(0, 30)}` };
    case 'closing_tag_does_not_match_opening_tag':
      return {
        th: `กลุ่ม {#${p.openingtag}} ถูกปิดด้วย {/${p.closingtag}}: ชื่อในป้ายเปิดและป้ายปิดต้องตรงกัน`,
        en: `the loop {#${p.openingtag}} is closed by {/${p.closingtag}}: the opening and closing tags must have the same name`,
      };
    case 'unclosed_loop':
      return { th: `กลุ่ม {#${tag}} ไม่มีป้ายปิด {/${tag}}`, en: `the loop {#${tag}} has no closing tag {/${tag}}` };
    case 'unopened_loop':
      return { th: `ป้ายปิด {/${tag}} ไม่มีป้ายเปิด {#${tag}}`, en: `the closing tag {/${tag}} has no opening tag {#${tag}}` };
    case 'unbalanced_loop_tags':
      return {
        th: 'ป้ายเปิดและป้ายปิดกลุ่มไม่ได้อยู่ในระดับเดียวกัน (เช่น เปิดในตารางแต่ปิดนอกตาราง)',
        en: 'a loop opens and closes at different levels (e.g. opened in a table, closed outside it)',
      };
    case 'raw_xml_tag_should_be_only_text_in_paragraph':
      return { th: `ป้าย {@${tag}} ต้องอยู่ลำพังในย่อหน้า`, en: `the tag {@${tag}} must be alone in its paragraph` };
    case 'malformed_xml':
    case 'file_has_invalid_xml':
      return {
        th: 'ไฟล์แม่แบบเสีย (XML ไม่สมบูรณ์): เปิดใน Word แล้วบันทึกใหม่',
        en: 'the template file is damaged (broken XML): open it in Word and save it again',
      };
    default:
      return undefined;
  }
}
