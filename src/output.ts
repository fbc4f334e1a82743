/**
 * Writing documents: a name that reads as the agency and stays inside the output folder,
 * and a write that never leaves a half-written file or destroys an earlier good one.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Announcement } from './ita/model.js';

/** Characters Windows forbids in file names, and control characters. */
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;

/**
 * `ประกาศผลการประเมิน ITA 2565 อบต.ลำปางรอง.docx`; with the province
 * (`… อบต.บ้านใหม่ จ.เชียงใหม่.docx`) when agencies of the same name share a workbook.
 */
export function documentFileName(announcement: Announcement, withProvince = false): string {
  const province = announcement.agency.province?.replace(/^(จังหวัด|จ\.)\s*/, '');
  const name = withProvince && province ? `${announcement.agency.shortName} จ.${province}` : announcement.agency.shortName;
  const agency = name.normalize('NFC').replace(UNSAFE, '_').replace(/\s+/g, ' ').replace(/^[.\s]+|[.\s]+$/g, '');
  return `ประกาศผลการประเมิน ITA ${announcement.fiscalYear} ${agency || 'หน่วยงาน'}.docx`;
}

/** Writes to a temporary file beside the target, then renames it into place. */
export async function writeFileAtomically(target: string, content: Buffer): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  const temporary = path.join(path.dirname(target), `.~${process.pid}-${Date.now()}-${path.basename(target)}.tmp`);
  try {
    await writeFile(temporary, content);
    await rename(temporary, target);
  } catch (e) {
    await rm(temporary, { force: true });
    throw e;
  }
}
