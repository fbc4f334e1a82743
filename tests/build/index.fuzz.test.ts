/**
 * Seeded fuzzing, in-process through the core (build/index.ts): a few hundred mutants of the example
 * workbook in input/, of its CSV and web-page forms, and of the default template
 * (tests/helpers/mutants.ts: parts cut short, deleted, elements deleted or repeated, odd and
 * missing attributes, extreme values, shared-string games, relationships and content types
 * broken, bits flipped). Whatever comes in: no exception (the command line's exit 5), no
 * library's words or stack in a message and nothing on the console, no NaN, Infinity or undefined
 * in a document or in what the summary prints, a refused template refused as a template (exit 3);
 * and the documents written are valid for the Open XML SDK (a seeded sample of the distinct ones:
 * from a mutated template, no fault the template did not already have).
 * A failure names the seed and the mutant: FUZZ_SEED=<seed> npx vitest run tests/build/index.fuzz.test.ts.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { build, type BuildRequest, type BuildResult } from '../../src/build/index.js';
import { frameworksOnDisk } from '../../src/node/frameworks-on-disk.js';
import type { Announcement } from '../../src/ita/model.js';
import { readWorkbook } from '../../src/read/workbook.js';
import type { Workbook } from '../../src/read/cells.js';
import { announcementLines, documentTable } from '../../src/build/report.js';
import { COMMAND_LINE_NAMES } from '../../src/cli/options.js';
import { libraryText, PROJECT_ROOT } from '../helpers/cli.js';
import { validate } from '../helpers/clients.js';
import { random, textMutants, zipMutants, type Mutant } from '../helpers/mutants.js';
import { fixtureCsv, fixtureHtml } from '../../tools/workbook-fixture.js';
import { fixture } from '../../tools/workbooks.js';
import { DEFAULT_TEMPLATE } from '../../src/node/project-root.js';

const SEED = Number(process.env.FUZZ_SEED ?? 2023);
const EXAMPLE = path.join(PROJECT_ROOT, 'input', 'ตัวอย่าง ผลการประเมิน ITA 2565 อบต.ลำปางรอง.xlsx');
const TEMPLATE = readFileSync(DEFAULT_TEMPLATE);
const frameworks = frameworksOnDisk();
const NOT_A_VALUE = /NaN|Infinity|undefined/;
/** How many of the distinct documents the validator reads: it takes half a second each. */
const VALIDATED = { workbook: 5, template: 4 };

interface Finding {
  mutant: string;
  fault: string;
}

const findings: Finding[] = [];
const printed: string[] = [];
const quiet = () => {};

beforeEach(() => void (findings.length = 0));
beforeAll(() => {
  for (const name of ['log', 'warn', 'error'] as const)
    vi.spyOn(console, name).mockImplementation((...args: unknown[]) => void printed.push(args.join(' ').slice(0, 200)));
});
afterAll(() => vi.restoreAllMocks());

function request(workbooks: BuildRequest['workbooks'], template: Uint8Array): BuildRequest {
  return {
    workbooks,
    template: { name: 'แม่แบบ.docx', bytes: template },
    frameworks,
    announce: { date: '2022-08-02', signer: 'นายสันติ นาวีสัมพันธ์', names: COMMAND_LINE_NAMES },
    digits: 'thai' as const,
    onProgress: quiet,
  };
}

/** Every text of the input, as a document or message could quote it: a value the input itself holds is no fault of the program. */
function textOf(bytes: Uint8Array): string {
  try {
    return Object.values(unzipSync(bytes))
      .map((part) => strFromU8(part))
      .join('\n');
  } catch {
    return new TextDecoder().decode(bytes);
  }
}

/** The faults of one build: thrown, library words, a value printed that is none, a template refused as no template. */
async function run(
  label: string,
  mutant: Mutant,
  make: () => Promise<BuildResult>,
  templateMutant: boolean,
): Promise<BuildResult | undefined> {
  const at = `${label}: ${mutant.what}`;
  const before = printed.length;
  let result: BuildResult;
  try {
    result = await make();
  } catch (e) {
    findings.push({ mutant: at, fault: `threw (exit 5): ${(e as Error).stack?.split('\n').slice(0, 3).join(' | ')}` });
    return undefined;
  }
  if (printed.length > before) findings.push({ mutant: at, fault: `printed on the console: ${printed.slice(before).join(' / ')}` });
  const input = textOf(mutant.bytes);
  for (const p of result.problems) {
    // What the message quotes of the file ("…") is the file's, not a library's.
    const said = libraryText(`${p.message.th} ${p.details?.th ?? ''}`.replace(/"[^"]*"/g, '""'));
    if (said !== undefined) findings.push({ mutant: at, fault: `${p.code} says "${said}": ${p.message.th.slice(0, 200)}` });
  }
  if (
    templateMutant &&
    result.documents.length === 0 &&
    !result.problems.some((p) => p.severity === 'error' && p.code.startsWith('template-'))
  ) {
    findings.push({ mutant: at, fault: `no document and no template error: ${result.problems.map((p) => p.code).join(', ')}` });
  }
  for (const document of result.documents) {
    const xml = Object.entries(unzipSync(document.bytes))
      .filter(([name]) => name.endsWith('.xml'))
      .map(([, part]) => strFromU8(part))
      .join('');
    const shown = [
      ...announcementLines(document.announcement, (f) => f),
      ...documentTable([summaryOf(document.announcement)], (f) => f),
    ].join('\n');
    const bad = NOT_A_VALUE.exec(xml + shown)?.[0];
    if (bad && !input.includes(bad)) findings.push({ mutant: at, fault: `"${bad}" printed in the document or the summary` });
    const unfinite = unfiniteNumber(document.announcement);
    if (unfinite) findings.push({ mutant: at, fault: `the announcement holds ${unfinite}` });
  }
  return result;
}

function summaryOf(a: Announcement) {
  return {
    input: 'x',
    agency: a.agency.shortName,
    fiscalYear: a.fiscalYear,
    total: a.total,
    level: a.level,
    result: a.result,
    output: 'x.docx',
  };
}

/** A number of the model that is not finite, where it is, or undefined. */
function unfiniteNumber(value: unknown, where = 'announcement'): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : `${where} = ${value}`;
  if (value === null || typeof value !== 'object' || value instanceof Date) return undefined;
  for (const [key, inner] of Object.entries(value)) {
    const found = unfiniteNumber(inner, `${where}.${key}`);
    if (found) return found;
  }
  return undefined;
}

