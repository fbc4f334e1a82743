/**
 * Which indicator a text names: by its official name or an alias (whitespace, zero-width
 * characters and punctuation aside), by its number, or by both ("8. การปรับปรุงการทำงาน",
 * "ตัวชี้วัดที่ 8"). Both layouts find their indicators through these.
 */
import { cellText, type Cell, type Sheet } from '../../read/cells.js';
import { toArabicDigits } from '../../core/thai.js';
import type { Framework, IndicatorDefinition } from '../framework.js';
import { labelKey, singleLine } from '../text.js';

/** "8 การปรับปรุงการทำงาน", "ตัวชี้วัดที่ 8 ...", "8. ..." → number 8 and the name as written. */
export function splitNumberPrefix(text: string): { number?: number; name: string } {
  const match = /^(?:ตัวชี้วัด(?:ที่)?\s*)?([0-9๐-๙]{1,2})(?:\s*[.):]\s*|\s+|$)(.*)$/.exec(text);
  if (!match) return { name: text };
  return { number: Number(toArabicDigits(match[1]!)), name: match[2]!.trim() };
}

/** "8", "๘", "ตัวชี้วัดที่ 8", 8 → 8. */
export function parseIndicatorNumber(text: string): number | undefined {
  const { number, name } = splitNumberPrefix(singleLine(text));
  return name === '' ? number : undefined;
}

/** "การปฏิบัติหน้าที่", "1", "ตัวชี้วัดที่ 1", "1. การปฏิบัติหน้าที่", "การปฏิบัติหน้าที่ (6%)" → indicator 1. */
export function indicatorOfTitle(text: string, framework: Framework): { definition: IndicatorDefinition; name: string } | undefined {
  const written = singleLine(text).replace(/\s*[(（][^()（）]*[)）]$/, '');
  const { number, name } = splitNumberPrefix(written);
  const byName = name ? indicatorByName(name, framework) : undefined;
  if (name && !byName) return undefined;
  const byNumber = number !== undefined ? framework.indicators.find((d) => d.number === number) : undefined;
  if (byName && byNumber && byName !== byNumber) return undefined;
  const definition = byName ?? byNumber;
  return definition && { definition, name: name || definition.printed };
}

/** The indicators a row's cells name as titles, each with its cell; one named twice comes twice. */
export function indicatorTitles(
  sheet: Sheet,
  row: number,
  framework: Framework,
): { definition: IndicatorDefinition; name: string; cell: Cell }[] {
  const found: { definition: IndicatorDefinition; name: string; cell: Cell }[] = [];
  for (const cell of sheet.rows[row - 1] ?? []) {
    // A score is not a title; only a whole number can be an indicator's number.
    if (!cell || (cell.value.kind === 'number' && !Number.isInteger(cell.value.value))) continue;
    const title = indicatorOfTitle(cellText(cell), framework);
    if (title) found.push({ ...title, cell });
  }
  return found;
}

/**
 * A row naming at least half of the indicators across its columns: the header of a list of
 * agencies (layout 2), or chart data; the missing ones are then reported by name.
 */
export function namesIndicatorsAcross(sheet: Sheet, row: number, framework: Framework): boolean {
  return new Set(indicatorTitles(sheet, row, framework).map((t) => t.definition)).size >= framework.indicators.length / 2;
}

const namesByKey = new WeakMap<Framework, Map<string, IndicatorDefinition>>();

/** The indicator an official name or an alias names, compared by `labelKey`. */
export function indicatorByName(name: string, framework: Framework): IndicatorDefinition | undefined {
  let names = namesByKey.get(framework);
  if (!names) {
    names = new Map(framework.indicators.flatMap((d) => [d.name, ...d.aliases].map((n) => [labelKey(n), d] as const)));
    namesByKey.set(framework, names);
  }
  return names.get(labelKey(name));
}
