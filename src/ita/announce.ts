/**
 * One agency's facts, as either layout found them, + the year's rules → its announcement.
 * The total, level and result are recomputed; what the workbook states is checked against
 * them and, when it is allowed to stand, printed.
 */
import { cellText, type Cell, type Sheet } from '../read/workbook.js';
import { cellName, error, warning, type Place, type Problem } from '../problem.js';
import { chiefExecutiveTitle, fullAgencyName } from './agency.js';
import { TOOLS, type Framework, type Tool } from './framework.js';
import type { Announcement, IndicatorScore } from './model.js';
import { assembleRecommendations, rowsOfAgency, type RecommendationSheet } from './recommendations.js';
import { readScore } from './score-cell.js';
import { levelFor, rankIndicators, resultFor, roundScore, toolScores, weightedTotal } from './scoring.js';
import { cleanText, hasControlCharacters, labelKey, singleLine } from './text.js';

/** A value the workbook states, and where. */
export interface StatedCell {
  sheet: Sheet;
  cell: Cell;
}

/** What a layout found for one agency, before the year's rules are applied. */
export interface AgencyFacts {
  /** Where the agency's scores are: the indicator table's sheet, or the agency's own row. */
  source: { sheet: string; row?: number };
  name: string;
  province?: string;
  framework: Framework;
  /** All of the year's indicators, in official order. */
  indicators: IndicatorScore[];
  total?: StatedCell;
  level?: StatedCell;
  result?: StatedCell;
  levelDescription?: StatedCell;
  /** IIT / EIT / OIT subtotal columns (layout 2): checked, never printed. */
  toolScores?: Partial<Record<Tool, StatedCell>>;
}

export interface AnnounceOptions {
  /** The announcement date, YYYY-MM-DD in the Christian calendar. */
  date: string;
  signer?: string;
  position?: string;
  /** Print the workbook's total even when it differs from the recomputed one (a warning instead of an error). */
  trustStatedTotal?: boolean;
}

/** Published totals are rounded from unrounded indicator scores: up to 0.01 apart is normal. */
const TOLERANCE = 0.01 + 1e-9;

export function announce(facts: AgencyFacts, recommendationSheet: RecommendationSheet | undefined, options: AnnounceOptions, file: string): { announcement?: Announcement; problems: Problem[] } {
  const problems: Problem[] = [];
  const { framework, indicators } = facts;
  const placeOf = (stated: StatedCell): Place => ({ file, sheet: stated.sheet.name, cell: stated.cell.ref });

  const computed = weightedTotal(indicators, framework);
  const tools = toolScores(indicators);
  checkToolScores(facts.toolScores ?? {}, tools, placeOf, problems);
  const total = statedTotal(facts.total, computed, options, placeOf, problems);
  const level = statedLevel(facts.level, computed, tools, framework, placeOf, problems);
  const result = statedResult(facts.result, computed, framework, placeOf, problems);
  if (total === undefined || level === undefined) return { problems };

  const levelDescription = describeLevel(facts.levelDescription, level, total, framework, placeOf, problems);
  const agency = { shortName: facts.name, fullName: fullAgencyName(facts.name), ...(facts.province && { province: facts.province }) };

  let recommendations;
  if (recommendationSheet) {
    const assembled = assembleRecommendations(recommendationSheet, rowsOfAgency(recommendationSheet, agency), indicators, file);
    problems.push(...assembled.problems);
    recommendations = assembled.recommendations;
  }

  const signer = options.signer?.trim() || undefined;
  const position = options.position?.trim() || chiefExecutiveTitle(facts.name);
  if (!position) {
    problems.push(warning('position-missing', { file, sheet: facts.source.sheet }, `ไม่ทราบตำแหน่งผู้ลงนามของ "${facts.name}" (ไม่ใช่ อบต./อบจ./ทต./ทม./ทน.): ระบุด้วย --position`, `The signer's position for "${facts.name}" is not known (not a อบต./อบจ./ทต./ทม./ทน.): give it with --position`));
  }
  if (problems.some((p) => p.severity === 'error')) return { problems };

  const ranking = rankIndicators(indicators);
  return {
    problems,
    announcement: {
      source: { file, ...facts.source },
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
      signature: { ...(signer && { signer }), ...(position && { position }) },
    },
  };
}

type PlaceOf = (stated: StatedCell) => Place;

function at(place: Place): string {
  return cellName(place.sheet!, place.cell!);
}

/** The workbook's total when it states one (checked against the recomputed total), else the recomputed one. */
function statedTotal(stated: StatedCell | undefined, computed: number, options: AnnounceOptions, placeOf: PlaceOf, problems: Problem[]): number | undefined {
  if (!stated) return roundScore(computed);
  const place = placeOf(stated);
  const read = readScore(stated.cell, place, { th: 'คะแนนรวม', en: 'The total' });
  problems.push(...read.problems);
  if (read.value === undefined) return undefined;
  if (Math.abs(read.value - computed) > TOLERANCE) {
    const figures = {
      th: `คะแนนรวมในไฟล์ (${at(place)}) เป็น ${read.value.toFixed(2)} แต่คำนวณจากคะแนนรายตัวชี้วัดได้ ${computed.toFixed(2)}`,
      en: `The total in the workbook (${at(place)}) is ${read.value.toFixed(2)}, but the indicator scores give ${computed.toFixed(2)}`,
    };
    if (!options.trustStatedTotal) {
      problems.push(error('total-mismatch', place, `${figures.th}: ตรวจคะแนนกับระบบ ITAS หรือถ้าแน่ใจว่าคะแนนรวมในไฟล์ถูก ให้สั่ง --trust-stated-total`, `${figures.en}: check the scores against ITAS, or if you are sure the workbook's total is right, use --trust-stated-total`));
      return undefined;
    }
    problems.push(warning('total-trusted', place, `${figures.th}: พิมพ์ ${read.value.toFixed(2)} ตามไฟล์ตามที่สั่ง --trust-stated-total`, `${figures.en}: printing the workbook's ${read.value.toFixed(2)}, as --trust-stated-total asks`));
  }
  return read.value;
}

