/**
 * The web page (web/ita-announcement.html): the same core as the command line (src/build/index.ts),
 * run in the browser on the results the clerk brings: a file chosen or dropped, a table pasted, or
 * the scores typed in (./typed-form.ts). It reads, checks and shows what the
 * announcement will say, then makes the documents for download. No request leaves the page: the
 * template, the emblem placeholder and the framework files are inside it (scripts/build-web.ts).
 */
import frameworkFiles from 'ita:frameworks';
import renderWorker from 'ita:render-worker';
import { zipSync } from 'fflate';
import templateBase64 from 'ita:template';
import analysisBase64 from 'ita:analysis-template';
import { parseAnnouncementDate } from '../../src/core/announcement-date.js';
import { baseName, type NamedBytes } from '../../src/core/bytes.js';
import { build, renderOneByOne, type BuildRequest, type BuildResult, type BuiltDocument, type Input } from '../../src/build/index.js';
import { formatterFor, type Digits } from '../../src/core/format.js';
import { typedWorkbook, TYPED_SOURCE, type FactField } from '../../src/ita/fill-in.js';
import { frameworkLibrary, type Framework } from '../../src/ita/framework.js';
import { parseFiscalYear } from '../../src/ita/find/labels.js';
import { readWorkbook } from '../../src/read/workbook.js';
import type { Seen } from '../../src/ita/announce-workbook.js';
import type { Problem } from '../../src/core/problem.js';
import type { SettingNames } from '../../src/core/setting-names.js';
import { emblemField } from './emblem-field.js';
import { announcementView, batchView, element, problemsView } from './results-view.js';
import { showDocument } from './preview.js';
import { typedForm } from './typed-form.js';
import { renderInWorkers } from './workers.js';

const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
const TEMPLATE: NamedBytes = { name: 'แม่แบบประกาศ', bytes: fromBase64(templateBase64) };
const ANALYSIS_TEMPLATE: NamedBytes = { name: 'แม่แบบรายงานการวิเคราะห์', bytes: fromBase64(analysisBase64) };
const FRAMEWORKS = frameworkLibrary(frameworkFiles);
const NEWEST = FRAMEWORKS.forYear(FRAMEWORKS.years.at(-1)!, {}).framework!;
/** What messages call a table pasted into the page, as they would call a file. */
const PASTED = 'ตารางที่วาง';

/** The page's own fields, as the core's messages name them: the page has no settings file, no options and no template to choose. */
const field = (label: string) => ({ th: `ช่อง "${label}"`, en: `the field "${label}"` });
const NAMES: SettingNames = {
  signer: field('ชื่อผู้ลงนาม'),
  position: field('ตำแหน่งผู้ลงนาม'),
  date: field('วันที่ประกาศ'),
  digits: field('ตัวเลข'),
  emblem: { th: 'ปุ่ม "เลือกภาพตราครุฑ…"', en: 'the button "เลือกภาพตราครุฑ…"' },
  fiscalYear: field('ปีงบประมาณ'),
  trustStatedTotal: field('พิมพ์คะแนนรวมตามไฟล์'),
};
/** Thai digits for counts on the page, as "๓๒๑ / ๑,๐๐๐". */
const COUNT = new Intl.NumberFormat('th-TH-u-nu-thai');

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = {
  workbook: $<HTMLInputElement>('workbook'),
  drop: $<HTMLDivElement>('drop'),
  paste: $<HTMLTextAreaElement>('paste'),
  pasteNote: $<HTMLDivElement>('paste-note'),
  typeIn: $<HTMLButtonElement>('type-in'),
  typed: $<HTMLElement>('typed'),
  typedFields: $<HTMLDivElement>('typed-fields'),
  source: $<HTMLDivElement>('source'),
  signer: $<HTMLInputElement>('signer'),
  position: $<HTMLTextAreaElement>('position'),
  date: $<HTMLInputElement>('date'),
  dateShown: $<HTMLDivElement>('date-shown'),
  digits: $<HTMLSelectElement>('digits'),
  year: $<HTMLInputElement>('year'),
  yearNeeded: $<HTMLDivElement>('year-needed'),
  trust: $<HTMLInputElement>('trust'),
  trustNeeded: $<HTMLDivElement>('trust-needed'),
  check: $<HTMLElement>('check'),
  problems: $<HTMLDivElement>('problems'),
  announcements: $<HTMLDivElement>('announcements'),
  download: $<HTMLButtonElement>('download'),
  downloadAnalysis: $<HTMLButtonElement>('download-analysis'),
  progress: $<HTMLProgressElement>('progress'),
  progressCount: $<HTMLSpanElement>('progress-count'),
  previewSection: $<HTMLElement>('preview-section'),
  preview: $<HTMLDivElement>('preview'),
  downloadNote: $<HTMLDivElement>('download-note'),
};

