/**
 * Why a file could not be read, as the clerk is told it: in Thai, naming the file, with what to
 * do that needs no particular program (download it again from ITAS, or open it in the program
 * that made it and save it again); in English for a maintainer, who may also see what a library
 * said. One function per kind of refusal, one code each (problem.ts, "reading the file").
 */
import type { Message } from '../core/language.js';
import { partInWords } from '../zip/parts.js';
import { error, type Place, type Problem } from '../core/problem.js';
import { MAX_CELLS, MAX_GRID_CELLS, MAX_MERGED_CELLS, MAX_MERGES, MAX_ROWS, type ReadFault } from './limits.js';

export const MB = 1024 * 1024;
/** Limits no real ITA workbook comes near: a national list of 8,300 agencies is a few MB. */
export const MAX_FILE_BYTES = 100 * MB;

export const count = (n: number) => n.toLocaleString('en-US');

/** The kinds of file the program reads, as the clerk knows them. */
const READABLE = {
  th: 'ไฟล์ Excel (.xlsx .xls) ไฟล์ LibreOffice (.ods) XML Spreadsheet หน้าเว็บ (.html) หรือข้อความ (.csv .txt)',
  en: 'Excel (.xlsx .xls), LibreOffice (.ods), XML Spreadsheet, a web page (.html) or text (.csv .txt)',
};

/** What a clerk can do about a file that cannot be read as it is. */
const SAVE_AGAIN = {
  th: 'ดาวน์โหลดจากระบบ ITAS ใหม่ หรือเปิดในโปรแกรมที่สร้างไฟล์แล้วบันทึกใหม่',
  en: 'download it again from ITAS, or open it in the program that made it and save it again',
};

export function emptyFile(file: string): Problem {
  return error(
    'file-empty',
    { file },
    'ไฟล์ว่างเปล่า (ขนาด 0 ไบต์): ดาวน์โหลดไฟล์ผลการประเมินจากระบบ ITAS ใหม่อีกครั้ง',
    'The file is empty (0 bytes): download the results workbook from ITAS again',
  );
}

/** A file larger than a results workbook can be: the command line checks the size before reading it. */
export function fileTooLarge(file: string, size: number): Problem {
  return error(
    'file-too-large',
    { file },
    `ไฟล์มีขนาด ${Math.round(size / MB)} MB ใหญ่เกินกว่าไฟล์ผลการประเมินจะเป็นได้ (ไม่เกิน ${MAX_FILE_BYTES / MB} MB): ตรวจว่าเลือกไฟล์ถูก`,
    `The file is ${Math.round(size / MB)} MB, larger than a results workbook can be (at most ${MAX_FILE_BYTES / MB} MB): check that this is the right file`,
  );
}

/** Not a spreadsheet at all; `what`, when known, says what it is instead (a Word document…). */
export function notSpreadsheet(file: string, what?: Message): Problem {
  const is = what
    ? { th: `ไฟล์นี้เป็น${what.th} ไม่ใช่ตารางผลการประเมิน`, en: `This is ${what.en}, not a results table` }
    : {
        th: 'ไฟล์นี้ไม่ใช่ไฟล์ Excel (.xlsx) หรือตารางแบบอื่นที่โปรแกรมอ่านได้',
        en: 'This is not an Excel file (.xlsx) nor any other table this program reads',
      };
  return error(
    'file-not-spreadsheet',
    { file },
    `${is.th}: ตรวจว่าเลือกไฟล์ผลการประเมินที่ดาวน์โหลดจากระบบ ITAS ถูกไฟล์ (อ่านได้ทั้ง${READABLE.th})`,
    `${is.en}: check that you chose the results file downloaded from ITAS (${READABLE.en} can all be read)`,
  );
}

/** A text file with no tab between its fields: text, not a table copied from one. */
export function textNotTable(file: string): Problem {
  return error(
    'file-text-not-table',
    { file },
    'ไฟล์ข้อความนี้ไม่มีตาราง (ไม่มีช่องระหว่างเซลล์ที่คั่นด้วยแท็บ): คัดลอกตารางผลการประเมินทั้งตารางจากหน้าเว็บ ITAS หรือจากโปรแกรมตารางคำนวณ วางใน Notepad แล้วบันทึกใหม่ หรือใช้ไฟล์ที่ดาวน์โหลดจากระบบ ITAS',
    'This text file holds no table (no tab separates its cells): copy the whole results table from the ITAS page or a spreadsheet, paste it into Notepad and save again, or use the file downloaded from ITAS',
  );
}

export function encrypted(file: string): Problem {
  return error(
    'file-encrypted',
    { file },
    'ไฟล์นี้ตั้งรหัสผ่านไว้ จึงอ่านไม่ได้: เปิดด้วยโปรแกรมที่ตั้งรหัสผ่าน (เช่น Excel หรือ LibreOffice Calc) ใส่รหัสผ่าน แล้วบันทึกใหม่โดยไม่ตั้งรหัสผ่าน หรือขอไฟล์ที่ไม่มีรหัสผ่านจากผู้ส่ง',
    'The file is password-protected, so it cannot be read: open it with the program that set the password (e.g. Excel or LibreOffice Calc), give the password and save it again without one, or ask the sender for a file without a password',
  );
}

