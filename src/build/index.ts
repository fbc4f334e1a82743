/**
 * The core: workbooks' bytes in, announcements and their documents' bytes out, with every
 * problem found on the way. No files, no terminal, no process, no exit codes: the command line,
 * a test or a web page calls `build` and does its own reading, writing and printing.
 *
 *   template + emblem  → checked and prepared once (render/)
 *   each workbook      → cells (read/) → one announcement model per agency (ita/)
 *   each announcement  → a name (build/names.ts) and DOCX bytes (render/)
 *   (asked for) each announcement + the agency's earlier years in the run → its analysis report
 *                        (ita/analysis.ts, ita/history.ts) → DOCX bytes (render/analysis/docx.ts)
 */
import type { NamedBytes } from '../core/bytes.js';
import type { Digits } from '../core/format.js';
import { keptOrMade, type Kept } from '../core/kept.js';
import type { Deflater } from '../zip/write.js';
import type { AnnouncementSettings } from '../ita/announce.js';
import type { FrameworkLibrary } from '../ita/framework.js';
import type { Announcement } from '../ita/model.js';
import { analyse, type Analysis } from '../ita/analysis.js';
import { earlierYears, yearTotals } from '../ita/history.js';
import { announceWorkbook, type AgencyResult, type Seen } from '../ita/announce-workbook.js';
import { cleanSignature } from '../ita/signature.js';
import { hasErrors, type Place, type Problem } from '../core/problem.js';
import type { Workbook } from '../read/cells.js';
import { readWorkbook } from '../read/workbook.js';
import {
  ANALYSIS_TEMPLATE,
  prepareTemplate,
  readEmblem,
  readTemplate,
  renderAnalysis,
  renderAnnouncement,
  type PreparedTemplate,
} from '../render/index.js';
import { analysisName, documentNames, uniqueName } from './names.js';

/** A workbook's bytes, or results a person typed into a form, already as cells (ita/fill-in.ts). */
export type Input = NamedBytes | { name: string; cells: Workbook };

export interface BuildRequest {
  workbooks: readonly Input[];
  template: NamedBytes;
  /** The agency's emblem, put in place of the template's picture named ตราครุฑ. */
  emblem?: NamedBytes;
  frameworks: FrameworkLibrary;
  /** The announcement date, the signer and the rest of what is not in the workbook. */
  announce: AnnouncementSettings & { /** Used when a workbook states no fiscal year. */ fiscalYear?: number };
  digits: Digits;
  /**
   * Given: beside each announcement, its analysis report (รายงานการวิเคราะห์ผลการประเมิน) from this
   * template, with the agency's earlier years found among the run's other announcements. A problem
   * of the analysis never holds back the announcement.
   */
  analysis?: {
    template: NamedBytes;
    /** How the reports are deflated, as renderMany's documents are: node:zlib in Node (node/deflater.ts); fflate, anywhere, by default. */
    deflater?: Deflater;
  };
  /** Read and check only: announcements, no documents. */
  check?: boolean;
  /** How to render a workbook's documents; default: one after another, here. The command line renders large batches in threads. */
  renderMany?: RenderMany;
  onProgress?: (progress: Progress) => void;
  /**
   * Given: each document is handed over as it is made and not kept, so a batch of thousands need
   * not fit in memory; the problems it returns (a file that cannot be written) are the agency's.
   */
  onDocument?: (document: BuiltDocument) => Promise<Problem[]>;
  /** Given: the template checked and prepared in an earlier run from the same bytes is taken from it instead of being made again. */
  preparedCache?: PreparedCache;
}

/** What preparing a template gives (see `prepare`); it depends only on `PrepareInputs` and the program. */
export interface Prepared {
  prepared?: PreparedTemplate;
  usesHistory: boolean;
  problems: Problem[];
}

/** All that preparing a template reads: a cache is keyed by every byte of it. */
export interface PrepareInputs {
  template: NamedBytes;
  emblem?: NamedBytes;
  names: BuildRequest['announce']['names'];
  /** True for the analysis report's template, checked against the report's tags (and never given an emblem). */
  analysis?: boolean;
}

/** Where a front end keeps what `prepare` made, from one run to the next (the command line: beside the built program). */
export type PreparedCache = Kept<PrepareInputs, Prepared>;

