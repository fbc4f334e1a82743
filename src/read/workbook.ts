/**
 * Reader: a spreadsheet file's bytes → sheets of cells. Knows nothing of ITA. It tells the kind
 * of file by its bytes, not its name:
 *
 *   an OLE container           a binary .xls (BIFF5 or BIFF8), through SheetJS (ole.ts, biff-check.ts)
 *   a zip                      an .xlsx through exceljs (xlsx-check.ts), an .ods through SheetJS (ods-check.ts)
 *   <?xml … spreadsheet        an XML Spreadsheet 2003, .xml or .xls, through SheetJS (xml-spreadsheet-check.ts)
 *   any other markup           a web page: a saved page, or an ".xls" many web systems export (html-table.ts)
 *   text                       CSV (.csv), or tab-separated text copied into Notepad (.txt .tsv, or any name) (csv.ts)
 *
 * Before any of them costs memory or time, a file beyond what a results workbook holds is
 * refused: too large, a zip bomb, a lying container, too many cells, rows or merges, too deep.
 * Encrypted and damaged files are refused with what to do that needs no particular program.
 */
import { extensionOf, indexOfBytes, latin1, startsWith, baseName, type NamedBytes } from '../core/bytes.js';
import type { Message } from '../core/language.js';
import type { Problem } from '../core/problem.js';
import { zipRefusalInWords } from '../zip/parts.js';
import { xmlFault } from '../core/xml.js';
import { openZip } from '../zip/open.js';
import { checkBiff } from './biff-check.js';
import { cellsOf, type Sheet, type Workbook } from './cells.js';
import { declaredCharset, declaredXmlEncoding, decodeText } from './decode.js';
import { MAX_CELLS, MAX_MERGED_CELLS } from './limits.js';
import { checkOds, isOds } from './ods-check.js';
import { openCompoundFile } from './ole.js';
import * as refusal from './refusals.js';
import { count, MAX_FILE_BYTES, MB } from './refusals.js';
import type { SheetJsInput } from './sheetjs.js';
import { checkXlsx } from './xlsx-check.js';
import { checkXmlSpreadsheet, isXmlSpreadsheet } from './xml-spreadsheet-check.js';

export { fileTooLarge } from './refusals.js';
export { MAX_FILE_BYTES };

export type ReadResult = { workbook: Workbook; problems: Problem[] } | { workbook: undefined; problems: Problem[] };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** Workbook XML inflates about tenfold: a generated 8,323-agency workbook is 0.8 MB and inflates to 7 MB. */
const WORKBOOK_ZIP = { entryBytes: 100 * MB, totalBytes: 200 * MB, ratio: 50 };

/** The stream name an encrypted OOXML file carries inside its OLE container (UTF-16LE). */
const ENCRYPTION_INFO = Uint8Array.from([...'EncryptionInfo'].flatMap((c) => [c.charCodeAt(0), 0]));

const refuse = (problem: Problem): ReadResult => ({ workbook: undefined, problems: [problem] });
const read = (file: string, sheets: Sheet[]): ReadResult => ({ workbook: { file, sheets }, problems: [] });

export async function readWorkbook({ name: file, bytes }: NamedBytes): Promise<ReadResult> {
  if (bytes.length === 0) return refuse(refusal.emptyFile(file));
  if (bytes.length > MAX_FILE_BYTES) return refuse(refusal.fileTooLarge(file, bytes.length));
  if (startsWith(bytes, OLE_MAGIC)) return readCompoundFile(file, bytes);
  if (startsWith(bytes, ZIP_MAGIC)) return readZip(file, bytes);
  if (isXmlSpreadsheet(decodeText(bytes.subarray(0, 1024)))) return readXmlSpreadsheet(file, bytes);
  if (isMarkup(bytes)) return readWebPage(file, bytes);
  if (isText(bytes)) return readTextTable(file, bytes);
  return refuse(refusal.notSpreadsheet(file));
}

