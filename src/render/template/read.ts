/**
 * The Word template: loading it, and checking it before anything is written. `check-template`
 * and `build-doc` run the same check, so an agency's own template is judged the same way by both:
 * syntax errors, tags the announcement does not provide, pieces of the ประกาศ it lacks.
 */
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { error, warning, type Problem } from '../../core/problem.js';
import type { NamedBytes } from '../../core/bytes.js';
import { FIXED_ZIP_DATE } from '../../zip/write.js';
import { whereToSet, type SettingNames } from '../../core/setting-names.js';
import { EMBLEM_NAME, hasEmblemPicture } from '../emblem.js';
import { openTemplate, templateContentProblems } from './contents.js';
import { templateProblems } from './errors.js';
import { PartCollector } from './parts.js';
import { ANNOUNCEMENT_TEMPLATE, tagProblems, type TemplateKind } from './tags.js';

export interface Template {
  /** The template's file, as messages name it. */
  file: string;
  content: Uint8Array;
}

/**
 * Options shared by the check and the writer, so both read a template the same way.
 * No `parser` option, on purpose: docxtemplater's default parser reads a tag as one property
 * name of the view (own properties only), so an agency's template can only place the model.
 * An expression parser (angular-expressions) would evaluate what a template says.
 */
const TEMPLATE_OPTIONS = {
  paragraphLoop: true,
  // A value with a line break (a position of two lines) is printed on two lines.
  linebreaks: true,
  // docxtemplater would print its errors as JSON on the console; they are reported as problems instead.
  errorLogging: false,
} as const;

/** A Word template is a few hundred KB; one far larger is the wrong file, and is not read. */
export const MAX_TEMPLATE_BYTES = 50 * 1024 * 1024;

export function templateTooLarge(file: string, size: number): Problem {
  const mb = (n: number) => Math.round(n / 1024 / 1024);
  return error(
    'template-unreadable',
    { file },
    `แม่แบบเอกสารมีขนาด ${mb(size)} MB ใหญ่เกินกว่าแม่แบบจะเป็นได้ (ไม่เกิน ${mb(MAX_TEMPLATE_BYTES)} MB): ตรวจว่าเลือกไฟล์ถูก`,
    `The template is ${mb(size)} MB, larger than a template can be (at most ${mb(MAX_TEMPLATE_BYTES)} MB): check that this is the right file`,
  );
}

/**
 * A template's bytes, checked: the template when nothing stops it, with the paths of the tags it
 * uses ("history/total" is {total} inside {#history}), and every problem it has.
 */
export function readTemplate(
  { name: file, bytes: content }: NamedBytes,
  names: SettingNames,
  kind: TemplateKind = ANNOUNCEMENT_TEMPLATE,
): { template?: Template; tags?: ReadonlySet<string>; problems: Problem[] } {
  const tags = new Set<string>();
  const problems = findTemplateProblems({ file, content }, names, kind, tags);
  return problems.some((p) => p.severity === 'error') ? { problems } : { template: { file, content }, tags, problems };
}

/** Every problem of a template, without rendering it; the paths of the tags it uses are added to `tags`. */
export function findTemplateProblems(
  template: Template,
  names: SettingNames,
  kind: TemplateKind = ANNOUNCEMENT_TEMPLATE,
  tags = new Set<string>(),
): Problem[] {
  const opened = openTemplate(template.content, template.file);
  if ('problems' in opened) return opened.problems;
  const contents = templateContentProblems(opened.entries, template.file);
  if (contents.length) return contents;
  const zip = { zip: pizZipOf(opened.entries) };
  const collector = new PartCollector();
  try {
    new Docxtemplater(zip.zip, { ...TEMPLATE_OPTIONS, modules: [collector] });
  } catch (e) {
    return templateProblems(e, template.file, collector);
  }
  return [
    ...tagProblems(template.file, collector, kind, tags),
    ...(!kind.emblem || hasEmblemPicture(zip.zip)
      ? []
      : [
          warning(
            'template-piece-missing',
            { file: template.file },
            `แม่แบบไม่มีภาพชื่อ "${EMBLEM_NAME}" ที่หัวประกาศ: ตราครุฑที่ระบุ${whereToSet(names, 'emblem').th} จะใช้ไม่ได้ (ใน Word คลิกขวาที่ภาพตรา ▸ Edit Alt Text / ดูข้อความแสดงแทน แล้วตั้งชื่อภาพว่า ${EMBLEM_NAME})`,
            `The template has no picture named "${EMBLEM_NAME}" in its heading, so an emblem given${whereToSet(names, 'emblem').en} cannot be used (in Word, right-click the emblem ▸ Edit Alt Text, and name the picture ${EMBLEM_NAME})`,
          ),
        ]),
  ];
}

/** docxtemplater over the whole template (the general path, and the fast path's probe), and the tags it found no value for. */
export interface Templater {
  doc?: Docxtemplater;
  /** Tags rendering found no value for; filled in by `render`. */
  missingTags: string[];
  problems: Problem[];
}

export function templaterFor(template: Template): Templater {
  const missingTags: string[] = [];
  const zip = templateZip(template);
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

/** The template as a PizZip (what docxtemplater reads), made from its parts as zip/open.ts inflates and measures them. */
export function templateZip(template: Template): { zip?: PizZip; problems: Problem[] } {
  const opened = openTemplate(template.content, template.file);
  return 'problems' in opened ? opened : { zip: pizZipOf(opened.entries), problems: [] };
}

function pizZipOf(entries: ReadonlyMap<string, Uint8Array>): PizZip {
  const zip = new PizZip();
  for (const [name, content] of entries) zip.file(name, content, { binary: true, date: FIXED_ZIP_DATE });
  return zip;
}