export interface Progress {
  workbook: string;
  /** Documents of this workbook made so far, of `total`; 0 when its rendering starts. */
  done: number;
  total: number;
  /** The agency just made. */
  agency?: string;
}

/** A workbook's announcements rendered with the prepared template, `done` called as each finishes, in any order. */
export type RenderMany = (
  prepared: PreparedTemplate,
  digits: Digits,
  announcements: readonly Announcement[],
  done: (index: number, outcome: RenderOutcome) => Promise<void>,
) => Promise<void>;

export interface RenderOutcome {
  document?: Uint8Array;
  problems: Problem[];
}

export interface BuiltDocument extends NamedBytes {
  /** The workbook the announcement came from. */
  workbook: string;
  announcement: Announcement;
  /** Set when this document is the announcement's analysis report. */
  analysis?: Analysis;
}

/** A workbook or an agency that gave no announcement, and the errors why. */
export interface Failure {
  input: string;
  /** Empty when the workbook as a whole could not be read. */
  agency: string;
  place?: Place;
  problems: Problem[];
  /** A workbook without a table of scores: what it does hold (a front end offers to type the scores in with it). */
  seen?: Seen;
}

export interface BuildResult {
  /** Every problem, in the order found: the template's and the emblem's, then each workbook's and its agencies'. */
  problems: Problem[];
  /** Every announcement ready to sign: made into a document, or (check) ready to be. */
  announcements: { workbook: string; name: string; announcement: Announcement }[];
  /** The documents made, unless `onDocument` took them. */
  documents: BuiltDocument[];
  failures: Failure[];
  /** The analysis reports made (or, check, ready to be), when asked for. */
  analyses: { workbook: string; name: string; analysis: Analysis }[];
}

export async function build(request: BuildRequest): Promise<BuildResult> {
  const result: BuildResult = { problems: [], announcements: [], documents: [], failures: [], analyses: [] };
  const template = prepare(request, result.problems);
  if (!template) return result;
  const analysisTemplate = request.analysis && prepareAnalysisTemplate(request, result.problems);
  const signature = cleanSignature(request.announce, request.announce.names);
  result.problems.push(...signature.problems);
  const cleaned = { ...request, announce: { ...request.announce, signer: signature.signer, position: signature.position } };
  const used = new Set<string>();
  // Every workbook read before any is rendered: an announcement's years are found among all of them.
  const read: ReadWorkbook[] = [];
  for (const input of request.workbooks) read.push(await readWorkbookAnnouncements(input, cleaned, used));
  addHistory(read, template.usesHistory);
  for (const workbook of read) await buildWorkbook(workbook, template.prepared, cleaned, result);
  if (analysisTemplate) await buildAnalyses(analysisTemplate, cleaned, used, result);
  return result;
}

/**
 * Each announcement given its agency's years in the run (ita/history.ts), for a template's
 * {#history}. When the template uses it, a year that cannot be told apart is a warning there,
 * and the announcement is made without the years; otherwise nothing is said of it.
 */
function addHistory(read: ReadWorkbook[], usesHistory: boolean): void {
  const all = read.flatMap((workbook) => workbook.ready);
  const found = earlierYears(
    all.map((r) => r.announcement),
    'announcement',
  );
  all.forEach((ready, index) => {
    const { earlier, problems } = found[index]!;
    if (usesHistory) ready.problems.push(...problems);
    if (earlier.length)
      ready.announcement.history = yearTotals([...earlier, ready.announcement]).map(({ announcement: _announcement, ...year }) => year);
  });
}

/** The analysis template checked against the analysis's tags, or what the cache kept of it; undefined when it cannot be used (the announcements go on). */
function prepareAnalysisTemplate(request: BuildRequest, problems: Problem[]): PreparedTemplate | undefined {
  const inputs: PrepareInputs = { template: request.analysis!.template, names: request.announce.names, analysis: true };
  const made = keptOrMade(request.preparedCache, inputs, prepareAnalysisAnew);
  problems.push(...made.problems);
  return made.prepared;
}

