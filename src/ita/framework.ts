/**
 * The ITA framework of each fiscal year: indicators, weights, levels, pass mark and level texts,
 * kept as data in `frameworks/<year>.yaml` so a maintainer or an informed clerk can add a year or
 * correct a fact without touching the program. Every fact carries how sure it is (confirmed by
 * NACC, inferred from published results, or assumed) and its source in words; the checks in
 * announce.ts follow that. A year with no file of its own is announced under the newest earlier
 * year's rules, carried forward and marked assumed.
 *
 * The files reach this module as text (`FrameworkFile`), so it runs wherever the core runs.
 */
import type { SettingNames } from '../core/setting-names.js';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import type { Message } from '../core/language.js';
import { error, warning, type Place, type Problem } from '../core/problem.js';
import { keptOrMade, type Kept } from '../core/kept.js';

export const TOOLS = ['IIT', 'EIT', 'OIT'] as const;
export type Tool = (typeof TOOLS)[number];

/** confirmed: published by NACC; inferred: from published results; assumed: carried forward or without evidence. */
export const CONFIDENCES = ['confirmed', 'inferred', 'assumed'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** How sure a fact is, and where it comes from, in words. */
export interface Basis {
  confidence: Confidence;
  source: string;
}

export interface IndicatorDefinition {
  number: number;
  tool: Tool;
  name: string;
  /** Other names the indicator goes by in workbooks. */
  aliases: string[];
  /** The name printed when a workbook (or a form) gives only the indicator's number: as ITAS prints it, where that is known to differ from `name`. */
  printed: string;
  /** Share of the total score; all weights add up to 1. */
  weight: number;
}

export interface LevelBand {
  level: string;
  /** The total this level needs. */
  min: number;
  /** When given, each of IIT, EIT and OIT (the mean of that tool's indicators) needs it too. */
  eachToolMin?: number;
  /** The paragraph after "ระดับ X" when the workbook carries none; `{year}` and `{score}` are filled in. */
  description: string;
  basis: { min: Basis; eachToolMin?: Basis; description: Basis };
}

export interface Framework {
  fiscalYear: number;
  /** The data file the rules were read from, for messages. */
  file: string;
  /** Set when the year has no file of its own: the year whose rules are carried forward. */
  carriedFrom?: number;
  /** All of the year's indicators, in official order. */
  indicators: IndicatorDefinition[];
  /** letter-grade (to 2565): AA…F by the total alone. pass-levels (from 2566): ผ่านดีเยี่ยม…ต้องปรับปรุงโดยด่วน. */
  rule: 'letter-grade' | 'pass-levels';
  /** Highest first; an agency gets the first band whose requirements it meets. */
  levels: LevelBand[];
  /** ผ่าน from this total up, ไม่ผ่าน below it. */
  passMark: number;
  /** For a level the workbook states that the year does not list; `{level}` is filled in too. */
  otherLevelDescription: string;
  basis: { indicators: Basis; weights: Basis; rule: Basis; passMark: Basis; otherLevelDescription: Basis };
}

/** A year's data file as text: its name (a path, for messages) ends in `<year>.yaml`. */
export interface FrameworkFile {
  name: string;
  text: string;
}

/** A data file read: its framework, or every mistake in it. */
export interface ParsedFramework {
  framework?: Framework;
  problems: Problem[];
}

/** Where a front end keeps parsed files from one run to the next (the command line: beside the built program), by each file's name and text. */
export type FrameworkCache = Kept<FrameworkFile, ParsedFramework>;

/** A data file's shape, made when a file is first parsed rather than as the program loads: a run that takes every year's file parsed from a cache (`FrameworkCache`) need not load zod at all. */
function makeFileSchema() {
  const score = z.number().min(0).max(100);
  const fact = <T extends z.ZodType>(value: T) => z.strictObject({ value, confidence: z.enum(CONFIDENCES), source: z.string().min(1) });
  return z.strictObject({
    fiscalYear: z.number().int().min(2500).max(2700),
    indicators: fact(
      z
        .array(
          z.strictObject({
            number: z.number().int().positive(),
            tool: z.enum(TOOLS),
            name: z.string().min(1),
            aliases: z.array(z.string().min(1)).optional(),
            printed: z.string().min(1).optional(),
          }),
        )
        .min(1),
    ),
    weights: fact(z.array(z.number().positive().max(1)).min(1)),
    rule: fact(z.enum(['letter-grade', 'pass-levels'])),
    passMark: fact(score),
    levels: z
      .array(
        z.strictObject({
          level: z.string().min(1),
          min: fact(score),
          eachToolMin: fact(score).optional(),
          description: fact(z.string().min(1)),
        }),
      )
      .min(1),
    otherLevelDescription: fact(z.string().min(1)),
  });
}
let madeSchema: ReturnType<typeof makeFileSchema> | undefined;
const fileSchema = () => (madeSchema ??= makeFileSchema());
type FrameworkData = z.infer<ReturnType<typeof makeFileSchema>>;

const YEAR_OF_FILE = /(?:^|[\\/])(\d{4})\.yaml$/;

/** The fiscal year a data file is for, from its name; undefined for a file that is not one. */
export function yearOfFile(name: string): number | undefined {
  const year = YEAR_OF_FILE.exec(name)?.[1];
  return year === undefined ? undefined : Number(year);
}

/**
 * One year's file → its framework, or every mistake in it, each with its line: YAML that does not
 * parse, a value of the wrong kind, weights that do not add up to 1, levels out of order.
 */
export function parseFrameworkFile(file: FrameworkFile): ParsedFramework {
  const lines = new LineCounter();
  const document = parseDocument(file.text.replace(/^\uFEFF/, ''), { lineCounter: lines, prettyErrors: false });
  const lineAt = (offset: number | undefined) => (offset === undefined ? 1 : lines.linePos(offset).line);
  const problem = (line: number, th: string, en: string) =>
    error('framework-invalid', { file: file.name, line }, `ไฟล์เกณฑ์การประเมิน บรรทัดที่ ${line}: ${th}`, `Framework file, line ${line}: ${en}`);
  if (document.errors.length) {
    const byLine = new Map(document.errors.map((e) => [lineAt(e.pos[0]), e] as const));
    return {
      problems: [...byLine].map(([line, e]) =>
        problem(line, `เขียนไม่ถูกรูปแบบ YAML (${e.code})`, `not valid YAML (${e.code}): ${e.message.split('\n')[0]}`),
      ),
    };
  }
  /** The line of the deepest part of `at` the file has: a key's own line for a value under it. */
  const lineOf = (at: readonly PropertyKey[]) => {
    for (let depth = at.length; depth > 0; depth--) {
      const parent = document.getIn(at.slice(0, depth - 1) as (string | number)[], true);
      const key = at[depth - 1];
      if (isMap(parent)) {
        const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === key);
        if (pair && isScalar(pair.key) && pair.key.range) return lineAt(pair.key.range[0]);
      } else if (isSeq(parent) && typeof key === 'number') {
        const item = parent.items[key] as { range?: [number, number, number] } | undefined;
        if (item?.range) return lineAt(item.range[0]);
      }
    }
    return 1;
  };
  const data: unknown = document.toJS();
  const inThai = fileSchema().safeParse(data, { error: z.locales.th().localeError });
  if (!inThai.success) {
    const inEnglish = fileSchema().safeParse(data, { error: z.locales.en().localeError });
    return {
      problems: inThai.error.issues.map((issue, i) => {
        const name = issue.path.join('.') || '(ทั้งไฟล์)';
        return problem(
          lineOf(issue.path),
          `${name}: ${issue.message}`,
          `${issue.path.join('.') || '(the file)'}: ${inEnglish.error?.issues[i]?.message ?? issue.message}`,
        );
      }),
    };
  }
  const problems = [...meaningProblems(inThai.data, yearOfFile(file.name))].map((p) => problem(lineOf(p.at), p.th, p.en));
  if (problems.length) return { problems };
  return { framework: frameworkOf(inThai.data, file.name), problems: [] };
}

