/**
 * Announcing a workbook: its cells → one announcement model per agency. It finds which
 * layout the workbook is (one agency's result, or many agencies one per row), the fiscal
 * year and its rules, then announces each agency. Every problem found is returned, not only
 * the first; an agency gets an announcement only when it has no error.
 */
import { cellsOf, cellText, placeOf, type Sheet, type Workbook } from '../read/cells.js';
import { error, hasErrors, warning, type Place, type Problem } from '../core/problem.js';
import { findAgencyTables, readAgencyRows, type AgencyReading, type AgencyTable } from './find/agency-rows.js';
import { announce, type AnnouncementSettings } from './announce.js';
import type { Framework, FrameworkLibrary } from './framework.js';
import { findIndicatorHeader } from './find/indicator-table.js';
import { christianYearRead, findFacts, parseFiscalYear, yearInTitles, type Fact, type FoundFact } from './find/labels.js';
import type { Announcement } from './model.js';
import { readOneAgency } from './find/one-agency.js';
import { findRecommendationsHeader, readRecommendationSheet, type RecommendationSheet } from './find/recommendations.js';
import { cellNumber, labelKey, singleLine } from './text.js';
import { sheetsInSearchOrder } from './find/locate.js';
import { whereToSet } from '../core/setting-names.js';

export interface WorkbookAnnouncementSettings extends AnnouncementSettings {
  /** Used when the workbook states no fiscal year (the command line's `--year`, the page's year field). */
  fiscalYear?: number;
  /** The rules of each fiscal year. */
  frameworks: FrameworkLibrary;
}

/** One agency of the workbook: its announcement, or the problems that stopped it. */
export interface AgencyResult {
  /** As the workbook writes it; "แถวที่ 12" for a row without a name. */
  name: string;
  /** Where the agency is: its name's cell. */
  place: Place;
  announcement?: Announcement;
  /** This agency's own problems, each with `where.agency` set. */
  problems: Problem[];
}

export interface WorkbookAnnouncements {
  /** Problems of the whole workbook: an error here means no agency could be read. */
  problems: Problem[];
  agencies: AgencyResult[];
  /** When no table of scores was found: what the workbook does hold, so a front end can offer to type the scores in with it. */
  seen?: Seen;
}

/** What a workbook without a table of scores holds: the agency and year it names, and the first texts of each sheet. */
export interface Seen {
  agency?: string;
  fiscalYear?: number;
  sheets: { name: string; texts: string[] }[];
}

/** Enough of each sheet to recognise it by, and no more. */
const SEEN_TEXTS = 8;
const SEEN_LENGTH = 40;

