/**
 * npm run build-doc -- [FILES...] [--out DIR] [--template FILE] [--emblem FILE] [--date YYYY-MM-DD]
 *                      [--signer NAME] [--position TEXT] [--digits thai|arabic] [--year YYYY] [--json]
 *                      [--lang th|en] …  (the rest: --help)
 *
 * The command line, a thin front end over the core (build/index.ts): it parses the arguments, reads
 * the files, calls `build`, writes the documents, prints and picks the exit code. `main` runs
 * only when this file is executed, so tests call it in-process with an `Io` of their own.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { build, type BuildResult, type Failure, type Progress } from '../build/index.js';
import type { NamedBytes } from '../core/bytes.js';
import { executedAsProgram, languageAsked, processIo, readInput, type Io } from './io.js';
import { EXIT, exitCodeFor } from './exit-codes.js';
import { frameworksOnDisk } from '../node/frameworks-on-disk.js';
import { builtProgramFolder, preparedCacheIn } from '../node/run-cache.js';
import { error, hasErrors, type Problem } from '../core/problem.js';
import { chooser, counted, type Language, type Message } from '../core/language.js';
import { EMBLEM_MOST_BYTES, emblemTooLarge, MAX_TEMPLATE_BYTES, templateTooLarge } from '../render/index.js';
import { parseAnnouncementDate, today } from '../core/announcement-date.js';
import { MAX_FILE_BYTES, fileTooLarge } from '../read/workbook.js';
import { readSettings, type SettingsRead } from './settings-file.js';
import { COMMAND_LINE_NAMES, COMMAND_OPTIONS, REPEATABLE, SETTINGS, yargsOptions } from './options.js';
import { openOutputFolder, type OutputFolder } from '../node/output-folder.js';
import { renderInThreads } from '../node/threads.js';
import { nodeDeflater } from '../node/deflater.js';
import { nearest } from '../core/nearest.js';
import { DEFAULT_ANALYSIS_TEMPLATE, DEFAULT_TEMPLATE, PROJECT_ROOT } from '../node/project-root.js';
import { takenByNpm } from './npm-trap.js';
import { digitsNamed } from '../core/format.js';
import {
  analysisLines,
  announcementLines,
  documentTable,
  failureLines,
  printable,
  problemLines,
  unsavedLines,
  type DocumentSummary,
} from '../build/report.js';

/** What a results file may be named in input/: workbooks, a web page or its table saved as text (the reader tells them apart by their bytes). */
const WORKBOOK_EXTENSIONS = new Set(['.xlsx', '.xlsm', '.xls', '.ods', '.xml', '.csv', '.tsv', '.txt', '.html', '.htm']);
/** Batches of at least this many announcements show a progress line. */
const PROGRESS_FROM = 10;

class UsageError extends Error {}

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  let debug = argv.includes('--debug');
  // Read before yargs, which needs it for --help itself; yargs refuses a value that is neither.
  const language = languageAsked(argv);
  const text = chooser(language);
  try {
    const took = takenByNpm(io.env, argv, COMMAND_OPTIONS);
    if (took) {
      io.stderr(
        text(
          `npm ไม่ได้ส่งตัวเลือก ${took.options.join(' ')} ให้โปรแกรม เพราะในคำสั่งไม่มี -- ก่อนตัวเลือก จึงยังไม่ได้ทำอะไร\nพิมพ์คำสั่งนี้แทน:\n\n  ${took.meant}\n`,
          `npm kept the options ${took.options.join(' ')} to itself, as the command has no -- before them, so nothing was done\nType this instead:\n\n  ${took.meant}\n`,
        ),
      );
      return EXIT.usage;
    }
    const args = parseArguments(argv, language);
    debug = args.debug;
    if (args.help !== undefined) {
      io.stdout(`${args.help}\n`);
      return EXIT.done;
    }
    return await run(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`${e.message}\n${text('ดูวิธีใช้', 'Usage')}: npm run build-doc -- --help\n`);
      return EXIT.usage;
    }
    io.stderr(`${text('เกิดข้อผิดพลาดภายในโปรแกรม', 'Internal error')}: ${(e as Error).message}\n`);
    io.stderr(
      debug
        ? `${(e as Error).stack}\n`
        : text('แจ้งผู้ดูแลโปรแกรม พร้อมรันซ้ำด้วย --debug เพื่อดูรายละเอียด\n', 'Please report it; run again with --debug for the details\n'),
    );
    return EXIT.internal;
  }
}