/** What a schema cannot say: the facts must fit together. */
function* meaningProblems(
  data: FrameworkData,
  yearOfName: number | undefined,
): Generator<{ at: (string | number)[]; th: string; en: string }> {
  if (yearOfName !== undefined && data.fiscalYear !== yearOfName) {
    yield {
      at: ['fiscalYear'],
      th: `fiscalYear เป็น ${data.fiscalYear} แต่ชื่อไฟล์เป็นปี ${yearOfName}`,
      en: `fiscalYear is ${data.fiscalYear} but the file is named for ${yearOfName}`,
    };
  }
  const indicators = data.indicators.value;
  for (const [i, indicator] of indicators.entries()) {
    if (indicator.number !== i + 1)
      yield {
        at: ['indicators', 'value', i, 'number'],
        th: `ตัวชี้วัดลำดับที่ ${i + 1} ต้องมี number: ${i + 1}`,
        en: `the indicator in place ${i + 1} must have number: ${i + 1}`,
      };
  }
  const weights = data.weights.value;
  if (weights.length !== indicators.length) {
    yield {
      at: ['weights', 'value'],
      th: `มีน้ำหนัก ${weights.length} ค่า แต่มีตัวชี้วัด ${indicators.length} ตัว`,
      en: `${weights.length} weights for ${indicators.length} indicators`,
    };
  }
  const sum = weights.reduce((total, w) => total + w, 0);
  if (Math.abs(sum - 1) > 1e-9)
    yield {
      at: ['weights', 'value'],
      th: `น้ำหนักรวมกันได้ ${+sum.toFixed(6)} ต้องรวมได้ 1`,
      en: `the weights add up to ${+sum.toFixed(6)}, not 1`,
    };
  const levels = data.levels;
  for (const [i, band] of levels.entries()) {
    const above = levels[i - 1];
    const stricterAbove =
      above &&
      (above.min.value > band.min.value ||
        (above.min.value === band.min.value && (above.eachToolMin?.value ?? 0) > (band.eachToolMin?.value ?? 0)));
    if (above && !stricterAbove) yield { at: ['levels', i], th: 'ระดับต้องเรียงจากสูงไปต่ำ', en: 'levels must go from highest to lowest' };
    if (levels.findIndex((b) => b.level === band.level) !== i)
      yield { at: ['levels', i, 'level'], th: `ระดับ "${band.level}" ซ้ำ`, en: `level "${band.level}" is listed twice` };
    if (data.rule.value === 'letter-grade' && band.eachToolMin) {
      yield {
        at: ['levels', i, 'eachToolMin'],
        th: 'ระดับแบบตัวอักษร (letter-grade) ใช้คะแนนรวมอย่างเดียว ไม่มี eachToolMin',
        en: 'letter grades depend on the total alone: no eachToolMin',
      };
    }
  }
  if (levels.at(-1)!.min.value !== 0)
    yield { at: ['levels', levels.length - 1, 'min'], th: 'ระดับสุดท้ายต้องเริ่มที่ 0', en: 'the lowest level must start at 0' };
}