export function announceWorkbook(workbook: Workbook, options: WorkbookAnnouncementSettings): WorkbookAnnouncements {
  const file = workbook.file;
  const problems: Problem[] = [];

  const indicatorHeader = findIndicatorHeader(workbook);
  const recommendationsHeader = findRecommendationsHeader(workbook);
  const { facts, conflicts } = findFacts(workbook, new Set([...(indicatorHeader?.cells ?? []), ...(recommendationsHeader?.cells ?? [])]));
  problems.push(...conflicts.filter((c) => c.fact === 'fiscalYear').map((c) => c.problem));
  /** Christian years already said to be read as Buddhist ones. */
  const christianNoted = new Set<number>();
  const framework = resolveFramework(workbook, facts, options, problems, christianNoted);
  if (!framework) {
    if (indicatorHeader || hasAgencyTable(workbook, options.frameworks)) return { problems, agencies: [] };
    // Without a table of scores there is nothing to announce, whatever the year: that is what to say, not the missing year.
    const seen = seenIn(workbook, facts);
    return {
      problems: [...problems.filter((p) => p.code !== 'fiscal-year-missing'), noScoreTable(file, seen, INDICATORS)],
      agencies: [],
      seen,
    };
  }

  /** A table ends where the recommendations table begins, when they share a sheet (a web page's tables do). */
  const endOf = (sheet: Sheet, row: number, end: number) =>
    recommendationsHeader?.sheet === sheet && recommendationsHeader.row > row ? Math.min(end, recommendationsHeader.row - 1) : end;
  const candidates = findAgencyTables(workbook, framework).map((table) => ({ ...table, end: endOf(table.sheet, table.bottom, table.end) }));
  // A row of indicator names without an agency column beside a one-agency table is chart data, not a list of agencies.
  const tables = indicatorHeader ? candidates.filter((table) => table.columns.agency) : candidates;
  let readings: AgencyReading[];
  if (tables.length) {
    const read = readAgencyTables(tables, framework, options.frameworks, christianNoted, problems);
    if (!read) return { problems, agencies: [] };
    readings = read;
  } else if (indicatorHeader) {
    const one = readOneAgency(
      workbook,
      indicatorHeader,
      endOf(indicatorHeader.sheet, indicatorHeader.row, indicatorHeader.sheet.rows.length),
      facts,
      framework,
    );
    const otherConflicts = conflicts.filter((c) => c.fact !== 'fiscalYear').map((c) => c.problem);
    const nameCell = facts.agency?.value;
    const place = nameCell ? placeOf(facts.agency!.sheet, nameCell) : placeOf(indicatorHeader.sheet);
    readings = [{ name: one.name, place, ...(one.facts && { facts: one.facts }), problems: [...otherConflicts, ...one.problems] }];
  } else {
    const seen = seenIn(workbook, facts, framework.fiscalYear);
    problems.push(noScoreTable(file, seen, framework.indicators.length));
    return { problems, agencies: [], seen };
  }

  const recommendationSheet = recommendationsFor(
    recommendationsHeader && readRecommendationSheet(recommendationsHeader),
    readings.length,
    file,
    problems,
  );
  problems.push(...optionWarnings(options, framework.fiscalYear, readings.length, file));
  return { problems, agencies: readings.map((reading) => announceAgency(reading, recommendationSheet, options)) };
}

/**
 * Every agency row of the tables of scores; undefined when a table's own problems (its header)
 * already stop the workbook. Problems are added to `problems`, each table's in turn.
 */
function readAgencyTables(
  tables: AgencyTable[],
  framework: Framework,
  frameworks: FrameworkLibrary,
  christianNoted: Set<number>,
  problems: Problem[],
): AgencyReading[] | undefined {
  for (const table of tables) problems.push(...table.problems);
  if (hasErrors(problems)) return undefined;
  const readings: AgencyReading[] = [];
  for (const table of tables) {
    const read = readAgencyRows(table, framework, frameworks, christianNoted);
    problems.push(...read.problems);
    readings.push(...read.agencies);
  }
  if (readings.length === 0) {
    const table = tables[0]!;
    problems.push(
      error(
        'no-agency-rows',
        placeOf(table.sheet),
        `ตารางคะแนนในชีต "${table.sheet.name}" ไม่มีแถวของหน่วยงานใต้หัวตาราง (แถว ${table.bottom}): ใส่ชื่อหน่วยงานและคะแนนแถวละหนึ่งหน่วยงาน`,
        `The score table in sheet "${table.sheet.name}" has no agency rows under its header (row ${table.bottom}): enter each agency's name and scores, one agency per row`,
      ),
    );
  }
  markRepeatedAgencies(readings);
  return readings;
}

