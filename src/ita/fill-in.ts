/**
 * The fill-in form (แบบกรอกผลคะแนน ITA), for a clerk who has the results only as the ITAS web page
 * shows them: one labelled place per fact, laid out as a one-agency workbook (layout 1), so it is
 * read and checked exactly as an export is. Two front ends fill it:
 * - the fill-in workbook `templates/แบบกรอกผลคะแนน ITA.xlsx` (scripts/make-fill-in.ts writes it from
 *   `fillInSheets`), which a clerk fills in Excel, LibreOffice or WPS;
 * - the web page's "กรอกคะแนนเอง" form, whose fields become the same cells (`typedWorkbook`), each
 *   named by its field, so a message says `ช่อง "คะแนนตัวชี้วัดที่ 1"` rather than a cell.
 */
import { cellRef, sheetFromGrid, type Workbook } from '../read/cells.js';
import { TOOLS, type Tool } from './framework.js';

export const FILL_IN_SHEET = 'แบบกรอกผลคะแนน';
export const RECOMMENDATIONS_SHEET = 'ข้อเสนอแนะ';
/** What a typed form's messages call it, as a workbook's would call its file. */
export const TYPED_SOURCE = 'คะแนนที่กรอก';

export type FactField = 'agency' | 'province' | 'fiscal-year' | 'total' | 'level' | 'result';
export type ScoreField = `score-${number}`;

export interface FieldPlace {
  /** The field's name on the web page (`name="score-1"`). */
  name: FactField | ScoreField;
  /** The label the page and the workbook show, and messages name. */
  label: string;
  /** The cell the value goes in, 1-based. */
  row: number;
  col: number;
  required: boolean;
}

/** The facts beside their labels (column A label, column B value), then the ten scores in column D. */
const FACTS: readonly { name: FactField; label: string; required: boolean }[] = [
  { name: 'agency', label: 'หน่วยงาน', required: true },
  { name: 'province', label: 'จังหวัด', required: false },
  { name: 'fiscal-year', label: 'ปีงบประมาณ', required: true },
  { name: 'total', label: 'คะแนนรวม', required: false },
  { name: 'level', label: 'ระดับ', required: false },
  { name: 'result', label: 'ผลการประเมิน', required: false },
];
export const TITLE = 'แบบกรอกผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงาน (ITA)';

/** Instructions, a short line a row, that name no fact as a label would and hold no year, so nothing in them is read as data. */
export const INSTRUCTIONS = [
  'วิธีกรอก: ใส่ข้อมูลในช่องสีเหลืองตามที่ระบบ ITAS (itas.nacc.go.th) แสดง แล้วบันทึกไฟล์',
  '• คะแนนรายตัวชี้วัดต้องกรอกครบทั้ง 10 ช่อง เป็นตัวเลข 0 ถึง 100 ตามที่ระบบแสดง',
  '• ปีงบประมาณใส่ปี พ.ศ. หรือ ค.ศ. ก็ได้ (โปรแกรมเปลี่ยน ค.ศ. เป็น พ.ศ. ให้)',
  '• คะแนนรวม ระดับ และผลการประเมิน ว่างไว้ได้: โปรแกรมคำนวณให้',
  '  ถ้ากรอก โปรแกรมจะตรวจกับคะแนนรายตัวชี้วัด',
  '• ข้อเสนอแนะจากระบบ ITAS (ถ้ามี) กรอกในชีต "ข้อเสนอแนะ"',
];

const FIRST_FACT_ROW = 2 + INSTRUCTIONS.length + 1;
const INDICATOR_HEADER_ROW = FIRST_FACT_ROW + FACTS.length + 1;
const SCORE_COL = 4;
const INDICATORS = 10;

const OPTIONAL = ' (ไม่บังคับ)';

export const RECOMMENDATION_INSTRUCTIONS =
  'กรอกข้อเสนอแนะแถวละหนึ่งข้อ: เครื่องมือ (IIT, EIT หรือ OIT) หมายเลขตัวชี้วัด ตัวชี้วัดย่อยของ OIT (เช่น 9.4 การบริหารและพัฒนาทรัพยากรบุคคล) และข้อความตามที่ระบบ ITAS แสดง';
export const RECOMMENDATION_HEADER = ['เครื่องมือ', 'ตัวชี้วัด', 'ตัวชี้วัดย่อย', 'ข้อเสนอแนะ'] as const;

/** Every field of the form and the cell it fills. */
export function fillInFields(): FieldPlace[] {
  const facts = FACTS.map((fact, i): FieldPlace => ({ ...fact, row: FIRST_FACT_ROW + i, col: 2 }));
  const scores = Array.from({ length: INDICATORS }, (_, i): FieldPlace => ({
    name: `score-${i + 1}`,
    label: `คะแนนตัวชี้วัดที่ ${i + 1}`,
    row: INDICATOR_HEADER_ROW + 1 + i,
    col: SCORE_COL,
    required: true,
  }));
  return [...facts, ...scores];
}

