/** Numbers, dates and digits as printed. Thai digits come from ICU through Intl. */
import { toArabicDigits, toThaiDigits } from './thai.js';

export type Digits = 'thai' | 'arabic';

const DIGITS_NAMED: Record<string, Digits> = { thai: 'thai', ไทย: 'thai', arabic: 'arabic', อารบิก: 'arabic' };

/** "ไทย", "thai", "Arabic", "อารบิก" → the digits they name; as the settings file and --digits take them. */
export function digitsNamed(text: string): Digits | undefined {
  return DIGITS_NAMED[text.trim().toLowerCase()];
}

export interface Formatter {
  /** 81.5 → "๘๑.๕๐" */
  score(value: number): string;
  /** 2565 → "๒๕๖๕" */
  integer(value: number): string;
  /** "2022-08-02" → "๒ สิงหาคม พ.ศ. ๒๕๖๕" */
  date(isoDate: string): string;
  /** Every digit inside a text from the workbook, in the chosen digits. */
  text(value: string): string;
}

/**
 * One formatter per kind of digits, per thread. ICU builds each Intl formatter from many small
 * native allocations that are freed only when the garbage collector gets to them: made anew for
 * every document, they fragmented native memory by about 150 MB over 8,323 documents.
 */
const formatters = new Map<Digits, Formatter>();

export function formatterFor(digits: Digits): Formatter {
  let formatter = formatters.get(digits);
  if (!formatter) formatters.set(digits, (formatter = newFormatter(digits)));
  return formatter;
}

function newFormatter(digits: Digits): Formatter {
  const numbering = digits === 'thai' ? 'thai' : 'latn';
  const scores = new Intl.NumberFormat(`th-TH-u-nu-${numbering}`, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
    useGrouping: false,
  });
  const integers = new Intl.NumberFormat(`th-TH-u-nu-${numbering}`, { maximumFractionDigits: 0, useGrouping: false });
  const dates = new Intl.DateTimeFormat(`th-TH-u-ca-buddhist-nu-${numbering}`, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    era: 'short',
    timeZone: 'UTC',
  });
  return {
    score: (value) => scores.format(value),
    integer: (value) => integers.format(value),
    date: (isoDate) => dates.format(new Date(`${isoDate}T00:00:00Z`)),
    text: digits === 'thai' ? toThaiDigits : toArabicDigits,
  };
}