function prepareAnalysisAnew({ template: bytes, names }: PrepareInputs): Prepared {
  const { template, problems } = readTemplate(bytes, names, ANALYSIS_TEMPLATE);
  if (!template) return { usesHistory: false, problems };
  const made = prepareTemplate(template, undefined, names);
  return { ...(made.prepared && { prepared: made.prepared }), usesHistory: false, problems: [...problems, ...made.problems] };
}

/**
 * Each announcement made, analysed with the same agency's earlier years among them, and rendered
 * with the analysis template. An agency whose years cannot be told apart gets no report.
 */
async function buildAnalyses(prepared: PreparedTemplate, request: BuildRequest, used: Set<string>, result: BuildResult): Promise<void> {
  const made = [...result.announcements];
  const years = earlierYears(made.map((m) => m.announcement));
  for (const [index, { workbook, name, announcement }] of made.entries()) {
    const { earlier, problems } = years[index]!;
    result.problems.push(...problems);
    if (hasErrors(problems)) {
      result.failures.push({
        input: workbook,
        agency: announcement.agency.shortName,
        problems: problems.filter((p) => p.severity === 'error'),
      });
      continue;
    }
    const framework = request.frameworks.forYear(announcement.fiscalYear, {}).framework!;
    const criteria = {
      year: announcement.criteriaYear,
      ...(framework.carriedFrom !== undefined && { carriedFrom: framework.carriedFrom }),
      passMark: framework.passMark,
      passMarkConfidence: framework.basis.passMark.confidence,
    };
    const analysis = analyse(announcement, criteria, earlier);
    const report = { workbook, name: uniqueName(analysisName(name), used), analysis };
    if (request.check) {
      result.analyses.push(report);
      continue;
    }
    const rendered = renderAnalysis(prepared, analysis, request.digits, request.analysis?.deflater);
    const ofAgency = (found: Problem[]) => found.map((p) => ({ ...p, where: { ...p.where, agency: announcement.agency.shortName } }));
    const renderProblems = ofAgency(rendered.problems);
    if (rendered.document && !hasErrors(renderProblems)) {
      const document: BuiltDocument = { workbook, name: report.name, bytes: rendered.document, announcement, analysis };
      if (request.onDocument) renderProblems.push(...ofAgency(await request.onDocument(document)));
      else result.documents.push(document);
    }
    result.problems.push(...renderProblems);
    if (hasErrors(renderProblems))
      result.failures.push({
        input: workbook,
        agency: announcement.agency.shortName,
        problems: renderProblems.filter((p) => p.severity === 'error'),
      });
    else result.analyses.push(report);
  }
}

/** The template checked and prepared with the emblem, or what the cache kept of it; undefined when either cannot be used. */
function prepare(request: BuildRequest, problems: Problem[]): { prepared: PreparedTemplate; usesHistory: boolean } | undefined {
  const inputs: PrepareInputs = {
    template: request.template,
    ...(request.emblem && { emblem: request.emblem }),
    names: request.announce.names,
  };
  const made = keptOrMade(request.preparedCache, inputs, prepareAnew);
  problems.push(...made.problems);
  return made.prepared && { prepared: made.prepared, usesHistory: made.usesHistory };
}

/** The template checked, and prepared with the emblem; whether it prints the years. */
function prepareAnew({ template: bytes, emblem: emblemBytes, names }: PrepareInputs): Prepared {
  const { template, tags, problems } = readTemplate(bytes, names);
  const usesHistory = tags?.has('history') ?? false;
  if (!template) return { usesHistory, problems };
  const emblem = emblemBytes && readEmblem(emblemBytes, names);
  if (emblem) problems.push(...emblem.problems);
  if (emblem && !emblem.image) return { usesHistory, problems };
  const made = prepareTemplate(template, emblem?.image, names);
  problems.push(...made.problems);
  return { ...(made.prepared && { prepared: made.prepared }), usesHistory, problems };
}

/** A workbook's agencies, read: the problems found, and the announcements ready to render, each named. */
interface ReadWorkbook {
  workbook: string;
  problems: Problem[];
  agencies: AgencyResult[];
  seen?: Seen;
  ready: { workbook: string; name: string; announcement: Announcement; /** Found after reading: the years'. */ problems: Problem[] }[];
}

