/**
 * The settings a clerk may give, by the names they give them with: a key of input/settings.yaml
 * (Thai, or its English alias) and a command-line option. Messages name both, so a clerk who set
 * `ผู้ลงนาม:` in the settings file is not told only about `--signer`.
 */
import type { Message } from './language.js';

export const SETTINGS = {
  signer: { key: 'ผู้ลงนาม', alias: 'signer', option: '--signer' },
  position: { key: 'ตำแหน่ง', alias: 'position', option: '--position' },
  date: { key: 'วันที่ประกาศ', alias: 'date', option: '--date' },
  digits: { key: 'ตัวเลข', alias: 'digits', option: '--digits' },
  emblem: { key: 'ตราครุฑ', alias: 'emblem', option: '--emblem' },
  template: { key: 'แม่แบบ', alias: 'template', option: '--template' },
} as const;

export type SettingName = keyof typeof SETTINGS;

/** "ผู้ลงนาม: ในไฟล์ตั้งค่า หรือ --signer" */
export function whereToSet(setting: SettingName): Message {
  const { key, option } = SETTINGS[setting];
  return { th: `${key}: ในไฟล์ตั้งค่า หรือ ${option}`, en: `${key}: in the settings file, or ${option}` };
}
