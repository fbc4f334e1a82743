/** How problems and results read on screen, the same in every command. */
import type { Failure } from './index.js';
import type { Announcement } from '../ita/model.js';
import type { Analysis } from '../ita/analysis.js';
import { BIDI_CONTROLS } from '../core/characters.js';
import { chooser, counted, type Language } from '../core/language.js';
import type { Place, Problem } from '../core/problem.js';
import { formatterFor } from '../core/format.js';

/**
 * A line as it may reach a terminal: text from a workbook may hold escape sequences (clearing the
 * screen, writing the clipboard) or bidirectional overrides (reordering what is shown), so control
 * characters are shown as their codes instead of sent.
 */
const UNPRINTABLE = new RegExp(`[\\u0000-\\u0008\\u000a-\\u001f\\u007f-\\u009f${BIDI_CONTROLS}]`, 'g');

export function printable(line: string): string {
  return line.replace(UNPRINTABLE, (c) => `\\u{${c.codePointAt(0)!.toString(16).toUpperCase()}}`);
}

/**
 * One line for the problem, one more with the template paragraph it is in, if any, and with
 * `debug` (--debug) one with what a library or a check said of it.
 */
export function problemLines(p: Problem, shown: (file: string) => string, language: Language = 'th', debug = false): string[] {
  const text = chooser(language);
  return [
    `${p.severity === 'error' ? text('✗ ข้อผิดพลาด', '✗ error') : text('! คำเตือน', '! warning')}${placeText(p.where, shown)}: ${p.message[language]}${p.details ? ` (${p.details[language]})` : ''}`,
    ...(p.where.paragraph ? [`  ${text('ในย่อหน้า', 'in the paragraph')}: "${p.where.paragraph}"`] : []),
    ...(debug && p.debug ? [`  [debug] ${p.debug}`] : []),
  ];
}

function placeText(where: Place, shown: (file: string) => string): string {
  const cell = where.field ? `"${where.field}"` : where.sheet && where.cell ? `${where.sheet}!${where.cell}` : where.sheet;
  const place = [where.file && shown(where.file), cell, where.tag].filter(Boolean).join(' ');
  return place ? ` [${place}]` : '';
}

export interface DocumentSummary {
  input: string;
  agency: string;
  fiscalYear: number;
  total: number;
  level: string;
  result: string;
  output: string;
  /** With --pdf, when LibreOffice made it. */
  pdf?: string;
}

/** The announcements written: agency, total, level, result and file, in aligned columns. */
export function documentTable(documents: readonly DocumentSummary[], shown: (file: string) => string, language: Language = 'th'): string[] {
  const text = chooser(language);
  const numbers = formatterFor('arabic');
  const header = language === 'en' ? ['Agency', 'Total', 'Level', 'Result', 'File'] : ['หน่วยงาน', 'คะแนนรวม', 'ระดับ', 'ผลการประเมิน', 'ไฟล์'];
  const rows = [header, ...documents.map((d) => [d.agency, numbers.score(d.total), d.level, d.result, shown(d.output)])];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => displayWidth(row[c]!))));
  const line = (row: string[]) => `  ${row.map((cell, c) => (c === row.length - 1 ? cell : padToWidth(cell, widths[c]!))).join('  ')}`;
  const pdfs = documents.filter((d) => d.pdf).length;
  const inputs = [...new Set(documents.map((d) => shown(d.input)))];
  return [
    text(
      `ประกาศที่สร้าง ${documents.length} ฉบับ จาก ${inputs.join(', ')}:`,
      `${counted(documents.length, 'announcement')} written from ${inputs.join(', ')}:`,
    ),
    ...rows.map(line),
    ...(pdfs
      ? [text(`  พร้อมไฟล์ PDF ${pdfs} ฉบับ (ชื่อเดียวกัน นามสกุล .pdf)`, `  and ${counted(pdfs, 'PDF')} (the same names, ending in .pdf)`)]
      : []),
  ];
}

/** Each failed agency or workbook, with every error that stopped it (printed here, not among the other problems). */
export function failureLines(
  failures: readonly Failure[],
  shown: (file: string) => string,
  language: Language = 'th',
  debug = false,
): string[] {
  const text = chooser(language);
  const lines = [text(`สร้างประกาศไม่ได้ ${failures.length} รายการ:`, `${failures.length} could not be made:`)];
  for (const f of failures) {
    const who = failed(f, shown);
    if (f.problems.length === 0) lines.push(`  ✗ ${who}: ${text('ไม่มีหน่วยงานให้สร้างประกาศ', 'no agency to announce')}`);
    else lines.push(`  ✗ ${who}:`, ...f.problems.flatMap((p) => problemLines(p, shown, language, debug)).map((line) => `      ${line}`));
  }
  return lines;
}

/**
 * Announcements made but not saved, as the output folder took no more files (a full disk): why
 * once, for the folder, then each of them, so a batch of a thousand does not say it a thousand times.
 */
export function unsavedLines(
  why: Problem,
  failures: readonly Failure[],
  shown: (file: string) => string,
  language: Language = 'th',
): string[] {
  const text = chooser(language);
  return [
    ...problemLines(why, shown, language),
    text(`ประกาศที่ยังไม่ได้บันทึก ${failures.length} ฉบับ:`, `${counted(failures.length, 'announcement')} not saved:`),
    ...failures.map((f) => `  ✗ ${failed(f, shown)}`),
  ];
}

/** The agency and where it is in its workbook, or the workbook. */
function failed(f: Failure, shown: (file: string) => string): string {
  return f.agency ? `${f.agency}${placeText(f.place ?? { file: f.input }, shown)}` : shown(f.input);
}

