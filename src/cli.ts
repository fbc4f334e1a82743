/**
 * npm run build-doc -- [FILES...] [--out DIR] [--template FILE] [--emblem FILE] [--date YYYY-MM-DD]
 *                      [--signer NAME] [--position TEXT] [--digits thai|arabic] [--year YYYY] [--json]
 *
 * The only place that prints, writes files and picks the exit code.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { buildAnnouncement, type BuildOptions } from './pipeline.js';
import { documentFileName, writeFileAtomically } from './output.js';
import { error, hasErrors, type Problem } from './problem.js';
import { readEmblem } from './render/emblem.js';
import { loadTemplate } from './render/template.js';
import { formatterFor } from './render/format.js';
import { problemLines } from './report.js';

const EXIT = {
  done: 0,
  /** At least one workbook gave no announcement. */
  inputRefused: 1,
  usage: 2,
  template: 3,
  cannotWrite: 4,
  /** A bug: shown with its stack trace under --debug. */
  internal: 5,
  /** The picture given with --emblem is not a PNG or JPEG that can be read. */
  emblem: 6,
} as const;

/** Problems that are the template's fault, not the workbook's. */
const TEMPLATE_CODES = new Set(['template-unreadable', 'template-error', 'template-syntax', 'template-tag-unknown', 'template-piece-missing']);

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEFAULT_TEMPLATE = path.join(PROJECT_ROOT, 'templates', 'ita-announcement.docx');
const WORKBOOK_EXTENSIONS = new Set(['.xlsx', '.xlsm', '.xls', '.csv']);

class UsageError extends Error {}

interface DocumentSummary {
  input: string;
  agency: string;
  fiscalYear: number;
  total: number;
  level: string;
  result: string;
  output: string;
}

