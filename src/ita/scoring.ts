/** Scoring: the weighted total, the level, ผ่าน/ไม่ผ่าน, and the ranking of indicators. */
import type { Framework } from './framework.js';
import type { IndicatorScore, RankedIndicator } from './model.js';

export const PASSED = 'ผ่าน';
export const NOT_PASSED = 'ไม่ผ่าน';

/** Scores are published to two decimals; compare and print them so. */
export function roundScore(score: number): number {
  return Math.round((score + Number.EPSILON) * 100) / 100;
}

/** ITA = Σ weight × score, over the indicators in the year's framework (unrounded). */
export function weightedTotal(indicators: readonly IndicatorScore[], framework: Framework): number {
  return framework.indicators.reduce((total, definition) => {
    const indicator = indicators.find((i) => i.number === definition.number);
    if (!indicator) throw new Error(`indicator ${definition.number} has no score`);
    return total + definition.weight * indicator.score;
  }, 0);
}

/** The level band the total falls in: 84.99 is B, 85.00 is A (2562–2565). */
export function levelFor(total: number, framework: Framework): string {
  const score = roundScore(total);
  const band = framework.levels.find((b) => score >= b.min) ?? framework.levels.at(-1)!;
  return band.level;
}

export function resultFor(total: number, framework: Framework): string {
  return roundScore(total) >= framework.passMark ? PASSED : NOT_PASSED;
}

/**
 * Highest score first. Equal scores (to two decimals) share a rank, the next rank skips
 * (1, 2, 2, 4), and keep the official indicator order among themselves.
 */
export function rankIndicators(indicators: readonly IndicatorScore[]): RankedIndicator[] {
  const ordered = [...indicators].sort((a, b) => roundScore(b.score) - roundScore(a.score) || a.number - b.number);
  return ordered.map((indicator) => ({
    ...indicator,
    rank: 1 + ordered.filter((other) => roundScore(other.score) > roundScore(indicator.score)).length,
  }));
}