/**
 * Damaged, cut short, or not what its format says: `what` is what the check found, in words and
 * naming the part (shown to the clerk too, since a maintainer on the phone asks for it); `debug`
 * is what a check, SheetJS or exceljs said in its own words, kept for the maintainer (--debug).
 */
export function damaged(where: Place, what?: Message, debug?: string): Problem {
  const detail = (text?: string) => (text ? ` (${text})` : '');
  const problem = error(
    'file-damaged',
    where,
    `ไฟล์เสียหรือดาวน์โหลดมาไม่ครบ จึงอ่านไม่ได้${detail(what?.th)}: ${SAVE_AGAIN.th}`,
    `The file is damaged or was not fully downloaded${detail(what?.en)}: ${SAVE_AGAIN.en}`,
  );
  return debug ? { ...problem, debug } : problem;
}

export function inconsistent(file: string, what: Message, debug?: string): Problem {
  const problem = error(
    'file-inconsistent',
    { file },
    `ไฟล์นี้ขัดแย้งกับตัวเอง (${what.th}) จึงไม่รู้ว่าค่าใดถูก: อาจเสียระหว่างดาวน์โหลดหรือถูกแก้ด้วยโปรแกรมอื่น ${SAVE_AGAIN.th}`,
    `This file contradicts itself (${what.en}), so there is no telling which value is right: it may have been damaged in the download or changed by another program; ${SAVE_AGAIN.en}`,
  );
  return debug ? { ...problem, debug } : problem;
}

export function zipBomb(file: string, size: number, inflatedBytes: number): Problem {
  const inflated = Math.round(inflatedBytes / MB);
  return error(
    'file-zip-bomb',
    { file },
    `ไฟล์ขนาด ${(size / MB).toFixed(1)} MB นี้จะขยายเป็นกว่า ${inflated} MB เมื่อเปิด ซึ่งไม่ใช่ลักษณะของไฟล์ผลการประเมิน (อาจเป็นไฟล์อันตราย) จึงไม่เปิด: ดาวน์โหลดไฟล์จากระบบ ITAS ใหม่`,
    `This ${(size / MB).toFixed(1)} MB file would inflate to more than ${inflated} MB when opened, which no results workbook does (it may be a malicious file), so it was not opened: download the file from ITAS again`,
  );
}

/** A file beyond what any results workbook holds: refused before it costs memory or time. */
export function tooComplex(file: string, what: Message): Problem {
  return error(
    'file-too-complex',
    { file },
    `ไฟล์นี้ใหญ่หรือซับซ้อนเกินกว่าไฟล์ผลการประเมินจะเป็นได้ (${what.th}) จึงไม่เปิด: ตรวจว่าเลือกไฟล์ถูก หรือดาวน์โหลดจากระบบ ITAS ใหม่`,
    `This file is larger or more complex than a results workbook can be (${what.en}), so it was not opened: check that this is the right file, or download it again from ITAS`,
  );
}

/** An old binary workbook whose text the program that saved it could not write in Thai: every Thai letter is a "?". */
export function thaiLost(file: string): Problem {
  return error(
    'file-thai-lost',
    { file },
    'ตัวอักษรไทยในไฟล์นี้กลายเป็นเครื่องหมาย ? ไปแล้วตั้งแต่ตอนบันทึก (โปรแกรมที่บันทึกไฟล์ Excel รุ่นเก่านี้ไม่ได้ตั้งภาษาไทย) จึงอ่านชื่อหน่วยงานและตัวชี้วัดไม่ได้: ดาวน์โหลดจากระบบ ITAS ใหม่ หรือบันทึกจากต้นฉบับใหม่เป็น .xlsx หรือ .ods',
    'Every Thai letter in this file became "?" when it was saved (the program that saved this old-format Excel file was not set for Thai), so the agency and indicators cannot be read: download it again from ITAS, or save it again from the original as .xlsx or .ods',
  );
}

