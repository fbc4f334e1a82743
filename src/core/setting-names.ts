/**
 * The settings the core's messages point a clerk to, and how each front end names them. The core
 * never names a front end's own controls: a front end gives `build` its `SettingNames` (the command
 * line: its options and settings-file keys; the web page: its fields' labels), and a message names
 * the setting in brackets with them, or offers no remedy through a setting the front end does not
 * have (the web page has no template to choose).
 */
import type { Message } from './language.js';

export type SettingName =
  'signer' | 'position' | 'date' | 'digits' | 'emblem' | 'template' | 'fiscalYear' | 'trustStatedTotal' | 'frameworks';

/** Where the clerk sets each setting in this front end, as a message names it in brackets. */
export type SettingNames = Partial<Record<SettingName, Message>>;

/** " (ผู้ลงนาม: ในไฟล์ตั้งค่า หรือ --signer)" — or nothing, where the front end does not offer the setting. */
export function whereToSet(names: SettingNames, setting: SettingName): Message {
  const at = names[setting];
  return at ? { th: ` (${at.th})`, en: ` (${at.en})` } : { th: '', en: '' };
}
