/**
 * Label/value pairs anywhere in the workbook: หน่วยงาน | อบต.ลำปางรอง, คะแนนรวม | 78.29, …
 */
import { cellsOf, cellText, placeOf, type Cell, type Sheet, type Workbook } from '../../read/cells.js';
import { cellName, error, placeName, warning, type Place, type Problem } from '../../core/problem.js';
import { toArabicDigits } from '../../core/thai.js';
import { findValueCell, sheetsInSearchOrder } from './locate.js';
import { labelKey, singleLine } from '../text.js';

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
export function findFacts(
  workbook: Workbook,
  ignored: ReadonlySet<Cell>,
): { facts: Partial<Record<Fact, FoundFact>>; conflicts: { fact: Fact; problem: Problem }[] } {
  const facts: Partial<Record<Fact, FoundFact>> = {};
  const conflicts: { fact: Fact; problem: Problem }[] = [];
  const isLabel = (cell: Cell) => factOfLabel(cellText(cell)) !== undefined || inlineLabel(cell) !== undefined;
  for (const sheet of sheetsInSearchOrder(workbook)) {
    for (const cell of cellsOf(sheet)) {
      if (ignored.has(cell)) continue;
      const found = labelAt(sheet, cell, isLabel);
      if (!found) continue;
      const earlier = facts[found.fact];
      if (
        !earlier ||
        (!earlier.value && found.value) ||
        (found.value && !plausible(found.fact, earlier.value!) && plausible(found.fact, found.value))
      ) {
        facts[found.fact] = found;
      } else if (!found.value || (!earlier.sheet.hidden && sheet.hidden) || !plausible(found.fact, found.value)) {
        continue;
      } else if (valueKey(earlier) !== valueKey(found)) {
        const at = (f: FoundFact) => cellName(f.sheet.name, (f.value ?? f.label).ref);
        conflicts.push({
          fact: found.fact,
          problem: error(
            'label-conflict',
            placeOf(sheet, found.value ?? found.label),
            `พบ "${singleLine(cellText(cell)).replace(/[:：].*$/, '')}" สองแห่งที่มีค่าไม่ตรงกัน: ${at(earlier)} เป็น "${singleLine(cellText(earlier.value))}" แต่ ${at(found)} เป็น "${singleLine(cellText(found.value))}": แก้ให้เหลือค่าเดียว`,
            `"${singleLine(cellText(cell)).replace(/[:：].*$/, '')}" appears twice with different values: ${at(earlier)} says "${singleLine(cellText(earlier.value))}" but ${at(found)} says "${singleLine(cellText(found.value))}": keep one value`,
          ),
        });
      }
    }
  }
  return { facts, conflicts };
}

/** A label cell and its value; or "หน่วยงาน: อบต.ลำปางรอง" written in one cell, the value after the colon. */
function labelAt(sheet: Sheet, cell: Cell, isLabel: (cell: Cell) => boolean): (FoundFact & { fact: Fact }) | undefined {
  const fact = factOfLabel(cellText(cell));
  if (fact) return { fact, sheet, label: cell, value: findValueCell(sheet, cell, isLabel) };
  const inline = inlineLabel(cell);
  return inline && { fact: inline.fact, sheet, label: cell, value: { ...cell, value: { kind: 'text', text: inline.value } } };
}

/**
 * Whether a value can be what its label says, for choosing between two places that carry the
 * same label: a saved web page's menu ("หน้าหลัก | ผลการประเมิน | ดาวน์โหลด") has the label and
 * a link beside it, the results table the label and the result. Only a choice between two: a
 * single label keeps its value, right or wrong, so a bad one is reported where it is.
 */
function plausible(fact: Fact, value: Cell): boolean {
  const text = singleLine(cellText(value));
  switch (fact) {
    case 'total':
      return value.value.kind === 'number' || value.value.kind === 'uncalculated' || /^[\d๐-๙.,\s%]+(คะแนน)?$/.test(text);
    case 'result':
      return /ผ่าน/.test(text);
    case 'level':
      return text.length <= 25;
    case 'fiscalYear':
      return parseFiscalYear(text) !== undefined;
    default:
      return true;
  }
}

