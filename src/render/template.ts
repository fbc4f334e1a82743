/**
 * The Word template: loading it, and checking it before anything is written. `check-template`
 * and `build-doc` run the same check, so an agency's own template is judged the same way by both:
 * syntax errors, tags the announcement does not provide, pieces of the ประกาศ it lacks.
 */
import { readFile } from 'node:fs/promises';
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import type { Message } from '../language.js';
import { error, warning, type Problem } from '../problem.js';
import { EMBLEM_NAME, hasEmblemPicture } from './emblem.js';
import { SAMPLE_VIEW } from './view.js';

export interface Template {
  file: string;
  content: Buffer;
}

/** Options shared by the check and the writer, so both read a template the same way. */
/**
 * No `parser` option, on purpose: docxtemplater's default parser reads a tag as one property
 * name of the view (own properties only), so an agency's template can only place the model.
 * An expression parser (angular-expressions) would evaluate what a template says.
 */
const TEMPLATE_OPTIONS = {
  paragraphLoop: true,
  linebreaks: false,
  // docxtemplater would print its errors as JSON on the console; they are reported as problems instead.
  errorLogging: false,
} as const;

export async function loadTemplate(file: string): Promise<{ template?: Template; problems: Problem[] }> {
  let content: Buffer;
  try {
    content = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    return { problems: [error('template-unreadable', { file }, `เปิดแม่แบบเอกสารไม่ได้ (${code}): ตรวจชื่อไฟล์ที่ระบุใน --template`, `Cannot open the template (${code}): check the file name given with --template`)] };
  }
  const problems = checkTemplate({ file, content });
  return problems.some((p) => p.severity === 'error') ? { problems } : { template: { file, content }, problems };
}

/** Every problem of a template, without rendering it. */
export function checkTemplate(template: Template): Problem[] {
  const zip = openZip(template);
  if (!zip.zip) return zip.problems;
  const collector = new PartCollector();
  try {
    new Docxtemplater(zip.zip, { ...TEMPLATE_OPTIONS, modules: [collector] });
  } catch (e) {
    return templateProblems(e, template.file, collector);
  }
  return [
    ...tagProblems(template.file, collector),
    ...(hasEmblemPicture(zip.zip)
      ? []
      : [
          warning(
            'template-piece-missing',
            { file: template.file },
            `แม่แบบไม่มีภาพชื่อ "${EMBLEM_NAME}" ที่หัวประกาศ: --emblem จะใช้ไม่ได้ (ใน Word คลิกขวาที่ภาพตรา ▸ Edit Alt Text / ดูข้อความแสดงแทน แล้วตั้งชื่อภาพว่า ${EMBLEM_NAME})`,
            `The template has no picture named "${EMBLEM_NAME}" in its heading, so --emblem cannot be used (in Word, right-click the emblem ▸ Edit Alt Text, and name the picture ${EMBLEM_NAME})`,
          ),
        ]),
  ];
}

export interface Compiled {
  doc?: Docxtemplater;
  /** Tags rendering found no value for; filled in by `render`. */
  missingTags: string[];
  problems: Problem[];
}

export function compileTemplate(template: Template): Compiled {
  const missingTags: string[] = [];
  const zip = openZip(template);
  if (!zip.zip) return { missingTags, problems: zip.problems };
  try {
    const doc = new Docxtemplater(zip.zip, {
      ...TEMPLATE_OPTIONS,
      nullGetter: (part) => {
        if (!part.module) missingTags.push(part.value);
        return '';
      },
    });
    return { doc, missingTags, problems: [] };
  } catch (e) {
    return { missingTags, problems: templateProblems(e, template.file) };
  }
}