async function main(argv: string[]): Promise<number> {
  let debug = argv.includes('--debug');
  try {
    const args = parseArguments(argv);
    debug = args.debug;
    return await build(args);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message}\nดูวิธีใช้: npm run build-doc -- --help\n`);
      return EXIT.usage;
    }
    process.stderr.write(`เกิดข้อผิดพลาดภายในโปรแกรม: ${(e as Error).message}\n`);
    process.stderr.write(debug ? `${(e as Error).stack}\n` : 'แจ้งผู้ดูแลโปรแกรม พร้อมรันซ้ำด้วย --debug เพื่อดูรายละเอียด\n');
    return EXIT.internal;
  }
}

function parseArguments(argv: string[]) {
  const parsed = yargs(argv)
    .locale('th')
    .scriptName('npm run build-doc --')
    .usage('$0 [ไฟล์...] [ตัวเลือก]\n\nสร้างประกาศผลการประเมิน ITA (.docx) จากไฟล์ผลการประเมินที่ดาวน์โหลดจากระบบ ITAS\nไม่ระบุไฟล์: ใช้ทุกไฟล์ .xlsx ในโฟลเดอร์ input/')
    .option('out', { type: 'string', describe: 'โฟลเดอร์ที่จะบันทึกประกาศ (ค่าเริ่มต้น: output/)' })
    .option('template', { type: 'string', describe: 'แม่แบบเอกสาร Word (.docx) ของหน่วยงาน' })
    .option('emblem', { type: 'string', describe: 'ภาพตราครุฑ (.png หรือ .jpg) ที่จะใส่หัวประกาศ สูง 3 ซม.' })
    .option('date', { type: 'string', describe: 'วันที่ประกาศ ปี-เดือน-วัน เช่น 2565-08-02 หรือ 2022-08-02 (ค่าเริ่มต้น: วันนี้)' })
    .option('signer', { type: 'string', describe: 'ชื่อผู้ลงนาม เช่น "นายสันติ นาวีสัมพันธ์"' })
    .option('position', { type: 'string', describe: 'ตำแหน่งผู้ลงนาม (อบต./อบจ./เทศบาล: ได้จากชื่อหน่วยงานโดยอัตโนมัติ)' })
    .option('digits', { choices: ['thai', 'arabic'] as const, default: 'thai' as const, describe: 'ตัวเลขไทยหรืออารบิก' })
    .option('year', { type: 'number', describe: 'ปีงบประมาณ เมื่อไฟล์ไม่ได้ระบุ เช่น 2565' })
    .option('json', { type: 'boolean', default: false, describe: 'พิมพ์สรุปผลเป็น JSON ทาง stdout' })
    .option('trust-stated-total', { type: 'boolean', default: false, describe: 'พิมพ์คะแนนรวมตามไฟล์ แม้ไม่ตรงกับที่คำนวณได้' })
    .option('debug', { type: 'boolean', default: false, describe: 'แสดงรายละเอียดเมื่อโปรแกรมขัดข้อง (สำหรับผู้ดูแล)' })
    .strictOptions()
    .exitProcess(false)
    .fail((message, e) => {
      throw e ?? new UsageError(message);
    })
    .help()
    .version(false)
    .parseSync();
  return {
    files: parsed._.map(String),
    out: parsed.out,
    template: parsed.template,
    emblem: parsed.emblem,
    date: parseDate(parsed.date),
    signer: parsed.signer,
    position: parsed.position,
    digits: parsed.digits,
    year: parsed.year === undefined ? undefined : parseYear(parsed.year),
    json: parsed.json,
    trustStatedTotal: parsed['trust-stated-total'],
    debug: parsed.debug,
    helpShown: argv.includes('--help') || argv.includes('-h'),
  };
}

type Arguments = ReturnType<typeof parseArguments>;

/** YYYY-MM-DD; a year above 2400 is Buddhist Era. Default: today on this computer. */
function parseDate(text: string | undefined): string {
  if (text === undefined) {
    const today = new Date();
    return isoDate(today.getFullYear(), today.getMonth() + 1, today.getDate());
  }
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text.trim());
  if (!match) throw new UsageError(`--date "${text}" ไม่ถูกต้อง: ใช้รูปแบบ ปี-เดือน-วัน เช่น 2565-08-02`);
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const christian = year > 2400 ? year - 543 : year;
  const date = new Date(Date.UTC(christian, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) throw new UsageError(`--date "${text}": ไม่มีวันนี้ในปฏิทิน`);
  return isoDate(christian, month, day);
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function parseYear(year: number): number {
  if (!Number.isInteger(year) || year < 1900 || year > 3000) throw new UsageError(`--year ${year} ไม่ถูกต้อง: ใช้ปีงบประมาณ พ.ศ. เช่น 2565`);
  return year < 2400 ? year + 543 : year;
}

async function build(args: Arguments): Promise<number> {
  if (args.helpShown) return EXIT.done;
  const say = (line: string) => process.stderr.write(`${line}\n`);
  const userPath = (p: string) => path.resolve(process.env.INIT_CWD ?? process.cwd(), p);

  const templateFile = args.template ? userPath(args.template) : DEFAULT_TEMPLATE;
  const { template, problems: templateProblems } = await loadTemplate(templateFile);
  if (!template) {
    report(args, [], templateProblems, say);
    return EXIT.template;
  }
  const emblem = args.emblem === undefined ? undefined : await readEmblem(userPath(args.emblem));
  if (emblem && !emblem.image) {
    report(args, [], [...templateProblems, ...emblem.problems], say);
    return EXIT.emblem;
  }

  const inputs = args.files.length ? args.files.map(userPath) : await workbooksIn(path.join(PROJECT_ROOT, 'input'));
  if (inputs.length === 0) {
    report(args, [], [error('file-unreadable', { file: 'input' }, 'ไม่พบไฟล์ผลการประเมิน (.xlsx) ในโฟลเดอร์ input/: วางไฟล์ที่ดาวน์โหลดจากระบบ ITAS ไว้ในโฟลเดอร์ input/ แล้วรันอีกครั้ง')], say);
    return EXIT.inputRefused;
  }

  const outDir = args.out === undefined ? path.join(PROJECT_ROOT, 'output') : userPath(args.out);
  const options: BuildOptions = {
    date: args.date,
    digits: args.digits,
    trustStatedTotal: args.trustStatedTotal,
    ...(args.signer !== undefined && { signer: args.signer }),
    ...(args.position !== undefined && { position: args.position }),
    ...(args.year !== undefined && { fiscalYear: args.year }),
    ...(emblem?.image && { emblem: emblem.image }),
  };

  const documents: DocumentSummary[] = [];
  const problems: Problem[] = [...templateProblems];
  const usedNames = new Set<string>();
  let refused = false;
  let unwritable = false;
  for (const input of inputs) {
    const built = await buildAnnouncement(input, template, options);
    problems.push(...built.problems);
    if (!built.announcement || !built.document || hasErrors(built.problems)) {
      refused = true;
      continue;
    }
    const target = path.join(outDir, uniqueName(documentFileName(built.announcement), usedNames));
    try {
      await writeFileAtomically(target, built.document);
    } catch (e) {
      unwritable = true;
      problems.push(error('output-not-writable', { file: target }, cannotWriteMessage(e as NodeJS.ErrnoException)));
      continue;
    }
    const a = built.announcement;
    documents.push({ input, agency: a.agency.shortName, fiscalYear: a.fiscalYear, total: a.total, level: a.level, result: a.result, output: target });
  }

  report(args, documents, problems, say);
  if (hasErrors(problems.filter((p) => TEMPLATE_CODES.has(p.code)))) return EXIT.template;
  if (refused) return EXIT.inputRefused;
  if (unwritable) return EXIT.cannotWrite;
  return EXIT.done;
}

async function workbooksIn(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => WORKBOOK_EXTENSIONS.has(path.extname(name).toLowerCase()))
    // "~$name.xlsx" is Excel's lock file while the workbook is open; dot files are hidden.
    .filter((name) => !name.startsWith('~$') && !name.startsWith('.'))
    .sort()
    .map((name) => path.join(dir, name));
}

/** Two workbooks of the same agency and year in one run must not overwrite each other. */
function uniqueName(name: string, used: Set<string>): string {
  let candidate = name;
  for (let n = 2; used.has(candidate.normalize('NFC').toLowerCase()); n++) candidate = name.replace(/\.docx$/, ` (${n}).docx`);
  used.add(candidate.normalize('NFC').toLowerCase());
  return candidate;
}

function cannotWriteMessage(e: NodeJS.ErrnoException): string {
  if (e.code === 'EBUSY' || e.code === 'EPERM' || e.code === 'EACCES') {
    return `บันทึกไฟล์ไม่ได้ (${e.code}): ถ้าไฟล์นี้เปิดอยู่ใน Word ให้ปิดก่อน หรือตรวจว่าโฟลเดอร์ไม่ได้เป็นแบบอ่านอย่างเดียว แล้วรันอีกครั้ง`;
  }
  return `บันทึกไฟล์ไม่ได้ (${e.code ?? e.message}): ตรวจว่ามีพื้นที่ดิสก์และสิทธิ์เขียนในโฟลเดอร์ผลลัพธ์`;
}

function report(args: Arguments, documents: DocumentSummary[], problems: Problem[], say: (line: string) => void): void {
  const shown = (file: string) => path.relative(process.cwd(), file) || file;
  const numbers = formatterFor('arabic');
  for (const d of documents) {
    say(`✓ ${d.agency} ปีงบประมาณ ${d.fiscalYear}: คะแนนรวม ${numbers.score(d.total)} ระดับ ${d.level} ${d.result}`);
    say(`  บันทึกแล้ว: ${shown(d.output)}`);
  }
  for (const p of problems) problemLines(p, shown).forEach(say);
  const failed = new Set(problems.filter((p) => p.severity === 'error').map((p) => p.where.file)).size;
  say(`สรุป: สร้างประกาศ ${documents.length} ฉบับ${failed ? `, มีปัญหา ${failed} ไฟล์` : ''}`);
  if (args.json) {
    const json = {
      documents: documents.map((d) => ({ ...d, input: shown(d.input), output: shown(d.output) })),
      problems: problems.map((p) => ({ ...p, where: { ...p.where, ...(p.where.file && { file: shown(p.where.file) }) } })),
    };
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  }
}

process.exitCode = await main(hideBin(process.argv));