/** A binary .xls: its Workbook stream (Book in BIFF5) taken out of the container, checked, then read. */
async function readCompoundFile(file: string, bytes: Uint8Array): Promise<ReadResult> {
  // Found by its name's bytes, so even a container too damaged to open says it is encrypted.
  if (indexOfBytes(bytes, ENCRYPTION_INFO) >= 0) return refuse(refusal.encrypted(file));
  const ole = openCompoundFile(bytes);
  if ('refused' in ole) return refuse(containerRefused(file, ole.refused));
  const streams = new Set(ole.streams.map((name) => name.toUpperCase()));
  const name = ['Workbook', 'Book'].find((n) => streams.has(n.toUpperCase()));
  if (!name) return refuse(refusal.notSpreadsheet(file, otherOfficeFile(streams)));
  const stream = ole.stream(name);
  if ('refused' in stream) return refuse(containerRefused(file, stream.refused));
  const biff = checkBiff(stream);
  if ('fault' in biff) return refuse(refusal.faultProblem(file, biff.fault));
  const result = await sheetjsRead({ kind: 'biff', stream }, file);
  // A BIFF5 file saved where the writer had no Thai code page keeps a "?" for every Thai letter.
  if (result.workbook && biff.version === 5 && thaiLost(result.workbook.sheets)) return refuse(refusal.thaiLost(file));
  return result;
}

/** An .xlsx or an .ods: the zip opened by measuring it (src/zip/open.ts), then told apart by what it holds. */
async function readZip(file: string, bytes: Uint8Array): Promise<ReadResult> {
  const zip = openZip(bytes, WORKBOOK_ZIP);
  if ('refused' in zip) {
    const { kind, detail, inflatedBytes } = zip.refused;
    if (kind === 'bomb') return refuse(refusal.zipBomb(file, bytes.length, inflatedBytes ?? 0));
    const what = zipRefusalInWords(zip.refused);
    return refuse(kind === 'damaged' ? refusal.damaged({ file }, what, detail) : refusal.inconsistent(file, what, detail));
  }
  const other = otherZippedFile(zip.entries);
  if (other) return refuse(refusal.notSpreadsheet(file, other));
  if (isOds(zip.entries)) {
    const ods = checkOds(zip.entries);
    if ('fault' in ods) return refuse(refusal.faultProblem(file, ods.fault));
    return sheetjsRead({ kind: 'ods', bytes, hidden: ods.hidden }, file);
  }
  const checked = checkXlsx(zip.entries);
  if ('fault' in checked) return refuse(refusal.faultProblem(file, checked.fault));
  const { written } = checked;
  const { xlsxSheets } = await import('./xlsx.js');
  const sheets = await xlsxSheets(bytes, file, written);
  if (sheets instanceof Error) return refuse(xlsxRefused(file, zip.entries, sheets));
  return read(file, sheets);
}

async function readXmlSpreadsheet(file: string, bytes: Uint8Array): Promise<ReadResult> {
  // Any encoding the file declares or its byte-order mark says, given to SheetJS as the UTF-8 it reads.
  const text = decodeText(bytes, declaredXmlEncoding(bytes)).replace(/^\uFEFF?\s*/, '');
  const fault = checkXmlSpreadsheet(text);
  if (fault) return refuse(refusal.faultProblem(file, fault));
  return sheetjsRead({ kind: 'xml-spreadsheet', utf8: new TextEncoder().encode(text) }, file);
}

/** SheetJS, loaded only now: the largest library after exceljs, and most files never need it. */
async function sheetjsRead(input: SheetJsInput, file: string): Promise<ReadResult> {
  const { sheetjsSheets } = await import('./sheetjs.js');
  const sheets = sheetjsSheets(input, file);
  if ('error' in sheets) return refuse(refusal.damaged({ file }, undefined, `SheetJS: ${sheets.error}`));
  if ('codePage' in sheets) return refuse(refusal.faultProblem(file, { kind: 'code-page', codePage: sheets.codePage }));
  return read(file, sheets);
}