/** The recommendations sheet the announcements draw on: none when it is missing, or when many agencies share one without an agency column. */
function recommendationsFor(
  recommendationSheet: RecommendationSheet | undefined,
  agencies: number,
  file: string,
  problems: Problem[],
): RecommendationSheet | undefined {
  if (!recommendationSheet) {
    problems.push(
      warning(
        'recommendations-missing',
        { file },
        'ไม่พบชีตข้อเสนอแนะ (หัวตาราง "เครื่องมือ" และ "ข้อเสนอแนะ"): ประกาศจะไม่มีส่วนข้อเสนอแนะ IIT/EIT/OIT',
        'No recommendations sheet found (a table headed "เครื่องมือ" and "ข้อเสนอแนะ"): the announcement will have no IIT/EIT/OIT recommendations',
      ),
    );
    return undefined;
  }
  if (agencies > 1 && !recommendationSheet.hasAgencyColumn) {
    const at = placeOf(recommendationSheet.header.sheet);
    problems.push(
      warning(
        'recommendations-unassigned',
        at,
        `ชีตข้อเสนอแนะ "${at.sheet}" ไม่มีคอลัมน์ "หน่วยงาน" จึงไม่รู้ว่าข้อเสนอแนะเป็นของหน่วยงานใด: ประกาศทุกฉบับจะไม่มีส่วนข้อเสนอแนะ ถ้าต้องการ ให้เพิ่มคอลัมน์ "หน่วยงาน"`,
        `The recommendations sheet "${at.sheet}" has no "หน่วยงาน" (agency) column, so it cannot tell whose recommendations they are: no announcement will have recommendations; to include them, add a "หน่วยงาน" column`,
      ),
    );
    return undefined;
  }
  return recommendationSheet;
}

/** What the announcement's own settings may have wrong: a date far from the year, no signer, or one signer for many agencies. */
function optionWarnings(options: WorkbookAnnouncementSettings, fiscalYear: number, agencies: number, file: string): Problem[] {
  const problems: Problem[] = [];
  const far = dateFarFromYear(options.date, fiscalYear, options, file);
  if (far) problems.push(far);
  if (!options.signer?.trim()) {
    const set = whereToSet(options.names, 'signer');
    problems.push(
      warning(
        'signer-missing',
        { file },
        `ไม่ได้ระบุผู้ลงนาม${set.th}: ประกาศจะเว้นบรรทัดจุดไว้ให้เขียนชื่อด้วยมือ`,
        `No signer given${set.en}: the announcement leaves a dotted line for the name to be written by hand`,
      ),
    );
  } else if (agencies > 1) {
    const set = whereToSet(options.names, 'signer');
    problems.push(
      warning(
        'signer-for-many',
        { file },
        `ไฟล์นี้มี ${agencies} หน่วยงาน แต่ระบุผู้ลงนามคนเดียว${set.th}: ชื่อ "${options.signer.trim()}" จะพิมพ์ในประกาศทุกฉบับ`,
        `This workbook has ${agencies} agencies but one signer${set.en}: "${options.signer.trim()}" will be printed on every announcement`,
      ),
    );
  }
  return problems;
}

/** One agency's announcement, when its reading has no error; its problems each name the agency. */
function announceAgency(
  reading: AgencyReading,
  recommendationSheet: RecommendationSheet | undefined,
  options: WorkbookAnnouncementSettings,
): AgencyResult {
  const announced =
    reading.facts && !hasErrors(reading.problems) ? announce(reading.facts, recommendationSheet, options) : { problems: [] };
  const agencyProblems = [...reading.problems, ...announced.problems].map((p) =>
    reading.name ? { ...p, where: { ...p.where, agency: reading.name } } : p,
  );
  return {
    name: reading.name,
    place: reading.place,
    ...(announced.announcement && { announcement: announced.announcement }),
    problems: agencyProblems,
  };
}

/** Every year has had ten; the message for a workbook of unknown year says so. */
const INDICATORS = 10;

