/**
 * Reader: a spreadsheet file's bytes → sheets of cells. Knows nothing of ITA. It tells the kind
 * of file by its first bytes, not its name: an .xlsx (a zip) through exceljs, an ".xls" that is
 * a web page, a CSV; old binary Excel, XML Spreadsheet 2003, encrypted and damaged files are
 * refused with what to do in Excel.
 */
import { error, type Problem } from '../problem.js';
import { baseName, extensionOf, indexOfBytes, startsWith, type NamedBytes } from '../bytes.js';
import type { Workbook } from './cells.js';
import { csvSheet } from './csv.js';
import { declaredCharset, decodeText } from './decode.js';
import { htmlSheet } from './html-table.js';
import { readZipRecords } from './zip-records.js';

export type ReadResult = { workbook: Workbook; problems: Problem[] } | { workbook: undefined; problems: Problem[] };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/**
 * Limits no real ITA workbook comes near (a national list of 8,300 agencies is a few MB and
 * inflates about tenfold): beyond them a file is refused before it is read or inflated.
 */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;
const MAX_INFLATED_BYTES = 200 * 1024 * 1024;
const MAX_RATIO = 50;
const MB = 1024 * 1024;

/** The stream name an encrypted OOXML file carries inside its OLE container (UTF-16LE). */
const ENCRYPTION_INFO = Uint8Array.from([...'EncryptionInfo'].flatMap((c) => [c.charCodeAt(0), 0]));

export async function readWorkbook({ name: file, bytes }: NamedBytes): Promise<ReadResult> {
  const where = { file };
  const refuse = (problem: Problem): ReadResult => ({ workbook: undefined, problems: [problem] });

  if (bytes.length === 0) {
    return refuse(error('file-empty', where, 'ไฟล์ว่างเปล่า (ขนาด 0 ไบต์): ดาวน์โหลดไฟล์ผลการประเมินจากระบบ ITAS ใหม่อีกครั้ง', 'The file is empty (0 bytes): download the results workbook from ITAS again'));
  }
  if (bytes.length > MAX_FILE_BYTES) return refuse(fileTooLarge(file, bytes.length));
  if (startsWith(bytes, OLE_MAGIC)) {
    return indexOfBytes(bytes, ENCRYPTION_INFO) >= 0
      ? refuse(error('file-encrypted', where, 'ไฟล์นี้ตั้งรหัสผ่านไว้ จึงอ่านไม่ได้: เปิดใน Excel แล้วเอารหัสผ่านออก (ไฟล์ > ข้อมูล > ป้องกันเวิร์กบุ๊ก) แล้วบันทึกใหม่', 'The workbook is password-protected, so it cannot be read: open it in Excel, remove the password (File > Info > Protect Workbook) and save it again'))
      : refuse(error('file-binary-xls', where, 'ไฟล์นี้เป็น Excel รุ่นเก่า (.xls) ซึ่งอ่านไม่ได้: เปิดใน Excel แล้วเลือก "บันทึกเป็น" ชนิด "เวิร์กบุ๊ก Excel (.xlsx)" แล้วใช้ไฟล์ .xlsx นั้นแทน', 'This is an old-format Excel file (.xls), which cannot be read: open it in Excel, choose "Save As" with type "Excel Workbook (.xlsx)" and use that .xlsx file instead'));
  }
  if (!startsWith(bytes, ZIP_MAGIC)) {
    const head = bytes.subarray(0, 512);
    const start = decodeText(head).replace(/^\uFEFF/, '').trimStart().toLowerCase();
    if (start.startsWith('<?xml') && decodeText(head).includes('urn:schemas-microsoft-com:office:spreadsheet')) {
      return refuse(error('file-xml-spreadsheet', where, 'ไฟล์นี้เป็น "XML Spreadsheet 2003" ซึ่งอ่านไม่ได้: เปิดใน Excel แล้วเลือก "บันทึกเป็น" ชนิด "เวิร์กบุ๊ก Excel (.xlsx)"', 'This is an "XML Spreadsheet 2003" file, which cannot be read: open it in Excel and choose "Save As" with type "Excel Workbook (.xlsx)"'));
    }
    if (start.startsWith('<')) {
      const html = decodeText(bytes, declaredCharset(bytes));
      return { workbook: { file, sheets: [htmlSheet(html, file, sheetNameOf(file))] }, problems: [] };
    }
    if (extensionOf(file) === '.csv') {
      return { workbook: { file, sheets: [csvSheet(decodeText(bytes), file, sheetNameOf(file))] }, problems: [] };
    }
    return refuse(error('file-not-spreadsheet', where, 'ไฟล์นี้ไม่ใช่ไฟล์ Excel (.xlsx): ตรวจว่าเลือกไฟล์ผลการประเมินที่ดาวน์โหลดจากระบบ ITAS ถูกไฟล์', 'This is not an Excel file (.xlsx): check that you chose the results workbook downloaded from ITAS'));
  }

  const records = readZipRecords(bytes);
  if (records instanceof Error) return refuse(damaged(file, records));
  if (records.uncompressed > MAX_INFLATED_BYTES || records.worstRatio > MAX_RATIO) {
    return refuse(error('file-zip-bomb', where, `ไฟล์ขนาด ${(bytes.length / MB).toFixed(1)} MB นี้จะขยายเป็น ${Math.round(records.uncompressed / MB)} MB เมื่อเปิด ซึ่งไม่ใช่ลักษณะของไฟล์ผลการประเมิน (อาจเป็นไฟล์อันตราย) จึงไม่เปิด: ดาวน์โหลดไฟล์จากระบบ ITAS ใหม่`, `This ${(bytes.length / MB).toFixed(1)} MB file would inflate to ${Math.round(records.uncompressed / MB)} MB when opened, which no results workbook does (it may be a malicious file), so it was not opened: download the file from ITAS again`));
  }
  const { xlsxSheets } = await import('./xlsx.js');
  const sheets = await xlsxSheets(bytes, file);
  if (sheets instanceof Error) return refuse(damaged(file, sheets));
  return { workbook: { file, sheets }, problems: [] };
}

/** A file larger than a results workbook can be: the command line checks the size before reading it. */
export function fileTooLarge(file: string, size: number): Problem {
  return error('file-too-large', { file }, `ไฟล์มีขนาด ${Math.round(size / MB)} MB ใหญ่เกินกว่าไฟล์ผลการประเมินจะเป็นได้ (ไม่เกิน ${MAX_FILE_BYTES / MB} MB): ตรวจว่าเลือกไฟล์ถูก`, `The file is ${Math.round(size / MB)} MB, larger than a results workbook can be (at most ${MAX_FILE_BYTES / MB} MB): check that this is the right file`);
}

function damaged(file: string, why: Error): Problem {
  return error('file-damaged', { file }, `ไฟล์เสียหรือดาวน์โหลดมาไม่ครบ จึงอ่านไม่ได้ (${why.message}): ดาวน์โหลดจากระบบ ITAS ใหม่ หรือเปิดใน Excel แล้วบันทึกใหม่`, `The file is damaged or was not fully downloaded (${why.message}): download it again from ITAS, or open it in Excel and save it again`);
}

/** Excel names the one sheet of a web page or CSV after the file; a sheet name holds 31 characters. */
function sheetNameOf(file: string): string {
  const base = baseName(file);
  const extension = extensionOf(file);
  return base.slice(0, base.length - extension.length).replace(/[\\/?*[\]:]/g, '_').slice(0, 31) || 'Sheet1';
}
