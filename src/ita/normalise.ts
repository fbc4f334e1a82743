/**
 * The normaliser: a workbook's cells → the announcement model (layout 1: one agency).
 * Every problem found is returned, not only the first; an announcement is returned only
 * when there is no error.
 */
import { cellText, type Cell, type Workbook } from '../read/workbook.js';
import { cellName, error, hasErrors, warning, type Place, type Problem } from '../problem.js';
import { chiefExecutiveTitle, fullAgencyName } from './agency.js';
import { availableYears, loadFramework, type Framework } from './framework.js';
import { findIndicatorHeader, readIndicatorTable } from './indicator-table.js';
import { findFacts, parseFiscalYear, yearInTitles, type Fact, type FoundFact } from './labels.js';
import type { Announcement, Signature } from './model.js';
import { findRecommendationsHeader, readRecommendations } from './recommendations.js';
import { readScore } from './score-cell.js';
import { levelFor, rankIndicators, resultFor, roundScore, weightedTotal } from './scoring.js';
import { cleanText, hasControlCharacters, labelKey, singleLine } from './text.js';

export interface AnnouncementOptions {
  /** The announcement date, YYYY-MM-DD in the Christian calendar. */
  date: string;
  signer?: string;
  position?: string;
  /** Used when the workbook states no fiscal year (`--year`). */
  fiscalYear?: number;
  /** Print the workbook's total even when it differs from the recomputed one (a warning instead of an error). */
  trustStatedTotal?: boolean;
}

export interface Normalised {
  announcement?: Announcement;
  problems: Problem[];
}

export function normalise(workbook: Workbook, options: AnnouncementOptions): Normalised {
  const file = workbook.file;
  const problems: Problem[] = [];

  const tableHeader = findIndicatorHeader(workbook);
  const recommendationsHeader = findRecommendationsHeader(workbook);
  const headerCells = new Set<Cell>([...(tableHeader?.cells ?? []), ...(recommendationsHeader?.cells ?? [])]);
  const { facts, problems: factProblems } = findFacts(workbook, headerCells);
  problems.push(...factProblems);
  const placeOf = (fact: FoundFact): Place => ({ file, sheet: fact.sheet.name, cell: (fact.value ?? fact.label).ref });
  const text = (name: Fact) => (facts[name]?.value ? singleLine(cellText(facts[name].value)) : '');

  const agencyName = text('agency');
  if (!agencyName) {
    const fact = facts.agency;
    problems.push(
      fact
        ? error('agency-missing', placeOf(fact), `ป้าย "หน่วยงาน" ที่เซลล์ ${cellName(fact.sheet.name, fact.label.ref)} ไม่มีชื่อหน่วยงานอยู่ทางขวาหรือด้านล่าง: ใส่ชื่อหน่วยงาน เช่น อบต.ลำปางรอง`)
        : error('agency-missing', { file }, 'ไม่พบชื่อหน่วยงาน: เพิ่มป้าย "หน่วยงาน" และใส่ชื่อหน่วยงานในเซลล์ทางขวา เช่น อบต.ลำปางรอง'),
    );
  }

  const framework = resolveFramework(workbook, facts, options, problems);
  if (!tableHeader) {
    problems.push(error('no-indicator-table', { file }, 'ไม่พบตารางคะแนนรายตัวชี้วัด: ต้องมีแถวหัวตารางที่มีคอลัมน์ "ตัวชี้วัด" และ "คะแนน" ตามไฟล์ที่ส่งออกจากระบบ ITAS'));
  }
  if (!framework || !tableHeader) return { problems };

  const table = readIndicatorTable(tableHeader, framework, file);
  problems.push(...table.problems);
  if (hasErrors(problems)) return { problems };
  const indicators = table.indicators;

  const computed = weightedTotal(indicators, framework);
  const total = statedTotal(facts.total, computed, options, placeOf, problems);
  const level = statedLevel(facts.level, computed, framework, placeOf, problems);
  const result = statedResult(facts.result, computed, framework, placeOf, problems);
  if (total === undefined || level === undefined) return { problems };

  const levelDescription = describeLevel(facts.levelDescription, level, total, framework, placeOf, problems);
  const agency = { shortName: agencyName, fullName: fullAgencyName(agencyName), ...(text('province') && { province: text('province') }) };

  let recommendations;
  if (recommendationsHeader) {
    const read = readRecommendations(recommendationsHeader, indicators, agency, file);
    problems.push(...read.problems);
    recommendations = read.recommendations;
  } else {
    problems.push(warning('recommendations-missing', { file }, 'ไม่พบชีตข้อเสนอแนะ (หัวตาราง "เครื่องมือ" และ "ข้อเสนอแนะ"): ประกาศจะไม่มีส่วนข้อเสนอแนะ IIT/EIT/OIT'));
  }

  const signature = signatureFor(agencyName, options, file, problems);
  if (hasErrors(problems)) return { problems };

  const ranking = rankIndicators(indicators);
  return {
    problems,
    announcement: {
      source: { file, sheet: tableHeader.sheet.name },
      agency,
      fiscalYear: framework.fiscalYear,
      indicators,
      total,
      level,
      result,
      ranking,
      highest: ranking[0]!.score,
      lowest: ranking.at(-1)!.score,
      levelDescription,
      ...(recommendations && { recommendations }),
      date: options.date,
      signature,
    },
  };
}