/** A web page's table, parse5 loaded only now, as csv-parse below: most files are workbooks. */
async function readWebPage(file: string, bytes: Uint8Array): Promise<ReadResult> {
  const html = decodeText(bytes, declaredCharset(bytes));
  // Counted before parsing: a page of millions of cells would be parsed into gigabytes first.
  const cells = (html.match(/<t[dh][\s>]/gi) ?? []).length;
  if (cells > MAX_CELLS)
    return refuse(
      refusal.tooComplex(file, {
        th: `ตารางมี ${count(cells)} เซลล์ (ไม่เกิน ${count(MAX_CELLS)})`,
        en: `its tables have ${count(cells)} cells (at most ${count(MAX_CELLS)})`,
      }),
    );
  const { htmlSheet } = await import('./html-table.js');
  const sheet = htmlSheet(html, file, sheetNameOf(file));
  if ('tooDeep' in sheet)
    return refuse(
      refusal.tooComplex(file, {
        th: `ส่วนของหน้าเว็บซ้อนกันลึกกว่า ${count(sheet.tooDeep)} ชั้น`,
        en: `its parts nest deeper than ${count(sheet.tooDeep)} levels`,
      }),
    );
  if ('mergedCells' in sheet)
    return refuse(
      refusal.tooComplex(file, {
        th: `เซลล์ที่ผสานกันคลุมกว่า ${count(MAX_MERGED_CELLS)} เซลล์`,
        en: `its merged cells cover more than ${count(MAX_MERGED_CELLS)} cells`,
      }),
    );
  return read(file, [sheet]);
}

/**
 * A CSV by its name; any other text as a table copied from a web page or a spreadsheet into
 * Notepad, whose cells are separated by tabs (as some web systems also export an ".xls").
 */
async function readTextTable(file: string, bytes: Uint8Array): Promise<ReadResult> {
  const text = decodeText(bytes);
  const csv = extensionOf(file) === '.csv';
  if (!csv && !text.includes('\t'))
    return refuse(['.txt', '.tsv'].includes(extensionOf(file)) ? refusal.textNotTable(file) : refusal.notSpreadsheet(file));
  if ((text.match(/[,;\t\n]/g) ?? []).length > MAX_CELLS)
    return refuse(
      refusal.tooComplex(file, { th: `มีเซลล์มากกว่า ${count(MAX_CELLS)} เซลล์`, en: `it has more than ${count(MAX_CELLS)} cells` }),
    );
  const { csvSheet } = await import('./csv.js');
  const sheet = csvSheet(text, file, sheetNameOf(file), csv ? undefined : '\t');
  if ('badLine' in sheet) return refuse(refusal.badTextLine(file, csv, sheet.badLine, sheet.why));
  return read(file, [sheet]);
}

/** Markup: a web page, whatever it is named (after a byte-order mark and white space, a "<"). */
function isMarkup(bytes: Uint8Array): boolean {
  return decodeText(bytes.subarray(0, 512))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .startsWith('<');
}

/** Text, not binary: no NUL byte near the start, unless it is UTF-16 (which has a byte-order mark). */
function isText(bytes: Uint8Array): boolean {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  return utf16 || !bytes.subarray(0, 4096).includes(0);
}

/** An old binary workbook's container (ole.ts) broken: its own account is for a maintainer. */
function containerRefused(file: string, { kind, detail }: { kind: 'damaged' | 'inconsistent'; detail: string }): Problem {
  return kind === 'damaged'
    ? refusal.damaged(
        { file },
        {
          th: 'โครงสร้างภายในของไฟล์ Excel รุ่นเก่า (.xls) เสียหรือถูกตัดสั้น',
          en: 'the inner structure of this old-format Excel file (.xls) is damaged or cut short',
        },
        detail,
      )
    : refusal.inconsistent(
        file,
        {
          th: 'โครงสร้างภายในของไฟล์ Excel รุ่นเก่า (.xls) อ้างถึงส่วนเดียวกันซ้ำหรือวนกลับ',
          en: 'the inner structure of this old-format Excel file (.xls) claims one piece twice or loops',
        },
        detail,
      );
}

