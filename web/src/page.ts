/**
 * The web page (web/ita-announcement.html): the same core as the command line (src/build.ts),
 * run in the browser on the files the clerk chooses. It reads, checks and shows what the
 * announcement will say, then makes the documents for download. No request leaves the page: the
 * template, the emblem placeholder and the framework files are inside it (scripts/build-web.ts).
 */
import frameworkFiles from 'ita:frameworks';
import templateBase64 from 'ita:template';
import { parseAnnouncementDate } from '../../src/announcement-date.js';
import { baseName, type NamedBytes } from '../../src/bytes.js';
import { build, type BuildRequest, type BuildResult, type BuiltDocument } from '../../src/build.js';
import { formatterFor, type Digits } from '../../src/format.js';
import { frameworkLibrary } from '../../src/ita/framework.js';
import type { Announcement } from '../../src/ita/model.js';
import type { Problem } from '../../src/problem.js';
import { problemLines } from '../../src/report.js';

const TEMPLATE: NamedBytes = { name: 'ita-announcement.docx', bytes: Uint8Array.from(atob(templateBase64), (c) => c.charCodeAt(0)) };
const FRAMEWORKS = frameworkLibrary(frameworkFiles);

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = {
  workbook: $<HTMLInputElement>('workbook'),
  drop: $<HTMLDivElement>('drop'),
  workbookName: $<HTMLDivElement>('workbook-name'),
  signer: $<HTMLInputElement>('signer'),
  position: $<HTMLTextAreaElement>('position'),
  date: $<HTMLInputElement>('date'),
  dateShown: $<HTMLDivElement>('date-shown'),
  digits: $<HTMLSelectElement>('digits'),
  emblem: $<HTMLInputElement>('emblem'),
  check: $<HTMLElement>('check'),
  problems: $<HTMLDivElement>('problems'),
  announcements: $<HTMLDivElement>('announcements'),
  downloadSection: $<HTMLElement>('download-section'),
  download: $<HTMLButtonElement>('download'),
  progress: $<HTMLProgressElement>('progress'),
  downloadNote: $<HTMLDivElement>('download-note'),
};

let workbook: NamedBytes | undefined;
let emblem: NamedBytes | undefined;
/** Each check supersedes the one before: only the latest may draw. */
let checking = 0;

form.date.value = todayBuddhistEra();

