/**
 * The name each announcement is saved under: it reads as the agency, stays inside the output
 * folder whatever the workbook says, and is unique within a run. Plain text work, so the web
 * page names its downloads as the command line names its files.
 */
import { BIDI_CONTROLS } from '../core/characters.js';
import type { Announcement } from '../ita/model.js';

/** Characters Windows forbids in file names, control characters, and bidirectional overrides (they make a name read as another). */
const UNSAFE = new RegExp(`[\\\\/:*?"<>|\\u0000-\\u001f\\u007f-\\u009f${BIDI_CONTROLS}]`, 'g');

/**
 * File systems allow 255 bytes in a name and Thai letters take 3 bytes in UTF-8: the agency's
 * part is cut so the name, with the prefix and the temporary file's additions, always fits.
 */
const MAX_AGENCY_BYTES = 150;

/**
 * `ประกาศผลการประเมิน ITA 2565 อบต.ลำปางรอง.docx`; with the province
 * (`… อบต.บ้านใหม่ จ.เชียงใหม่.docx`) when agencies of the same name share a workbook.
 */
export function documentFileName(announcement: Announcement, withProvince = false): string {
  const province = announcement.agency.province?.replace(/^(จังหวัด|จ\.)\s*/, '');
  const name = withProvince && province ? `${announcement.agency.shortName} จ.${province}` : announcement.agency.shortName;
  const agency = shortenTo(name.normalize('NFC').replace(UNSAFE, '_').replace(/\s+/g, ' '), MAX_AGENCY_BYTES).replace(
    /^[.\s]+|[.\s]+$/g,
    '',
  );
  return `ประกาศผลการประเมิน ITA ${announcement.fiscalYear} ${agency || 'หน่วยงาน'}.docx`;
}

const utf8 = new TextEncoder();

function shortenTo(text: string, bytes: number): string {
  let cut = '';
  let used = 0;
  for (const character of text) {
    used += utf8.encode(character).length;
    if (used > bytes) break;
    cut += character;
  }
  return cut;
}

/** Names for a workbook's announcements: agencies of the same name get their province too. */
export function documentNames(announcements: readonly Announcement[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set(announcements.map((a) => a.agency.shortName).filter((name) => seen.has(name) || !seen.add(name)));
  return announcements.map((a) => documentFileName(a, repeated.has(a.agency.shortName)));
}

/** Two workbooks of the same agency and year in one run must not overwrite each other: `… (2).docx`. */
export function uniqueName(name: string, used: Set<string>): string {
  const key = (n: string) => n.normalize('NFC').toLowerCase();
  let candidate = name;
  for (let n = 2; used.has(key(candidate)); n++) candidate = name.replace(/\.docx$/, ` (${n}).docx`);
  used.add(key(candidate));
  return candidate;
}

/** The analysis report beside an announcement: `รายงานการวิเคราะห์ผลการประเมิน ITA 2565 อบต.ลำปางรอง.docx`. */
export function analysisName(announcementName: string): string {
  return announcementName.replace(/^ประกาศผลการประเมิน/, 'รายงานการวิเคราะห์ผลการประเมิน');
}
