/**
 * The signer's name and position as a clerk gives them (the settings file, the command line, a
 * web form), made ready to print: the template puts the name in brackets itself, so brackets
 * typed around it go; doubled spaces and characters no document may hold go too; a position may
 * have two lines (ปลัด… / รักษาราชการแทน…). Each change is a warning that shows it.
 */
import { warning, type Problem } from '../core/problem.js';
import { whereToSet, type SettingNames } from '../core/setting-names.js';
import { cleanText, hasControlCharacters } from './text.js';

export interface Signature {
  signer?: string;
  position?: string;
}

export function cleanSignature(given: Signature, names: SettingNames): Signature & { problems: Problem[] } {
  const problems: Problem[] = [];
  const signer = given.signer === undefined ? undefined : cleaned(given.signer, 'signer', names, problems);
  const position = given.position === undefined ? undefined : cleaned(given.position, 'position', names, problems);
  return { ...(signer && { signer }), ...(position && { position }), problems };
}

const BRACKETED = /^[(（]\s*(.*?)\s*[)）]$/s;

function cleaned(text: string, setting: 'signer' | 'position', names: SettingNames, problems: Problem[]): string | undefined {
  const changes: { th: string; en: string }[] = [];
  if (hasControlCharacters(text)) changes.push({ th: 'ตัดอักขระที่มองไม่เห็นหรือพิมพ์ไม่ได้', en: 'invisible or unprintable characters removed' });
  // The name is one line; a position may be two or more (each --position, or lines in the settings file).
  let value = cleanText(text)
    .split('\n')
    .filter(Boolean)
    .join(setting === 'signer' ? ' ' : '\n');
  const bracketed = setting === 'signer' ? BRACKETED.exec(value) : null;
  if (bracketed) {
    value = bracketed[1]!;
    changes.push({
      th: 'ตัดวงเล็บออก (ประกาศใส่วงเล็บรอบชื่อให้เอง)',
      en: 'brackets removed (the announcement puts the name in brackets itself)',
    });
  }
  if (/\s{2,}/.test(text.trim().replace(/\n\s*/g, setting === 'signer' ? '  ' : '\n')))
    changes.push({ th: 'ช่องว่างที่ซ้ำกันเหลือช่องเดียว', en: 'repeated spaces made one' });
  if (changes.length) {
    const what = whereToSet(names, setting);
    const name = setting === 'signer' ? { th: 'ชื่อผู้ลงนาม', en: "The signer's name" } : { th: 'ตำแหน่งผู้ลงนาม', en: "The signer's position" };
    const shown = (t: string) => JSON.stringify(t.replace(/\n/g, ' / '));
    problems.push(
      warning(
        'signature-cleaned',
        {},
        `${name.th}${what.th} ${shown(text)} จะพิมพ์เป็น ${shown(value)}: ${changes.map((c) => c.th).join(', ')}`,
        `${name.en}${what.en} ${shown(text)} is printed as ${shown(value)}: ${changes.map((c) => c.en).join(', ')}`,
      ),
    );
  }
  return value || undefined;
}
