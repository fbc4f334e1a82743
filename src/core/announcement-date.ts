/** The announcement date as a clerk writes it: YYYY-MM-DD, the year Buddhist Era (above 2400) or Christian. */
import type { Message } from './language.js';

/** `{ date: "2022-08-02" }` (Christian calendar), or why the text is not a date. */
export function parseAnnouncementDate(text: string): { date: string } | { why: Message } {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text.trim());
  if (!match) return { why: { th: 'ใช้รูปแบบ ปี-เดือน-วัน เช่น 2565-08-02', en: 'write it as year-month-day, e.g. 2022-08-02 or 2565-08-02' } };
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const christian = year > 2400 ? year - 543 : year;
  const date = new Date(Date.UTC(christian, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return { why: { th: 'ไม่มีวันนี้ในปฏิทิน', en: 'there is no such day in the calendar' } };
  return { date: isoDate(christian, month, day) };
}

/** Today on this computer. */
export function today(): string {
  const now = new Date();
  return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