/** The distinct documents, a seeded few of them. */
function sample<T>(items: Map<string, T>, count: number, seed: number): T[] {
  const rnd = random(seed);
  return [...items.values()]
    .map((item) => ({ item, key: rnd() }))
    .sort((a, b) => a.key - b.key)
    .slice(0, count)
    .map((x) => x.item);
}

const hash = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const replay = `replay with FUZZ_SEED=${SEED} npx vitest run tests/build/index.fuzz.test.ts`;

describe(`fuzzing the core with seed ${SEED}`, () => {
  let seedCells: Workbook;

  beforeAll(async () => {
    const read = await readWorkbook({ name: EXAMPLE, bytes: readFileSync(EXAMPLE) });
    seedCells = read.workbook!;
  });

  it('survives 200 mutants of the example workbook, 70 of its CSV and 70 of its web page, and writes valid documents', async () => {
    const seedDocument = await build(request([{ name: 'ผลการประเมิน.xlsx', bytes: readFileSync(EXAMPLE) }], TEMPLATE));
    expect(seedDocument.documents, 'the unmutated example gives its announcement').toHaveLength(1);
    const workbook = fixture('lampangrong-2565');
    const encode = (text: string) => new TextEncoder().encode(text);
    const sets: [string, string, Mutant[]][] = [
      ['xlsx', 'ผลการประเมิน.xlsx', zipMutants(readFileSync(EXAMPLE), SEED, 200)],
      ['csv', 'ผลการประเมิน.csv', textMutants(fixtureCsv(workbook.sheets[0]!).toString('utf8'), SEED + 1, 70, encode)],
      ['html', 'ผลการประเมิน.html', textMutants(fixtureHtml(workbook).toString('utf8'), SEED + 2, 70, encode)],
    ];
    const documents = new Map<string, { at: string; bytes: Uint8Array }>();
    for (const [kind, name, mutants] of sets) {
      for (const [i, mutant] of mutants.entries()) {
        const label = `${kind} #${i}`;
        const result = await run(label, mutant, () => build(request([{ name, bytes: mutant.bytes }], TEMPLATE)), false);
        for (const d of result?.documents ?? []) documents.set(hash(d.bytes), { at: `${label}: ${mutant.what}`, bytes: d.bytes });
      }
    }
    for (const { at, bytes } of sample(documents, VALIDATED.workbook, SEED)) {
      const errors = await validate(bytes);
      if (errors.length) findings.push({ mutant: at, fault: `invalid for the Open XML SDK: ${JSON.stringify(errors).slice(0, 300)}` });
    }
    expect(findings, replay).toEqual([]);
  });

  it('survives 160 mutants of the default template: refused as a template, or documents with no fault the template did not have', async () => {
    const documents = new Map<string, { at: string; bytes: Uint8Array; template: Uint8Array }>();
    for (const [i, mutant] of zipMutants(TEMPLATE, SEED + 3, 160).entries()) {
      const label = `template #${i}`;
      const result = await run(label, mutant, () => build(request([{ name: EXAMPLE, cells: seedCells }], mutant.bytes)), true);
      for (const d of result?.documents ?? [])
        documents.set(hash(d.bytes), { at: `${label}: ${mutant.what}`, bytes: d.bytes, template: mutant.bytes });
    }
    const key = (e: unknown) => {
      const { description, id, path: where } = e as { description: string; id: string; path: { partUri: string } };
      return `${where.partUri} ${id} ${description}`;
    };
    for (const { at, bytes, template } of sample(documents, VALIDATED.template, SEED)) {
      const had = new Set((await validate(template)).map(key));
      const added = (await validate(bytes)).map(key).filter((fault) => !had.has(fault));
      if (added.length)
        findings.push({ mutant: at, fault: `the document is invalid where the template was not: ${added.slice(0, 3).join(' | ')}` });
    }
    expect(findings, replay).toEqual([]);
  });
});