/** The fact a label names, a note in brackets after it aside: "คะแนนรวม (ไม่บังคับ)", "คะแนนรวม (เต็ม 100)". */
function factOfLabel(text: string): Fact | undefined {
  const key = labelKey(text);
  const bare = key.replace(/[(（][^()（）]*[)）]$/, '');
  return FACTS.find((f) => LABELS[f].includes(key) || LABELS[f].includes(bare));
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

/** "พ.ศ. 2565", "ปีงบประมาณ 2565", "ประจำปี ค.ศ. 2024", "Year=2020" (the NACC's report pages), "FY 2024". */
const YEAR_IN_TEXT = /(?:(พ|ค)\.\s*ศ\.|ปีงบประมาณ|ประจำปี|(?:fiscal\s*)?year|fy)\s*(?:(พ|ค)\.\s*ศ\.)?\s*[:=]?\s*(?<!\d)(\d{4})(?!\d)/i;

/** The range in which a year written without an era is a Christian one: ITA began in 2020 (พ.ศ. 2563). */
const CHRISTIAN_YEARS = { from: 2020, to: 2100 };
const BUDDHIST_ERA = 543;

/** A fiscal year as the workbook states it: always Buddhist Era, with the Christian year when that is what was written. */
export interface StatedYear {
  year: number;
  christian?: number;
}

/** The first "พ.ศ. 2565" / "ปีงบประมาณ 2565" / "ค.ศ. 2024" / "Year=2020" written anywhere, e.g. in a title row. */
export function yearInTitles(workbook: Workbook): (StatedYear & { sheet: Sheet; cell: Cell }) | undefined {
  for (const sheet of sheetsInSearchOrder(workbook)) {
    for (const cell of cellsOf(sheet)) {
      if (cell.value.kind !== 'text') continue;
      const match = YEAR_IN_TEXT.exec(toArabicDigits(singleLine(cell.value.text)));
      if (match) return { ...statedYear(Number(match[3]), match[1] ?? match[2]), sheet, cell };
    }
  }
  return undefined;
}

/** "2565", "พ.ศ. ๒๕๖๕", 2565, or a Christian year: "ค.ศ. 2022", or 2022 alone (2020–2100) → 2565. */
export function parseFiscalYear(text: string): StatedYear | undefined {
  const match = /(?:(พ|ค)\.\s*ศ\.\s*)?(?<!\d)(\d{4})(?!\d)/.exec(toArabicDigits(text));
  return match ? statedYear(Number(match[2]), match[1]) : undefined;
}

/**
 * The Buddhist year of a year written with its era ("พ" or "ค"), or without one. A Christian year
 * outside the years of the ITA stays as written, so the year's check refuses it by the figure the
 * clerk wrote.
 */
function statedYear(written: number, era: string | undefined): StatedYear {
  const christian = era === 'ค' || (era === undefined && written >= CHRISTIAN_YEARS.from && written <= CHRISTIAN_YEARS.to);
  if (!christian || written < CHRISTIAN_YEARS.from || written > CHRISTIAN_YEARS.to) return { year: written };
  return { year: written + BUDDHIST_ERA, christian: written };
}

/** The line that says a Christian year was read as its Buddhist one. */
export function christianYearRead(stated: StatedYear & { christian: number }, place: Place): Problem {
  const name = place.cell ? placeName(place) : undefined;
  const at = name ? { th: ` ที่${name.th}`, en: ` in ${name.en}` } : { th: '', en: '' };
  return warning(
    'fiscal-year-christian',
    place,
    `ไฟล์ระบุปี ค.ศ. ${stated.christian}${at.th}: ใช้เป็นปีงบประมาณ พ.ศ. ${stated.year}`,
    `The workbook states the Christian year ${stated.christian}${at.en}: read as fiscal year ${stated.year} of the Buddhist Era`,
  );
}
