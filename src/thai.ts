/**
 * Thai digits. Intl formats numbers and dates with Thai digits itself (see render/format.ts);
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