/**
 * Where the results come from: a file chosen or dropped, a table pasted, or the scores typed in.
 * Only one at a time: choosing another replaces it.
 */
type Source = { kind: 'file' | 'paste'; input: Input; at: Date } | { kind: 'typed' };

let source: Source | undefined;
const emblem = emblemField(TEMPLATE, NAMES, () => void check());
/** Each check supersedes the one before: only the latest may draw. */
let checking = 0;
/** The document of the latest check's one announcement, as previewed: what the download saves while nothing has changed. */
let previewed: { run: number; document: BuiltDocument } | undefined;

const typed = typedForm(form.typedFields, () => {
  typed.label(typedYear());
  if (source?.kind !== 'typed') useSource({ kind: 'typed' });
  else void check();
});
typed.label(NEWEST);
form.date.value = todayBuddhistEra();

async function bytesOf(file: File): Promise<NamedBytes> {
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** The results as the core takes them: a file's or a paste's bytes, or the typed fields as the fill-in form's cells. */
function inputOf(from: Source): Input {
  return from.kind === 'typed' ? { name: TYPED_SOURCE, cells: typedWorkbook(typed.results(), typedYear().indicators) } : from.input;
}

/** The rules of the year typed in the form, for its indicators' names; the newest year's until one is typed. */
function typedYear(): Framework {
  const year = parseFiscalYear(typed.results().values['fiscal-year'] ?? '')?.year;
  return (year !== undefined && FRAMEWORKS.forYear(year, {}).framework) || NEWEST;
}

/** What the form says, as the core takes it; undefined (and the reason shown) when the date is not one. */
function request(): BuildRequest | undefined {
  const parsed = parseAnnouncementDate(form.date.value);
  const digits = form.digits.value as Digits;
  if ('why' in parsed) {
    form.dateShown.textContent = `วันที่ไม่ถูกต้อง: ${parsed.why.th}`;
    form.dateShown.className = 'hint error';
    // Said beside the button too: the field may be a screen away from it.
    form.downloadNote.textContent = `ดาวน์โหลดไม่ได้จนกว่าจะแก้วันที่ประกาศ: ${parsed.why.th}`;
    form.downloadNote.className = 'hint error';
    downloadable(false);
    return undefined;
  }
  form.dateShown.textContent = `พิมพ์ว่า "ประกาศ ณ วันที่ ${formatterFor(digits).date(parsed.date)}"`;
  form.dateShown.className = 'hint';
  form.downloadNote.className = 'hint';
  const position = form.position.value
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');
  const chosen = emblem.chosen();
  const year = form.yearNeeded.hidden ? undefined : parseFiscalYear(form.year.value)?.year;
  return {
    workbooks: source ? [inputOf(source)] : [],
    template: TEMPLATE,
    ...(chosen && { emblem: chosen }),
    frameworks: FRAMEWORKS,
    announce: {
      names: NAMES,
      date: parsed.date,
      ...(form.signer.value.trim() && { signer: form.signer.value }),
      ...(position && { position }),
      ...(year !== undefined && { fiscalYear: year }),
      ...(!form.trustNeeded.hidden && form.trust.checked && { trustStatedTotal: true }),
    },
    digits,
  };
}

/** Makes `from` the results the page announces, says so, and checks it. */
function useSource(from: Source): void {
  source = from;
  if (from.kind === 'typed') form.typed.hidden = false;
  const time = (at: Date) => at.toLocaleTimeString('th-TH', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  form.source.textContent =
    from.kind === 'typed'
      ? 'ใช้คะแนนที่กรอกในแบบกรอกผลคะแนนด้านล่าง'
      : from.kind === 'paste'
        ? `ใช้ตารางที่วาง (วางเมื่อ ${time(from.at)} น.)`
        : `ใช้ไฟล์: ${from.input.name} (อ่านเมื่อ ${time(from.at)} น.)`;
  void check();
}

/** Reads and checks the results as they stand, and shows what each announcement will say. */
async function check(): Promise<void> {
  const asked = request();
  if (!source) return;
  const run = ++checking;
  form.check.hidden = false;
  // The button stays as it was while the check runs: a click that ends the typing in a field (its
  // change comes first) must still download, and download() reads the form afresh.
  if (!asked) {
    downloadable(false);
    return;
  }
  const result = await build({ ...asked, check: true });
  if (run !== checking) return;
  const pending = source.kind === 'typed' ? result.problems.filter(typed.pending) : [];
  showProblems(result.problems.filter((p) => !pending.includes(p)));
  if (pending.length)
    form.problems.prepend(
      element('p', { className: 'hint', textContent: `ยังต้องกรอก ${pending.length} ช่อง: ${pending.map((p) => p.where.field).join(', ')}` }),
    );
  typed.mark(source.kind === 'typed' ? result.problems : []);
  const seen = result.failures.find((f) => f.seen)?.seen;
  if (seen && source.kind !== 'typed') form.problems.append(offerToType(seen));
  // What the page cannot offer as an option it offers as a field, shown when the check asks for it.
  if (source.kind !== 'typed' && result.problems.some((p) => p.code === 'fiscal-year-missing')) form.yearNeeded.hidden = false;
  if (result.problems.some((p) => p.code === 'total-mismatch' || p.code === 'total-trusted')) form.trustNeeded.hidden = false;
  const digits = form.digits.value as Digits;
  const count = result.announcements.length;
  if (count === 1) {
    form.announcements.replaceChildren(announcementView(result.announcements[0]!.announcement, digits));
  } else {
    const warnings = (agency: string) => result.problems.filter((p) => p.severity === 'warning' && p.where.agency === agency).length;
    form.announcements.replaceChildren(
      ...(count
        ? [
            batchView(
              result.announcements.map(({ announcement }) => ({ announcement, problems: warnings(announcement.agency.shortName) })),
              digits,
            ),
          ]
        : []),
    );
  }
  downloadable(count > 0);
  form.download.textContent = count > 1 ? `ดาวน์โหลดประกาศทั้ง ${COUNT.format(count)} ฉบับ (.zip)` : 'ดาวน์โหลดประกาศ (.docx)';
  form.downloadAnalysis.textContent =
    count > 1 ? `ดาวน์โหลดประกาศพร้อมรายงานการวิเคราะห์ทั้ง ${COUNT.format(count)} หน่วยงาน (.zip)` : 'ดาวน์โหลดรายงานการวิเคราะห์ (.docx)';
  const fix =
    source.kind === 'typed'
      ? 'แก้ช่องที่แจ้งไว้ในแบบกรอก'
      : source.kind === 'paste'
        ? 'แก้ตามข้อผิดพลาดด้านบน แล้ววางตารางอีกครั้ง'
        : 'แก้ตามข้อผิดพลาดด้านบน แล้วเลือกไฟล์อีกครั้ง';
  form.previewSection.hidden = count !== 1;
  if (count === 1) schedulePreview(run, asked);
  form.downloadNote.textContent =
    count === 0
      ? `สร้างประกาศไม่ได้: ${fix}`
      : count > 1
        ? `ได้ไฟล์ .zip หนึ่งไฟล์ ข้างในมีประกาศหนึ่งฉบับต่อหน่วยงาน (${COUNT.format(count)} ฉบับ)`
        : `ชื่อไฟล์: ${result.announcements[0]!.name}`;
}

/**
 * The one announcement's document, made as the download makes it and drawn in the page. Made a
 * moment after the check, and only if no other check came meanwhile: typing checks at every key.
 */
function schedulePreview(run: number, asked: BuildRequest): void {
  setTimeout(async () => {
    if (run !== checking) return;
    const result = await build(asked);
    const [document] = result.documents;
    if (run !== checking || !document) return;
    previewed = { run, document };
    await showDocument(document.bytes, form.preview);
  }, 250);
}

/** For a file without a table of scores: the typed form, with what the file did hold already in it. */
function offerToType(seen: Seen): HTMLElement {
  const box = element('p', { className: 'offer', textContent: 'ไม่มีตารางคะแนนในไฟล์นี้? กรอกคะแนน 10 ตัวชี้วัดเองได้: ' });
  const button = element('button', { type: 'button', className: 'secondary', textContent: 'กรอกคะแนนเอง' });
  button.addEventListener('click', () =>
    openTypedForm({
      ...(seen.agency && { agency: seen.agency }),
      ...(seen.fiscalYear !== undefined && { 'fiscal-year': String(seen.fiscalYear) }),
    }),
  );
  box.append(button);
  return box;
}

function openTypedForm(values: Partial<Record<FactField, string>> = {}): void {
  form.typed.hidden = false;
  typed.fill(values);
  useSource({ kind: 'typed' });
  typed.focus();
}

/**
 * A table pasted (Ctrl+V anywhere, or into the box): the clipboard's web-page form through the
 * web-page reader, else its text as tab-separated. It replaces the results only when it holds a
 * table of scores; otherwise the page says so and keeps what it had.
 */
async function pasted(data: DataTransfer | null): Promise<void> {
  const html = data?.getData('text/html') ?? '';
  const text = data?.getData('text/plain') ?? '';
  if (!html.trim() && !text.trim()) return;
  const encode = (content: string) => new TextEncoder().encode(content);
  // The page's own charset first: the clipboard's text is already Unicode, whatever the copied page declared.
  const input = await readOnce(
    /<table[\s>]/i.test(html)
      ? { name: `${PASTED}.html`, bytes: encode(`<meta charset="utf-8">${html}`) }
      : { name: `${PASTED}.tsv`, bytes: encode(text) },
  );
  const asked = request();
  const result = asked && (await build({ ...asked, workbooks: [input], check: true }));
  const refused = result?.failures.find((f) => f.seen || f.problems.some((p) => p.code.startsWith('file-')));
  if (result && refused) {
    form.pasteNote.textContent = `สิ่งที่วางไม่ใช่ตารางผลคะแนน จึงยังไม่ได้ใช้: ${refused.problems.map((p) => p.message.th).join(' ')}`;
    form.pasteNote.className = 'hint error';
    return;
  }
  form.paste.value = '';
  form.pasteNote.textContent = '';
  form.pasteNote.className = 'hint';
  useSource({ kind: 'paste', input, at: new Date() });
}

function showProblems(problems: readonly Problem[]): void {
  form.problems.replaceChildren(...problemsView(problems, shownName));
}

/** Batches in Web Workers, one per core; a few documents here. */
const RENDER_MANY = renderInWorkers(renderWorker, renderOneByOne);

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function downloadable(yes: boolean): void {
  form.download.disabled = !yes;
  form.downloadAnalysis.disabled = !yes;
}

/**
 * Makes the documents and saves them: one .docx (the one previewed, when nothing changed since),
 * or a .zip of many. `analysis`: the analysis report (รายงานการวิเคราะห์ผลการประเมิน) instead, for
 * one agency; beside each announcement in the .zip, for a batch.
 */
async function download(analysis: boolean): Promise<void> {
  const asked = request();
  if (!asked || !source) return;
  if (!analysis && previewed?.run === checking) {
    save(previewed.document.name, previewed.document.bytes, DOCX);
    return;
  }
  const pressed = analysis ? form.downloadAnalysis : form.download;
  const keyboard = document.activeElement === pressed;
  downloadable(false);
  form.progress.hidden = false;
  form.progressCount.hidden = false;
  form.progress.value = 0;
  const documents: BuiltDocument[] = [];
  const result: BuildResult = await build({
    ...asked,
    ...(analysis && { analysis: { template: ANALYSIS_TEMPLATE } }),
    renderMany: RENDER_MANY,
    onProgress: ({ done, total }) => {
      form.progress.max = Math.max(total, 1);
      form.progress.value = done;
      form.progressCount.textContent = `${COUNT.format(done)} / ${COUNT.format(total)}`;
    },
    onDocument: async (document) => {
      documents.push(document);
      // Let the page draw the progress now and then.
      if (documents.length % 20 === 0) await new Promise((resolve) => setTimeout(resolve));
      return [];
    },
  });
  form.progress.hidden = true;
  form.progressCount.hidden = true;
  downloadable(true);
  // A disabled button loses the focus: give it back, so a keyboard user stays where they were.
  if (keyboard) pressed.focus();
  showProblems(result.problems);
  const reports = documents.filter((d) => d.analysis);
  const announcements = documents.length - reports.length;
  if (announcements === 1) {
    const [one] = analysis ? reports : documents;
    if (one) save(one.name, one.bytes, DOCX);
  } else if (announcements > 1) {
    const what = analysis
      ? `ประกาศและรายงานการวิเคราะห์ผลการประเมิน ITA ${announcements} หน่วยงาน`
      : `ประกาศผลการประเมิน ITA ${announcements} ฉบับ`;
    save(
      `${what} จาก ${stem(shownName(source.kind === 'typed' ? TYPED_SOURCE : source.input.name))}.zip`,
      batchZip(documents),
      'application/zip',
    );
  }
}

/** The batch's .zip: the documents stored as they are, since each is already deflated inside (deflating again gains little and costs seconds). */
function batchZip(documents: readonly BuiltDocument[]): Uint8Array {
  return zipSync(Object.fromEntries(documents.map((d) => [d.name, [d.bytes, { level: 0, mtime: new Date(2000, 0, 1) }]])));
}

function save(name: string, bytes: Uint8Array, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const link = element('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function stem(name: string): string {
  return name.replace(/\.[^.]+$/, '');
}

/** Today in the Buddhist Era, as the date field takes it: 2569-12-01. */
function todayBuddhistEra(): string {
  const now = new Date();
  const two = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear() + 543}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

/** A file as messages name it: its name alone, the pasted table by what it is. */
function shownName(file: string): string {
  return file.startsWith(`${PASTED}.`) ? PASTED : baseName(file);
}

/**
 * A file's cells, read once when it is chosen, so that each check and the download do not read it
 * again (a thousand agencies' workbook takes most of a second); a file the reader refuses stays
 * bytes, and the check says why as it would.
 */
async function readOnce(input: NamedBytes): Promise<Input> {
  const read = await readWorkbook(input);
  return read.workbook ? { name: input.name, cells: read.workbook } : input;
}

async function chooseWorkbook(file: File | undefined): Promise<void> {
  if (!file) return;
  const input = await readOnce(await bytesOf(file));
  // Read afresh every time: choosing the same file again after fixing it fires a change only once the input is cleared.
  form.workbook.value = '';
  useSource({ kind: 'file', input, at: new Date() });
}

form.drop.addEventListener('click', () => form.workbook.click());
form.drop.addEventListener('keydown', (e) => {
  if (e.key !== 'Enter' && e.key !== ' ') return;
  // Space would scroll the page as well.
  e.preventDefault();
  form.workbook.click();
});
form.workbook.addEventListener('change', () => void chooseWorkbook(form.workbook.files?.[0]));
form.drop.addEventListener('dragover', (e) => {
  e.preventDefault();
  form.drop.classList.add('over');
});
form.drop.addEventListener('dragleave', () => form.drop.classList.remove('over'));
form.drop.addEventListener('drop', (e) => {
  e.preventDefault();
  form.drop.classList.remove('over');
  void chooseWorkbook(e.dataTransfer?.files[0]);
});
// A file dropped beside the zone is taken too, rather than opened or saved by the browser.
window.addEventListener('dragover', (e) => e.preventDefault());
window.addEventListener('drop', (e) => {
  e.preventDefault();
  if (e.dataTransfer?.files.length) void chooseWorkbook(e.dataTransfer.files[0]);
});
// Ctrl+V anywhere but in a field of its own is a table pasted; in the box it always is.
document.addEventListener('paste', (e) => {
  const target = e.target as HTMLElement | null;
  const inField = target !== form.paste && (target?.closest('input, textarea, select, [contenteditable]') ?? null) !== null;
  if (inField) return;
  e.preventDefault();
  void pasted(e.clipboardData);
});
form.typeIn.addEventListener('click', () => openTypedForm());
for (const input of [form.signer, form.position, form.date, form.digits, form.year, form.trust])
  input.addEventListener('change', () => void check());
// A date or year is checked as it is typed once it is whole; until then the button waits, and says why.
for (const input of [form.date, form.year]) input.addEventListener('input', () => void (request() && check()));
form.download.addEventListener('click', () => void download(false));
form.downloadAnalysis.addEventListener('click', () => void download(true));
request();
