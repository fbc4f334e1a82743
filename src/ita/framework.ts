/**
 * The ITA framework of one fiscal year, kept as data in `frameworks/<year>.json` so a clerk
 * or maintainer can correct a weight or a text without touching the program.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { z } from 'zod';

const FRAMEWORK_DIR = fileURLToPath(new URL('./frameworks/', import.meta.url));

export const TOOLS = ['IIT', 'EIT', 'OIT'] as const;
export type Tool = (typeof TOOLS)[number];

const toolSchema = z.enum(TOOLS);

const frameworkSchema = z
  .object({
    fiscalYear: z.number().int().min(2500).max(2700),
    notes: z.string(),
    /** Paths of facts in this file that public material has not confirmed. */
    unconfirmed: z.array(z.string()),
    indicators: z
      .array(
        z.object({
          number: z.number().int().positive(),
          tool: toolSchema,
          name: z.string().min(1),
          /** Other names the indicator goes by in workbooks. */
          aliases: z.array(z.string().min(1)),
          /** Share of the total score; all weights add up to 1. */
          weight: z.number().positive().max(1),
        }),
      )
      .min(1),
    /**
     * letter-grade (to 2565): AA…F by the total alone. pass-levels (from 2566): ผ่านดีเยี่ยม…
     * ต้องปรับปรุงโดยด่วน, where the top levels also need each tool's own score.
     */
    rule: z.enum(['letter-grade', 'pass-levels']),
    /**
     * Highest level first; an agency gets the first level whose `min` its total reaches and,
     * when `eachToolMin` is given, whose mark each of IIT, EIT and OIT (the mean of that
     * tool's indicators) reaches too.
     */
    levels: z
      .array(
        z.object({
          level: z.string().min(1),
          min: z.number().min(0).max(100),
          eachToolMin: z.number().min(0).max(100).optional(),
        }),
      )
      .min(1),
    /** ผ่าน from this total up, ไม่ผ่าน below it. */
    passMark: z.number().min(0).max(100),
    /** Default paragraph per level, with `{year}` and `{score}` filled in. */
    levelDescriptions: z.record(z.string(), z.string().min(1)),
  })
  .superRefine((f, ctx) => {
    const weights = f.indicators.reduce((sum, i) => sum + i.weight, 0);
    if (Math.abs(weights - 1) > 1e-9) ctx.addIssue({ code: 'custom', path: ['indicators'], message: `weights add up to ${weights}, not 1` });
    f.indicators.forEach((indicator, i) => {
      if (indicator.number !== i + 1) ctx.addIssue({ code: 'custom', path: ['indicators', i, 'number'], message: `expected indicator ${i + 1}` });
    });
    f.levels.forEach((band, i) => {
      const above = f.levels[i - 1];
      const stricterAbove = above && (above.min > band.min || (above.min === band.min && (above.eachToolMin ?? 0) > (band.eachToolMin ?? 0)));
      if (above && !stricterAbove) ctx.addIssue({ code: 'custom', path: ['levels', i], message: 'levels must go from highest to lowest' });
      if (f.rule === 'letter-grade' && band.eachToolMin !== undefined) ctx.addIssue({ code: 'custom', path: ['levels', i, 'eachToolMin'], message: 'letter grades depend on the total alone' });
      if (!f.levelDescriptions[band.level]) ctx.addIssue({ code: 'custom', path: ['levelDescriptions', band.level], message: 'no description for this level' });
    });
    if (f.levels.at(-1)?.min !== 0) ctx.addIssue({ code: 'custom', path: ['levels'], message: 'the lowest level must start at 0' });
  });

export type Framework = z.infer<typeof frameworkSchema>;
export type IndicatorDefinition = Framework['indicators'][number];

/** Fiscal years (Buddhist Era) that have a data file. */
export function availableYears(): number[] {
  return readdirSync(FRAMEWORK_DIR)
    .map((name) => /^(\d{4})\.json$/.exec(name)?.[1])
    .filter((year): year is string => year !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

const loaded = new Map<number, Framework>();

/** The year's framework, or undefined when there is no data file for it. A broken data file is a bug and throws. */
export function loadFramework(fiscalYear: number): Framework | undefined {
  const cached = loaded.get(fiscalYear);
  if (cached) return cached;
  const file = path.join(FRAMEWORK_DIR, `${fiscalYear}.json`);
  if (!existsSync(file)) return undefined;
  const framework = parseFramework(JSON.parse(readFileSync(file, 'utf8')), file);
  if (framework.fiscalYear !== fiscalYear) throw new Error(`${file} says fiscalYear ${framework.fiscalYear}`);
  loaded.set(fiscalYear, framework);
  return framework;
}

/** A year's data checked against the schema; `source` names it in the error. */
export function parseFramework(data: unknown, source: string): Framework {
  const parsed = frameworkSchema.safeParse(data);
  if (!parsed.success) throw new Error(`${source} is not a valid framework:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