/**
 * The form's two sheets as rows of text: the results sheet with `values` in their fields (blank
 * when not given), and the recommendations sheet with `recommendations` as its rows. `names` are
 * the indicators' names as the form shows them: printed beside the scores for the eye, under a
 * heading that is not read, so the year's own names are the ones announced.
 */
export function fillInSheets(
  names: readonly { name: string; tool: Tool }[],
  values: Partial<Record<FactField | ScoreField, string>> = {},
  recommendations: readonly RecommendationRow[] = [],
): { name: string; rows: (string | undefined)[][] }[] {
  const rows: (string | undefined)[][] = [[TITLE], ...INSTRUCTIONS.map((line) => [line]), []];
  FACTS.forEach((fact, i) => (rows[FIRST_FACT_ROW - 1 + i] = [fact.required ? fact.label : `${fact.label}${OPTIONAL}`, values[fact.name]]));
  rows[INDICATOR_HEADER_ROW - 2] = [];
  rows[INDICATOR_HEADER_ROW - 1] = ['ตัวชี้วัดที่', 'ชื่อ (ไม่ต้องแก้)', 'เครื่องมือ', 'คะแนน'];
  names.forEach(
    (indicator, i) => (rows[INDICATOR_HEADER_ROW + i] = [String(i + 1), indicator.name, indicator.tool, values[`score-${i + 1}`]]),
  );
  const advice = [
    [RECOMMENDATION_INSTRUCTIONS],
    [...RECOMMENDATION_HEADER],
    ...recommendations.map((r) => [r.tool, r.indicator, r.subIndicator, r.text]),
  ];
  return [
    { name: FILL_IN_SHEET, rows },
    { name: RECOMMENDATIONS_SHEET, rows: advice },
  ];
}

/** One row of the recommendations sheet. */
export interface RecommendationRow {
  tool: Tool;
  indicator?: string;
  subIndicator?: string;
  text: string;
}

/** What a clerk typed into the web page's form: each field as typed, and the recommendations as pasted from ITAS, one text per tool. */
export interface TypedResults {
  values: Partial<Record<FactField | ScoreField, string>>;
  recommendations?: Partial<Record<Tool, string>>;
}

/**
 * The typed form as a workbook of the fill-in's layout, its cells named by their fields. IIT and
 * EIT recommendations are paragraphs; OIT's are read as ITAS prints them: a line "ตัวชี้วัดที่ 9 …"
 * starts an indicator, a line "9.4 …" (or "ตัวชี้วัดย่อยที่ 9.4 …") a sub-indicator, and every other
 * line is an item under them.
 */
export function typedWorkbook(typed: TypedResults, names: readonly { name: string; tool: Tool }[]): Workbook {
  const recommendations = TOOLS.flatMap((tool) => recommendationRows(tool, typed.recommendations?.[tool] ?? ''));
  const [results, advice] = fillInSheets(names, typed.values, recommendations);
  const fields = new Map<string, string>();
  for (const field of fillInFields()) {
    fields.set(cellRef(field.row, field.col), field.label);
    // A message about a missing agency points at its label.
    if (field.col === 2) fields.set(cellRef(field.row, 1), field.label);
  }
  const adviceFields = new Map<string, string>();
  recommendations.forEach((row, i) => [1, 2, 3, 4].forEach((col) => adviceFields.set(cellRef(i + 3, col), `ข้อเสนอแนะ ${row.tool}`)));
  return {
    file: TYPED_SOURCE,
    sheets: [
      { ...sheetFromGrid(TYPED_SOURCE, results!.name, results!.rows, []), fields },
      { ...sheetFromGrid(TYPED_SOURCE, advice!.name, advice!.rows, []), fields: adviceFields },
    ],
  };
}

const OIT_INDICATOR = /^ตัวชี้วัด(?:ที่)?\s*([0-9๐-๙]{1,2})(?![.0-9๐-๙])/;
const OIT_SUB_INDICATOR = /^(?:ตัวชี้วัดย่อย(?:ที่)?\s*)?([0-9๐-๙]{1,2}\.[0-9๐-๙]{1,2})(?![0-9๐-๙])\s*(.*)$/;

function recommendationRows(tool: Tool, text: string): RecommendationRow[] {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  if (tool !== 'OIT') return lines.length ? [{ tool, text: lines.join('\n') }] : [];
  const rows: RecommendationRow[] = [];
  let indicator: string | undefined;
  let subIndicator: string | undefined;
  for (const line of lines) {
    const heading = OIT_INDICATOR.exec(line);
    const sub = OIT_SUB_INDICATOR.exec(line);
    if (heading && !sub) {
      indicator = heading[1];
      subIndicator = undefined;
    } else if (sub) {
      subIndicator = `${sub[1]} ${sub[2]}`.trim();
      indicator = sub[1]!.split('.')[0];
    } else {
      rows.push({ tool, ...(indicator && { indicator }), ...(subIndicator && { subIndicator }), text: line });
    }
  }
  return rows;
}
