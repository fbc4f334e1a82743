/**
 * Every option of `npm run build-doc`, written once: its type, what --help says of it, whether it
 * may be given twice, the key of input/settings.yaml that sets the same (Thai, and its English
 * alias), and the shape of its value (by which npm's `--` trap gives a kept option its value back).
 * yargs, the settings file's reader, npm's trap, the check for a mistyped option and the messages'
 * names of the settings (`COMMAND_LINE_NAMES`) all read this table.
 */
import { LANGUAGES, type Language, type Message } from '../core/language.js';
import type { SettingNames } from '../core/setting-names.js';
import { FRAMEWORKS_ON_DISK } from '../node/frameworks-on-disk.js';

interface Option {
  type?: 'string' | 'number' | 'boolean';
  default?: unknown;
  choices?: readonly string[];
  describe: Message;
  /** Each given value is a line (--position twice: a position of two lines). */
  repeatable?: true;
  /** The setting of input/settings.yaml that this option overrides. */
  setting?: { name: string; key: string; alias: string };
  /** What its value looks like, for npm's trap. */
  shape?: RegExp;
}

export const OPTIONS = {
  out: {
    type: 'string',
    describe: { th: 'โฟลเดอร์ที่จะบันทึกประกาศ (ค่าเริ่มต้น: output/)', en: 'folder to write the announcements to (default: output/)' },
  },
  template: {
    type: 'string',
    describe: { th: 'แม่แบบเอกสาร Word (.docx) ของหน่วยงาน', en: "the agency's Word template (.docx)" },
    setting: { name: 'template', key: 'แม่แบบ', alias: 'template' },
    shape: /\.(docx|dotx)$/i,
  },
  emblem: {
    type: 'string',
    describe: {
      th: 'ภาพตราครุฑ (.png หรือ .jpg) ที่จะใส่หัวประกาศ สูง 3 ซม.',
      en: 'the Garuda emblem (.png or .jpg) for the heading, printed 3 cm high',
    },
    setting: { name: 'emblem', key: 'ตราครุฑ', alias: 'emblem' },
    shape: /\.(png|jpe?g)$/i,
  },
  date: {
    type: 'string',
    describe: {
      th: 'วันที่ประกาศ ปี-เดือน-วัน เช่น 2565-08-02 หรือ 2022-08-02 (ค่าเริ่มต้น: วันนี้)',
      en: 'announcement date, year-month-day, e.g. 2565-08-02 or 2022-08-02 (default: today)',
    },
    setting: { name: 'date', key: 'วันที่ประกาศ', alias: 'date' },
    shape: /^\d{4}-\d{1,2}-\d{1,2}$/,
  },
  signer: {
    type: 'string',
    describe: { th: 'ชื่อผู้ลงนาม เช่น "นายสันติ นาวีสัมพันธ์"', en: 'name of the signer, e.g. "นายสันติ นาวีสัมพันธ์"' },
    setting: { name: 'signer', key: 'ผู้ลงนาม', alias: 'signer' },
  },
  position: {
    type: 'string',
    describe: {
      th: 'ตำแหน่งผู้ลงนาม (อบต./อบจ./เทศบาล: ได้จากชื่อหน่วยงานโดยอัตโนมัติ); ตำแหน่งสองบรรทัด: ระบุ --position สองครั้ง',
      en: "the signer's position (local governments: derived from the agency's name); a position of two lines: give --position twice",
    },
    repeatable: true,
    setting: { name: 'position', key: 'ตำแหน่ง', alias: 'position' },
  },
  digits: {
    type: 'string',
    describe: {
      th: 'ตัวเลขไทยหรืออารบิก: thai หรือ ไทย, arabic หรือ อารบิก (ค่าเริ่มต้น: ไทย)',
      en: 'Thai or Arabic digits: thai (ไทย) or arabic (อารบิก) (default: thai)',
    },
    setting: { name: 'digits', key: 'ตัวเลข', alias: 'digits' },
    shape: /^(thai|arabic|ไทย|อารบิก)$/i,
  },
  year: {
    type: 'number',
    describe: { th: 'ปีงบประมาณ เมื่อไฟล์ไม่ได้ระบุ เช่น 2565', en: 'fiscal year, when the workbook does not say, e.g. 2565' },
    shape: /^\d{4}$/,
  },
  json: {
    type: 'boolean',
    default: false as boolean,
    describe: { th: 'พิมพ์สรุปผลเป็น JSON ทาง stdout', en: 'print the summary as JSON on stdout' },
  },
  'trust-stated-total': {
    type: 'boolean',
    default: false as boolean,
    describe: { th: 'พิมพ์คะแนนรวมตามไฟล์ แม้ไม่ตรงกับที่คำนวณได้', en: "print the workbook's total even when it differs from the computed one" },
  },
  threads: {
    type: 'number',
    describe: {
      th: 'จำนวนเธรดที่ใช้สร้างประกาศ (ค่าเริ่มต้น: ตามจำนวนแกนของเครื่อง เมื่อมี 200 ฉบับขึ้นไป)',
      en: 'threads to write with (default: one per core, from 200 announcements)',
    },
    shape: /^\d{1,2}$/,
  },
  analysis: {
    type: 'boolean',
    describe: {
      th: 'สร้างรายงานการวิเคราะห์ผลการประเมิน (.docx) คู่กับประกาศแต่ละฉบับ (ให้ไฟล์ของปีก่อนมาด้วยเพื่อเทียบ)',
      en: "also write the analysis report (.docx) beside each announcement (give earlier years' files too to compare)",
    },
    setting: { name: 'analysis', key: 'รายงานวิเคราะห์', alias: 'analysis' },
  },
  'analysis-template': {
    type: 'string',
    describe: { th: 'แม่แบบรายงานการวิเคราะห์ (.docx) ของหน่วยงาน', en: "the agency's analysis report template (.docx)" },
    setting: { name: 'analysisTemplate', key: 'แม่แบบรายงานวิเคราะห์', alias: 'analysis-template' },
  },
  pdf: {
    type: 'boolean',
    default: false as boolean,
    describe: { th: 'สร้างไฟล์ PDF คู่กับไฟล์ Word ด้วย (ต้องติดตั้ง LibreOffice)', en: 'also write a PDF beside each Word file (needs LibreOffice)' },
  },
  settings: {
    type: 'string',
    describe: { th: 'ไฟล์ตั้งค่า (ค่าเริ่มต้น: input/settings.yaml)', en: 'settings file (default: input/settings.yaml)' },
    shape: /\.ya?ml$/i,
  },
  check: {
    type: 'boolean',
    default: false as boolean,
    describe: {
      th: 'ตรวจไฟล์และแสดงสิ่งที่ประกาศจะพิมพ์ โดยไม่สร้างเอกสาร (npm run check)',
      en: 'check the inputs and show what the announcements would say, writing nothing (npm run check)',
    },
  },
  lang: {
    choices: LANGUAGES,
    default: 'th' as Language,
    describe: { th: 'ภาษาของข้อความบนจอ (en: ภาษาอังกฤษ สำหรับผู้ดูแล)', en: 'language of the messages on screen (th: Thai, for clerks)' },
    shape: /^(th|en)$/i,
  },
  debug: {
    type: 'boolean',
    default: false as boolean,
    describe: {
      th: 'แสดงรายละเอียดสำหรับผู้ดูแล: ข้อความจากส่วนที่อ่านไฟล์ และรายละเอียดเมื่อโปรแกรมขัดข้อง',
      en: 'show what the readers said of a bad file, and the stack trace of an internal error (for maintainers)',
    },
  },
} as const satisfies Record<string, Option>;