function parseArguments(argv: string[], language: Language) {
  const text = chooser(language);
  refuseUnknownOptions(argv, text);
  let help: string | undefined;
  const parsed = yargs(argv)
    .locale(language)
    .scriptName('npm run build-doc --')
    .usage(
      text(
        '$0 [ไฟล์...] [ตัวเลือก]\n\nสร้างประกาศผลการประเมิน ITA (.docx) จากไฟล์ผลการประเมินที่ดาวน์โหลดจากระบบ ITAS\nไม่ระบุไฟล์: ใช้ทุกไฟล์ผลการประเมิน (.xlsx .xls .ods .xml .csv .txt .html) ในโฟลเดอร์ input/',
        '$0 [files...] [options]\n\nMakes the ITA results announcement (.docx) from the results workbook downloaded from ITAS\nWithout files: every results file (.xlsx .xls .ods .xml .csv .txt .html) in input/',
      ),
    )
    .options(yargsOptions(language))
    .strictOptions()
    .exitProcess(false)
    .fail((message, e) => {
      throw e ?? new UsageError(message);
    })
    .help()
    .version(false)
    // With a callback yargs hands over the help text instead of printing it: the caller's Io prints it.
    .parse(argv, {}, (_error, _argv, output) => {
      if (output) help = output;
    });
  if (parsed instanceof Promise) throw new Error('yargs parsed asynchronously');
  for (const [name, value] of Object.entries(parsed)) {
    if (Array.isArray(value) && name !== '_' && !REPEATABLE.has(name))
      throw new UsageError(
        text(`ระบุ --${name} ได้ครั้งเดียว (ระบุมา ${value.length} ครั้ง)`, `--${name} can be given once (it was given ${value.length} times)`),
      );
  }
  const digits = parsed.digits === undefined ? undefined : digitsNamed(String(parsed.digits));
  if (parsed.digits !== undefined && !digits)
    throw new UsageError(
      text(
        `--digits "${parsed.digits}" ไม่ถูกต้อง: ใช้ ไทย (thai) หรือ อารบิก (arabic)`,
        `--digits "${parsed.digits}" is not valid: use thai (ไทย) or arabic (อารบิก)`,
      ),
    );
  const position = parsed.position === undefined ? undefined : ([] as unknown[]).concat(parsed.position).map(String).join('\n');
  return {
    language,
    help,
    files: parsed._.map(String),
    out: parsed.out,
    template: parsed.template,
    analysis: parsed.analysis,
    analysisTemplate: parsed['analysis-template'],
    emblem: parsed.emblem,
    date: parsed.date === undefined ? undefined : parseDate(parsed.date, text),
    signer: parsed.signer,
    position,
    digits,
    year: parsed.year === undefined ? undefined : parseYear(parsed.year, text),
    json: parsed.json,
    trustStatedTotal: parsed['trust-stated-total'],
    threads: parsed.threads === undefined ? undefined : parseThreads(parsed.threads, text),
    settings: parsed.settings,
    pdf: parsed.pdf,
    check: parsed.check,
    debug: parsed.debug,
  };
}

/** An option this program does not have: refused, with the one the clerk most likely meant. */
function refuseUnknownOptions(argv: readonly string[], text: Text): void {
  const known = [...COMMAND_OPTIONS.map((o) => o.name), 'help'];
  const flags = new Set([...known, ...COMMAND_OPTIONS.filter((o) => !o.takesValue).map((o) => `no-${o.name}`), 'h']);
  for (const arg of argv) {
    if (arg === '--') break;
    const name = /^--?([^=]+)/.exec(arg)?.[1];
    if (name === undefined || /^-\d/.test(arg) || flags.has(name)) continue;
    const meant = nearest(name, known);
    throw new UsageError(
      text(
        `ไม่มีตัวเลือก ${arg.split('=')[0]}${meant ? `: หมายถึง --${meant} หรือไม่` : ''}`,
        `There is no option ${arg.split('=')[0]}${meant ? `: did you mean --${meant}?` : ''}`,
      ),
    );
  }
}

