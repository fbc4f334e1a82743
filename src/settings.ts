/**
 * input/settings.yaml: what an agency sets once and a clerk edits in Notepad, with Thai keys
 * (English aliases accepted). Options on the command line override it. A bad value or an
 * unknown key is an error naming its line, never silently ignored.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { parseAnnouncementDate } from './announcement-date.js';
import { error, type Problem } from './problem.js';
import type { Digits } from './format.js';
import { SETTINGS } from './setting-names.js';

export interface Settings {
  signer?: string;
  position?: string;
  /** YYYY-MM-DD, Christian calendar. */
  date?: string;
  digits?: Digits;
  /** Absolute paths, resolved from the settings file's folder. */
  emblem?: string;
  template?: string;
}

type Key = keyof Settings;

/** Each setting's Thai key first, then its English alias. */
const KEYS = Object.fromEntries(Object.entries(SETTINGS).map(([name, s]) => [name, [s.key, s.alias]])) as unknown as Record<Key, readonly [string, string]>;
const DIGITS: Record<string, Digits> = { ไทย: 'thai', thai: 'thai', อารบิก: 'arabic', arabic: 'arabic' };

/** The settings in `file`; none when there is no such file. */
export async function readSettings(file: string): Promise<{ settings: Settings; problems: Problem[] }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { settings: {}, problems: [] };
    const code = (e as NodeJS.ErrnoException).code;
    return { settings: {}, problems: [error('settings-invalid', { file }, `เปิดไฟล์ตั้งค่าไม่ได้ (${code})`, `Cannot open the settings file (${code})`)] };
  }
  const lines = new LineCounter();
  const document = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: lines, prettyErrors: false });
  const at = (offset: number | undefined) => (offset === undefined ? 1 : lines.linePos(offset).line);
  const problem = (line: number, th: string, en: string, code: 'settings-invalid' | 'settings-key-unknown' = 'settings-invalid') =>
    error(code, { file, line }, `ไฟล์ตั้งค่า บรรทัดที่ ${line}: ${th}`, `Settings file, line ${line}: ${en}`);

  if (document.errors.length) {
    const badLines = [...new Set(document.errors.map((e) => at(e.pos[0])))];
    const why = {
      th: 'เขียนไม่ถูกรูปแบบ: แต่ละบรรทัดเป็น "ชื่อ: ค่า" เช่น "ผู้ลงนาม: นายสันติ นาวีสัมพันธ์" (ขึ้นต้นบรรทัดโดยไม่เว้นวรรค)',
      en: 'not valid YAML: each line is "key: value", e.g. "signer: นายสันติ นาวีสัมพันธ์", starting at the beginning of the line',
    };
    return { settings: {}, problems: badLines.map((line) => problem(line, why.th, why.en)) };
  }
  if (document.contents === null) return { settings: {}, problems: [] };
  if (!isMap(document.contents)) return { settings: {}, problems: [problem(at(document.contents.range?.[0]), 'ต้องเป็นรายการ "ชื่อ: ค่า" บรรทัดละหนึ่งค่า', 'must be a list of "key: value", one per line')] };

  const settings: Settings = {};
  const problems: Problem[] = [];
  const folder = path.dirname(path.resolve(file));
  for (const pair of document.contents.items) {
    const name = isScalar(pair.key) ? String(pair.key.value).trim() : '';
    const line = at(isScalar(pair.key) ? pair.key.range?.[0] : undefined);
    const key = (Object.keys(KEYS) as Key[]).find((k) => KEYS[k].includes(name));
    if (!key) {
      problems.push(
        problem(
          line,
          `ไม่รู้จัก "${name}": ใช้ได้เฉพาะ ${Object.values(KEYS).map((k) => k[0]).join(', ')}`,
          `unknown key "${name}": the keys are ${Object.values(KEYS).map((k) => k.join(' or ')).join(', ')}`,
          'settings-key-unknown',
        ),
      );
      continue;
    }
    const value = isScalar(pair.value) && pair.value.value !== null ? String(pair.value.value).trim() : '';
    if (value === '') continue;
    if (key === 'digits') {
      const digits = DIGITS[value.toLowerCase()];
      if (digits) settings.digits = digits;
      else problems.push(problem(line, `"${name}" ต้องเป็น ไทย หรือ อารบิก (ไม่ใช่ "${value}")`, `"${name}" must be thai or arabic (ไทย or อารบิก), not "${value}"`));
    } else if (key === 'date') {
      const parsed = parseAnnouncementDate(value);
      if ('date' in parsed) settings.date = parsed.date;
      else problems.push(problem(line, `"${name}: ${value}" ไม่ถูกต้อง: ${parsed.why.th}`, `"${name}: ${value}" is not a date: ${parsed.why.en}`));
    } else if (key === 'emblem' || key === 'template') {
      settings[key] = path.resolve(folder, value);
    } else {
      settings[key] = value;
    }
  }
  return { settings, problems };
}
