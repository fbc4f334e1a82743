/**
 * Reader: a spreadsheet file's bytes → sheets of cells. Knows nothing of ITA. It tells the kind
 * of file by its first bytes, not its name: an .xlsx (a zip) through exceljs, an ".xls" that is
 * a web page, a CSV; old binary Excel, XML Spreadsheet 2003, encrypted and damaged files are
 * refused with what to do in Excel. Before any of them costs memory or time, a file beyond what a
 * results workbook holds is refused: too large, a zip bomb, too many cells or merges, too deep.
 */
import { baseName, extensionOf, indexOfBytes, startsWith, type NamedBytes } from '../bytes.js';
import type { Message } from '../language.js';
import { error, type Problem } from '../problem.js';
import { openZip } from '../zip.js';
import type { Workbook } from './cells.js';
import { csvSheet } from './csv.js';
import { declaredCharset, decodeText } from './decode.js';
import { htmlSheet } from './html-table.js';
import { checkXlsx, MAX_CELLS, MAX_MERGED_CELLS, MAX_MERGES, type XlsxFault } from './xlsx-check.js';

export type ReadResult = { workbook: Workbook; problems: Problem[] } | { workbook: undefined; problems: Problem[] };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const MB = 1024 * 1024;
/** Limits no real ITA workbook comes near: a national list of 8,300 agencies is a few MB. */
export const MAX_FILE_BYTES = 100 * MB;
/** Workbook XML inflates about tenfold: a generated 8,323-agency workbook is 0.8 MB and inflates to 7 MB. */
const WORKBOOK_ZIP = { entryBytes: 100 * MB, totalBytes: 200 * MB, ratio: 50 };

/** The stream name an encrypted OOXML file carries inside its OLE container (UTF-16LE). */
const ENCRYPTION_INFO = Uint8Array.from([...'EncryptionInfo'].flatMap((c) => [c.charCodeAt(0), 0]));

const count = (n: number) => n.toLocaleString('en-US');

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
    const head = decodeText(bytes.subarray(0, 512));
    const start = head.replace(/^\uFEFF/, '').trimStart().toLowerCase();
    if (start.startsWith('<?xml') && head.includes('urn:schemas-microsoft-com:office:spreadsheet')) {
      return refuse(error('file-xml-spreadsheet', where, 'ไฟล์นี้เป็น "XML Spreadsheet 2003" ซึ่งอ่านไม่ได้: เปิดใน Excel แล้วเลือก "บันทึกเป็น" ชนิด "เวิร์กบุ๊ก Excel (.xlsx)"', 'This is an "XML Spreadsheet 2003" file, which cannot be read: open it in Excel and choose "Save As" with type "Excel Workbook (.xlsx)"'));
    }
    if (start.startsWith('<')) {
      const html = decodeText(bytes, declaredCharset(bytes));
      // Counted before parsing: a page of millions of cells would be parsed into gigabytes first.
      const cells = (html.match(/<t[dh][\s>]/gi) ?? []).length;
      if (cells > MAX_CELLS) return refuse(tooComplex(file, { th: `ตารางมี ${count(cells)} เซลล์ (ไม่เกิน ${count(MAX_CELLS)})`, en: `its tables have ${count(cells)} cells (at most ${count(MAX_CELLS)})` }));
      const sheet = htmlSheet(html, file, sheetNameOf(file));
      if ('tooDeep' in sheet) return refuse(tooComplex(file, { th: `ส่วนของหน้าเว็บซ้อนกันลึกกว่า ${count(sheet.tooDeep)} ชั้น`, en: `its parts nest deeper than ${count(sheet.tooDeep)} levels` }));
      if ('mergedCells' in sheet) return refuse(tooComplex(file, { th: `เซลล์ที่ผสานกันคลุมกว่า ${count(MAX_MERGED_CELLS)} เซลล์`, en: `its merged cells cover more than ${count(MAX_MERGED_CELLS)} cells` }));
      return { workbook: { file, sheets: [sheet] }, problems: [] };
    }
    if (extensionOf(file) === '.csv') {
      const text = decodeText(bytes);
      if ((text.match(/[,;\t\n]/g) ?? []).length > MAX_CELLS) return refuse(tooComplex(file, { th: `มีเซลล์มากกว่า ${count(MAX_CELLS)} เซลล์`, en: `it has more than ${count(MAX_CELLS)} cells` }));
      const sheet = csvSheet(text, file, sheetNameOf(file));
      if ('badLine' in sheet) {
        return refuse(
          error(
            'file-damaged',
            { file, line: sheet.badLine },
            `ไฟล์ CSV บรรทัดที่ ${sheet.badLine} อ่านไม่ได้ (${sheet.why}): มักเกิดจากเครื่องหมายคำพูด " ที่ไม่มีตัวปิด เปิดไฟล์ใน Excel ตรวจบรรทัดนั้น แล้วบันทึกใหม่`,
            `Line ${sheet.badLine} of the CSV file cannot be read (${sheet.why}): usually a quotation mark " that is never closed; open the file in Excel, check that line and save it again`,
          ),
        );
      }
      return { workbook: { file, sheets: [sheet] }, problems: [] };
    }
    return refuse(error('file-not-spreadsheet', where, 'ไฟล์นี้ไม่ใช่ไฟล์ Excel (.xlsx): ตรวจว่าเลือกไฟล์ผลการประเมินที่ดาวน์โหลดจากระบบ ITAS ถูกไฟล์', 'This is not an Excel file (.xlsx): check that you chose the results workbook downloaded from ITAS'));
  }

  const zip = openZip(bytes, WORKBOOK_ZIP);
  if ('refused' in zip) {
    const { kind, detail, inflatedBytes } = zip.refused;
    if (kind === 'damaged') return refuse(damaged(file, detail));
    if (kind === 'inconsistent') {
      return refuse(error('file-inconsistent', where, `ไฟล์นี้ขัดแย้งกับตัวเอง (${detail}) จึงไม่รู้ว่าค่าใดถูก: อาจเสียระหว่างดาวน์โหลดหรือถูกแก้ด้วยโปรแกรมอื่น ดาวน์โหลดจากระบบ ITAS ใหม่`, `This file contradicts itself (${detail}), so there is no telling which value is right: it may have been damaged in the download or changed by another program; download it again from ITAS`));
    }
    const inflated = Math.round((inflatedBytes ?? 0) / MB);
    return refuse(error('file-zip-bomb', where, `ไฟล์ขนาด ${(bytes.length / MB).toFixed(1)} MB นี้จะขยายเป็นกว่า ${inflated} MB เมื่อเปิด ซึ่งไม่ใช่ลักษณะของไฟล์ผลการประเมิน (อาจเป็นไฟล์อันตราย) จึงไม่เปิด: ดาวน์โหลดไฟล์จากระบบ ITAS ใหม่`, `This ${(bytes.length / MB).toFixed(1)} MB file would inflate to more than ${inflated} MB when opened, which no results workbook does (it may be a malicious file), so it was not opened: download the file from ITAS again`));
  }
  const fault = checkXlsx(zip.entries);
  if (fault) return refuse(xlsxProblem(file, fault));

  const { xlsxSheets } = await import('./xlsx.js');
  const sheets = await xlsxSheets(bytes, file);
  if (sheets instanceof Error) return refuse(damaged(file, sheets.message));
  return { workbook: { file, sheets }, problems: [] };
}