function openZip(template: Template): { zip?: PizZip; problems: Problem[] } {
  try {
    return { zip: new PizZip(template.content), problems: [] };
  } catch (e) {
    return {
      problems: [
        error(
          'template-unreadable',
          { file: template.file },
          `แม่แบบเอกสารไม่ใช่ไฟล์ Word (.docx) ที่ใช้ได้ (${(e as Error).message}): บันทึกแม่แบบจาก Word เป็น "เอกสาร Word (*.docx)"`,
          `The template is not a usable Word document (.docx) (${(e as Error).message}): save it from Word as "Word Document (*.docx)"`,
        ),
      ],
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Tags: which the announcement provides, which it needs.

/**
 * Pieces of the ประกาศ a template must contain, as tag paths ("ranking/rank" is {rank} inside
 * {#ranking}), with what a clerk would call them.
 */
const REQUIRED_PIECES: [path: string, piece: Message][] = [
  ['agencyFullName', { th: 'ชื่อเต็มของหน่วยงาน', en: "the agency's full name" }],
  ['fiscalYear', { th: 'ปีงบประมาณ', en: 'the fiscal year' }],
  ['total', { th: 'คะแนนรวม', en: 'the total score' }],
  ['level', { th: 'ระดับผลการประเมิน', en: 'the level' }],
  ['ranking/rank', { th: 'อันดับในตารางคะแนนรายตัวชี้วัด', en: 'the rank in the indicator table' }],
  ['ranking/name', { th: 'ชื่อตัวชี้วัดในตารางคะแนนรายตัวชี้วัด', en: "the indicator's name in the indicator table" }],
  ['ranking/score', { th: 'คะแนนในตารางคะแนนรายตัวชี้วัด', en: 'the score in the indicator table' }],
  ['highest', { th: 'คะแนนสูงสุด', en: 'the highest score' }],
  ['lowest', { th: 'คะแนนต่ำสุด', en: 'the lowest score' }],
  ['summary/agency', { th: 'หน่วยงานในตารางสรุป', en: 'the agency in the summary table' }],
  ['summary/total', { th: 'คะแนนรวมในตารางสรุป', en: 'the total in the summary table' }],
  ['summary/level', { th: 'ระดับในตารางสรุป', en: 'the level in the summary table' }],
  ['summary/result', { th: 'ผลการประเมิน (ผ่าน/ไม่ผ่าน) ในตารางสรุป', en: 'the result (pass/fail) in the summary table' }],
  ['levelDescription', { th: 'คำอธิบายระดับ', en: "the level's description" }],
  ['iit/paragraphs/.', { th: 'ข้อเสนอแนะ IIT', en: 'the IIT recommendations' }],
  ['eit/paragraphs/.', { th: 'ข้อเสนอแนะ EIT', en: 'the EIT recommendations' }],
  ['oit/indicators/name', { th: 'ตัวชี้วัดในข้อเสนอแนะ OIT', en: 'the indicators of the OIT recommendations' }],
  ['oit/indicators/sections/items/.', { th: 'ประเด็นในข้อเสนอแนะ OIT', en: 'the items of the OIT recommendations' }],
  ['date', { th: 'วันที่ประกาศ', en: 'the announcement date' }],
  ['signer', { th: 'ชื่อผู้ลงนาม', en: "the signer's name" }],
  ['position', { th: 'ตำแหน่งผู้ลงนาม', en: "the signer's position" }],
];

interface Scope {
  path: string;
  shape: unknown;
}

function tagProblems(file: string, collector: PartCollector): Problem[] {
  const problems: Problem[] = [];
  const used = new Set<string>();
  for (const [part, parts] of Object.entries(collector.postparsed)) {
    const place = (offset: number | undefined) => {
      const paragraph = offset === undefined ? undefined : collector.paragraphAt(part, offset);
      return { file, ...(paragraph && { paragraph: excerpt(paragraph.text, paragraph.at) }) };
    };
    const walk = (list: TemplatePart[], scopes: Scope[]) => {
      for (const p of list) {
        if (p.type !== 'placeholder' || p.value === undefined) continue;
        const tag = `{${prefixOf(p)}${p.value}}`;
        if (p.module === 'rawxml') {
          problems.push(error('template-syntax', { ...place(p.offset), tag }, `ป้าย ${tag} แทรก XML ดิบ ซึ่งประกาศไม่ใช้: ลบเครื่องหมาย @ ออก`, `The tag ${tag} inserts raw XML, which the announcement does not use: remove the @`));
          continue;
        }
        const scope = p.value === '.' ? scopes.at(-1) : [...scopes].reverse().find((s) => hasKey(s.shape, p.value!));
        if (!scope) {
          problems.push(error('template-tag-unknown', { ...place(p.offset), tag }, `แม่แบบใช้ป้าย ${tag} ซึ่งประกาศไม่มีข้อมูลให้: ตรวจการสะกดชื่อป้าย${suggestion(p.value, scopes).th}`, `The template uses the tag ${tag}, which the announcement does not provide: check its spelling${suggestion(p.value, scopes).en}`));
          if (p.subparsed) walk(p.subparsed, scopes);
          continue;
        }
        if (p.value === '.' && typeof scope.shape !== 'string') {
          problems.push(error('template-tag-unknown', { ...place(p.offset), tag }, 'ป้าย {.} ใช้ได้เฉพาะในกลุ่มข้อความ เช่น {#paragraphs}{.}{/paragraphs}', 'The tag {.} can only be used inside a loop over texts, e.g. {#paragraphs}{.}{/paragraphs}'));
          continue;
        }
        const path = [scope.path, p.value].filter(Boolean).join('/');
        used.add(path);
        if (p.subparsed) {
          // Inside a loop, tags are looked up in the item first (an object, or a text for {.}).
          const value = (scope.shape as Record<string, unknown>)[p.value];
          const item = Array.isArray(value) ? value[0] : value;
          walk(p.subparsed, typeof item === 'object' || typeof item === 'string' ? [...scopes, { path, shape: item }] : scopes);
        }
      }
    };
    walk(parts, [{ path: '', shape: SAMPLE_VIEW }]);
  }
  for (const [path, piece] of REQUIRED_PIECES) {
    if (!used.has(path)) problems.push(error('template-piece-missing', { file, tag: tagPathText(path) }, `แม่แบบขาด${piece.th} (ป้าย ${tagPathText(path)})`, `The template lacks ${piece.en} (the tag ${tagPathText(path)})`));
  }
  return problems;
}

function hasKey(shape: unknown, key: string): boolean {
  return typeof shape === 'object' && shape !== null && Object.hasOwn(shape, key);
}

function prefixOf(part: TemplatePart): string {
  if (part.module === 'loop') return part.inverted ? '^' : '#';
  if (part.module === 'rawxml') return '@';
  return '';
}

/** "ranking/rank" → "{#ranking}{rank}" */
function tagPathText(path: string): string {
  const names = path.split('/');
  return names.map((name, i) => (i < names.length - 1 ? `{#${name}}` : `{${name}}`)).join('');
}

/** The nearest known tag name, when a tag looks like a misspelling of it. */
function suggestion(value: string, scopes: Scope[]): Message {
  const names = scopes.flatMap((s) => (typeof s.shape === 'object' && s.shape !== null ? Object.keys(s.shape) : []));
  const best = names
    .map((name) => ({ name, distance: editDistance(value.toLowerCase(), name.toLowerCase()) }))
    .sort((a, b) => a.distance - b.distance)[0];
  return best && best.distance <= Math.max(2, Math.floor(best.name.length / 4)) ? { th: ` (หมายถึง {${best.name}} หรือไม่)`, en: ` (did you mean {${best.name}}?)` } : { th: '', en: '' };
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

// ---------------------------------------------------------------------------------------------
// docxtemplater's parts and errors, and where they are in the text the agency sees.

interface TemplatePart {
  type: string;
  value?: string;
  module?: string;
  inverted?: boolean;
  offset?: number;
  subparsed?: TemplatePart[];
}

interface LexedPart {
  type: 'tag' | 'content';
  position: 'start' | 'end' | 'selfclosing' | 'insidetag' | 'outsidetag';
  tag?: string;
  value: string;
}

/**
 * A docxtemplater module that keeps, for each templated part, its lexed XML and its parsed tags,
 * through docxtemplater's inspection hook (the same one its InspectModule uses).
 */
class PartCollector {
  readonly name = 'PartCollector';
  readonly lexed: Record<string, LexedPart[]> = {};
  readonly postparsed: Record<string, TemplatePart[]> = {};
  private file = '';

  set(options: { inspect?: { filePath?: string; xmllexed?: LexedPart[]; postparsed?: TemplatePart[] } }): void {
    const inspect = options.inspect;
    if (!inspect) return;
    if (inspect.filePath) this.file = inspect.filePath;
    if (inspect.xmllexed) this.lexed[this.file] = inspect.xmllexed;
    if (inspect.postparsed) this.postparsed[this.file] = inspect.postparsed;
  }

  /**
   * The text of the paragraph holding `offset`. docxtemplater counts offsets in the text of the
   * part's text elements (w:t) run together, so paragraphs are rebuilt from the same pieces.
   */
  paragraphAt(file: string, offset: number): { text: string; at: number } | undefined {
    const paragraphs: { start: number; text: string }[] = [];
    const open: { start: number; text: string }[] = [];
    let at = 0;
    let inText = false;
    for (const part of this.lexed[file] ?? []) {
      if (part.type === 'tag' && part.tag === 'w:p' && part.position === 'start') open.push({ start: at, text: '' });
      else if (part.type === 'tag' && part.tag === 'w:p' && part.position === 'end') {
        const paragraph = open.pop();
        if (paragraph) paragraphs.push(paragraph);
      } else if (part.type === 'tag' && part.tag === 'w:t') inText = part.position === 'start';
      else if (part.type === 'content' && inText) {
        const current = open.at(-1);
        if (current) current.text += part.value;
        at += part.value.length;
      }
    }
    const paragraph = paragraphs.filter((p) => p.start <= offset && offset <= p.start + p.text.length).at(-1);
    return paragraph ? { text: unescapeXml(paragraph.text), at: unescapeXml(paragraph.text.slice(0, offset - paragraph.start)).length } : undefined;
  }
}

/** At most about 80 characters of a paragraph around `at`. */
function excerpt(text: string, at: number): string {
  const RADIUS = 40;
  if (text.length <= 2 * RADIUS) return text;
  const start = Math.max(0, Math.min(at - RADIUS, text.length - 2 * RADIUS));
  return `${start > 0 ? '…' : ''}${text.slice(start, start + 2 * RADIUS)}${start + 2 * RADIUS < text.length ? '…' : ''}`;
}

function unescapeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

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
    const why = detail.message ?? String(e);
    return [error('template-unreadable', { file }, `แม่แบบเอกสารไม่ใช่ไฟล์ Word (.docx) ที่ใช้ได้ (${why})`, `The template is not a usable Word document (.docx) (${why})`)];
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
    return error(
      'template-syntax',
      { file, ...(tag && { tag }), ...(paragraph && { paragraph: excerpt(paragraph.text, paragraph.at) }) },
      `แม่แบบมีข้อผิดพลาด: ${why?.th ?? docxtemplaterSays}`,
      `The template has an error: ${why?.en ?? docxtemplaterSays}`,
    );
  });
}

function syntaxMessage(p: NonNullable<TemplateErrorDetail['properties']>): Message | undefined {
  const tag = p.xtag ?? '';
  switch (p.id) {
    case 'unclosed_tag':
      return { th: `ป้ายที่ขึ้นต้นด้วย {${tag.slice(0, 30)} ไม่มีวงเล็บปิด }`, en: `the tag starting {${tag.slice(0, 30)} has no closing brace }` };
    case 'unopened_tag':
      return { th: `มีวงเล็บปิด } หลัง "${tag.slice(0, 30)}" โดยไม่มีวงเล็บเปิด {`, en: `there is a closing brace } after "${tag.slice(0, 30)}" with no opening brace {` };
    case 'duplicate_open_tag':
      return { th: `มีวงเล็บเปิด { ซ้อนกันใน {${tag.slice(0, 30)}`, en: `there is an opening brace { inside {${tag.slice(0, 30)}` };
    case 'duplicate_close_tag':
      return { th: `มีวงเล็บปิด } ซ้อนกันหลัง ${tag.slice(0, 30)}`, en: `there are two closing braces } after ${tag.slice(0, 30)}` };
    case 'closing_tag_does_not_match_opening_tag':
      return { th: `กลุ่ม {#${p.openingtag}} ถูกปิดด้วย {/${p.closingtag}}: ชื่อในป้ายเปิดและป้ายปิดต้องตรงกัน`, en: `the loop {#${p.openingtag}} is closed by {/${p.closingtag}}: the opening and closing tags must have the same name` };
    case 'unclosed_loop':
      return { th: `กลุ่ม {#${tag}} ไม่มีป้ายปิด {/${tag}}`, en: `the loop {#${tag}} has no closing tag {/${tag}}` };
    case 'unopened_loop':
      return { th: `ป้ายปิด {/${tag}} ไม่มีป้ายเปิด {#${tag}}`, en: `the closing tag {/${tag}} has no opening tag {#${tag}}` };
    case 'unbalanced_loop_tags':
      return { th: 'ป้ายเปิดและป้ายปิดกลุ่มไม่ได้อยู่ในระดับเดียวกัน (เช่น เปิดในตารางแต่ปิดนอกตาราง)', en: 'a loop opens and closes at different levels (e.g. opened in a table, closed outside it)' };
    case 'raw_xml_tag_should_be_only_text_in_paragraph':
      return { th: `ป้าย {@${tag}} ต้องอยู่ลำพังในย่อหน้า`, en: `the tag {@${tag}} must be alone in its paragraph` };
    case 'malformed_xml':
    case 'file_has_invalid_xml':
      return { th: 'ไฟล์แม่แบบเสีย (XML ไม่สมบูรณ์): เปิดใน Word แล้วบันทึกใหม่', en: 'the template file is damaged (broken XML): open it in Word and save it again' };
    default:
      return undefined;
  }
}