/** Thai vowels above and below the line and tone marks take no column of their own. */
const ZERO_WIDTH_MARKS = /[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]/g;

export function displayWidth(text: string): number {
  return [...text.replace(ZERO_WIDTH_MARKS, '')].length;
}

function padToWidth(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** What an announcement will say, for `npm run check`: the facts a reviewer checks, in Arabic digits. */
export function announcementLines(a: Announcement, shown: (file: string) => string, language: Language = 'th'): string[] {
  const text = chooser(language);
  const numbers = formatterFor('arabic');
  const rankOf = new Map(a.ranking.map((r) => [r.number, r.rank]));
  const recommendations = a.recommendations;
  const blank = text('(เว้นไว้เขียนเอง)', '(left blank to write in)');
  const row = a.source.row ? text(` แถวที่ ${a.source.row}`, ` row ${a.source.row}`) : '';
  return [
    `── ${a.agency.shortName} · ${text('ปีงบประมาณ', 'fiscal year')} ${a.fiscalYear} · ${shown(a.source.file)} ${text('ชีต', 'sheet')} "${a.source.sheet}"${row}`,
    `  ${text('ประกาศ', 'Announcement of ')}${a.agency.fullName}`,
    ...(a.criteriaYear !== a.fiscalYear
      ? [
          text(
            `  เกณฑ์: ของปี ${a.criteriaYear} ยกมาใช้ (ยังไม่มีเกณฑ์ของปี ${a.fiscalYear}) คะแนนรวม ระดับ และผลการประเมินพิมพ์ตามไฟล์`,
            `  Criteria: fiscal year ${a.criteriaYear}'s, carried forward (none for ${a.fiscalYear} yet); the total, level and result are printed as the workbook states them`,
          ),
        ]
      : []),
    `  ${padToWidth(text('ตัวชี้วัด', 'Indicator'), 38)} ${text(' คะแนน', ' Score')}   ${text('อันดับ', 'Rank')}`,
    ...a.indicators.map(
      (i) => `  ${padToWidth(`${i.number}. ${i.name}`, 38)} ${numbers.score(i.score).padStart(6)}   ${rankOf.get(i.number)}`,
    ),
    text(
      `  คะแนนรวม ${numbers.score(a.total)} · ระดับ ${a.level} · ผลการประเมิน ${a.result} · สูงสุด ${numbers.score(a.highest)} · ต่ำสุด ${numbers.score(a.lowest)}`,
      `  Total ${numbers.score(a.total)} · level ${a.level} · result ${a.result} · highest ${numbers.score(a.highest)} · lowest ${numbers.score(a.lowest)}`,
    ),
    recommendations
      ? text(
          `  ข้อเสนอแนะ: IIT ${recommendations.iit.length} ย่อหน้า, EIT ${recommendations.eit.length} ย่อหน้า, OIT ${recommendations.oit.length} ตัวชี้วัด`,
          `  Recommendations: IIT ${counted(recommendations.iit.length, 'paragraph')}, EIT ${counted(recommendations.eit.length, 'paragraph')}, OIT ${counted(recommendations.oit.length, 'indicator')}`,
        )
      : text('  ข้อเสนอแนะ: ไม่มี', '  Recommendations: none'),
    text(
      `  ผู้ลงนาม: ${a.signature.signer ?? blank} · ตำแหน่ง: ${a.signature.position ?? blank} · วันที่ประกาศ ${numbers.date(a.date)}`,
      `  Signer: ${a.signature.signer ?? blank} · position: ${a.signature.position ?? blank} · date ${numbers.date(a.date)}`,
    ),
  ];
}

/** What `check` says of an analysis report: the points to improve, lowest first, and the years it compares. */
export function analysisLines(name: string, a: Analysis, language: Language = 'th'): string[] {
  const text = chooser(language);
  const numbers = formatterFor('arabic');
  const earlier = a.history.slice(0, -1);
  const recommended = (p: Analysis['improvements'][number]) => p.recommendations.reduce((n, r) => n + r.texts.length, 0);
  return [
    `  ${text('รายงานการวิเคราะห์', 'Analysis report')}: ${name}`,
    ...(a.improvements.length
      ? [
          text(
            `  ประเด็นที่ต้องพัฒนา (ต่ำกว่า ${a.criteria.passMark} คะแนน เรียงจากต่ำสุด):`,
            `  To improve (below ${a.criteria.passMark}, lowest first):`,
          ),
          ...a.improvements.map(
            (p) =>
              `    ${p.number}. ${p.name} (${p.tool}) ${numbers.score(p.score)} · ${text(`ข้อเสนอแนะ ${recommended(p)} ข้อ`, counted(recommended(p), 'recommendation'))}`,
          ),
        ]
      : [
          text(
            `  ประเด็นที่ต้องพัฒนา: ไม่มี (ทุกตัวชี้วัดถึง ${a.criteria.passMark} คะแนน)`,
            `  To improve: none (every indicator reaches ${a.criteria.passMark})`,
          ),
        ]),
    earlier.length
      ? text(
          `  ปีที่นำมาเทียบ: ${earlier.map((y) => `${y.fiscalYear} (${numbers.score(y.total)})`).join(', ')}`,
          `  Earlier years compared: ${earlier.map((y) => `${y.fiscalYear} (${numbers.score(y.total)})`).join(', ')}`,
        )
      : text(
          '  ปีที่นำมาเทียบ: ไม่มี (ให้ไฟล์ของปีก่อนมาด้วยเพื่อเทียบ)',
          "  Earlier years compared: none (give the earlier years' files too to compare)",
        ),
  ];
}