/**
 * What exceljs could not read, named: the first part that is not well-formed XML (cut short, most
 * often), found only now that reading failed; exceljs's own words go to a maintainer.
 */
function xlsxRefused(file: string, entries: ReadonlyMap<string, Uint8Array>, e: Error): Problem {
  for (const [part, bytes] of entries) {
    if (!/\.(xml|rels)$/i.test(part)) continue;
    const fault = xmlFault(new TextDecoder().decode(bytes));
    if (fault) return refusal.faultProblem(file, { kind: 'part-broken', part, detail: `${fault} (exceljs: ${e.message})` });
  }
  return refusal.damaged({ file }, undefined, `exceljs: ${e.message}`);
}

/** What an OLE file without a workbook is, by its streams: a Word or PowerPoint file of the 97–2003 kind. */
function otherOfficeFile(streams: ReadonlySet<string>): Message | undefined {
  if (streams.has('WORDDOCUMENT')) return { th: 'เอกสาร Word (.doc)', en: 'a Word document (.doc)' };
  if (streams.has('POWERPOINT DOCUMENT')) return { th: 'งานนำเสนอ PowerPoint (.ppt)', en: 'a PowerPoint presentation (.ppt)' };
  return undefined;
}

/** What a zip that is no workbook is, by its parts: a Word or PowerPoint file, an OpenDocument text or presentation. */
function otherZippedFile(entries: ReadonlyMap<string, Uint8Array>): Message | undefined {
  const types = latin1(entries.get('[Content_Types].xml') ?? new Uint8Array(), 0, 64 * 1024);
  const mimetype = latin1(entries.get('mimetype') ?? new Uint8Array()).trim();
  if (/wordprocessingml\.(document|template)\.main|ms-word\./.test(types))
    return { th: 'เอกสาร Word (.docx)', en: 'a Word document (.docx)' };
  if (/presentationml\.(presentation|slideshow|template)\.main/.test(types))
    return { th: 'งานนำเสนอ PowerPoint (.pptx)', en: 'a PowerPoint presentation (.pptx)' };
  if (mimetype.startsWith('application/vnd.oasis.opendocument.text'))
    return { th: 'เอกสารข้อความ OpenDocument (.odt)', en: 'an OpenDocument text (.odt)' };
  if (mimetype.startsWith('application/vnd.oasis.opendocument.presentation'))
    return { th: 'งานนำเสนอ OpenDocument (.odp)', en: 'an OpenDocument presentation (.odp)' };
  return undefined;
}

/** Thai text saved where it could not be: the sheet names or most texts are question marks. */
function thaiLost(sheets: readonly Sheet[]): boolean {
  const lost = (text: string) => /\?{2}/.test(text) && !/[A-Za-z\u0E00-\u0E7F]/.test(text);
  const texts = sheets.flatMap((sheet) => [...cellsOf(sheet)].flatMap((cell) => (cell.value.kind === 'text' ? [cell.value.text] : [])));
  return sheets.some((sheet) => lost(sheet.name)) || texts.filter(lost).length * 2 > texts.length;
}

/** Excel names the one sheet of a web page or text file after the file; a sheet name holds 31 characters. */
function sheetNameOf(file: string): string {
  const base = baseName(file);
  const extension = extensionOf(file);
  return (
    base
      .slice(0, base.length - extension.length)
      .replace(/[\\/?*[\]:]/g, '_')
      .slice(0, 31) || 'Sheet1'
  );
}