/** No table of scores: what was looked for, and what the workbook holds instead. */
function noScoreTable(file: string, seen: Seen, indicators: number): Problem {
  const shown =
    seen.sheets
      .map((sheet) => `ชีต "${sheet.name}": ${sheet.texts.length ? sheet.texts.map((t) => `"${t}"`).join(', ') : '(ว่าง)'}`)
      .join('; ') || 'ไม่มีชีตเลย';
  const shownEn =
    seen.sheets
      .map((sheet) => `sheet "${sheet.name}": ${sheet.texts.length ? sheet.texts.map((t) => `"${t}"`).join(', ') : '(empty)'}`)
      .join('; ') || 'no sheet at all';
  return error(
    'no-indicator-table',
    { file },
    `ไม่พบตารางคะแนนรายตัวชี้วัด: โปรแกรมมองหาแถวหัวตารางที่มีคอลัมน์ "ตัวชี้วัด" และ "คะแนน" (หน่วยงานเดียว) หรือคอลัมน์ "หน่วยงาน" และชื่อตัวชี้วัดทั้ง ${indicators} (หลายหน่วยงาน) แต่ในไฟล์พบ ${shown}: ตรวจว่าเลือกไฟล์ผลการประเมินถูกไฟล์ หรือกรอกคะแนน ${indicators} ตัวชี้วัดเองในแบบกรอกผลคะแนน ITA`,
    `No indicator score table found: the program looks for a header row with the columns "ตัวชี้วัด" (indicator) and "คะแนน" (score) for one agency, or "หน่วยงาน" (agency) and all ${indicators} indicator names for many, but the file holds ${shownEn}: check that this is the results file, or type the ${indicators} scores into the ITA fill-in form`,
  );
}

/** Whether a list of agencies is there, by the newest year's indicators, for a workbook whose year is not known. */
function hasAgencyTable(workbook: Workbook, frameworks: FrameworkLibrary): boolean {
  const newest = frameworks.years.at(-1);
  const framework = newest === undefined ? undefined : frameworks.forYear(newest, {}).framework;
  return framework !== undefined && findAgencyTables(workbook, framework).length > 0;
}

function seenIn(workbook: Workbook, facts: Partial<Record<Fact, FoundFact>>, fiscalYear?: number): Seen {
  const agency = facts.agency?.value && singleLine(cellText(facts.agency.value));
  const year =
    fiscalYear ?? (facts.fiscalYear?.value && parseFiscalYear(cellText(facts.fiscalYear.value))?.year) ?? yearInTitles(workbook)?.year;
  const sheets = sheetsInSearchOrder(workbook).map((sheet) => {
    const texts: string[] = [];
    for (const cell of cellsOf(sheet)) {
      if (texts.length === SEEN_TEXTS) break;
      const text = singleLine(cellText(cell));
      if (text && cellNumber(cell) === undefined && !texts.includes(text))
        texts.push(text.length > SEEN_LENGTH ? `${text.slice(0, SEEN_LENGTH)}…` : text);
    }
    return { name: sheet.name, texts };
  });
  return { ...(agency && { agency }), ...(year !== undefined && { fiscalYear: year }), sheets };
}