async function readWorkbookAnnouncements(input: Input, request: BuildRequest, used: Set<string>): Promise<ReadWorkbook> {
  const workbook = input.name;
  const { agencies, problems, seen } = await readAnnouncements(input, request);
  if (hasErrors(problems) || agencies.length === 0) return { workbook, problems, agencies: [], ready: [], ...(seen && { seen }) };
  const announced = agencies.flatMap((a) => (a.announcement ? [a.announcement] : []));
  const names = documentNames(announced).map((name) => uniqueName(name, used));
  return {
    workbook,
    problems,
    agencies,
    ready: announced.map((announcement, i) => ({ workbook, name: names[i]!, announcement, problems: [] })),
  };
}

async function buildWorkbook(read: ReadWorkbook, prepared: PreparedTemplate, request: BuildRequest, result: BuildResult): Promise<void> {
  const { workbook, problems, agencies, seen } = read;
  result.problems.push(...problems);
  if (hasErrors(problems) || agencies.length === 0) {
    result.failures.push({ input: workbook, agency: '', problems: problems.filter((p) => p.severity === 'error'), ...(seen && { seen }) });
    return;
  }
  const fail = (agency: AgencyResult, why: Problem[]) =>
    result.failures.push({
      input: workbook,
      agency: agency.name,
      place: agency.place,
      problems: why.filter((p) => p.severity === 'error'),
    });
  for (const agency of agencies) {
    result.problems.push(...agency.problems);
    // No announcement and no error: a copy of an agency already listed, skipped with a warning.
    if (!agency.announcement && hasErrors(agency.problems)) fail(agency, agency.problems);
  }

  const announced = agencies.filter((a): a is AgencyResult & { announcement: Announcement } => a.announcement !== undefined);
  const ready = read.ready.map(({ problems: _problems, ...r }) => r);
  if (request.check) {
    read.ready.forEach((r) => result.problems.push(...r.problems));
    result.announcements.push(...ready);
    return;
  }

  request.onProgress?.({ workbook, done: 0, total: ready.length });
  // Documents may finish in any order (threads): what each gave is kept by its index and reported in the workbook's order.
  const outcomes: { problems: Problem[]; document?: BuiltDocument }[] = [];
  let done = 0;
  const renderMany = request.renderMany ?? renderOneByOne;
  await renderMany(
    prepared,
    request.digits,
    ready.map((r) => r.announcement),
    async (index, outcome) => {
      const agency = announced[index]!;
      const ofAgency = (found: Problem[]) => found.map((p) => ({ ...p, where: { ...p.where, agency: agency.name } }));
      const problems = [...read.ready[index]!.problems, ...ofAgency(outcome.problems)];
      if (outcome.document && !hasErrors(problems)) {
        const document = { ...ready[index]!, bytes: outcome.document };
        if (request.onDocument) problems.push(...ofAgency(await request.onDocument(document)));
        outcomes[index] = { problems, ...(!request.onDocument && { document }) };
      } else {
        outcomes[index] = { problems };
      }
      request.onProgress?.({ workbook, done: ++done, total: ready.length, agency: agency.name });
    },
  );
  outcomes.forEach(({ problems, document }, index) => {
    result.problems.push(...problems);
    if (hasErrors(problems)) return fail(announced[index]!, problems);
    result.announcements.push(ready[index]!);
    if (document) result.documents.push(document);
  });
}

/** Every agency a workbook holds, each with its announcement or the problems that stopped it. */
async function readAnnouncements(input: Input, request: BuildRequest) {
  const read = 'cells' in input ? { workbook: input.cells, problems: [] } : await readWorkbook(input);
  if (!read.workbook) return { problems: read.problems, agencies: [] };
  const normalised = announceWorkbook(read.workbook, { ...request.announce, frameworks: request.frameworks });
  return {
    problems: [...read.problems, ...normalised.problems],
    agencies: normalised.agencies,
    ...(normalised.seen && { seen: normalised.seen }),
  };
}

/** Each document after the other, here: the default, and what a front end's parallel rendering falls back on for a small batch. */
export const renderOneByOne: RenderMany = async (prepared, digits, announcements, done) => {
  for (const [index, announcement] of announcements.entries()) await done(index, renderAnnouncement(prepared, announcement, digits));
};
