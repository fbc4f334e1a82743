/**
 * How text from a workbook is compared and kept. Clerks' workbooks carry NBSP, zero-width
 * characters, line breaks inside labels and trailing colons; none of these change meaning.
 */
import { BIDI_CONTROLS } from '../core/characters.js';
import { normaliseThai, toArabicDigits } from '../core/thai.js';
import { cellText, placeOf, type Cell, type Sheet } from '../read/cells.js';
import type { Message } from '../core/language.js';
import { error, placeName, warning, type Place, type Problem } from '../core/problem.js';

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
/** C0/C1 controls other than tab and line breaks: Word refuses them in a document. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
/**
 * Code points that are not characters (U+FFFE, U+FFFF, …) and halves of a surrogate pair alone
 * (no XML part may hold them), and bidirectional overrides (they make a name read as another).
 */
const NOT_CHARACTERS = new RegExp(`\\p{Noncharacter_Code_Point}|\\p{Surrogate}|[${BIDI_CONTROLS}]`, 'gu');
const SPACES = /[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g;
/** Anything cleanText changes other than NFC: whitespace other than a single inner space, invisible or control characters. */
const NEEDS_CLEANING = new RegExp(
  `[^\\S ]|[\\u200b-\\u200d\\u2060\\ufeff\\u00ad\\u0000-\\u001f\\u007f-\\u009f${BIDI_CONTROLS}]| {2}|^ | $|\\p{Noncharacter_Code_Point}|\\p{Surrogate}`,
  'u',
);

const HAS_CONTROL = new RegExp(CONTROL.source);
const HAS_NOT_CHARACTER = new RegExp(NOT_CHARACTERS.source, 'u');

/** Control characters, or code points that are not characters: what `cleanText` removes and a clerk is warned of. */
export function hasControlCharacters(text: string): boolean {
  return HAS_CONTROL.test(text) || HAS_NOT_CHARACTER.test(text);
}

/**
 * A function of text worked out once per distinct text: a national workbook repeats its labels,
 * names and sentences thousands of times. Forgets everything past 50,000 texts, to stay small.
 */
function remembered(work: (text: string) => string): (text: string) => string {
  const known = new Map<string, string>();
  return (text) => {
    let result = known.get(text);
    if (result === undefined) {
      if (known.size >= 50_000) known.clear();
      result = work(text);
      known.set(text, result);
    }
    return result;
  };
}

/**
 * A warning, into `problems`, when a cell's text holds characters `cleanText` removes (controls,
 * U+FFFE and U+FFFF, half a surrogate pair): the document holds the text without them.
 */
export function warnUnprintable(sheet: Sheet, cell: Cell | undefined, problems: Problem[]): void {
  if (!cell || !hasControlCharacters(cellText(cell))) return;
  const place = placeOf(sheet, cell);
  const at = placeName(place);
  problems.push(
    warning(
      'control-characters',
      place,
      `${at.th} มีอักขระที่มองไม่เห็นหรือพิมพ์ไม่ได้ ซึ่งได้ตัดออกแล้ว: ตรวจข้อความในเอกสารอีกครั้ง`,
      `${at.en.charAt(0).toUpperCase()}${at.en.slice(1)} had invisible or unprintable characters, which were removed: check the text in the document`,
    ),
  );
}

/**
 * One of a spreadsheet's error values (#NUM!, #REF!, #N/A, #VALUE!: a formula that failed, or a
 * number no computer holds) where text is printed, as a name, a result or a recommendation.
 */
export function errorValue(cell: Cell | undefined): string | undefined {
  return cell?.value.kind === 'error' ? cell.value.text : undefined;
}

/** What each text a workbook may state is, as a warning about an error value in its place names it. */
export const TEXT_FACTS = {
  province: { th: 'ชื่อจังหวัด', en: 'the province' },
  level: { th: 'ระดับผลการประเมิน', en: 'the level' },
  result: { th: 'ผลการประเมิน', en: 'the result' },
  levelDescription: { th: 'คำอธิบายระดับ', en: "the level's description" },
  recommendation: { th: 'ข้อเสนอแนะ', en: 'a recommendation' },
} satisfies Record<string, Message>;

/**
 * The cell, unless it holds an error value: then a warning, into `problems`, and undefined, so
 * that the text is taken as not stated (computed, or left out) and "#NUM!" is never printed.
 */
export function withoutErrorValue<T extends { sheet: Sheet; cell: Cell }>(
  stated: T | undefined,
  what: Message,
  problems: Problem[],
): T | undefined {
  const value = errorValue(stated?.cell);
  if (value === undefined) return stated;
  const place = placeOf(stated!.sheet, stated!.cell);
  const at = placeName(place);
  problems.push(
    warning(
      'cell-error-value',
      place,
      `${at.th} มีค่าผิดพลาด ${value} แทน${what.th}: ไม่ใช้ค่านี้ (ถือว่าไม่ได้ระบุ) ตรวจสูตรหรือค่าในเซลล์นี้`,
      `${at.en.charAt(0).toUpperCase()}${at.en.slice(1)} holds the error value ${value} where ${what.en} belongs: not used (taken as not stated); check the formula or value in that cell`,
    ),
  );
  return undefined;
}

/** The agency's name cell holds an error value (#NUM!, #REF!), which is no name. */
export function agencyNameError(cell: Place, value: string): Problem {
  const at = placeName(cell);
  return error(
    'agency-missing',
    cell,
    `${at.th} มีค่าผิดพลาด ${value} แทนชื่อหน่วยงาน: พิมพ์ชื่อหน่วยงานในเซลล์นี้ เช่น อบต.ลำปางรอง`,
    `${at.en.charAt(0).toUpperCase()}${at.en.slice(1)} holds the error value ${value} instead of the agency's name: type the name there, e.g. อบต.ลำปางรอง`,
  );
}

/** Text as it will be printed: Thai written one way (see `normaliseThai`), invisible characters gone, spaces folded, line breaks kept. */
export const cleanText = remembered((text: string): string => {
  // Most cells need none of this: a national workbook's 200,000 cells go through here many times.
  if (!NEEDS_CLEANING.test(text) && text.normalize('NFC') === text && normaliseThai(text) === text) return text;
  return normaliseThai(text.normalize('NFC'))
    .replace(ZERO_WIDTH, '')
    .replace(CONTROL, '')
    .replace(NOT_CHARACTERS, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(SPACES, ' ').trim())
    .join('\n')
    .trim();
});

/** One line of display text: line breaks become spaces. */
export function singleLine(text: string): string {
  return cleanText(text).replace(/\n+/g, ' ');
}

/**
 * The key two labels are compared by: no spaces at all, no trailing colon, Arabic digits,
 * lower case. Thai writes words without spaces, so removing them loses nothing.
 */
export const labelKey = remembered((text: string): string =>
  toArabicDigits(cleanText(text))
    .replace(SPACES, '')
    .replace(/[:：]+$/, '')
    .toLowerCase(),
);

/** A score or year typed as text: "84.79", " ๘๔.๗๙ ", "84.79 คะแนน", "84.79%" (a copied page shows percentages so); "84,79" is not accepted (ambiguous). */
export function parseNumber(text: string): number | undefined {
  const plain = toArabicDigits(cleanText(text))
    .replace(SPACES, '')
    .replace(/(คะแนน|%)$/, '');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(plain)) return undefined;
  return Number(plain);
}

/** The number a cell holds, whether typed as a number or as text. */
export function cellNumber(cell: Cell | undefined): number | undefined {
  if (!cell) return undefined;
  if (cell.value.kind === 'number') return cell.value.value;
  if (cell.value.kind === 'text') return parseNumber(cell.value.text);
  return undefined;
}