/** The fiscal year: a ปีงบประมาณ cell, else "พ.ศ. NNNN" in a title, else `--year`. */
function resolveFramework(workbook: Workbook, facts: Partial<Record<Fact, FoundFact>>, options: AnnouncementOptions, problems: Problem[]): Framework | undefined {
  const file = workbook.file;
  const labelled = facts.fiscalYear?.value;
  const title = yearInTitles(workbook);
  const stated = labelled
    ? { year: parseFiscalYear(cellText(labelled)), place: { file, sheet: facts.fiscalYear!.sheet.name, cell: labelled.ref } }
    : title && { year: title.year, place: { file, sheet: title.sheet.name, cell: title.cell.ref } };
  const year = stated?.year ?? options.fiscalYear;
  if (year === undefined) {
    problems.push(error('fiscal-year-missing', { file }, 'ไม่พบปีงบประมาณในไฟล์: เพิ่มป้าย "ปีงบประมาณ" พร้อมปี เช่น 2565 หรือระบุ --year 2565'));
    return undefined;
  }
  if (stated?.year !== undefined && options.fiscalYear !== undefined && stated.year !== options.fiscalYear) {
    problems.push(warning('fiscal-year-mismatch', stated.place, `ไฟล์ระบุปีงบประมาณ ${stated.year} แต่สั่ง --year ${options.fiscalYear}: ใช้ปี ${stated.year} ตามไฟล์`));
  }
  const framework = loadFramework(year);
  if (!framework) {
    problems.push(error('fiscal-year-unknown', stated?.place ?? { file }, `ยังไม่มีเกณฑ์การประเมินของปีงบประมาณ ${year}: ปีที่มีคือ ${availableYears().join(', ')}`));
  }
  return framework;
}

type PlaceOf = (fact: FoundFact) => Place;

/** The workbook's total when it states one (checked against the recomputed total), else the recomputed one. */
function statedTotal(fact: FoundFact | undefined, computed: number, options: AnnouncementOptions, placeOf: PlaceOf, problems: Problem[]): number | undefined {
  if (!fact?.value) return roundScore(computed);
  const place = placeOf(fact);
  const read = readScore(fact.value, place, 'คะแนนรวม');
  problems.push(...read.problems);
  if (read.value === undefined) return undefined;
  if (Math.abs(read.value - computed) > 0.01 + 1e-9) {
    const figures = `คะแนนรวมในไฟล์ (${cellName(place.sheet!, place.cell!)}) เป็น ${read.value.toFixed(2)} แต่คำนวณจากคะแนนรายตัวชี้วัดได้ ${computed.toFixed(2)}`;
    if (!options.trustStatedTotal) {
      problems.push(error('total-mismatch', place, `${figures}: ตรวจคะแนนกับระบบ ITAS หรือถ้าแน่ใจว่าคะแนนรวมในไฟล์ถูก ให้สั่ง --trust-stated-total`));
      return undefined;
    }
    problems.push(warning('total-trusted', place, `${figures}: พิมพ์ ${read.value.toFixed(2)} ตามไฟล์ตามที่สั่ง --trust-stated-total`));
  }
  return read.value;
}

