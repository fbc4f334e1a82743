/**
 * input/settings.yaml: what an agency sets once and a clerk edits in Notepad, with Thai keys
 * (English aliases accepted). Options on the command line override it. A bad value or an
 * unknown key is an error naming the file and its line, never silently ignored.
 *
 * Notepad saves as UTF-8 (with or without a byte-order mark), UTF-16 ("Unicode") or the Windows
 * Thai code page ("ANSI"); all are read. Values are read as the clerk typed them (YAML's
 * failsafe schema: `0x1F` stays "0x1F", not 31).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { parseAnnouncementDate } from '../core/announcement-date.js';
import { digitsNamed, type Digits } from '../core/format.js';
import { error, type Problem } from '../core/problem.js';
import { SETTINGS } from './options.js';

export interface Settings {
  signer?: string;
  /** One line, or several separated by line breaks. */
  position?: string;
  /** YYYY-MM-DD, Christian calendar. */
  date?: string;
  digits?: Digits;
  /** Absolute paths, resolved from the settings file's folder. */
  emblem?: string;
  template?: string;
  /** รายงานวิเคราะห์: ใช่ — write the analysis report beside each announcement. */
  analysis?: boolean;
  analysisTemplate?: string;
}

type Key = keyof Settings;

/** How a yes-or-no setting may be written. */
const YES_NO: Record<string, boolean> = { ใช่: true, ไม่: false, ไม่ใช่: false, yes: true, no: false, true: true, false: false };

/** Each setting's Thai key first, then its English alias. */
const KEYS = Object.fromEntries(Object.entries(SETTINGS).map(([name, s]) => [name, [s.key, s.alias]])) as unknown as Record<
  Key,
  readonly [string, string]
>;

export interface SettingsRead {
  settings: Settings;
  /** The line each setting was given on, for messages about it. */
  lines: Partial<Record<Key, number>>;
  problems: Problem[];
}

/** The settings in `file`; none when there is no such file. */
export async function readSettings(file: string): Promise<SettingsRead> {
  const name = path.basename(file);
  const text = await settingsText(file);
  if (typeof text !== 'string') return { settings: {}, lines: {}, problems: text.problems };
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, schema: 'failsafe' });
  const at = (offset: number | undefined) => (offset === undefined ? 1 : lines.linePos(offset).line);
  const lineOf = (node: Node | null | undefined) => at(node?.range?.[0]);
  const problemAt = (line: number, th: string, en: string, code: 'settings-invalid' | 'settings-key-unknown' = 'settings-invalid') =>
    error(code, { file, line }, `ไฟล์ตั้งค่า ${name} บรรทัดที่ ${line}: ${th}`, `Settings file ${name}, line ${line}: ${en}`);
  const none = (problems: Problem[]): SettingsRead => ({ settings: {}, lines: {}, problems });

  if (document.errors.length) {
    const badLines = [...new Set(document.errors.map((e) => at(e.pos[0])))];
    const why = {
      th: 'เขียนไม่ถูกรูปแบบ: แต่ละบรรทัดเป็น "ชื่อ: ค่า" เช่น "ผู้ลงนาม: นายสันติ นาวีสัมพันธ์" (ขึ้นต้นบรรทัดโดยไม่เว้นวรรค)',
      en: 'not valid YAML: each line is "key: value", e.g. "signer: นายสันติ นาวีสัมพันธ์", starting at the beginning of the line',
    };
    return none(badLines.map((line) => problemAt(line, why.th, why.en)));
  }
  if (document.contents === null) return none([]);
  if (!isMap(document.contents))
    return none([
      problemAt(lineOf(document.contents), 'ต้องเป็นรายการ "ชื่อ: ค่า" บรรทัดละหนึ่งค่า', 'must be a list of "key: value", one per line'),
    ]);

  const read: SettingsRead = { settings: {}, lines: {}, problems: [] };
  const folder = path.dirname(path.resolve(file));
  for (const pair of document.contents.items) {
    const keyName = isScalar(pair.key) ? String(pair.key.value).trim() : '';
    const line = lineOf(pair.key as Node);
    const key = (Object.keys(KEYS) as Key[]).find((k) => KEYS[k].includes(keyName));
    if (!key) {
      read.problems.push(
        problemAt(
          line,
          `ไม่รู้จัก "${keyName}": ใช้ได้เฉพาะ ${Object.values(KEYS)
            .map((k) => k[0])
            .join(', ')}`,
          `unknown key "${keyName}": the keys are ${Object.values(KEYS)
            .map((k) => k.join(' or '))
            .join(', ')}`,
          'settings-key-unknown',
        ),
      );
      continue;
    }
    const value = valueOf(pair.value as Node | null, key);
    if (value === undefined) {
      read.problems.push(
        key === 'position'
          ? problemAt(
              line,
              `"${keyName}" ต้องเป็นข้อความ หรือรายการบรรทัด (บรรทัดละ "- ข้อความ")`,
              `"${keyName}" must be a text, or a list of lines ("- text" each)`,
            )
          : problemAt(line, `"${keyName}" ต้องเป็นข้อความบรรทัดเดียว`, `"${keyName}" must be one line of text`),
      );
      continue;
    }
    if (value === '') continue;
    read.lines[key] = line;
    const problem = (th: string, en: string) => problemAt(line, th, en);
    keep(read, key, value, { keyName, problem, folder });
  }
  return read;
}

