/**
 * The settings the core's messages point a clerk to, and how each front end names them. The core
 * never names a front end's own controls: a front end gives `build` its `SettingNames` (the command
 * line: its options and settings-file keys; the web page: its fields' labels), and a message names
 * the setting in brackets with them, or offers no remedy through a setting the front end does not
 * have (the web page has no template to choose).
 */
import type { Message } from './language.js';

export type SettingName = 'signer' | 'position' | 'date' | 'digits' | 'emblem' | 'template' | 'fiscalYear' | 'trustStatedTotal' | 'frameworks';

/** Where the clerk sets each setting in this front end, as a message names it in brackets. */
export type SettingNames = Partial<Record<SettingName, Message>>;

/** " (ผู้ลงนาม: ในไฟล์ตั้งค่า หรือ --signer)" — or nothing, where the front end does not offer the setting. */
export function whereToSet(names: SettingNames, setting: SettingName): Message {
  const at = names[setting];
  return at ? { th: ` (${at.th})`, en: ` (${at.en})` } : { th: '', en: '' };
}

/**
 * The command line's settings: a key of input/settings.yaml (Thai, or its English alias), which
 * cli/settings-file.ts reads, and an option. Its messages name both, so a clerk who set `ผู้ลงนาม:` in the
 * settings file is not told only about `--signer`.
 */
export const SETTINGS = {
  signer: { key: 'ผู้ลงนาม', alias: 'signer', option: '--signer' },
  position: { key: 'ตำแหน่ง', alias: 'position', option: '--position' },
  date: { key: 'วันที่ประกาศ', alias: 'date', option: '--date' },
  digits: { key: 'ตัวเลข', alias: 'digits', option: '--digits' },
  emblem: { key: 'ตราครุฑ', alias: 'emblem', option: '--emblem' },
  template: { key: 'แม่แบบ', alias: 'template', option: '--template' },
  analysis: { key: 'รายงานวิเคราะห์', alias: 'analysis', option: '--analysis' },
  analysisTemplate: { key: 'แม่แบบรายงานวิเคราะห์', alias: 'analysis-template', option: '--analysis-template' },
} as const;

/** How the command line names its settings in messages. */
export const COMMAND_LINE_NAMES: SettingNames = {
  ...Object.fromEntries(Object.entries(SETTINGS).map(([name, { key, option }]) => [name, { th: `${key}: ในไฟล์ตั้งค่า หรือ ${option}`, en: `${key}: in the settings file, or ${option}` }])),
  fiscalYear: { th: '--year เช่น --year 2565', en: '--year, e.g. --year 2565' },
  trustStatedTotal: { th: '--trust-stated-total', en: '--trust-stated-total' },
  frameworks: { th: 'ไฟล์ <ปี>.yaml ในโฟลเดอร์ src/ita/frameworks/ ดู README หัวข้อ "เกณฑ์การประเมินแต่ละปี"', en: 'a file <year>.yaml in src/ita/frameworks/, see the README' },
};
