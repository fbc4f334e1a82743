/**
 * A template's tags checked against what the announcement provides (`SAMPLE_VIEW`), and the
 * pieces of the ประกาศ it must contain: unknown tags named with the nearest known one.
 */
import type { Message } from '../../core/language.js';
import { nearest } from '../../core/nearest.js';
import { error, type Problem } from '../../core/problem.js';
import { excerpt, type PartCollector, type TemplatePart } from './parts.js';
import { SAMPLE_VIEW } from '../view.js';
import { SAMPLE_ANALYSIS_VIEW } from '../analysis/view.js';

/** What a kind of document gives its template: the view its tags are checked against, and the pieces it must contain. */
export interface TemplateKind {
  sample: object;
  /**
   * Pieces of the document a template must contain, as tag paths ("ranking/rank" is {rank} inside
   * {#ranking}), with what a clerk would call them.
   */
  required: [path: string, piece: Message][];
  /** Whether the document carries the emblem (ตราครุฑ) at its head. */
  emblem: boolean;
}

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

export const ANNOUNCEMENT_TEMPLATE: TemplateKind = { sample: SAMPLE_VIEW, required: REQUIRED_PIECES, emblem: true };

/** The analysis report's template (รายงานการวิเคราะห์ผลการประเมิน). */
export const ANALYSIS_TEMPLATE: TemplateKind = {
  sample: SAMPLE_ANALYSIS_VIEW,
  required: [
    ['agencyFullName', { th: 'ชื่อเต็มของหน่วยงาน', en: "the agency's full name" }],
    ['fiscalYear', { th: 'ปีงบประมาณ', en: 'the fiscal year' }],
    ['total', { th: 'คะแนนรวม', en: 'the total score' }],
    ['level', { th: 'ระดับผลการประเมิน', en: 'the level' }],
    ['indicators/name', { th: 'ชื่อตัวชี้วัดในตารางคะแนน', en: "the indicator's name in the table of scores" }],
    ['indicators/score', { th: 'คะแนนในตารางคะแนน', en: 'the score in the table of scores' }],
    ['improvements/name', { th: 'ตัวชี้วัดในประเด็นที่ต้องพัฒนา', en: 'the indicators to improve' }],
    ['improvements/score', { th: 'คะแนนในประเด็นที่ต้องพัฒนา', en: 'the scores of the indicators to improve' }],
    ['measures/name', { th: 'ตัวชี้วัดในตารางมาตรการ', en: 'the indicator in the table of measures' }],
    ['date', { th: 'วันที่รายงาน', en: "the report's date" }],
  ],
  emblem: false,
};

interface Scope {
  path: string;
  shape: unknown;
}

/** The template's tags checked against the kind's; the paths of the tags it uses are added to `used`. */
export function tagProblems(
  file: string,
  collector: PartCollector,
  kind: TemplateKind = ANNOUNCEMENT_TEMPLATE,
  used = new Set<string>(),
): Problem[] {
  const problems: Problem[] = [];
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
          problems.push(
            error(
              'template-syntax',
              { ...place(p.offset), tag },
              `ป้าย ${tag} แทรก XML ดิบ ซึ่งประกาศไม่ใช้: ลบเครื่องหมาย @ ออก`,
              `The tag ${tag} inserts raw XML, which the announcement does not use: remove the @`,
            ),
          );
          continue;
        }
        const scope = p.value === '.' ? scopes.at(-1) : [...scopes].reverse().find((s) => hasKey(s.shape, p.value!));
        if (!scope) {
          problems.push(
            error(
              'template-tag-unknown',
              { ...place(p.offset), tag },
              `แม่แบบใช้ป้าย ${tag} ซึ่งประกาศไม่มีข้อมูลให้: ตรวจการสะกดชื่อป้าย${suggestion(p.value, scopes).th}`,
              `The template uses the tag ${tag}, which the announcement does not provide: check its spelling${suggestion(p.value, scopes).en}`,
            ),
          );
          if (p.subparsed) walk(p.subparsed, scopes);
          continue;
        }
        if (p.value === '.' && typeof scope.shape !== 'string') {
          problems.push(
            error(
              'template-tag-unknown',
              { ...place(p.offset), tag },
              'ป้าย {.} ใช้ได้เฉพาะในกลุ่มข้อความ เช่น {#paragraphs}{.}{/paragraphs}',
              'The tag {.} can only be used inside a loop over texts, e.g. {#paragraphs}{.}{/paragraphs}',
            ),
          );
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
    walk(parts, [{ path: '', shape: kind.sample }]);
  }
  for (const [path, piece] of kind.required) {
    if (!used.has(path))
      problems.push(
        error(
          'template-piece-missing',
          { file, tag: tagPathText(path) },
          `แม่แบบขาด${piece.th} (ป้าย ${tagPathText(path)})`,
          `The template lacks ${piece.en} (the tag ${tagPathText(path)})`,
        ),
      );
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
  const best = nearest(value, names);
  return best ? { th: ` (หมายถึง {${best}} หรือไม่)`, en: ` (did you mean {${best}}?)` } : { th: '', en: '' };
}