function frameworkOf(data: FrameworkData, file: string): Framework {
  const basis = ({ confidence, source }: Basis): Basis => ({ confidence, source });
  return {
    fiscalYear: data.fiscalYear,
    file,
    indicators: data.indicators.value.map((i, n) => ({
      number: i.number,
      tool: i.tool,
      name: i.name,
      aliases: i.aliases ?? [],
      printed: i.printed ?? i.name,
      weight: data.weights.value[n]!,
    })),
    rule: data.rule.value,
    levels: data.levels.map((band) => ({
      level: band.level,
      min: band.min.value,
      ...(band.eachToolMin && { eachToolMin: band.eachToolMin.value }),
      description: band.description.value,
      basis: {
        min: basis(band.min),
        ...(band.eachToolMin && { eachToolMin: basis(band.eachToolMin) }),
        description: basis(band.description),
      },
    })),
    passMark: data.passMark.value,
    otherLevelDescription: data.otherLevelDescription.value,
    basis: {
      indicators: basis(data.indicators),
      weights: basis(data.weights),
      rule: basis(data.rule),
      passMark: basis(data.passMark),
      otherLevelDescription: basis(data.otherLevelDescription),
    },
  };
}

/** An earlier year's rules applied to `year`: the same facts, every one of them now assumed. */
function carriedForward(framework: Framework, year: number): Framework {
  const assumed = (b: Basis): Basis => ({
    confidence: 'assumed',
    source: `ยกมาจากเกณฑ์ปี ${framework.fiscalYear} (ซึ่ง${CONFIDENCE_WORDS[b.confidence].th}: ${b.source})`,
  });
  const bases = <T extends Partial<Record<string, Basis>>>(all: T) =>
    Object.fromEntries(Object.entries(all).map(([k, b]) => [k, assumed(b!)])) as T;
  return {
    ...framework,
    fiscalYear: year,
    carriedFrom: framework.fiscalYear,
    levels: framework.levels.map((band) => ({ ...band, basis: bases(band.basis) })),
    basis: bases(framework.basis),
  };
}

/** The frameworks the program knows: one file per fiscal year, each parsed when first needed. */
export interface FrameworkLibrary {
  /** Fiscal years (Buddhist Era) that have a data file, oldest first. */
  years: number[];
  /**
   * The rules for `year`: its own file's; else the newest earlier year's, carried forward with a
   * warning; years before the earliest file are refused. `place` is where the workbook names the year.
   */
  forYear(year: number, place: Place): { framework?: Framework; problems: Problem[] };
}