type Arguments = ReturnType<typeof parseArguments>;
/** What `chooser(language)` gives: the text in the language asked for. */
type Text = ReturnType<typeof chooser>;

/** YYYY-MM-DD; a year above 2400 is Buddhist Era. */
function parseDate(date: string, text: Text): string {
  const parsed = parseAnnouncementDate(date);
  if ('why' in parsed) throw new UsageError(`--date "${date}" ${text('ไม่ถูกต้อง', 'is not valid')}: ${text(parsed.why.th, parsed.why.en)}`);
  return parsed.date;
}

function parseThreads(threads: number, text: Text): number {
  if (!Number.isInteger(threads) || threads < 1 || threads > 64)
    throw new UsageError(`--threads ${threads} ${text('ไม่ถูกต้อง: ใช้จำนวนเต็ม 1–64', 'is not valid: use a whole number from 1 to 64')}`);
  return threads;
}

function parseYear(year: number, text: Text): number {
  if (!Number.isInteger(year) || year < 1900 || year > 3000)
    throw new UsageError(
      `--year ${year} ${text('ไม่ถูกต้อง: ใช้ปีงบประมาณ พ.ศ. เช่น 2565', 'is not valid: use the fiscal year, e.g. 2565 or 2022')}`,
    );
  return year < 2400 ? year + 543 : year;
}

/** How a run speaks to the clerk: in the language asked for, a line at a time, naming paths as they read them. */
interface Screen {
  language: Language;
  /** The text in the language asked for. */
  words: Text;
  /** One line for the clerk, on the error stream. */
  tell(line: string): void;
  /** A path as the clerk reads it on screen: relative to where they ran the command. */
  pathShown(file: string): string;
}

function screenOf(language: Language, io: Io): Screen {
  return {
    language,
    words: chooser(language),
    tell: (line) => io.stderr(`${printable(line)}\n`),
    pathShown: (file) => path.relative(io.cwd, file) || file,
  };
}

/** A path the clerk typed: from where they ran the command. */
const givenPath = (io: Io, file: string) => path.resolve(io.cwd, file);

async function run(args: Arguments, io: Io): Promise<number> {
  const screen = screenOf(args.language, io);
  const stopWith = (problem: Problem | Problem[]) => {
    const problems = ([] as Problem[]).concat(problem);
    report(args, screen, io, { problems, failures: [] });
    return exitCodeFor({ problems });
  };

  const given = await readSettingsFile(args, io);
  if (hasErrors(given.problems)) return stopWith(given.problems);
  const parts = await readDocumentParts(args, io, given);
  if ('problem' in parts) return stopWith(parts.problem);
  const inputs = await readWorkbooks(args, io);
  if ('problem' in inputs) return stopWith(inputs.problem);
  const outDir = args.out === undefined ? path.join(PROJECT_ROOT, 'output') : givenPath(io, args.out);
  const opened = args.check ? undefined : await openOutputFolder(outDir);
  if (opened && 'problem' in opened) return stopWith(opened.problem);
  const folder = opened;

  const { result, written, analysesWritten } = await makeDocuments(args, io, screen, {
    given,
    parts,
    workbooks: inputs.workbooks,
    outDir,
    folder,
  });
  result.problems.unshift(...parts.analysisProblems, ...inputs.unreadable.flatMap((f) => f.problems));
  result.failures.unshift(...inputs.unreadable);
  if (hasErrors(result.problems.filter((p) => p.code === 'emblem-unusable'))) {
    report(args, screen, io, { problems: result.problems, failures: result.failures });
    return exitCodeFor(result);
  }

  // The summary lists the documents in the order of the workbooks and their agencies.
  const order = new Map(result.announcements.map((a, i) => [a.name, i]));
  const documents = written.sort((a, b) => order.get(path.basename(a.output))! - order.get(path.basename(b.output))!);
  if (args.check) tellWhatWouldBeMade(result, screen);
  const analysisPdfs = new Set<string>();
  if (args.pdf && documents.length && !folder?.stopped)
    result.problems.push(...(await writePdfsBeside(documents, analysesWritten, analysisPdfs, folder!, io, screen)));
  await folder?.close();

  report(args, screen, io, {
    problems: result.problems,
    failures: result.failures,
    documents,
    ready: args.check ? result.announcements.length : 0,
    analyses: args.check ? result.analyses.map((a) => a.name) : analysesWritten,
    analysisPdfs,
    stopped: folder?.stopped,
  });
  return exitCodeFor({ ...result, ...(folder?.stopped && { stopped: folder.stopped }) });
}

