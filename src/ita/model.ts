/**
 * The announcement model: the one typed object between the workbook and the document.
 * Readers produce it; writers read only it. Numbers are numbers and texts are as the
 * workbook wrote them (cleaned); digits and dates are formatted by the writer.
 */
import type { Tool } from './framework.js';

export interface Agency {
  /** As ITAS writes it, e.g. "อบต.ลำปางรอง"; printed in the summary table. */
  shortName: string;
  /** e.g. "องค์การบริหารส่วนตำบลลำปางรอง"; printed in the heading. */
  fullName: string;
  province?: string;
}

export interface IndicatorScore {
  number: number;
  /** As the workbook wrote it (e.g. indicator 8 as "การปรับปรุงการทำงาน"). */
  name: string;
  tool: Tool;
  score: number;
}

export interface RankedIndicator extends IndicatorScore {
  /** Equal scores share a rank: 1, 2, 2, 4. */
  rank: number;
}

/** OIT recommendations under one sub-indicator (ตัวชี้วัดย่อย), or directly under the indicator. */
export interface OitSection {
  /** e.g. { number: "9.4", name: "การบริหารและพัฒนาทรัพยากรบุคคล" }; absent for items with no sub-indicator. */
  subIndicator?: { number: string; name: string };
  items: string[];
}

export interface OitRecommendation {
  indicator: { number: number; name: string };
  sections: OitSection[];
}

export interface Recommendations {
  iit: string[];
  eit: string[];
  oit: OitRecommendation[];
}

export interface Signature {
  /** Absent: the document leaves a dotted line to write the name by hand. */
  signer?: string;
  /** Absent: the document leaves a dotted line for the position too. */
  position?: string;
}

/** One year of an agency's results, in the table of years (the analysis report's, and an announcement template's `{#history}`). */
export interface YearTotal {
  fiscalYear: number;
  total: number;
  level: string;
  result: string;
  /** The total minus the year before's in the list; absent for the first. */
  change?: number;
}

export interface Announcement {
  /** Where the facts came from, for messages and the summary. */
  source: { file: string; sheet: string; row?: number };
  agency: Agency;
  /** Buddhist Era, e.g. 2565. */
  fiscalYear: number;
  /** The year whose framework gave the rules: the fiscal year's own, or an earlier one carried forward. */
  criteriaYear: number;
  /** In official order 1..10. */
  indicators: IndicatorScore[];
  /** The total printed: the workbook's when it states one, else the computed one (2 decimals). */
  total: number;
  level: string;
  /** ผ่าน / ไม่ผ่าน */
  result: string;
  /** Highest score first; equal scores keep official order. */
  ranking: RankedIndicator[];
  highest: number;
  lowest: number;
  /** The paragraph that explains the level. */
  levelDescription: string;
  /** Absent when the workbook has no recommendations sheet. */
  recommendations?: Recommendations;
  /** The announcement date (ประกาศ ณ วันที่), a calendar day in the Gregorian calendar: YYYY-MM-DD. */
  date: string;
  signature: Signature;
  /**
   * The agency's years among the run's announcements (ita/history.ts), oldest first, this one
   * last; absent when no earlier year was matched. Set by the core (build/index.ts), not the reader.
   */
  history?: YearTotal[];
}