/** Keeps one setting's value, read as its kind is (digits, a date, yes or no, a file, a text); a value that is not one is a problem. */
function keep(
  read: SettingsRead,
  key: Key,
  value: string,
  at: { keyName: string; folder: string; problem: (th: string, en: string) => Problem },
): void {
  const { keyName, problem } = at;
  if (key === 'digits') {
    const digits = digitsNamed(value);
    if (digits) read.settings.digits = digits;
    else
      read.problems.push(
        problem(
          `"${keyName}" ต้องเป็น ไทย หรือ อารบิก (ไม่ใช่ "${value}")`,
          `"${keyName}" must be thai or arabic (ไทย or อารบิก), not "${value}"`,
        ),
      );
  } else if (key === 'date') {
    const parsed = parseAnnouncementDate(value);
    if ('date' in parsed) read.settings.date = parsed.date;
    else
      read.problems.push(
        problem(`"${keyName}: ${value}" ไม่ถูกต้อง: ${parsed.why.th}`, `"${keyName}: ${value}" is not a date: ${parsed.why.en}`),
      );
  } else if (key === 'analysis') {
    const yes = YES_NO[value.toLowerCase()];
    if (yes !== undefined) read.settings.analysis = yes;
    else
      read.problems.push(
        problem(`"${keyName}" ต้องเป็น ใช่ หรือ ไม่ (ไม่ใช่ "${value}")`, `"${keyName}" must be yes or no (ใช่ or ไม่), not "${value}"`),
      );
  } else if (key === 'emblem' || key === 'template' || key === 'analysisTemplate') {
    read.settings[key] = path.resolve(at.folder, value);
  } else if (key === 'signer' || key === 'position') {
    read.settings[key] = value;
  }
}

/** The settings file's text, or the problem why it cannot be read (none when there is no such file). */
async function settingsText(file: string): Promise<string | { problems: Problem[] }> {
  const name = path.basename(file);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { problems: [] };
    const code = (e as NodeJS.ErrnoException).code;
    return {
      problems: [
        error('settings-invalid', { file }, `เปิดไฟล์ตั้งค่า ${name} ไม่ได้ (${code})`, `Cannot open the settings file ${name} (${code})`),
      ],
    };
  }
  const text = decodeSettings(bytes);
  if (text !== undefined) return text;
  return {
    problems: [
      error(
        'settings-invalid',
        { file },
        `อ่านตัวอักษรในไฟล์ตั้งค่า ${name} ไม่ได้: เปิดด้วย Notepad แล้วเลือก "บันทึกเป็น" โดยตั้ง "การเข้ารหัส" เป็น UTF-8 แล้วบันทึก`,
        `The characters of the settings file ${name} cannot be read: open it in Notepad, choose "Save As" with "Encoding" set to UTF-8, and save`,
      ),
    ],
  };
}

/** A setting's value as typed: a text; for the position, lines too. Undefined: a list, a map or an alias where none may be. */
function valueOf(node: Node | null, key: Key): string | undefined {
  if (node === null || (isScalar(node) && node.value === null)) return '';
  if (isScalar(node)) return String(node.value).trim();
  if (key === 'position' && isSeq(node) && node.items.every((item) => isScalar(item)))
    return node.items.map((item) => String((item as { value: unknown }).value).trim()).join('\n');
  return undefined;
}

/**
 * The text of a settings file as Notepad may have saved it: a byte-order mark says UTF-8 or
 * UTF-16; without one, UTF-8 if it is valid UTF-8, else the Windows Thai code page. Undefined when
 * neither reads it (UTF-16 without its mark, bytes the code page has no letter for).
 */
export function decodeSettings(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes.includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const thai = new TextDecoder('windows-874').decode(bytes);
    return thai.includes('\ufffd') ? undefined : thai;
  }
}
