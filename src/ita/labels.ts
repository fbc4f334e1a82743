/**
 * Label/value pairs anywhere in the workbook: หน่วยงาน | อบต.ลำปางรอง, คะแนนรวม | 78.29, …
 */
import { cellsOf, cellText, placeOf, type Cell, type Sheet, type Workbook } from '../read/cells.js';
import { cellName, error, type Problem } from '../problem.js';
import { toArabicDigits } from '../thai.js';
import { findValueCell, sheetsInSearchOrder } from './locate.js';
import { labelKey, singleLine } from './text.js';

export type Fact = 'agency' | 'province' | 'total' | 'level' | 'result' | 'levelDescription' | 'fiscalYear';

/** Label keys (see `labelKey`) each fact may be written under: beside its value, or above a column of values. */
export const LABELS: Record<Fact, readonly string[]> = {
  agency: ['หน่วยงาน', 'ชื่อหน่วยงาน'],
  province: ['จังหวัด'],
  total: ['คะแนนรวม', 'คะแนนita', 'คะแนนการประเมิน', 'คะแนนรวมita', 'คะแนนรวม(ita)', 'ผลคะแนนรวม'],
  level: ['ระดับ', 'ระดับผลการประเมิน', 'ระดับคะแนน'],
  result: ['ผลการประเมิน', 'ผลการผ่านเกณฑ์', 'ผ่าน/ไม่ผ่าน'],
  levelDescription: ['คำอธิบายระดับ', 'คำอธิบายผลการประเมิน'],
  fiscalYear: ['ปีงบประมาณ', 'ประจำปีงบประมาณ'],
};
const FACTS = Object.keys(LABELS) as Fact[];
const ALL_LABELS = new Set(Object.values(LABELS).flat());

export interface FoundFact {
  sheet: Sheet;
  label: Cell;
  /** Undefined when the label stands with nothing to its right or below. */
  value: Cell | undefined;
}

/**
 * Every fact written under a label. Cells in `ignored` (table header rows) are not labels.
 * The same label found twice with different values is an error naming both cells.
 */
export function findFacts(workbook: Workbook, ignored: ReadonlySet<Cell>): { facts: Partial<Record<Fact, FoundFact>>; conflicts: { fact: Fact; problem: Problem }[] } {
  const facts: Partial<Record<Fact, FoundFact>> = {};
  const conflicts: { fact: Fact; problem: Problem }[] = [];
  const isLabel = (cell: Cell) => ALL_LABELS.has(labelKey(cellText(cell))) || inlineLabel(cell) !== undefined;
  for (const sheet of sheetsInSearchOrder(workbook)) {
    for (const cell of cellsOf(sheet)) {
      if (ignored.has(cell)) continue;
      const found = labelAt(sheet, cell, isLabel);
      if (!found) continue;
      const earlier = facts[found.fact];
      if (!earlier || (!earlier.value && found.value)) {
        facts[found.fact] = found;
      } else if (!found.value || (!earlier.sheet.hidden && sheet.hidden)) {
        continue;
      } else if (valueKey(earlier) !== valueKey(found)) {
        const at = (f: FoundFact) => cellName(f.sheet.name, (f.value ?? f.label).ref);
        conflicts.push({ fact: found.fact, problem: error('label-conflict', placeOf(sheet, found.value ?? found.label), `พบ "${singleLine(cellText(cell)).replace(/[:：].*$/, '')}" สองแห่งที่มีค่าไม่ตรงกัน: ${at(earlier)} เป็น "${singleLine(cellText(earlier.value))}" แต่ ${at(found)} เป็น "${singleLine(cellText(found.value))}": แก้ให้เหลือค่าเดียว`, `"${singleLine(cellText(cell)).replace(/[:：].*$/, '')}" appears twice with different values: ${at(earlier)} says "${singleLine(cellText(earlier.value))}" but ${at(found)} says "${singleLine(cellText(found.value))}": keep one value`) });
      }
    }
  }
  return { facts, conflicts };
}

/** A label cell and its value; or "หน่วยงาน: อบต.ลำปางรอง" written in one cell, the value after the colon. */
function labelAt(sheet: Sheet, cell: Cell, isLabel: (cell: Cell) => boolean): (FoundFact & { fact: Fact }) | undefined {
  const key = labelKey(cellText(cell));
  const fact = FACTS.find((f) => LABELS[f].includes(key));
  if (fact) return { fact, sheet, label: cell, value: findValueCell(sheet, cell, isLabel) };
  const inline = inlineLabel(cell);
  return inline && { fact: inline.fact, sheet, label: cell, value: { ...cell, value: { kind: 'text', text: inline.value } } };
}

function inlineLabel(cell: Cell): { fact: Fact; value: string } | undefined {
  if (cell.value.kind !== 'text') return undefined;
  const match = /^([^:：]+)[:：](.+)$/s.exec(cell.value.text);
  if (!match || singleLine(match[2]!) === '') return undefined;
  const fact = FACTS.find((f) => LABELS[f].includes(labelKey(match[1]!)));
  return fact && { fact, value: match[2]! };
}

function valueKey(fact: FoundFact): string {
  return labelKey(cellText(fact.value));
}

const YEAR_IN_TEXT = /(?:พ\.\s*ศ\.|ปีงบประมาณ)\s*(\d{4})/;

/** The first "พ.ศ. 2565" / "ปีงบประมาณ 2565" written anywhere, e.g. in a title row. */
export function yearInTitles(workbook: Workbook): { year: number; sheet: Sheet; cell: Cell } | undefined {
  for (const sheet of sheetsInSearchOrder(workbook)) {
    for (const cell of cellsOf(sheet)) {
      if (cell.value.kind !== 'text') continue;
      const match = YEAR_IN_TEXT.exec(toArabicDigits(singleLine(cell.value.text)));
      if (match) return { year: Number(match[1]), sheet, cell };
    }
  }
  return undefined;
}

/** "2565", "พ.ศ. ๒๕๖๕", 2565, or a Christian year (2022 → 2565). */
export function parseFiscalYear(text: string): number | undefined {
  const match = /(\d{4})/.exec(toArabicDigits(text));
  if (!match) return undefined;
  const year = Number(match[1]);
  return year < 2400 ? year + 543 : year;
}
