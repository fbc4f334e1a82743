/**
 * The workbook embedded beside the analysis report's chart (word/embeddings/, what Word's "Edit
 * Data" opens): column A the indicators, one column per year, the pass mark last.
 *
 * It is the workbook exceljs writes, without running exceljs: exceljs's parts for a sample of
 * figures are kept in workbook-parts.ts (scripts/make-chart-workbook.ts writes them). Of those
 * parts only the sheet (xl/worksheets/sheet1.xml) and its strings (xl/sharedStrings.xml) depend
 * on the figures; the others (theme, styles, the workbook, its properties) are deflated once per
 * thread, and each report writes only those two, as exceljs writes them, into exceljs's own sheet
 * around the cells. So a report's workbook is the bytes exceljs would have written and zipped with
 * the fixed date (tests/render/analysis/workbook.test.ts compares them), at a fraction of the cost:
 * exceljs built a whole workbook and zipped it, then it was unzipped and zipped again, about 3 ms a
 * report; and writing even one workbook with exceljs costs a run about 100 ms of loading its writer.
 */
import { assembleZip, portableDeflater, zipPart, type ZipPart } from '../../zip/write.js';
import { EXCELJS_PARTS } from './workbook-parts.js';

/** The figures of the sheet, as the chart shows them (chart.ts ChartData). */
export interface SheetFigures {
  categories: string[];
  years: { name: string; values: number[] }[];
  passMark: { name: string; value: number };
}

export const SHEET = 'Sheet1';
const SHEET_PART = 'xl/worksheets/sheet1.xml';
const STRINGS_PART = 'xl/sharedStrings.xml';
const HEADING = 'ตัวชี้วัด';
const encoder = new TextEncoder();

/** The rows of the sheet: the heading, then one row per indicator; an empty cell is null. */
export function sheetRows(figures: SheetFigures): (string | number | null)[][] {
  return [
    [HEADING, ...figures.years.map((y) => y.name), figures.passMark.name],
    ...figures.categories.map((category, i) => [
      category,
      ...figures.years.map((y) => (Number.isFinite(y.values[i]!) ? y.values[i]! : null)),
      figures.passMark.value,
    ]),
  ];
}

/** The rows exceljs's parts were written for (workbook-parts.ts): one year, one indicator. */
export const TEMPLATE_ROWS = sheetRows({
  categories: ['๑'],
  years: [{ name: 'พ.ศ. ๒๕๖๘', values: [1] }],
  passMark: { name: 'เกณฑ์ผ่าน', value: 1 },
});

/** exceljs's workbook, its parts in order: the figures' two parts as text to write into, every other part deflated. */
interface WorkbookTemplate {
  parts: (ZipPart | typeof SHEET_PART | typeof STRINGS_PART)[];
  /** The sheet's XML before its dimension, between the dimension and the rows, and after the rows. */
  sheet: [string, string, string];
  /** The strings' XML before their counts, and their root's name and namespace. */
  strings: string;
}

let template: WorkbookTemplate | undefined;

/** exceljs's parts made into the template once per thread: the fixed ones deflated, the sheet and its strings split where the figures go. */
function templateOnce(): WorkbookTemplate {
  if (template) return template;
  const text = (name: string) => EXCELJS_PARTS.find(([part]) => part === name)![1];
  const sheet = /^([\s\S]*<dimension ref=")[^"]*("\/>[\s\S]*<sheetData>)[\s\S]*(<\/sheetData>[\s\S]*)$/.exec(text(SHEET_PART));
  const strings = /^([\s\S]*<sst [^>]*?) count="\d+" uniqueCount="\d+">/.exec(text(STRINGS_PART));
  if (!sheet || !strings) throw new Error('workbook-parts.ts holds a sheet of another form than exceljs writes');
  template = {
    parts: EXCELJS_PARTS.map(([name, xml]) =>
      name === SHEET_PART || name === STRINGS_PART ? name : zipPart(name, encoder.encode(xml), portableDeflater),
    ),
    sheet: [sheet[1]!, sheet[2]!, sheet[3]!],
    strings: strings[1]!,
  };
  return template;
}

/** exceljs's escaping of text (utils.xmlEncode): the five entities, and the control characters XML cannot hold left out. */
const xmlText = (text: string) =>
  text.replace(/["&'<>\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, (c) =>
    c === '"' ? '&quot;' : c === '&' ? '&amp;' : c === "'" ? '&apos;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '',
  );

/** Column letters: A, B, … (a sheet of a few years never goes past Z). */
const column = (index: number) => String.fromCharCode(65 + index);

/** The sheet's rows and its shared strings, as exceljs writes them (row, cell and shared-strings xforms). */
function sheetParts(rows: (string | number | null)[][], template: WorkbookTemplate): { sheet: string; strings: string } {
  const unique = new Map<string, number>();
  let count = 0;
  const width = Math.max(...rows.map((r) => r.length));
  const sheetData = rows
    .map((row, r) => {
      const cells = row.map((value, c) => {
        if (value === null) return '';
        const ref = `${column(c)}${r + 1}`;
        if (typeof value === 'number') return `<c r="${ref}"><v>${value}</v></c>`;
        count++;
        if (!unique.has(value)) unique.set(value, unique.size);
        return `<c r="${ref}" t="s"><v>${unique.get(value)}</v></c>`;
      });
      const filled = row.flatMap((value, c) => (value === null ? [] : [c + 1]));
      return `<row r="${r + 1}" spans="${filled[0]}:${filled[filled.length - 1]}" x14ac:dyDescent="0.25">${cells.join('')}</row>`;
    })
    .join('');
  const [beforeDimension, beforeRows, afterRows] = template.sheet;
  const items = [...unique.keys()].map((t) => `<si>${/^\s|\n|\s$/.test(t) ? '<t xml:space="preserve">' : '<t>'}${xmlText(t)}</t></si>`);
  return {
    sheet: `${beforeDimension}A1:${column(width - 1)}${rows.length}${beforeRows}${sheetData}${afterRows}`,
    strings: `${template.strings} count="${count}" uniqueCount="${unique.size}">${items.join('')}</sst>`,
  };
}

/** The chart's workbook: exceljs's parts with these figures written into its sheet, zipped with the fixed date. */
export function chartWorkbook(figures: SheetFigures): Uint8Array {
  const made = templateOnce();
  const { sheet, strings } = sheetParts(sheetRows(figures), made);
  return assembleZip(
    made.parts.map((part) =>
      part === SHEET_PART
        ? zipPart(part, encoder.encode(sheet), portableDeflater)
        : part === STRINGS_PART
          ? zipPart(part, encoder.encode(strings), portableDeflater)
          : part,
    ),
  );
}