export type OptionName = keyof typeof OPTIONS;
type Table = typeof OPTIONS;

/** The options as yargs takes them (type, default, choices), described in the language asked for. */
export function yargsOptions(language: Language): {
  [K in OptionName]: Omit<Table[K], 'describe' | 'repeatable' | 'setting' | 'shape'> & { describe: string };
} {
  return Object.fromEntries(
    Object.entries(OPTIONS).map(([name, option]) => {
      const { describe, repeatable: _repeatable, setting: _setting, shape: _shape, ...forYargs } = option as Option;
      return [name, { ...forYargs, describe: describe[language] }];
    }),
  ) as never;
}

/** An option as npm's trap and the check for a mistyped option see it. */
export interface CommandOption {
  name: string;
  /** Takes a value (`--signer NAME`), or is a flag (`--pdf`). */
  takesValue: boolean;
  /** What its value looks like. */
  shape?: RegExp;
}

/** The options that take a value first, then the flags (the order npm's trap names them in). */
export const COMMAND_OPTIONS: readonly CommandOption[] = Object.entries(OPTIONS)
  .map(([name, option]: [string, Option]) => ({
    name,
    takesValue: option.type !== 'boolean',
    ...(option.shape && { shape: option.shape }),
  }))
  .sort((a, b) => Number(!a.takesValue) - Number(!b.takesValue));

/** Options that may be given twice. */
export const REPEATABLE: ReadonlySet<string> = new Set(
  Object.entries(OPTIONS)
    .filter(([, option]: [string, Option]) => option.repeatable)
    .map(([name]) => name),
);

type SettingOf<K extends OptionName> = Table[K] extends { setting: { name: infer N extends string } } ? N : never;
export type SettingKey = { [K in OptionName]: SettingOf<K> }[OptionName];

/** The settings of input/settings.yaml: each one's Thai key, its English alias and the option that overrides it. */
export const SETTINGS = Object.fromEntries(
  Object.entries(OPTIONS).flatMap(([name, option]: [string, Option]) =>
    option.setting ? [[option.setting.name, { key: option.setting.key, alias: option.setting.alias, option: `--${name}` }]] : [],
  ),
) as Record<SettingKey, { key: string; alias: string; option: string }>;

/** How the command line names its settings in messages: the settings file's key and the option. */
export const COMMAND_LINE_NAMES: SettingNames = {
  ...Object.fromEntries(
    Object.entries(SETTINGS).map(([name, { key, option }]) => [
      name,
      { th: `${key}: ในไฟล์ตั้งค่า หรือ ${option}`, en: `${key}: in the settings file, or ${option}` },
    ]),
  ),
  fiscalYear: { th: '--year เช่น --year 2565', en: '--year, e.g. --year 2565' },
  trustStatedTotal: { th: '--trust-stated-total', en: '--trust-stated-total' },
  frameworks: FRAMEWORKS_ON_DISK,
};