/** The same agency twice: the same scores again is a copy and is skipped; other scores are an error. */
function markRepeatedAgencies(readings: AgencyReading[]): void {
  const seen = new Map<string, AgencyReading>();
  for (const reading of readings) {
    if (!reading.facts) continue;
    const key = `${labelKey(reading.name)}|${labelKey(reading.facts.province ?? '')}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, reading);
      continue;
    }
    const scores = (r: AgencyReading) => r.facts!.indicators.map((i) => i.score).join(' ');
    const where = `${first.place.sheet}!${first.place.cell}`;
    if (scores(first) === scores(reading)) {
      reading.problems.push(
        warning(
          'agency-repeated',
          reading.place,
          `"${reading.name}" มีซ้ำกับแถวที่ ${where} ด้วยคะแนนเดียวกัน: สร้างประกาศฉบับเดียว`,
          `"${reading.name}" repeats the row at ${where} with the same scores: one announcement is made`,
        ),
      );
    } else {
      reading.problems.push(
        error(
          'agency-repeated',
          reading.place,
          `"${reading.name}" มีสองแถวที่คะแนนไม่ตรงกัน (${where} และ ${reading.place.sheet}!${reading.place.cell}): ลบแถวที่ผิดออก`,
          `"${reading.name}" has two rows whose scores differ (${where} and ${reading.place.sheet}!${reading.place.cell}): delete the wrong one`,
        ),
      );
    }
    delete reading.facts;
  }
}

/** The fiscal year: a ปีงบประมาณ cell, else "พ.ศ. NNNN" in a title, else `--year`. */
function resolveFramework(
  workbook: Workbook,
  facts: Partial<Record<Fact, FoundFact>>,
  options: WorkbookAnnouncementSettings,
  problems: Problem[],
  christianNoted: Set<number>,
): Framework | undefined {
  const file = workbook.file;
  const labelled = facts.fiscalYear?.value;
  const title = yearInTitles(workbook);
  const fromLabel = labelled && parseFiscalYear(cellText(labelled));
  const stated = fromLabel
    ? { ...fromLabel, place: placeOf(facts.fiscalYear!.sheet, labelled!) }
    : title && { ...title, place: placeOf(title.sheet, title.cell) };
  if (stated?.christian !== undefined) {
    christianNoted.add(stated.christian);
    problems.push(christianYearRead({ ...stated, christian: stated.christian }, stated.place));
  }
  const year = stated?.year ?? options.fiscalYear;
  if (year === undefined) {
    const label = facts.fiscalYear && placeOf(facts.fiscalYear.sheet, facts.fiscalYear.label);
    const given = options.names.fiscalYear;
    const orGive = given ? { th: ` หรือระบุปีที่ ${given.th}`, en: ` or give it with ${given.en}` } : { th: '', en: '' };
    problems.push(
      label?.field
        ? error(
            'fiscal-year-missing',
            label,
            `ช่อง "${label.field}" ว่างอยู่หรือไม่ใช่ปี: ใส่ปีงบประมาณ พ.ศ. หรือ ค.ศ. เช่น 2568`,
            `The field "${label.field}" is empty or holds no year: enter the fiscal year, Buddhist or Christian, e.g. 2568`,
          )
        : error(
            'fiscal-year-missing',
            label ?? { file },
            `ไม่พบปีงบประมาณในไฟล์: เพิ่มป้าย "ปีงบประมาณ" พร้อมปี เช่น 2565${orGive.th}`,
            `No fiscal year found in the workbook: add the label "ปีงบประมาณ" with the year, e.g. 2565${orGive.en}`,
          ),
    );
    return undefined;
  }
  if (stated?.year !== undefined && options.fiscalYear !== undefined && stated.year !== options.fiscalYear) {
    const set = whereToSet(options.names, 'fiscalYear');
    problems.push(
      warning(
        'fiscal-year-mismatch',
        stated.place,
        `ไฟล์ระบุปีงบประมาณ ${stated.year} แต่ปีที่ระบุไว้${set.th} เป็น ${options.fiscalYear}: ใช้ปี ${stated.year} ตามไฟล์`,
        `The workbook states fiscal year ${stated.year} but the year given${set.en} is ${options.fiscalYear}: the workbook's ${stated.year} is used`,
      ),
    );
  }
  const found = options.frameworks.forYear(year, stated?.place ?? { file });
  problems.push(...found.problems);
  return found.framework;
}

/**
 * An announcement dated before its fiscal year began, or more than a year after it ended: most
 * likely a date typed in the wrong era or year (the fiscal year N runs 1 October N-1 to 30
 * September N, Buddhist Era; its results come out near its end).
 */
function dateFarFromYear(date: string, fiscalYear: number, options: WorkbookAnnouncementSettings, file: string): Problem | undefined {
  const christian = fiscalYear - 543;
  if (date >= `${christian - 1}-10-01` && date <= `${christian + 1}-09-30`) return undefined;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const set = whereToSet(options.names, 'date');
  return warning(
    'date-far-from-year',
    { file },
    `วันที่ประกาศ ${d}/${m}/${y + 543} อยู่ห่างจากปีงบประมาณ ${fiscalYear} (1 ต.ค. ${fiscalYear - 1} ถึง 30 ก.ย. ${fiscalYear}) เกินหนึ่งปี: ตรวจวันที่ประกาศ${set.th}`,
    `The announcement date ${date} is more than a year from fiscal year ${fiscalYear} (1 October ${fiscalYear - 1} to 30 September ${fiscalYear}, Buddhist Era): check the announcement date${set.en}`,
  );
}