/** The settings file (input/settings.yaml, or --settings): its settings, the line of each, its problems. */
type SettingsGiven = SettingsRead & { file: string };

async function readSettingsFile(args: Arguments, io: Io): Promise<SettingsGiven> {
  const file = args.settings === undefined ? path.join(PROJECT_ROOT, 'input', 'settings.yaml') : givenPath(io, args.settings);
  return { file, ...(await readSettings(file)) };
}

/** Where a file setting was given: its option, or its line of the settings file. */
function givenAt(given: SettingsGiven, setting: 'template' | 'emblem' | 'analysisTemplate', option: string | undefined): Message {
  return option !== undefined
    ? { th: SETTINGS[setting].option, en: SETTINGS[setting].option }
    : {
        th: `${SETTINGS[setting].key}: ของไฟล์ตั้งค่า ${path.basename(given.file)} บรรทัดที่ ${given.lines[setting]}`,
        en: `${SETTINGS[setting].key}: of the settings file ${path.basename(given.file)}, line ${given.lines[setting]}`,
      };
}

/** What every document is made with besides the workbook. */
interface DocumentParts {
  template: NamedBytes;
  emblem?: NamedBytes;
  analysisTemplate?: NamedBytes;
  /** An analysis template that cannot be read is reported, and the announcements are made all the same. */
  analysisProblems: Problem[];
}

/** The template and the emblem (a problem with either stops the run), then the analysis report's template. */
async function readDocumentParts(args: Arguments, io: Io, given: SettingsGiven): Promise<DocumentParts | { problem: Problem }> {
  const { settings } = given;
  const templateFile = args.template ? givenPath(io, args.template) : (settings.template ?? DEFAULT_TEMPLATE);
  const emblemFile = args.emblem !== undefined ? givenPath(io, args.emblem) : settings.emblem;
  const template = await readInput(templateFile, MAX_TEMPLATE_BYTES, {
    cannotOpen: (code) => {
      const at = givenAt(given, 'template', args.template);
      return error(
        'template-unreadable',
        { file: templateFile },
        `เปิดแม่แบบเอกสารไม่ได้ (${code}): ตรวจชื่อไฟล์ที่ระบุใน ${at.th}`,
        `Cannot open the template (${code}): check the file name given with ${at.en}`,
      );
    },
    tooLarge: (size) => templateTooLarge(templateFile, size),
  });
  if ('problem' in template) return template;
  const emblem =
    emblemFile === undefined
      ? undefined
      : await readInput(emblemFile, EMBLEM_MOST_BYTES, {
          cannotOpen: (code) => {
            const at = givenAt(given, 'emblem', args.emblem);
            return error(
              'emblem-unusable',
              { file: emblemFile },
              `เปิดไฟล์ภาพตราครุฑไม่ได้ (${code}): ตรวจชื่อไฟล์ที่ระบุใน ${at.th}`,
              `Cannot open the emblem picture (${code}): check the file name given with ${at.en}`,
            );
          },
          tooLarge: () => emblemTooLarge(emblemFile),
        });
  if (emblem && 'problem' in emblem) return emblem;
  if (!(args.analysis ?? settings.analysis ?? false)) return { template, ...(emblem && { emblem }), analysisProblems: [] };

  const file =
    args.analysisTemplate !== undefined ? givenPath(io, args.analysisTemplate) : (settings.analysisTemplate ?? DEFAULT_ANALYSIS_TEMPLATE);
  const analysisTemplate = await readInput(file, MAX_TEMPLATE_BYTES, {
    cannotOpen: (code) => {
      const at = givenAt(given, 'analysisTemplate', args.analysisTemplate);
      return error(
        'template-unreadable',
        { file },
        `เปิดแม่แบบรายงานการวิเคราะห์ไม่ได้ (${code}): ตรวจชื่อไฟล์ที่ระบุใน ${at.th}`,
        `Cannot open the analysis report's template (${code}): check the file name given with ${at.en}`,
      );
    },
    tooLarge: (size) => templateTooLarge(file, size),
  });
  if ('problem' in analysisTemplate) return { template, ...(emblem && { emblem }), analysisProblems: [analysisTemplate.problem] };
  return { template, ...(emblem && { emblem }), analysisTemplate, analysisProblems: [] };
}