/** `names`: how the front end says where a year's criteria are added, if it lets them be; `cache`: files parsed in earlier runs. */
export function frameworkLibrary(files: readonly FrameworkFile[], names: SettingNames = {}, cache?: FrameworkCache): FrameworkLibrary {
  const byYear = new Map<number, FrameworkFile>();
  for (const file of files) {
    const year = yearOfFile(file.name);
    if (year !== undefined) byYear.set(year, file);
  }
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const parsed = new Map<number, ParsedFramework>();
  const own = (year: number) => {
    let result = parsed.get(year);
    if (!result) parsed.set(year, (result = keptOrMade(cache, byYear.get(year)!, parseFrameworkFile)));
    return result;
  };
  const carried = new Map<number, Framework>();
  return {
    years,
    forYear(year, place) {
      if (byYear.has(year)) return own(year);
      const from = years.filter((y) => y < year).at(-1);
      if (from === undefined) {
        return {
          problems: [
            error(
              'fiscal-year-unknown',
              place,
              `ยังไม่มีเกณฑ์การประเมินของปีงบประมาณ ${year}: ปีที่มีคือ ${years.join(', ')}`,
              `There are no assessment criteria for fiscal year ${year} yet: the years known are ${years.join(', ')}`,
            ),
          ],
        };
      }
      const earlier = own(from);
      if (!earlier.framework) return earlier;
      let framework = carried.get(year);
      if (!framework) carried.set(year, (framework = carriedForward(earlier.framework, year)));
      const addYear = names.frameworks
        ? {
            th: ` เมื่อ ป.ป.ช. ประกาศเกณฑ์ปี ${year} แล้ว เพิ่มเกณฑ์ได้โดยไม่ต้องแก้โปรแกรม (${names.frameworks.th})`,
            en: ` Once NACC publishes ${year}'s criteria, they can be added without changing the program (${names.frameworks.en}).`,
          }
        : { th: '', en: '' };
      const note: Problem = {
        ...warning(
          'framework-carried-forward',
          place,
          `ใช้เกณฑ์ปี ${from} เพราะ ป.ป.ช. ยังไม่ประกาศเกณฑ์ปี ${year}: ตรวจคะแนนรวมและระดับกับระบบ ITAS ก่อนลงนาม`,
          `Using fiscal year ${from}'s criteria, as NACC has not published ${year}'s yet: check the total and the level against ITAS before signing`,
        ),
        details: {
          th: `น้ำหนัก ระดับ และเกณฑ์ผ่านของปี ${year} เป็นการสันนิษฐานจากปี ${from}: ประกาศพิมพ์คะแนนรวม ระดับ และผลการประเมินตามที่ไฟล์ระบุ และเตือนเมื่อไม่ตรงกับเกณฑ์ปี ${from}${addYear.th}`,
          en: `${year}'s weights, levels and pass mark are assumed to be ${from}'s: the announcement prints the total, level and result the workbook states, with a warning where they differ from ${from}'s rules.${addYear.en}`,
        },
      };
      return { framework, problems: [note] };
    },
  };
}

const CONFIDENCE_WORDS: Record<Confidence, Message> = {
  confirmed: { th: 'สำนักงาน ป.ป.ช. ประกาศไว้', en: 'published by NACC' },
  inferred: { th: 'อนุมานจากผลการประเมินที่เผยแพร่ ยังไม่มีประกาศของ ป.ป.ช. ยืนยัน', en: 'inferred from published results, not confirmed by NACC' },
  assumed: { th: 'เป็นการสันนิษฐาน ยังไม่มีประกาศของ ป.ป.ช. ยืนยัน', en: 'assumed, not confirmed by NACC' },
};

const RANK: Record<Confidence, number> = { confirmed: 0, inferred: 1, assumed: 2 };

/** The least sure of these facts, when any of them is not confirmed. */
export function weakest(bases: readonly (Basis | undefined)[]): Basis | undefined {
  const unsure = bases.filter((b): b is Basis => b !== undefined && b.confidence !== 'confirmed');
  return unsure.sort((a, b) => RANK[b.confidence] - RANK[a.confidence])[0];
}

/** "เกณฑ์ข้อนี้อนุมานจากผล… (ที่มา: …)": a rule the program is not sure of, named for the clerk. */
export function assumption(basis: Basis): Message {
  return {
    th: `เกณฑ์ข้อนี้${CONFIDENCE_WORDS[basis.confidence].th} (ที่มา: ${basis.source})`,
    en: `this rule is ${CONFIDENCE_WORDS[basis.confidence].en} (source: ${basis.source})`,
  };
}
