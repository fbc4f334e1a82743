/** Scoring: the weighted total, the level, ผ่าน/ไม่ผ่าน, and the ranking of indicators. */
import { TOOLS, type Basis, type Framework, type LevelBand, type Tool } from './framework.js';
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

/** Each tool's own score out of 100: the mean of its indicators (unrounded). */
export function toolScores(indicators: readonly IndicatorScore[]): Record<Tool, number> {
  const mean = (tool: Tool) => {
    const scores = indicators.filter((i) => i.tool === tool).map((i) => i.score);
    return scores.reduce((sum, s) => sum + s, 0) / scores.length;
  };
  return Object.fromEntries(TOOLS.map((tool) => [tool, mean(tool)])) as Record<Tool, number>;
}

/**
 * Each tool's part of the total, as the NACC's own tables print it beside the indicators
 * (IIT out of 30, EIT out of 30, OIT out of 40): Σ weight × score over the tool's indicators.
 */
export function toolContributions(indicators: readonly IndicatorScore[], framework: Framework): Record<Tool, number> {
  const part = (tool: Tool) =>
    framework.indicators
      .filter((d) => d.tool === tool)
      .reduce((sum, d) => sum + d.weight * (indicators.find((i) => i.number === d.number)?.score ?? 0), 0);
  return Object.fromEntries(TOOLS.map((tool) => [tool, part(tool)])) as Record<Tool, number>;
}

/** Each tool's weight, as a share of the total (IIT 0.3 …). */
export function toolWeights(framework: Framework): Record<Tool, number> {
  const weight = (tool: Tool) => framework.indicators.filter((d) => d.tool === tool).reduce((sum, d) => sum + d.weight, 0);
  return Object.fromEntries(TOOLS.map((tool) => [tool, weight(tool)])) as Record<Tool, number>;
}

/**
 * The level: 84.99 is B, 85.00 is A (2562–2565); from 2566 ผ่านดี needs 85 in the total and in
 * each tool's own score, else ผ่าน. Scores are compared as published, to two decimals.
 */
export function levelFor(total: number, tools: Record<Tool, number>, framework: Framework): string {
  const band = framework.levels.find((b) => failedRequirements(b, total, tools).length === 0);
  return (band ?? framework.levels.at(-1)!).level;
}

/** What of a band's requirements these scores miss (none: the agency reaches the band). */
function failedRequirements(band: LevelBand, total: number, tools: Record<Tool, number>): ('min' | 'eachToolMin')[] {
  const failed: ('min' | 'eachToolMin')[] = [];
  if (roundScore(total) < band.min) failed.push('min');
  if (band.eachToolMin !== undefined && Object.values(tools).some((t) => roundScore(t) < band.eachToolMin!)) failed.push('eachToolMin');
  return failed;
}

/**
 * The facts a level rests on, for bands `from` to `to` (indices, highest first): in a band these
 * scores miss, the requirements they miss; in a band they reach, all of its requirements. The
 * lowest band comes first: it is the nearest to the level the scores are given.
 */
export function basesDeciding(total: number, tools: Record<Tool, number>, framework: Framework, from: number, to: number): Basis[] {
  return framework.levels
    .slice(from, to + 1)
    .reverse()
    .flatMap((band) => {
      const failed = failedRequirements(band, total, tools);
      const deciding = failed.length ? failed : (['min', 'eachToolMin'] as const);
      return deciding.flatMap((fact) => (band.basis[fact] ? [band.basis[fact]] : []));
    });
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