function statedLevel(fact: FoundFact | undefined, computed: number, framework: Framework, placeOf: PlaceOf, problems: Problem[]): string | undefined {
  const expected = levelFor(computed, framework);
  const written = fact?.value ? singleLine(cellText(fact.value)) : '';
  if (!written) return expected;
  const level = framework.levels.find((band) => labelKey(band.level) === labelKey(written))?.level;
  const place = placeOf(fact!);
  if (!level) {
    problems.push(error('level-unknown', place, `ระดับ "${written}" ที่เซลล์ ${cellName(place.sheet!, place.cell!)} ไม่มีในเกณฑ์ปี ${framework.fiscalYear} (มี ${framework.levels.map((b) => b.level).join(', ')})`));
    return undefined;
  }
  if (level !== expected) {
    problems.push(warning('level-mismatch', place, `ไฟล์ระบุระดับ ${level} แต่คะแนน ${roundScore(computed).toFixed(2)} ตามเกณฑ์ปี ${framework.fiscalYear} อยู่ในระดับ ${expected}: พิมพ์ ${level} ตามไฟล์ โปรดตรวจกับระบบ ITAS`));
  }
  return level;
}

function statedResult(fact: FoundFact | undefined, computed: number, framework: Framework, placeOf: PlaceOf, problems: Problem[]): string {
  const expected = resultFor(computed, framework);
  const written = fact?.value ? singleLine(cellText(fact.value)) : '';
  if (!written) return expected;
  if (labelKey(written) !== labelKey(expected)) {
    problems.push(warning('result-mismatch', placeOf(fact!), `ไฟล์ระบุผลการประเมิน "${written}" แต่ตามเกณฑ์ (ผ่านเมื่อได้ ${framework.passMark} คะแนนขึ้นไป) ควรเป็น "${expected}": พิมพ์ "${written}" ตามไฟล์ โปรดตรวจกับระบบ ITAS`));
  }
  return written;
}

/** The workbook's level paragraph wins; without one, the year's default text for the level. */
function describeLevel(fact: FoundFact | undefined, level: string, total: number, framework: Framework, placeOf: PlaceOf, problems: Problem[]): string {
  const written = fact?.value ? cellText(fact.value) : '';
  if (hasControlCharacters(written)) {
    problems.push(warning('control-characters', placeOf(fact!), 'คำอธิบายระดับมีอักขระควบคุมที่มองไม่เห็น ซึ่งได้ตัดออกแล้ว: ตรวจข้อความในเอกสารอีกครั้ง'));
  }
  const description = cleanText(written).replace(/\n+/g, ' ');
  if (description) return description;
  return framework.levelDescriptions[level]!.replaceAll('{year}', String(framework.fiscalYear)).replaceAll('{score}', total.toFixed(2));
}

function signatureFor(agencyName: string, options: AnnouncementOptions, file: string, problems: Problem[]): Signature {
  const signer = options.signer?.trim() || undefined;
  const position = options.position?.trim() || (agencyName ? chiefExecutiveTitle(agencyName) : undefined);
  if (!signer) {
    problems.push(warning('signer-missing', { file }, 'ไม่ได้ระบุผู้ลงนาม (--signer): ประกาศจะเว้นบรรทัดจุดไว้ให้เขียนชื่อด้วยมือ'));
  }
  if (!position && agencyName) {
    problems.push(warning('position-missing', { file }, `ไม่ทราบตำแหน่งผู้ลงนามของ "${agencyName}" (ไม่ใช่ อบต./อบจ./ทต./ทม./ทน.): ระบุด้วย --position`));
  }
  return { ...(signer && { signer }), ...(position && { position }) };
}