export function faultProblem(file: string, fault: ReadFault): Problem {
  switch (fault.kind) {
    case 'missing-part': {
      const part = partInWords(fault.part);
      return damaged({ file }, { th: `ไม่มี${part.th}`, en: `${part.en} is missing` });
    }
    case 'part-broken': {
      const part = partInWords(fault.part);
      return damaged({ file }, { th: `${part.th} ไม่ครบหรือเสีย`, en: `${part.en} is cut short or broken` }, fault.detail);
    }
    case 'damaged':
      return damaged({ file }, fault.what, fault.detail);
    case 'cell-without-place':
      return damaged(
        { file, sheet: fault.sheet },
        {
          th: `ชีต "${fault.sheet}" มีเซลล์ที่ไม่ได้ระบุว่าอยู่ที่ใด${fault.after ? ` (ถัดจากเซลล์ ${fault.after})` : ''}`,
          en: `sheet "${fault.sheet}" has a cell that does not say where it is${fault.after ? ` (after cell ${fault.after})` : ''}`,
        },
      );
    case 'encrypted':
      return encrypted(file);
    case 'too-many-cells':
      return tooComplex(file, { th: `มีเซลล์มากกว่า ${count(MAX_CELLS)} เซลล์`, en: `it has more than ${count(MAX_CELLS)} cells` });
    case 'too-many-rows':
      return tooComplex(file, {
        th: `ชีตต่าง ๆ มีแถวรวมกันกว่า ${count(MAX_ROWS)} แถว`,
        en: `its sheets run to more than ${count(MAX_ROWS)} rows together`,
      });
    case 'grid-too-large':
      return tooComplex(file, {
        th: `ชีตต่าง ๆ กว้างคูณยาวรวมกันกว่า ${count(MAX_GRID_CELLS)} ช่อง`,
        en: `its sheets span more than ${count(MAX_GRID_CELLS)} cells together, rows times columns`,
      });
    case 'too-many-merges':
      return tooComplex(file, {
        th: `ชีต "${fault.sheet}" มีช่วงเซลล์ที่ผสานกัน ${count(fault.count)} ช่วง (ไม่เกิน ${count(MAX_MERGES)})`,
        en: `sheet "${fault.sheet}" has ${count(fault.count)} merged ranges (at most ${count(MAX_MERGES)})`,
      });
    case 'merges-too-large':
      return tooComplex(file, {
        th: `ชีต "${fault.sheet}" มีเซลล์ที่ผสานกันคลุมกว่า ${count(MAX_MERGED_CELLS)} เซลล์ เช่น ${fault.range}`,
        en: `sheet "${fault.sheet}" has merged cells covering more than ${count(MAX_MERGED_CELLS)} cells, e.g. ${fault.range}`,
      });
    case 'duplicate-cell':
      return error(
        'file-inconsistent',
        { file, sheet: fault.sheet, cell: fault.cell },
        `เซลล์ ${fault.sheet}!${fault.cell} มีค่าสองค่าในไฟล์ จึงไม่รู้ว่าค่าใดถูก: ${SAVE_AGAIN.th}`,
        `Cell ${fault.sheet}!${fault.cell} holds two values in the file, so there is no telling which is right: ${SAVE_AGAIN.en}`,
      );
    case 'shared-string-missing':
      return damaged(
        { file, sheet: fault.sheet, cell: fault.cell },
        /^\d+$/.test(fault.index)
          ? {
              th: `เซลล์ ${fault.sheet}!${fault.cell} อ้างถึงข้อความลำดับที่ ${fault.index} ซึ่งไม่มีในไฟล์`,
              en: `cell ${fault.sheet}!${fault.cell} refers to text number ${fault.index}, which the workbook does not have`,
            }
          : {
              th: `เซลล์ ${fault.sheet}!${fault.cell} อ้างถึงข้อความด้วย "${fault.index}" ซึ่งไม่ใช่ลำดับของข้อความ`,
              en: `cell ${fault.sheet}!${fault.cell} refers to its text by "${fault.index}", which is no text number`,
            },
      );
    case 'doctype':
      return error(
        'file-doctype',
        { file },
        `ไฟล์นี้มีส่วนประกาศ DOCTYPE (ใน ${fault.part}) ซึ่งโปรแกรมตารางคำนวณไม่เขียน และอาจซ่อนหรือขยายข้อความ จึงไม่เปิด: ${SAVE_AGAIN.th}`,
        `This file declares a DOCTYPE (in ${fault.part}), which no spreadsheet program writes and which can hide or expand text, so it was not opened: ${SAVE_AGAIN.en}`,
      );
    case 'code-page':
      return error(
        'file-code-page',
        { file },
        `ไฟล์ Excel รุ่นเก่านี้เก็บตัวอักษรด้วยรหัสอักขระ (code page) ${fault.codePage} ซึ่งโปรแกรมนี้อ่านไม่ได้: ดาวน์โหลดจากระบบ ITAS ใหม่ หรือเปิดในโปรแกรมที่สร้างไฟล์แล้วบันทึกเป็น .xlsx หรือ .ods`,
        `This old-format Excel file stores its text in code page ${fault.codePage}, which this program cannot read: download it again from ITAS, or open it in the program that made it and save it as .xlsx or .ods`,
      );
  }
}

/** A line of a CSV or tab-separated file csv-parse could not read; `why` is its code, for a maintainer. */
export function badTextLine(file: string, csv: boolean, line: number, why: string): Problem {
  return error(
    'file-damaged',
    { file, line },
    `ไฟล์${csv ? ' CSV' : 'ข้อความ'} บรรทัดที่ ${line} อ่านไม่ได้: มักเกิดจากเครื่องหมายคำพูด " ที่ไม่มีตัวปิด เปิดไฟล์ด้วย Notepad ตรวจบรรทัดนั้น แล้วบันทึกใหม่ หรือดาวน์โหลดจากระบบ ITAS ใหม่`,
    `Line ${line} of the ${csv ? 'CSV' : 'text'} file cannot be read (${why}): usually a quotation mark " that is never closed; open the file in Notepad, check that line and save it again, or download it again from ITAS`,
  );
}
