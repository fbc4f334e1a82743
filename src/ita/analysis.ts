/**
 * The analysis model: what the report on an agency's ITA results (รายงานการวิเคราะห์ผลการประเมิน)
 * says, computed from its announcement model and nothing else but the year's pass mark and the
 * agency's earlier years. Like the announcement model it holds numbers and texts, no wording:
 * every fixed sentence lives in the template, so nothing is said that the data does not support.
 *
 *   announcement + pass mark (+ earlier years, history.ts) → Analysis → view → template → DOCX
 */
import type { Confidence, Tool } from './framework.js';
import { yearTotals } from './history.js';
import type { Agency, Announcement, IndicatorScore, OitSection, Signature, YearTotal } from './model.js';
import { roundScore } from './scoring.js';
import { toArabicDigits } from '../core/thai.js';

/** The rule the year's results are judged by, with how sure the program is of it. */
export interface Criteria {
  /** The year whose framework gave the rules. */
  year: number;
  /** Set when the fiscal year has no rules of its own: the earlier year carried forward. */
  carriedFrom?: number;
  /** ผ่าน from this total up; an indicator at or above it is a strength. */
  passMark: number;
  passMarkConfidence: Confidence;
}

export interface AnalysedIndicator extends IndicatorScore {
  rank: number;
  reachesPassMark: boolean;
}

/** Recommendations under one heading: an OIT sub-indicator, or none (IIT, EIT, OIT items directly under the indicator). */
export interface RecommendationGroup {
  subIndicator?: OitSection['subIndicator'];
  texts: string[];
}

export interface PointToImprove extends IndicatorScore {
  /** The workbook's recommendations for this indicator and tool; empty when it has none. */
  recommendations: RecommendationGroup[];
}

/** One year of the agency's results, for the table of years and the chart. */
export interface YearResult extends YearTotal {
  /** In official order. */
  scores: { number: number; score: number }[];
}

export interface Analysis {
  source: Announcement['source'];
  agency: Agency;
  fiscalYear: number;
  criteria: Criteria;
  total: number;
  level: string;
  result: string;
  levelDescription: string;
  /** In official order 1..10, with their rank and whether they reach the pass mark. */
  indicators: AnalysedIndicator[];
  /** Indicators at or above the pass mark, highest first; when none is, the top three (`strengthsAreTopThree`). */
  strengths: AnalysedIndicator[];
  strengthsAreTopThree: boolean;
  /** Every indicator below the pass mark, lowest first (equal scores in official order). */
  improvements: PointToImprove[];
  /** One row of the measures table per point to improve, in the same order: the indicator named, the rest for the agency to fill. */
  measures: { number: number; name: string; tool: Tool }[];
  /** The agency's years, oldest first, this one last; only this year when no earlier one was given. */
  history: YearResult[];
  date: string;
  signature: Signature;
}

/** How many indicators are named as strengths when none reaches the pass mark. */
const TOP_STRENGTHS = 3;

export function analyse(announcement: Announcement, criteria: Criteria, earlier: readonly Announcement[] = []): Analysis {
  const a = announcement;
  const rankOf = new Map(a.ranking.map((r) => [r.number, r.rank]));
  const indicators = a.indicators.map((i) => ({
    ...i,
    rank: rankOf.get(i.number)!,
    reachesPassMark: roundScore(i.score) >= criteria.passMark,
  }));
  const highestFirst = [...indicators].sort((x, y) => x.rank - y.rank || x.number - y.number);
  const reaching = highestFirst.filter((i) => i.reachesPassMark);
  const improvements = [...highestFirst]
    .filter((i) => !i.reachesPassMark)
    .sort((x, y) => roundScore(x.score) - roundScore(y.score) || x.number - y.number)
    .map(({ rank: _rank, reachesPassMark: _reaches, ...indicator }) => ({
      ...indicator,
      recommendations: recommendationsFor(indicator, a),
    }));
  return {
    source: a.source,
    agency: a.agency,
    fiscalYear: a.fiscalYear,
    criteria,
    total: a.total,
    level: a.level,
    result: a.result,
    levelDescription: a.levelDescription,
    indicators,
    strengths: reaching.length ? reaching : highestFirst.slice(0, TOP_STRENGTHS),
    strengthsAreTopThree: reaching.length === 0,
    improvements,
    measures: improvements.map(({ number, name, tool }) => ({ number, name, tool })),
    history: yearsOf([...earlier, a]),
    date: a.date,
    signature: a.signature,
  };
}

/** The years oldest first, each with its change from the one before and its scores. */
function yearsOf(announcements: readonly Announcement[]): YearResult[] {
  return yearTotals(announcements).map(({ announcement, ...year }) => ({
    ...year,
    scores: announcement.indicators.map((s) => ({ number: s.number, score: s.score })),
  }));
}

/**
 * The workbook's recommendations for one indicator. OIT items are grouped by indicator already.
 * IIT and EIT recommendations are paragraphs of their tool: a paragraph is this indicator's when
 * it names it ("ตัวชี้วัดที่ 2 …", as ITAS writes them, or the indicator's name); a paragraph that
 * names none of the tool's indicators is the whole tool's, and goes with each of its points.
 */
function recommendationsFor(indicator: IndicatorScore, announcement: Announcement): RecommendationGroup[] {
  const recommendations = announcement.recommendations;
  if (!recommendations) return [];
  if (indicator.tool === 'OIT') {
    const group = recommendations.oit.find((g) => g.indicator.number === indicator.number);
    return (group?.sections ?? []).map((s) => ({ ...(s.subIndicator && { subIndicator: s.subIndicator }), texts: s.items }));
  }
  const paragraphs = indicator.tool === 'IIT' ? recommendations.iit : recommendations.eit;
  const ofTool = announcement.indicators.filter((i) => i.tool === indicator.tool);
  const texts = paragraphs.filter((paragraph) => {
    const named = ofTool.filter((i) => namesIndicator(paragraph, i));
    return named.length === 0 || named.some((i) => i.number === indicator.number);
  });
  return texts.length ? [{ texts }] : [];
}

/** Whether a paragraph names the indicator: by its number after ตัวชี้วัดที่ (not 10 for 1), or by its name. */
function namesIndicator(paragraph: string, indicator: { number: number; name: string; tool: Tool }): boolean {
  const text = toArabicDigits(paragraph);
  if (new RegExp(`ตัวชี้วัดที่\\s*${indicator.number}(?![0-9.])`).test(text)) return true;
  const squeezed = (t: string) => t.replace(/\s+/g, '');
  return squeezed(text).includes(squeezed(indicator.name));
}
