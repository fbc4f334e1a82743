/**
 * What the check shows: the problems (errors, then warnings, the year's rules first; their details
 * folded), and the announcements as the document prints them, through the same view the template
 * fills (render/view.ts: the chosen digits, names as written, no indicator numbers). A batch shows
 * one summary row per agency, each announcement on demand: a thousand full tables would make a
 * page half a kilometre long.
 */
import type { Announcement } from '../../src/ita/model.js';
import type { Digits } from '../../src/core/format.js';
import type { Problem } from '../../src/core/problem.js';
import { problemLines } from '../../src/build/report.js';
import { toView } from '../../src/render/view.js';

/** Warnings a clerk must see before the others: the year's rules are assumed. */
const FIRST = new Set<Problem['code']>(['framework-carried-forward']);

export function problemsView(problems: readonly Problem[], shown: (file: string) => string): HTMLElement[] {
  const list = (severity: Problem['severity'], title: string) => {
    const items = problems.filter((p) => p.severity === severity).sort((a, b) => Number(FIRST.has(b.code)) - Number(FIRST.has(a.code)));
    if (!items.length) return [];
    const ul = element('ul', { className: `problems ${severity}` });
    const lines = grouped(items);
    for (const { problem: p, agencies } of lines) {
      const many = agencies > 1 ? ` (พบใน ${COUNT.format(agencies)} หน่วยงาน)` : '';
      const li = element('li', { textContent: `${problemLines({ ...p, details: undefined }, shown).join(' ')}${many}` });
      if (p.details) {
        const more = element('details');
        more.append(element('summary', { textContent: 'รายละเอียด' }), element('p', { textContent: p.details.th }));
        li.append(more);
      }
      ul.append(li);
    }
    // The lines shown, not the problems behind them: "1,003" above four lines misleads.
    return [element('h3', { textContent: `${title} ${COUNT.format(lines.length)} ข้อ` }), ul];
  };
  return [...list('error', 'ข้อผิดพลาด'), ...list('warning', 'คำเตือน')];
}

const COUNT = new Intl.NumberFormat('th-TH-u-nu-thai');

/**
 * The same problem of many agencies once, with how many: a batch of a thousand agencies whose
 * workbook states no total has one line for it, not a thousand.
 */
function grouped(problems: readonly Problem[]): { problem: Problem; agencies: number }[] {
  const groups = new Map<string, { problem: Problem; agencies: number }>();
  for (const problem of problems) {
    const key = problem.where.agency === undefined ? `${groups.size}` : `${problem.code}|${problem.message.th}`;
    const group = groups.get(key);
    if (group) group.agencies++;
    else groups.set(key, { problem, agencies: 1 });
  }
  return [...groups.values()];
}

/** One announcement as it prints: its heading, scores, ranking, summary row and signature. */
export function announcementView(a: Announcement, digits: Digits): HTMLElement {
  const v = toView(a, digits);
  const box = element('div', { className: 'announcement' });
  box.append(
    element('h3', { textContent: `ประกาศ${v.agencyFullName}` }),
    element('p', {
      className: 'facts',
      textContent: `ประจำปีงบประมาณ พ.ศ.${v.fiscalYear} · ได้รับคะแนนการประเมิน ${v.total} คะแนน ผลคะแนนการประเมินอยู่ในระดับ ${v.level} · ผลการประเมิน ${v.result}`,
    }),
  );
  const table = element('table');
  table.append(row('th', ['อันดับ', 'ตัวชี้วัด', 'คะแนน'], [2]));
  for (const r of v.ranking) table.append(row('td', [r.rank, r.name, r.score], [2]));
  box.append(
    table,
    element('p', { textContent: `คะแนนสูงสุด ${v.highest} คะแนน · คะแนนต่ำสุด ${v.lowest} คะแนน` }),
    element('p', { textContent: `ประกาศ ณ วันที่ ${v.date} · ผู้ลงนาม (${v.signer}) · ${v.position.replace(/\n/g, ' / ')}` }),
  );
  return box;
}

/** A batch: one row per agency (its figures and how many warnings it has), each announcement opened on demand under its row. */
export function batchView(items: readonly { announcement: Announcement; problems: number }[], digits: Digits): HTMLElement {
  const table = element('table', { className: 'batch' });
  table.append(row('th', ['หน่วยงาน', 'คะแนนรวม', 'ระดับ', 'ผลการประเมิน', 'คำเตือน', ''], [1]));
  for (const { announcement, problems } of items) {
    const v = toView(announcement, digits);
    const tr = row('td', [v.agencyShortName, v.total, v.level, v.result, problems ? COUNT.format(problems) : '–'], [1]);
    const open = element('button', {
      type: 'button',
      className: 'secondary small',
      textContent: 'ดูประกาศ',
      ariaExpanded: 'false',
      ariaLabel: `ดูประกาศของ${v.agencyShortName}`,
    });
    let shown: HTMLTableRowElement | undefined;
    open.addEventListener('click', () => {
      if (shown) {
        shown.remove();
        shown = undefined;
      } else {
        const cell = element('td', { colSpan: 6 });
        cell.append(announcementView(announcement, digits));
        shown = element('tr');
        shown.append(cell);
        tr.after(shown);
      }
      open.ariaExpanded = String(Boolean(shown));
      open.textContent = shown ? 'ซ่อน' : 'ดูประกาศ';
    });
    const cell = element('td');
    cell.append(open);
    tr.append(cell);
    table.append(tr);
  }
  return table;
}

/** A table row; the columns in `scores` are right-aligned, as figures are. */
function row(cell: 'th' | 'td', texts: string[], scores: number[]): HTMLTableRowElement {
  const tr = element('tr');
  texts.forEach((text, i) => tr.append(element(cell, { textContent: text, ...(scores.includes(i) && { className: 'score' }) })));
  return tr;
}

export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  properties: Partial<HTMLElementTagNameMap[K]> = {},
): HTMLElementTagNameMap[K] {
  return Object.assign(document.createElement(tag), properties);
}
