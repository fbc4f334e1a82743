/**
 * One agency's facts, as either layout found them, + the year's rules → its announcement.
 * The total, level and result are recomputed; what the workbook states is checked against
 * them and, when it is allowed to stand, printed.
 */
import { cellText, placeOf } from '../read/cells.js';
import { cellName, error, placeName, warning, type Place, type Problem } from '../core/problem.js';
import { chiefExecutiveTitle, fullAgencyName } from './agency.js';
import { assumption, TOOLS, weakest, type Basis, type Framework, type Tool } from './framework.js';
import type { Message } from '../core/language.js';
import { whereToSet, type SettingNames } from '../core/setting-names.js';
import type { AgencyFacts, StatedCell } from './facts.js';
import type { Announcement, IndicatorScore } from './model.js';
import { assembleRecommendations, rowsOfAgency, type RecommendationSheet } from './find/recommendations.js';
import { readScore } from './find/score-cell.js';
import {
  basesDeciding,
  levelFor,
  rankIndicators,
  resultFor,
  roundScore,
  toolContributions,
  toolScores,
  toolWeights,
  weightedTotal,
} from './scoring.js';
import { cleanText, hasControlCharacters, labelKey, singleLine } from './text.js';

export interface AnnouncementSettings {
  /** The announcement date, YYYY-MM-DD in the Christian calendar. */
  date: string;
  signer?: string;
  position?: string;
  /** Print the workbook's total even when it differs from the recomputed one (a warning instead of an error). */
  trustStatedTotal?: boolean;
  /** How the front end names the settings its messages point to (core/setting-names.ts). */
  names: SettingNames;
}

/** Published totals are rounded from unrounded indicator scores: up to 0.01 apart is normal. */
const TOLERANCE = 0.01 + 1e-9;

