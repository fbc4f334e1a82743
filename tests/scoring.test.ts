import { describe, expect, it } from 'vitest';
import { loadFramework, availableYears } from '../src/ita/framework.js';
import type { IndicatorScore } from '../src/ita/model.js';
import { levelFor, rankIndicators, resultFor, roundScore, toolScores, weightedTotal } from '../src/ita/scoring.js';

const framework2565 = loadFramework(2565)!;
/** Every tool at the same score, for level rules that look at the total alone. */
const each = (score: number) => ({ IIT: score, EIT: score, OIT: score });

function indicators(scores: number[]): IndicatorScore[] {
  return scores.map((score, i) => ({ number: i + 1, name: framework2565.indicators[i]!.name, tool: framework2565.indicators[i]!.tool, score }));
}

describe('scoring', () => {
  it('gives อบต.ลำปางรอง 2565 its published total 78.29, level B, ไม่ผ่าน', () => {
    const scores = indicators([84.39, 72.98, 84.79, 75.36, 75.63, 84.27, 81.5, 79.61, 69.57, 81.25]);
    const total = weightedTotal(scores, framework2565);
    expect(roundScore(total)).toBe(78.29);
    expect(levelFor(total, toolScores(scores), framework2565)).toBe('B');
    expect(resultFor(total, framework2565)).toBe('ไม่ผ่าน');
  });

  it('weighs IIT 30 %, EIT 30 %, OIT 40 %', () => {
    expect(weightedTotal(indicators([100, 100, 100, 100, 100, 0, 0, 0, 0, 0]), framework2565)).toBeCloseTo(30, 9);
    expect(weightedTotal(indicators([0, 0, 0, 0, 0, 100, 100, 100, 0, 0]), framework2565)).toBeCloseTo(30, 9);
    expect(weightedTotal(indicators([0, 0, 0, 0, 0, 0, 0, 0, 100, 100]), framework2565)).toBeCloseTo(40, 9);
  });

  it('puts 84.99 in B (ไม่ผ่าน) and 85.00 in A (ผ่าน)', () => {
    expect(levelFor(84.99, each(84.99), framework2565)).toBe('B');
    expect(resultFor(84.99, framework2565)).toBe('ไม่ผ่าน');
    expect(levelFor(85, each(85), framework2565)).toBe('A');
    expect(resultFor(85, framework2565)).toBe('ผ่าน');
    expect(levelFor(84.995, each(84.995), framework2565)).toBe('A');
    expect(levelFor(95, each(95), framework2565)).toBe('AA');
    expect(levelFor(49.99, each(49.99), framework2565)).toBe('F');
    expect(levelFor(0, each(0), framework2565)).toBe('F');
  });

  it('ranks highest first, shares ranks for equal scores (1, 2, 2, 4) in official order', () => {
    const ranked = rankIndicators(indicators([80, 90, 85, 85, 70, 60, 60, 60, 95, 50]));
    expect(ranked.map((r) => [r.rank, r.number])).toEqual([
      [1, 9],
      [2, 2],
      [3, 3],
      [3, 4],
      [5, 1],
      [6, 5],
      [7, 6],
      [7, 7],
      [7, 8],
      [10, 10],
    ]);
  });
});

describe('framework data', () => {
  it('has a validated data file for each letter-grade year', () => {
    expect(availableYears()).toEqual(expect.arrayContaining([2563, 2564, 2565]));
    for (const year of availableYears()) expect(loadFramework(year)!.fiscalYear).toBe(year);
    expect(loadFramework(2499)).toBeUndefined();
  });
});
