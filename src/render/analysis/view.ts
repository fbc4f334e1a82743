/**
 * Analysis model → view: every value the analysis template prints, formatted as the
 * announcement's are (digits, two decimals, Buddhist-Era date). Yes/no facts are booleans, so
 * the words for them ("ถึงเกณฑ์", "ต่ำกว่าเกณฑ์") are the template's, where an agency can change them.
 */
import type { Analysis } from '../../ita/analysis.js';
import type { Digits } from '../../core/format.js';
import {
  resultView,
  SAMPLE_RESULT,
  SAMPLE_SIGNATURE,
  signatureView,
  viewFormatter,
  yearViews,
  type ResultView,
  type SignatureView,
  type YearView,
} from '../view.js';

/** What the template's {chart} prints before the writer puts the chart in its place (analysis/docx.ts). */
export const CHART_MARKER = 'ITA-ANALYSIS-CHART';

interface IndicatorView {
  number: string;
  name: string;
  tool: string;
  score: string;
}

export interface AnalysisView extends ResultView, SignatureView {
  /** The year whose criteria apply, and the pass mark. */
  criteriaYear: string;
  passMark: string;
  /** Shown when the fiscal year has no criteria of its own: the year carried forward. */
  criteriaCarried: { from: string } | false;
  /** Shown when NACC has not confirmed the pass mark the program uses. */
  passMarkUnconfirmed: boolean;
  /** Official order. */
  indicators: (IndicatorView & { rank: string; reaches: boolean })[];
  strengths: IndicatorView[];
  strengthsAreTopThree: boolean;
  /** Lowest first; an empty list shows the template's {^improvements} text. */
  improvements: (IndicatorView & { recommendations: { heading: { number: string; name: string } | false; texts: string[] }[] })[];
  measures: Omit<IndicatorView, 'score'>[];
  /** The table of years, when earlier years were given. */
  history: { years: YearView[] } | false;
  /** Where the chart goes: the paragraph holding {chart}. */
  chart: string;
}

export function toAnalysisView(analysis: Analysis, digits: Digits): AnalysisView {
  const f = viewFormatter(digits);
  const a = analysis;
  const indicator = (i: { number: number; name: string; tool: string; score: number }): IndicatorView => ({
    number: f.integer(i.number),
    name: f.text(i.name),
    tool: i.tool,
    score: f.score(i.score),
  });
  return {
    ...resultView(a, f),
    criteriaYear: f.integer(a.criteria.year),
    passMark: f.integer(a.criteria.passMark),
    criteriaCarried: a.criteria.carriedFrom === undefined ? false : { from: f.integer(a.criteria.carriedFrom) },
    passMarkUnconfirmed: a.criteria.passMarkConfidence !== 'confirmed',
    indicators: a.indicators.map((i) => ({ ...indicator(i), rank: f.integer(i.rank), reaches: i.reachesPassMark })),
    strengths: a.strengths.map(indicator),
    strengthsAreTopThree: a.strengthsAreTopThree,
    improvements: a.improvements.map((i) => ({
      ...indicator(i),
      recommendations: i.recommendations.map((r) => ({
        heading: r.subIndicator ? { number: f.text(r.subIndicator.number), name: f.text(r.subIndicator.name) } : false,
        texts: r.texts.map(f.text),
      })),
    })),
    measures: a.measures.map((m) => ({ number: f.integer(m.number), name: f.text(m.name), tool: m.tool })),
    history: a.history.length > 1 ? { years: yearViews(a.history, f) } : false,
    chart: CHART_MARKER,
    ...signatureView(a, f),
  };
}

/** A view with every section present: what an analysis template's tags are checked against. */
export const SAMPLE_ANALYSIS_VIEW: AnalysisView = {
  ...SAMPLE_RESULT,
  criteriaYear: '๒๕๖๕',
  passMark: '๘๕',
  criteriaCarried: { from: '๒๕๖๘' },
  passMarkUnconfirmed: true,
  indicators: [{ number: '๓', name: 'การใช้อำนาจ', tool: 'IIT', score: '๘๔.๗๙', rank: '๑', reaches: false }],
  strengths: [{ number: '๓', name: 'การใช้อำนาจ', tool: 'IIT', score: '๘๔.๗๙' }],
  strengthsAreTopThree: true,
  improvements: [
    {
      number: '๙',
      name: 'การเปิดเผยข้อมูล',
      tool: 'OIT',
      score: '๖๙.๕๗',
      recommendations: [{ heading: { number: '๙.๔', name: 'การบริหารและพัฒนาทรัพยากรบุคคล' }, texts: ['- หน่วยงานต้องแสดง…'] }],
    },
  ],
  measures: [{ number: '๙', name: 'การเปิดเผยข้อมูล', tool: 'OIT' }],
  history: { years: [{ fiscalYear: '๒๕๖๔', total: '๗๕.๐๐', level: 'B', result: 'ไม่ผ่าน', change: '-' }] },
  chart: CHART_MARKER,
  ...SAMPLE_SIGNATURE,
};