/** The workbooks named, or every one in input/: those read, and a failure for each that cannot be; a problem when there is none at all. */
async function readWorkbooks(args: Arguments, io: Io): Promise<{ workbooks: NamedBytes[]; unreadable: Failure[] } | { problem: Problem }> {
  const inputs = args.files.length
    ? args.files.map((file) => givenWorkbook(file, io))
    : await workbooksIn(path.join(PROJECT_ROOT, 'input'));
  if (inputs.length === 0) {
    return {
      problem: error(
        'file-unreadable',
        { file: 'input' },
        'ไม่พบไฟล์ผลการประเมิน (.xlsx .xls .ods .xml .csv .txt .html) ในโฟลเดอร์ input/: วางไฟล์ที่ดาวน์โหลดจากระบบ ITAS ไว้ในโฟลเดอร์ input/ แล้วรันอีกครั้ง',
        'No results file (.xlsx .xls .ods .xml .csv .txt .html) in input/: put the file downloaded from ITAS in input/ and run again',
      ),
    };
  }
  const unreadable: Failure[] = [];
  const workbooks: NamedBytes[] = [];
  for (const file of inputs) {
    const read = await readInput(file, MAX_FILE_BYTES, {
      cannotOpen: (code) =>
        error(
          'file-unreadable',
          { file },
          `เปิดไฟล์ไม่ได้ (${code}): ตรวจว่าไฟล์มีอยู่จริงและไม่ได้ถูกโปรแกรมอื่นล็อกไว้`,
          `Cannot open the file (${code}): check that it exists and is not locked by another program`,
        ),
      tooLarge: (size) => fileTooLarge(file, size),
    });
    if ('problem' in read) unreadable.push({ input: file, agency: '', problems: [read.problem] });
    else workbooks.push(read);
  }
  return { workbooks, unreadable };
}

/** Builds every document and writes each to the folder as it is made (none with --check): the result, and what was written. */
async function makeDocuments(
  args: Arguments,
  io: Io,
  screen: Screen,
  to: { given: SettingsGiven; parts: DocumentParts; workbooks: NamedBytes[]; outDir: string; folder: OutputFolder | undefined },
): Promise<{ result: BuildResult; written: DocumentSummary[]; analysesWritten: string[] }> {
  const { settings } = to.given;
  const { template, emblem, analysisTemplate } = to.parts;
  // The command line wins over the settings file, which wins over the defaults.
  const signer = args.signer ?? settings.signer;
  const position = args.position ?? settings.position;
  const written: DocumentSummary[] = [];
  const analysesWritten: string[] = [];
  // The built program keeps the template checked and prepared for the next run (node/run-cache.ts).
  const built = builtProgramFolder();
  const preparedCache = built === undefined ? undefined : preparedCacheIn(built);
  const result = await build({
    workbooks: to.workbooks,
    template,
    ...(analysisTemplate && { analysis: { template: analysisTemplate, deflater: nodeDeflater } }),
    ...(emblem && { emblem }),
    frameworks: frameworksOnDisk(),
    ...(preparedCache && { preparedCache }),
    announce: {
      names: COMMAND_LINE_NAMES,
      date: args.date ?? settings.date ?? today(),
      trustStatedTotal: args.trustStatedTotal,
      ...(signer !== undefined && { signer }),
      ...(position !== undefined && { position }),
      ...(args.year !== undefined && { fiscalYear: args.year }),
    },
    digits: args.digits ?? settings.digits ?? 'thai',
    check: args.check,
    renderMany: renderInThreads(args.threads),
    onProgress: progressLine(screen, io),
    onDocument: async (document) => {
      const target = path.join(to.outDir, document.name);
      const problems = await to.folder!.write(document.name, document.bytes);
      const a = document.announcement;
      if (document.analysis) {
        if (!hasErrors(problems)) analysesWritten.push(target);
        return problems;
      }
      if (!hasErrors(problems))
        written.push({
          input: document.workbook,
          agency: a.agency.shortName,
          fiscalYear: a.fiscalYear,
          total: a.total,
          level: a.level,
          result: a.result,
          output: target,
        });
      return problems;
    },
  });
  return { result, written, analysesWritten };
}

