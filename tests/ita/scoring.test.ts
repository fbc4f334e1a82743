import { describe, expect, it } from 'vitest';
import { frameworksOnDisk } from '../../src/node/frameworks-on-disk.js';
import type { IndicatorScore } from '../../src/ita/model.js';
import { levelFor, rankIndicators, resultFor, roundScore, toolScores, weightedTotal } from '../../src/ita/scoring.js';

const library = frameworksOnDisk();
const frameworkOf = (year: number) => library.forYear(year, {}).framework!;
const framework2565 = frameworkOf(2565);
/** Every tool at the same score, for level rules that look at the total alone. */
const each = (score: number) => ({ IIT: score, EIT: score, OIT: score });

function indicators(scores: number[]): IndicatorScore[] {
  return scores.map((score, i) => ({
    number: i + 1,
    name: framework2565.indicators[i]!.name,
    tool: framework2565.indicators[i]!.tool,
    score,
  }));
}

describe('scoring', () => {
  it('gives อบต.ลำปางรอง 2565 its published total 78.29, level B, ไม่ผ่าน', async () => {
    const scores = indicators([84.39, 72.98, 84.79, 75.36, 75.63, 84.27, 81.5, 79.61, 69.57, 81.25]);
    const total = weightedTotal(scores, framework2565);
    expect(roundScore(total)).toBe(78.29);
    expect(levelFor(total, toolScores(scores), framework2565)).toBe('B');
    expect(resultFor(total, framework2565)).toBe('ไม่ผ่าน');
  });

  it('weighs IIT 30 %, EIT 30 %, OIT 40 %', async () => {
    expect(weightedTotal(indicators([100, 100, 100, 100, 100, 0, 0, 0, 0, 0]), framework2565)).toBeCloseTo(30, 9);
    expect(weightedTotal(indicators([0, 0, 0, 0, 0, 100, 100, 100, 0, 0]), framework2565)).toBeCloseTo(30, 9);
    expect(weightedTotal(indicators([0, 0, 0, 0, 0, 0, 0, 0, 100, 100]), framework2565)).toBeCloseTo(40, 9);
  });

  it('puts 84.99 in B (ไม่ผ่าน) and 85.00 in A (ผ่าน)', async () => {
    expect(levelFor(84.99, each(84.99), framework2565)).toBe('B');
    expect(resultFor(84.99, framework2565)).toBe('ไม่ผ่าน');
    expect(levelFor(85, each(85), framework2565)).toBe('A');
    expect(resultFor(85, framework2565)).toBe('ผ่าน');
    expect(levelFor(84.995, each(84.995), framework2565)).toBe('A');
    expect(levelFor(95, each(95), framework2565)).toBe('AA');
    expect(levelFor(49.99, each(49.99), framework2565)).toBe('F');
    expect(levelFor(0, each(0), framework2565)).toBe('F');
  });

  it('ranks highest first, shares ranks for equal scores (1, 2, 2, 4) in official order', async () => {
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

describe('published figures', () => {
  const framework2564 = frameworkOf(2564);
  it.each([
    [[93.55, 87.72, 91.01, 87.93, 89.52, 90.55, 88.68, 88.58, 72.89, 65.56], 81.45],
    [[94.65, 89.11, 91.95, 89.29, 89.86, 92.12, 89.9, 89.49, 65.89, 51.15], 77.85],
  ])('2564: %j give %s, level B', (scores, published) => {
    const indicatorScores = indicators(scores);
    const total = weightedTotal(indicatorScores, framework2564);
    expect(roundScore(total)).toBe(published);
    expect(levelFor(total, toolScores(indicatorScores), framework2564)).toBe('B');
  });
});

describe('pass levels (2566 onwards)', () => {
  const framework2566 = frameworkOf(2566);
  it('needs 95 in the total and in each tool for ผ่านดีเยี่ยม, 85 for ผ่านดี; ผ่าน from 85 in the total alone', async () => {
    expect(levelFor(97, each(97), framework2566)).toBe('ผ่านดีเยี่ยม');
    expect(levelFor(97, { IIT: 94.99, EIT: 99, OIT: 99 }, framework2566)).toBe('ผ่านดี');
    expect(levelFor(90, { IIT: 84.99, EIT: 95, OIT: 95 }, framework2566)).toBe('ผ่าน');
    expect(levelFor(85, each(85), framework2566)).toBe('ผ่านดี');
    expect(levelFor(84.99, each(90), framework2566)).toBe('ต้องปรับปรุง');
    expect(levelFor(70, each(70), framework2566)).toBe('ต้องปรับปรุง');
    expect(levelFor(69.99, each(70), framework2566)).toBe('ต้องปรับปรุงโดยด่วน');
    expect(resultFor(85, framework2566)).toBe('ผ่าน');
    expect(resultFor(84.99, framework2566)).toBe('ไม่ผ่าน');
  });
});

describe('published cases of the pass levels', () => {
  // The indicator scores are made up; what is published is the total, the level and which tool fell short.
  it('2568: a total of 94.64 with EIT under 85 is ผ่าน, not ผ่านดี (สตง., ผ่านดี in 2567, ผ่าน in 2568)', async () => {
    const scores = indicators([99, 99, 99, 99, 99, 84, 84, 84, 99.35, 99.35]);
    const total = weightedTotal(scores, frameworkOf(2568));
    expect(roundScore(total)).toBe(94.64);
    expect(levelFor(total, toolScores(scores), frameworkOf(2568))).toBe('ผ่าน');
    expect(resultFor(total, frameworkOf(2568))).toBe('ผ่าน');
  });

  it('2566: 95.81 with a tool under 95 is ผ่านดี, not ผ่านดีเยี่ยม', async () => {
    const scores = indicators([94, 94, 94, 94, 94, 97, 97, 97, 96.27, 96.28]);
    const total = weightedTotal(scores, frameworkOf(2566));
    expect(roundScore(total)).toBe(95.81);
    expect(levelFor(total, toolScores(scores), frameworkOf(2566))).toBe('ผ่านดี');
  });
});
