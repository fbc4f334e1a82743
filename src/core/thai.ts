/**
 * Thai digits. Intl formats numbers and dates with Thai digits itself (see core/format.ts);
 * this is only for digits already inside text, which no Intl API rewrites.
 */

const THAI_ZERO = 0x0e50;
const THAI_DIGIT = /[\u0e50-\u0e59]/g;
const ARABIC_DIGIT = /[0-9]/g;

export function toThaiDigits(text: string): string {
  return text.replace(ARABIC_DIGIT, (d) => String.fromCharCode(THAI_ZERO + Number(d)));
}

const HAS_THAI_DIGIT = /[\u0e50-\u0e59]/;

export function toArabicDigits(text: string): string {
  if (!HAS_THAI_DIGIT.test(text)) return text;
  return text.replace(THAI_DIGIT, (d) => String(d.charCodeAt(0) - THAI_ZERO));
}

/** Marks written above or below a Thai consonant: vowels (ั ิ ี ึ ื ุ ู ฺ ็), tone marks (่ ้ ๊ ๋), ์ ํ ๎. */
const MARK = '\u0e31\u0e34-\u0e3a\u0e47-\u0e4e';
const TONE = '\u0e48-\u0e4b';
const ABOVE_VOWEL = '\u0e31\u0e34-\u0e37\u0e47';
const NEEDS_THAI_NORMALISING = new RegExp(
  `\u0e4d|([${MARK}\u0e40])\\1|[${TONE}][${ABOVE_VOWEL}]|[ \t\u00a0\u2000-\u200b\u202f\u2060\ufeff]+[${MARK}\u0e32\u0e33]`,
);

/**
 * Thai text as it arrives from PDFs, old fonts and hurried typing, written the one way Unicode and
 * Word expect, so it prints and compares as the same word:
 * - sara am as two characters, nikhahit and sara aa (ลํา, น้ํา, or น ํ ้ า), as text copied from a PDF
 *   carries it, is the one character ำ (ลำ, น้ำ); NFC does not do this, and NFKC does the opposite;
 * - a mark typed twice (ก่่, กิิ) is one, and two sara e (เเ) are sara ae (แ), which they look like;
 * - a tone mark typed before its vowel (ก่ี) comes after it (กี่);
 * - a space or an invisible character inside a syllable (before a mark) is removed.
 */
export function normaliseThai(text: string): string {
  if (!NEEDS_THAI_NORMALISING.test(text)) return text;
  return text
    .replace(new RegExp(`[ \t\u00a0\u2000-\u200b\u202f\u2060\ufeff]+(?=[${MARK}\u0e32\u0e33])`, 'g'), '')
    .replace(/\u0e40\u0e40/g, '\u0e41')
    .replace(new RegExp(`([${MARK}])\\1+`, 'g'), '$1')
    .replace(new RegExp(`([${TONE}])([${ABOVE_VOWEL}])`, 'g'), '$2$1')
    .replace(new RegExp(`\u0e4d([${TONE}]?)\u0e32`, 'g'), '$1\u0e33')
    .replace(new RegExp(`([${TONE}])\u0e4d\u0e32`, 'g'), '$1\u0e33');
}