/** A file larger than a results workbook can be: the command line checks the size before reading it. */
export function fileTooLarge(file: string, size: number): Problem {
  return error('file-too-large', { file }, `ไฟล์มีขนาด ${Math.round(size / MB)} MB ใหญ่เกินกว่าไฟล์ผลการประเมินจะเป็นได้ (ไม่เกิน ${MAX_FILE_BYTES / MB} MB): ตรวจว่าเลือกไฟล์ถูก`, `The file is ${Math.round(size / MB)} MB, larger than a results workbook can be (at most ${MAX_FILE_BYTES / MB} MB): check that this is the right file`);
}

/** A file beyond what any results workbook holds: refused before it costs memory or time. */
function tooComplex(file: string, what: Message): Problem {
  return error('file-too-complex', { file }, `ไฟล์นี้ใหญ่หรือซับซ้อนเกินกว่าไฟล์ผลการประเมินจะเป็นได้ (${what.th}) จึงไม่เปิด: ตรวจว่าเลือกไฟล์ถูก หรือดาวน์โหลดจากระบบ ITAS ใหม่`, `This file is larger or more complex than a results workbook can be (${what.en}), so it was not opened: check that this is the right file, or download it again from ITAS`);
}

function xlsxProblem(file: string, fault: XlsxFault): Problem {
  switch (fault.kind) {
    case 'missing-part':
      return damaged(file, `${fault.part} is missing`);
    case 'too-many-cells':
      return tooComplex(file, { th: `มีเซลล์มากกว่า ${count(MAX_CELLS)} เซลล์`, en: `it has more than ${count(MAX_CELLS)} cells` });
    case 'too-many-merges':
      return tooComplex(file, { th: `ชีต "${fault.sheet}" มีช่วงเซลล์ที่ผสานกัน ${count(fault.count)} ช่วง (ไม่เกิน ${count(MAX_MERGES)})`, en: `sheet "${fault.sheet}" has ${count(fault.count)} merged ranges (at most ${count(MAX_MERGES)})` });
    case 'merges-too-large':
      return tooComplex(file, { th: `ชีต "${fault.sheet}" มีเซลล์ที่ผสานกันคลุมกว่า ${count(MAX_MERGED_CELLS)} เซลล์ เช่น ${fault.range}`, en: `sheet "${fault.sheet}" has merged cells covering more than ${count(MAX_MERGED_CELLS)} cells, e.g. ${fault.range}` });
    case 'duplicate-cell':
      return error('file-inconsistent', { file, sheet: fault.sheet, cell: fault.cell }, `เซลล์ ${fault.sheet}!${fault.cell} มีค่าสองค่าในไฟล์ จึงไม่รู้ว่าค่าใดถูก: เปิดไฟล์ใน Excel แล้วบันทึกใหม่ หรือดาวน์โหลดจากระบบ ITAS ใหม่`, `Cell ${fault.sheet}!${fault.cell} holds two values in the file, so there is no telling which is right: open the file in Excel and save it again, or download it again from ITAS`);
    case 'shared-string-missing':
      return damaged(file, `cell ${fault.sheet}!${fault.cell} refers to text number ${fault.index}, which the workbook does not have`);
  }
}

function damaged(file: string, why: string): Problem {
  return error('file-damaged', { file }, `ไฟล์เสียหรือดาวน์โหลดมาไม่ครบ จึงอ่านไม่ได้ (${why}): ดาวน์โหลดจากระบบ ITAS ใหม่ หรือเปิดใน Excel แล้วบันทึกใหม่`, `The file is damaged or was not fully downloaded (${why}): download it again from ITAS, or open it in Excel and save it again`);
}

/** Excel names the one sheet of a web page or CSV after the file; a sheet name holds 31 characters. */
function sheetNameOf(file: string): string {
  const base = baseName(file);
  const extension = extensionOf(file);
  return base.slice(0, base.length - extension.length).replace(/[\\/?*[\]:]/g, '_').slice(0, 31) || 'Sheet1';
}