export function announce(
  facts: AgencyFacts,
  recommendationSheet: RecommendationSheet | undefined,
  options: AnnouncementSettings,
): { announcement?: Announcement; problems: Problem[] } {
  const problems: Problem[] = [];
  const { framework, indicators } = facts;
  const placeOfStated = (stated: StatedCell): Place => placeOf(stated.sheet, stated.cell);
  const sheetPlace = placeOf(facts.source.sheet);

  const computed = weightedTotal(indicators, framework);
  const tools = toolScores(indicators);
  checkToolScores(facts.toolScores ?? {}, indicators, framework, placeOfStated, problems);
  const total = statedTotal(facts.total, computed, framework, options, placeOfStated, problems);
  const level = statedLevel(facts.level, computed, tools, framework, placeOfStated, problems);
  const result = statedResult(facts.result, computed, framework, placeOfStated, problems);
  if (total === undefined || level === undefined) return { problems };
  const unsure = [total, level, result].filter((figure) => figure.unsure);
  if (unsure.length) problems.push(computedUnsure(unsure, framework, sheetPlace));

  const levelDescription = describeLevel(facts.levelDescription, level.value, total.value, framework, placeOfStated, problems);
  const agency = { shortName: facts.name, fullName: fullAgencyName(facts.name), ...(facts.province && { province: facts.province }) };

  let recommendations;
  if (recommendationSheet) {
    const assembled = assembleRecommendations(recommendationSheet, rowsOfAgency(recommendationSheet, agency), indicators);
    problems.push(...assembled.problems);
    recommendations = assembled.recommendations;
  }

  const signer = options.signer?.trim() || undefined;
  const position = options.position?.trim() || chiefExecutiveTitle(facts.name);
  if (!position) {
    const set = whereToSet(options.names, 'position');
    problems.push(
      warning(
        'position-missing',
        sheetPlace,
        `ไม่ทราบตำแหน่งผู้ลงนามของ "${facts.name}" (ไม่ใช่ อบต./อบจ./ทต./ทม./ทน.): ระบุตำแหน่งผู้ลงนาม${set.th}`,
        `The signer's position for "${facts.name}" is not known (not a อบต./อบจ./ทต./ทม./ทน.): give the signer's position${set.en}`,
      ),
    );
  }
  if (problems.some((p) => p.severity === 'error')) return { problems };

  const ranking = rankIndicators(indicators);
  return {
    problems,
    announcement: {
      source: {
        file: facts.source.sheet.file,
        sheet: facts.source.sheet.name,
        ...(facts.source.row !== undefined && { row: facts.source.row }),
      },
      agency,
      fiscalYear: framework.fiscalYear,
      criteriaYear: framework.carriedFrom ?? framework.fiscalYear,
      indicators,
      total: total.value,
      level: level.value,
      result: result.value,
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

function at(place: Place): Message {
  return placeName(place);
}

/** A place in brackets after a figure: the cell alone, as Excel names it, or the form's field. */
function inBrackets(place: Place): Message {
  return place.field ? placeName(place) : { th: cellName(place.sheet!, place.cell!), en: cellName(place.sheet!, place.cell!) };
}

/**
 * A figure to print, and, when the workbook did not state it, the rule the computed one rests on
 * if that rule is not confirmed: the clerk is told to check it.
 */
interface Figure<T> {
  value: T;
  unsure?: { what: Message; basis: Basis };
}

/**
 * The workbook's total when it states one, else the recomputed one. A stated total that differs
 * from the confirmed weights is an error (unless trusted); from weights that are not confirmed, a
 * warning, and the workbook's total is printed: ITAS computed it.
 */
function statedTotal(
  stated: StatedCell | undefined,
  computed: number,
  framework: Framework,
  options: AnnouncementSettings,
  placeOf: PlaceOf,
  problems: Problem[],
): Figure<number> | undefined {
  const unsureWeights = weakest([framework.basis.weights]);
  if (!stated)
    return {
      value: roundScore(computed),
      ...(unsureWeights && { unsure: { what: { th: 'คะแนนรวม', en: 'the total' }, basis: unsureWeights } }),
    };
  const place = placeOf(stated);
  const read = readScore(stated.cell, place, { th: 'คะแนนรวม', en: 'The total' });
  problems.push(...read.problems);
  if (read.value === undefined) return undefined;
  if (Math.abs(read.value - computed) > TOLERANCE) {
    const figures = {
      th: `คะแนนรวมในไฟล์ (${inBrackets(place).th}) เป็น ${read.value.toFixed(2)} แต่คำนวณจากคะแนนรายตัวชี้วัดได้ ${computed.toFixed(2)}`,
      en: `The total in the workbook (${inBrackets(place).en}) is ${read.value.toFixed(2)}, but the indicator scores give ${computed.toFixed(2)}`,
    };
    if (unsureWeights) {
      const why = assumption(unsureWeights);
      problems.push(
        warning(
          'total-mismatch',
          place,
          `${figures.th} ด้วยน้ำหนักของปี ${framework.fiscalYear} ที่โปรแกรมใช้ ซึ่ง${why.th}: พิมพ์ ${read.value.toFixed(2)} ตามไฟล์ โปรดตรวจกับระบบ ITAS`,
          `${figures.en} with the weights the program uses for ${framework.fiscalYear}, and ${why.en}: printing the workbook's ${read.value.toFixed(2)}; please check against ITAS`,
        ),
      );
    } else if (!options.trustStatedTotal) {
      const trust = whereToSet(options.names, 'trustStatedTotal');
      const orTrust = options.names.trustStatedTotal
        ? {
            th: ` หรือถ้าแน่ใจว่าคะแนนรวมในไฟล์ถูก ให้เลือกพิมพ์คะแนนรวมตามไฟล์${trust.th}`,
            en: `, or if you are sure the workbook's total is right, choose to print it as stated${trust.en}`,
          }
        : { th: '', en: '' };
      problems.push(
        error(
          'total-mismatch',
          place,
          `${figures.th}: ตรวจคะแนนกับระบบ ITAS${orTrust.th}`,
          `${figures.en}: check the scores against ITAS${orTrust.en}`,
        ),
      );
      return undefined;
    } else {
      const trust = whereToSet(options.names, 'trustStatedTotal');
      problems.push(
        warning(
          'total-trusted',
          place,
          `${figures.th}: พิมพ์ ${read.value.toFixed(2)} ตามไฟล์ตามที่เลือกไว้${trust.th}`,
          `${figures.en}: printing the workbook's ${read.value.toFixed(2)}, as chosen${trust.en}`,
        ),
      );
    }
  }
  return { value: read.value };
}

/**
 * Tool columns are not printed, so a disagreement is a warning: the indicators are what count. A
 * column may hold the tool's own score (the mean of its indicators, out of 100) or, as the NACC's
 * tables do, its weighted part of the total (IIT out of 30 …): either agreeing is no warning.
 */
function checkToolScores(
  stated: Partial<Record<Tool, StatedCell>>,
  indicators: readonly IndicatorScore[],
  framework: Framework,
  placeOf: PlaceOf,
  problems: Problem[],
): void {
  const means = toolScores(indicators);
  const parts = toolContributions(indicators, framework);
  const weights = toolWeights(framework);
  for (const tool of TOOLS) {
    const cell = stated[tool];
    if (!cell) continue;
    const place = placeOf(cell);
    const read = readScore(cell.cell, place, { th: `คะแนน ${tool}`, en: `The ${tool} score` });
    if (read.value === undefined) {
      problems.push(...read.problems.map((p) => ({ ...p, severity: 'warning' as const })));
      continue;
    }
    const agrees = (expected: number) => Math.abs(read.value! - expected) <= TOLERANCE;
    if (agrees(means[tool]) || agrees(parts[tool])) continue;
    const outOf = Math.round(weights[tool] * 100);
    problems.push(
      warning(
        'tool-score-mismatch',
        place,
        `คะแนน ${tool} ในไฟล์ (${inBrackets(place).th}) เป็น ${read.value.toFixed(2)} แต่ตัวชี้วัดของ ${tool} ให้ ${means[tool].toFixed(2)} (เฉลี่ย เต็ม 100) หรือ ${parts[tool].toFixed(2)} (ถ่วงน้ำหนัก เต็ม ${outOf}): ตรวจคะแนนรายตัวชี้วัดกับระบบ ITAS`,
        `The ${tool} score in the workbook (${inBrackets(place).en}) is ${read.value.toFixed(2)}, but the ${tool} indicators give ${means[tool].toFixed(2)} (their mean, out of 100) or ${parts[tool].toFixed(2)} (weighted, out of ${outOf}): check the indicator scores against ITAS`,
      ),
    );
  }
}

/**
 * The workbook's level when it states one, else the computed one. A level the year does not have
 * is an error when the year's levels are confirmed; otherwise a warning, and it is printed as written.
 */
function statedLevel(
  stated: StatedCell | undefined,
  computed: number,
  tools: Record<Tool, number>,
  framework: Framework,
  placeOf: PlaceOf,
  problems: Problem[],
): Figure<string> | undefined {
  const expected = levelFor(computed, tools, framework);
  const expectedAt = framework.levels.findIndex((band) => band.level === expected);
  const written = stated ? singleLine(cellText(stated.cell)) : '';
  if (!written) {
    const unsure = weakest(basesDeciding(computed, tools, framework, 0, expectedAt));
    return { value: expected, ...(unsure && { unsure: { what: { th: 'ระดับ', en: 'the level' }, basis: unsure } }) };
  }
  const place = placeOf(stated!);
  const levelAt = framework.levels.findIndex((band) => labelKey(band.level) === labelKey(written));
  const names = framework.levels.map((b) => b.level).join(', ');
  if (levelAt < 0) {
    const unsureLevels = weakest([framework.basis.rule]);
    if (!unsureLevels) {
      problems.push(
        error(
          'level-unknown',
          place,
          `ระดับ "${written}" ที่${at(place).th} ไม่มีในเกณฑ์ปี ${framework.fiscalYear} (มี ${names})`,
          `The level "${written}" in ${at(place).en} is not one of fiscal year ${framework.fiscalYear}'s (${names})`,
        ),
      );
      return undefined;
    }
    const why = assumption(unsureLevels);
    problems.push(
      warning(
        'level-unknown',
        place,
        `ระดับ "${written}" ที่${at(place).th} ไม่มีในเกณฑ์ปี ${framework.fiscalYear} ที่โปรแกรมใช้ (มี ${names}) ซึ่ง${why.th}: พิมพ์ "${written}" ตามไฟล์ โปรดตรวจกับระบบ ITAS`,
        `The level "${written}" in ${at(place).en} is not one of those the program uses for ${framework.fiscalYear} (${names}), and ${why.en}: printing "${written}" as the workbook says; please check against ITAS`,
      ),
    );
    return { value: written };
  }
  const level = framework.levels[levelAt]!.level;
  if (level !== expected) {
    const unsure = weakest(basesDeciding(computed, tools, framework, Math.min(levelAt, expectedAt), Math.max(levelAt, expectedAt) - 1));
    const why = unsure ? assumption(unsure) : { th: 'โปรดตรวจกับระบบ ITAS', en: 'please check against ITAS' };
    const more = unsure ? { th: ` ซึ่ง${why.th}`, en: `, and ${why.en}` } : { th: '', en: '' };
    problems.push(
      warning(
        'level-mismatch',
        place,
        `ไฟล์ระบุระดับ ${level} แต่คะแนน ${roundScore(computed).toFixed(2)} ตามเกณฑ์ปี ${framework.fiscalYear} อยู่ในระดับ ${expected}${more.th}: พิมพ์ ${level} ตามไฟล์ โปรดตรวจกับระบบ ITAS`,
        `The workbook states level ${level}, but ${roundScore(computed).toFixed(2)} is level ${expected} under fiscal year ${framework.fiscalYear}'s criteria${more.en}: printing ${level} as the workbook says; please check against ITAS`,
      ),
    );
  }
  return { value: level };
}

function statedResult(
  stated: StatedCell | undefined,
  computed: number,
  framework: Framework,
  placeOf: PlaceOf,
  problems: Problem[],
): Figure<string> {
  const expected = resultFor(computed, framework);
  const unsure = weakest([framework.basis.passMark]);
  const written = stated ? singleLine(cellText(stated.cell)) : '';
  if (!written) return { value: expected, ...(unsure && { unsure: { what: { th: 'ผลการประเมิน', en: 'the result' }, basis: unsure } }) };
  if (labelKey(written) !== labelKey(expected)) {
    const more = unsure ? { th: ` ซึ่ง${assumption(unsure).th}`, en: `, and ${assumption(unsure).en}` } : { th: '', en: '' };
    problems.push(
      warning(
        'result-mismatch',
        placeOf(stated!),
        `ไฟล์ระบุผลการประเมิน "${written}" แต่ตามเกณฑ์ (ผ่านเมื่อได้ ${framework.passMark} คะแนนขึ้นไป${more.th}) ควรเป็น "${expected}": พิมพ์ "${written}" ตามไฟล์ โปรดตรวจกับระบบ ITAS`,
        `The workbook states the result "${written}", but by the criteria (a pass from ${framework.passMark} points${more.en}) it should be "${expected}": printing "${written}" as the workbook says; please check against ITAS`,
      ),
    );
  }
  return { value: written };
}

/** What the workbook did not state and the program computed on rules it is not sure of: one warning for all of them. */
function computedUnsure(figures: Figure<unknown>[], framework: Framework, place: Place): Problem {
  const list = (items: string[], and: string, separator: string) =>
    items.length > 1 ? `${items.slice(0, -1).join(separator)}${and}${items.at(-1)}` : items[0]!;
  const what = {
    th: list(
      figures.map((f) => f.unsure!.what.th),
      figures.length > 2 ? ' และ' : 'และ',
      ' ',
    ),
    en: list(
      figures.map((f) => f.unsure!.what.en),
      ' and ',
      ', ',
    ),
  };
  const why = assumption(weakest(figures.map((f) => f.unsure!.basis))!);
  return warning(
    'computed-not-confirmed',
    place,
    `ไฟล์ไม่ได้ระบุ${what.th}: พิมพ์ตามที่โปรแกรมคำนวณด้วยเกณฑ์ปี ${framework.fiscalYear} ซึ่ง${why.th}: ตรวจกับระบบ ITAS ก่อนลงนาม`,
    `The workbook does not state ${what.en}: printing what the program computes with fiscal year ${framework.fiscalYear}'s criteria, and ${why.en}: check against ITAS before signing`,
  );
}

/** The workbook's level paragraph wins; without one, the year's default text for the level. */
function describeLevel(
  stated: StatedCell | undefined,
  level: string,
  total: number,
  framework: Framework,
  placeOf: PlaceOf,
  problems: Problem[],
): string {
  const written = stated ? cellText(stated.cell) : '';
  if (hasControlCharacters(written)) {
    problems.push(
      warning(
        'control-characters',
        placeOf(stated!),
        'คำอธิบายระดับมีอักขระควบคุมที่มองไม่เห็น ซึ่งได้ตัดออกแล้ว: ตรวจข้อความในเอกสารอีกครั้ง',
        'The level description had invisible control characters, which were removed: check the text in the document',
      ),
    );
  }
  const description = cleanText(written).replace(/\n+/g, ' ');
  if (description) return description;
  const text = framework.levels.find((band) => band.level === level)?.description ?? framework.otherLevelDescription;
  return text.replaceAll('{level}', level).replaceAll('{year}', String(framework.fiscalYear)).replaceAll('{score}', total.toFixed(2));
}