/** --check: what each announcement and analysis report would print. */
function tellWhatWouldBeMade(result: BuildResult, screen: Screen): void {
  for (const { workbook, announcement } of result.announcements) {
    announcementLines(announcement, screen.pathShown, screen.language).forEach(screen.tell);
    for (const report of result.analyses.filter(
      (r) => r.workbook === workbook && r.analysis.agency === announcement.agency && r.analysis.fiscalYear === announcement.fiscalYear,
    ))
      analysisLines(report.name, report.analysis, screen.language).forEach(screen.tell);
  }
}

/** --pdf: a PDF beside each document written, through LibreOffice; the problems of those that could not be made. */
async function writePdfsBeside(
  documents: DocumentSummary[],
  analysesWritten: string[],
  analysisPdfs: Set<string>,
  folder: OutputFolder,
  io: Io,
  screen: Screen,
): Promise<Problem[]> {
  screen.tell(
    screen.words(
      `กำลังสร้าง PDF ${documents.length + analysesWritten.length} ฉบับด้วย LibreOffice`,
      `Making ${counted(documents.length + analysesWritten.length, 'PDF')} with LibreOffice`,
    ),
  );
  // Loaded only now, as few runs ask for PDFs: it brings node:child_process (about 5 ms of every start).
  const { writePdfs } = await import('../node/pdf.js');
  const made = await writePdfs([...documents.map((d) => d.output), ...analysesWritten], io.env, (pdf, bytes) =>
    folder.save(path.basename(pdf), bytes),
  );
  for (const d of documents) {
    const pdf = made.pdfs.get(d.output);
    if (pdf) d.pdf = pdf;
  }
  for (const file of analysesWritten) if (made.pdfs.has(file)) analysisPdfs.add(file);
  return made.problems;
}

/**
 * A progress line while a long batch runs: rewritten in place on a terminal, a line at every
 * tenth otherwise (a log file, a CI run).
 */
function progressLine(screen: Screen, io: Io): (progress: Progress) => void {
  let shownAt = 0;
  return ({ workbook, done, total, agency }) => {
    if (total < PROGRESS_FROM) return;
    if (done === 0) {
      screen.tell(
        screen.words(
          `กำลังสร้างประกาศ ${total} ฉบับจาก ${path.basename(workbook)}`,
          `Writing ${counted(total, 'announcement')} from ${path.basename(workbook)}`,
        ),
      );
      return;
    }
    if (io.terminal) {
      const now = Date.now();
      if (now - shownAt > 100) io.stderr(`\r\x1b[K  ${done}/${total} ${agency}`);
      shownAt = now;
      if (done === total) io.stderr(`\r\x1b[K  ${done}/${total} ${screen.words('เสร็จแล้ว', 'done')}\n`);
    } else if (done % Math.ceil(total / 10) === 0) {
      screen.tell(`  ${done}/${total} (${Math.round((100 * done) / total)}%)`);
    }
  };
}

/** A workbook named on the command line: where the clerk is, or else, given by its name alone, in input/. */
function givenWorkbook(file: string, io: Io): string {
  const here = givenPath(io, file);
  const inInput = path.join(PROJECT_ROOT, 'input', file);
  return !existsSync(here) && path.basename(file) === file && existsSync(inInput) ? inInput : here;
}

async function workbooksIn(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  return (
    names
      .filter((name) => WORKBOOK_EXTENSIONS.has(path.extname(name).toLowerCase()))
      // "~$name.xlsx" is Excel's lock file while the workbook is open; dot files are hidden.
      .filter((name) => !name.startsWith('~$') && !name.startsWith('.'))
      .sort()
      .map((name) => path.join(dir, name))
  );
}

/** What a run's summary tells: its problems and failures, the documents written (with --check, how many are ready), the analysis reports, why the folder stopped taking files. */
interface Outcome {
  problems: Problem[];
  failures: Failure[];
  documents?: DocumentSummary[];
  ready?: number;
  analyses?: string[];
  /** The analysis reports that have a PDF beside them (--pdf). */
  analysisPdfs?: ReadonlySet<string>;
  stopped?: Problem | undefined;
}