/** Subtotal columns are not printed, so a disagreement is a warning: the indicators are what count. */
function checkToolScores(stated: Partial<Record<Tool, StatedCell>>, computed: Record<Tool, number>, placeOf: PlaceOf, problems: Problem[]): void {
  for (const tool of TOOLS) {
    const cell = stated[tool];
    if (!cell) continue;
    const place = placeOf(cell);
    const read = readScore(cell.cell, place, { th: `คะแนน ${tool}`, en: `The ${tool} score` });
    if (read.value === undefined) {
      problems.push(...read.problems.map((p) => ({ ...p, severity: 'warning' as const })));
    } else if (Math.abs(read.value - computed[tool]) > TOLERANCE) {
      problems.push(warning('tool-score-mismatch', place, `คะแนน ${tool} ในไฟล์ (${at(place)}) เป็น ${read.value.toFixed(2)} แต่เฉลี่ยจากตัวชี้วัดของ ${tool} ได้ ${computed[tool].toFixed(2)}: ตรวจคะแนนรายตัวชี้วัดกับระบบ ITAS`, `The ${tool} score in the workbook (${at(place)}) is ${read.value.toFixed(2)}, but the average of the ${tool} indicators is ${computed[tool].toFixed(2)}: check the indicator scores against ITAS`));
    }
  }
}

function statedLevel(stated: StatedCell | undefined, computed: number, tools: Record<Tool, number>, framework: Framework, placeOf: PlaceOf, problems: Problem[]): string | undefined {
  const expected = levelFor(computed, tools, framework);
  const written = stated ? singleLine(cellText(stated.cell)) : '';
  if (!written) return expected;
  const level = framework.levels.find((band) => labelKey(band.level) === labelKey(written))?.level;
  const place = placeOf(stated!);
  if (!level) {
    problems.push(error('level-unknown', place, `ระดับ "${written}" ที่เซลล์ ${at(place)} ไม่มีในเกณฑ์ปี ${framework.fiscalYear} (มี ${framework.levels.map((b) => b.level).join(', ')})`, `The level "${written}" in cell ${at(place)} is not one of fiscal year ${framework.fiscalYear}'s (${framework.levels.map((b) => b.level).join(', ')})`));
    return undefined;
  }
  if (level !== expected) {
    problems.push(warning('level-mismatch', place, `ไฟล์ระบุระดับ ${level} แต่คะแนน ${roundScore(computed).toFixed(2)} ตามเกณฑ์ปี ${framework.fiscalYear} อยู่ในระดับ ${expected}: พิมพ์ ${level} ตามไฟล์ โปรดตรวจกับระบบ ITAS`, `The workbook states level ${level}, but ${roundScore(computed).toFixed(2)} is level ${expected} under fiscal year ${framework.fiscalYear}'s criteria: printing ${level} as the workbook says; please check against ITAS`));
  }
  return level;
}

function statedResult(stated: StatedCell | undefined, computed: number, framework: Framework, placeOf: PlaceOf, problems: Problem[]): string {
  const expected = resultFor(computed, framework);
  const written = stated ? singleLine(cellText(stated.cell)) : '';
  if (!written) return expected;
  if (labelKey(written) !== labelKey(expected)) {
    problems.push(warning('result-mismatch', placeOf(stated!), `ไฟล์ระบุผลการประเมิน "${written}" แต่ตามเกณฑ์ (ผ่านเมื่อได้ ${framework.passMark} คะแนนขึ้นไป) ควรเป็น "${expected}": พิมพ์ "${written}" ตามไฟล์ โปรดตรวจกับระบบ ITAS`, `The workbook states the result "${written}", but by the criteria (a pass from ${framework.passMark} points) it should be "${expected}": printing "${written}" as the workbook says; please check against ITAS`));
  }
  return written;
}

/** The workbook's level paragraph wins; without one, the year's default text for the level. */
function describeLevel(stated: StatedCell | undefined, level: string, total: number, framework: Framework, placeOf: PlaceOf, problems: Problem[]): string {
  const written = stated ? cellText(stated.cell) : '';
  if (hasControlCharacters(written)) {
    problems.push(warning('control-characters', placeOf(stated!), 'คำอธิบายระดับมีอักขระควบคุมที่มองไม่เห็น ซึ่งได้ตัดออกแล้ว: ตรวจข้อความในเอกสารอีกครั้ง', 'The level description had invisible control characters, which were removed: check the text in the document'));
  }
  const description = cleanText(written).replace(/\n+/g, ' ');
  if (description) return description;
  return framework.levelDescriptions[level]!.replaceAll('{year}', String(framework.fiscalYear)).replaceAll('{score}', total.toFixed(2));
}