async function bytesOf(file: File): Promise<NamedBytes> {
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** What the form says, as the core takes it; undefined (and the reason shown) when the date is not one. */
function request(): BuildRequest | undefined {
  const parsed = parseAnnouncementDate(form.date.value);
  const digits = form.digits.value as Digits;
  if ('why' in parsed) {
    form.dateShown.textContent = `วันที่ไม่ถูกต้อง: ${parsed.why.th}`;
    form.dateShown.className = 'hint error';
    return undefined;
  }
  form.dateShown.textContent = `พิมพ์ว่า "ประกาศ ณ วันที่ ${formatterFor(digits).date(parsed.date)}"`;
  form.dateShown.className = 'hint';
  const position = form.position.value.split('\n').map((line) => line.trim()).filter(Boolean).join('\n');
  return {
    workbooks: workbook ? [workbook] : [],
    template: TEMPLATE,
    ...(emblem && { emblem }),
    frameworks: FRAMEWORKS,
    announce: { date: parsed.date, ...(form.signer.value.trim() && { signer: form.signer.value }), ...(position && { position }) },
    digits,
  };
}

/** Reads and checks the workbook as it stands, and shows what each announcement will say. */
async function check(): Promise<void> {
  const asked = request();
  if (!workbook) return;
  const run = ++checking;
  form.check.hidden = false;
  form.downloadSection.hidden = false;
  // The button stays as it was while the check runs: a click that ends the typing in a field (its
  // change comes first) must still download, and download() reads the form afresh.
  if (!asked) {
    form.download.disabled = true;
    return;
  }
  const result = await build({ ...asked, check: true });
  if (run !== checking) return;
  showProblems(result.problems);
  form.announcements.replaceChildren(...result.announcements.map(({ announcement }) => announcementView(announcement)));
  const count = result.announcements.length;
  form.download.disabled = count === 0;
  form.download.textContent = count > 1 ? `ดาวน์โหลดประกาศทั้ง ${count} ฉบับ (.zip)` : 'ดาวน์โหลดประกาศ (.docx)';
  form.downloadNote.textContent = count === 0 ? 'สร้างประกาศไม่ได้: แก้ตามข้อผิดพลาดด้านบน แล้วเลือกไฟล์อีกครั้ง' : count > 1 ? 'ได้ไฟล์ .zip หนึ่งไฟล์ ข้างในมีประกาศหนึ่งฉบับต่อหน่วยงาน' : `ชื่อไฟล์: ${result.announcements[0]!.name}`;
}

function showProblems(problems: readonly Problem[]): void {
  const list = (severity: Problem['severity'], title: string) => {
    const items = problems.filter((p) => p.severity === severity);
    if (!items.length) return [];
    const ul = element('ul', { className: `problems ${severity}` });
    for (const p of items) ul.append(element('li', { textContent: problemLines(p, baseName).join(' ') }));
    return [element('h3', { textContent: `${title} ${items.length} ข้อ` }), ul];
  };
  form.problems.replaceChildren(...list('error', 'ข้อผิดพลาด'), ...list('warning', 'คำเตือน'));
}

function announcementView(a: Announcement): HTMLElement {
  const n = formatterFor('arabic');
  const box = element('div');
  box.append(
    element('h3', { textContent: `${a.agency.shortName} · ปีงบประมาณ ${a.fiscalYear}` }),
    element('p', { className: 'facts', textContent: `คะแนนรวม ${n.score(a.total)} · ระดับ ${a.level} · ผลการประเมิน ${a.result}` }),
  );
  const table = element('table');
  table.append(row('th', ['อันดับ', 'ตัวชี้วัด', 'คะแนน']));
  for (const r of a.ranking) table.append(row('td', [String(r.rank), `${r.number}. ${r.name}`, n.score(r.score)]));
  box.append(table, element('p', { textContent: `ผู้ลงนาม: ${a.signature.signer ?? '(เว้นไว้เขียนเอง)'} · ตำแหน่ง: ${a.signature.position?.replace(/\n/g, ' / ') ?? '(เว้นไว้เขียนเอง)'}` }));
  return box;
}

function row(cell: 'th' | 'td', texts: string[]): HTMLTableRowElement {
  const tr = element('tr');
  texts.forEach((text, i) => tr.append(element(cell, { textContent: text, ...(i === 2 && { className: 'score' }) })));
  return tr;
}

/** Makes the documents and saves them: one .docx, or a .zip of many. */
async function download(): Promise<void> {
  const asked = request();
  if (!asked || !workbook) return;
  form.download.disabled = true;
  form.progress.hidden = false;
  form.progress.value = 0;
  const documents: BuiltDocument[] = [];
  const result: BuildResult = await build({
    ...asked,
    onProgress: ({ done, total }) => {
      form.progress.max = Math.max(total, 1);
      form.progress.value = done;
    },
    onDocument: async (document) => {
      documents.push(document);
      // Let the page draw the progress now and then.
      if (documents.length % 20 === 0) await new Promise((resolve) => setTimeout(resolve));
      return [];
    },
  });
  form.progress.hidden = true;
  form.download.disabled = false;
  showProblems(result.problems);
  if (documents.length === 1) save(documents[0]!.name, documents[0]!.bytes, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  else if (documents.length > 1) save(`ประกาศผลการประเมิน ITA ${documents.length} ฉบับ จาก ${stem(workbook.name)}.zip`, await zipOf(documents), 'application/zip');
}

async function zipOf(documents: readonly BuiltDocument[]): Promise<Uint8Array> {
  const { default: PizZip } = await import('pizzip');
  const zip = new PizZip();
  for (const document of documents) zip.file(document.name, document.bytes, { date: new Date(2000, 0, 1) });
  return zip.generate({ type: 'uint8array', compression: 'DEFLATE' });
}

function save(name: string, bytes: Uint8Array, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const link = element('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, properties: Partial<HTMLElementTagNameMap[K]> = {}): HTMLElementTagNameMap[K] {
  return Object.assign(document.createElement(tag), properties);
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

async function chooseWorkbook(file: File | undefined): Promise<void> {
  if (!file) return;
  workbook = await bytesOf(file);
  form.workbookName.textContent = `ไฟล์ที่เลือก: ${file.name}`;
  await check();
}

form.drop.addEventListener('click', () => form.workbook.click());
form.drop.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' || e.key === ' ') form.workbook.click();
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
form.emblem.addEventListener('change', async () => {
  const file = form.emblem.files?.[0];
  emblem = file ? await bytesOf(file) : undefined;
  await check();
});
for (const field of [form.signer, form.position, form.date, form.digits]) field.addEventListener('change', () => void check());
form.date.addEventListener('input', () => request());
form.download.addEventListener('click', () => void download());
request();