function report(args: Arguments, screen: Screen, io: Io, outcome: Outcome): void {
  const { problems, failures, documents = [], ready = 0, analyses = [], analysisPdfs = new Set<string>(), stopped } = outcome;
  const { language, words, tell, pathShown } = screen;
  const printed = new Set<string>();
  // Announcements made but not saved once the folder took no more: why is said once, then which.
  const unsaved = stopped
    ? failures.filter(
        (f) => f.problems.length > 0 && f.problems.every((p) => p.code === stopped.code && p.message.th === stopped.message.th),
      )
    : [];
  const failed = failures.filter((f) => !unsaved.includes(f));
  // An error that stopped a workbook or an agency is printed with it, in the list of what could not be made.
  const withFailure = new Set(failures.flatMap((f) => f.problems));
  for (const p of problems) {
    if (withFailure.has(p)) continue;
    // The same template warning comes with every document of a batch: once is enough.
    const key = JSON.stringify({ ...p, where: { ...p.where, agency: undefined } });
    if (printed.has(key)) continue;
    printed.add(key);
    problemLines(p, pathShown, language, args.debug).forEach(tell);
  }
  if (documents.length) documentTable(documents, pathShown, language).forEach(tell);
  if (!args.check) {
    for (const file of analyses) {
      const pdf = analysisPdfs.has(file) ? words(' (พร้อมไฟล์ PDF ชื่อเดียวกัน)', ' (with a PDF of the same name)') : '';
      tell(words(`รายงานการวิเคราะห์: ${pathShown(file)}${pdf}`, `Analysis report: ${pathShown(file)}${pdf}`));
    }
  }
  if (failed.length) failureLines(failed, pathShown, language, args.debug).forEach(tell);
  if (stopped && unsaved.length) unsavedLines(stopped, unsaved, pathShown, language).forEach(tell);
  const reports = analyses.length
    ? words(` และรายงานการวิเคราะห์ ${analyses.length} ฉบับ`, ` and ${counted(analyses.length, 'analysis report')}`)
    : '';
  const notSaved = unsaved.length ? words(`, ยังไม่ได้บันทึก ${unsaved.length} ฉบับ`, `, ${unsaved.length} not saved`) : '';
  const notMade = failed.length ? words(`, สร้างไม่ได้ ${failed.length} รายการ`, `, ${failed.length} failed`) : '';
  tell(
    args.check
      ? words(
          `สรุปการตรวจ (ยังไม่ได้สร้างเอกสาร): พร้อมสร้างประกาศ ${ready} ฉบับ${reports}${notMade}`,
          `Check (nothing written): ${counted(ready, 'announcement')}${reports} ready${notMade}`,
        )
      : words(
          `สรุป: สร้างประกาศ ${documents.length} ฉบับ${reports}${notSaved}${notMade}`,
          `Summary: ${counted(documents.length, 'announcement')}${reports} written${notSaved}${notMade}`,
        ),
  );
  if (args.json) {
    // One message, in the language asked for, as a string: what a script reading the JSON expects.
    // What a library said stays out of the JSON too, unless --debug asks for it.
    const where = ({ debug, ...p }: Problem) => ({
      ...p,
      message: p.message[language],
      ...(args.debug && debug && { debug }),
      where: { ...p.where, ...(p.where.file && { file: pathShown(p.where.file) }) },
    });
    const json = {
      documents: documents.map((d) => ({
        ...d,
        input: pathShown(d.input),
        output: pathShown(d.output),
        ...(d.pdf && { pdf: pathShown(d.pdf) }),
      })),
      ...(analyses.length && { analyses: analyses.map(pathShown) }),
      failed: failures.map((f) => ({ input: pathShown(f.input), agency: f.agency, problems: f.problems.map(where) })),
      problems: problems.map(where),
      // For the benchmark: this run's peak memory and processor time, its threads included (maxRSS is in KB, CPU times in µs).
      run: {
        peakMemoryMB: Math.round(process.resourceUsage().maxRSS / 1024),
        cpuSeconds: (process.resourceUsage().userCPUTime + process.resourceUsage().systemCPUTime) / 1e6,
      },
    };
    io.stdout(`${JSON.stringify(json, null, 2)}\n`);
  }
}

if (executedAsProgram(import.meta.url)) main(hideBin(process.argv)).then((code) => (process.exitCode = code));
