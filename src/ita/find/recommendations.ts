/**
 * The recommendations sheet (ข้อเสนอแนะ): IIT and EIT rows are paragraphs in sheet order;
 * OIT rows are items grouped by indicator, then sub-indicator (ตัวชี้วัดย่อย).
 */
import { cellText, placeOf, type Cell, type Workbook } from '../../read/cells.js';
import { cellName, error, placeName, type Problem } from '../../core/problem.js';
import { toArabicDigits } from '../../core/thai.js';
import type { Tool } from '../framework.js';
import { cellUnder, findHeader, matchHeader, type Header } from './locate.js';
import type { Agency, IndicatorScore, OitRecommendation, OitSection, Recommendations } from '../model.js';
import { parseIndicatorNumber, splitNumberPrefix } from './indicator-names.js';
import { LABELS } from './labels.js';
import { cleanText, labelKey, singleLine, TEXT_FACTS, warnUnprintable, withoutErrorValue } from '../text.js';
import { parseTool, TOOL_HEADERS } from '../tools.js';

type Role = 'agency' | 'tool' | 'subIndicator' | 'indicator' | 'text';

const ROLES: [Role, readonly string[]][] = [
  ['agency', LABELS.agency],
  ['tool', TOOL_HEADERS],
  ['subIndicator', ['ตัวชี้วัดย่อย', 'ตัวชี้วัดย่อยที่']],
  ['indicator', ['ตัวชี้วัด', 'ตัวชี้วัดที่']],
  ['text', ['ข้อเสนอแนะ', 'ข้อเสนอแนะ/หมายเหตุ', 'รายละเอียดข้อเสนอแนะ', 'ประเด็นข้อเสนอแนะ']],
];

export function findRecommendationsHeader(workbook: Workbook): Header<Role> | undefined {
  return findHeader(workbook, (sheet, row) => {
    const header = matchHeader(sheet, row, ROLES);
    return header.columns.text !== undefined && header.columns.tool !== undefined ? header : undefined;
  });
}

/** One row of the sheet, read; which agency's it is and whether it can be used are decided later. */
export interface RecommendationRow {
  row: number;
  /** The หน่วยงาน column's key (see `labelKey`), when the sheet has one. */
  agencyKey?: string;
  tool?: Tool;
  indicator?: number;
  subIndicator?: { number: string; name: string };
  paragraphs: string[];
  /** Problems of this row alone (an unknown tool, a control character). */
  problems: Problem[];
  /** Where a problem about the row's indicator points. */
  indicatorCell: Cell;
}

export interface RecommendationSheet {
  header: Header<Role>;
  /** When false, every row belongs to the workbook's one agency. */
  hasAgencyColumn: boolean;
  rows: RecommendationRow[];
  /** The rows by their หน่วยงาน key, so thousands of agencies each find theirs at once. */
  byAgency: Map<string, RecommendationRow[]>;
}

/** Every row of the recommendations sheet, read once however many agencies share it. */
export function readRecommendationSheet(header: Header<Role>): RecommendationSheet {
  const { sheet, columns } = header;
  const where = (cell: Cell) => placeOf(sheet, cell);
  const rows: RecommendationRow[] = [];

  for (let row = header.row + 1; row <= sheet.rows.length; row++) {
    const column = (role: Role) => cellUnder(sheet, row, columns[role]);
    const textCell = column('text');
    if (!textCell || cleanText(cellText(textCell)) === '') continue;
    const problems: Problem[] = [];
    warnUnprintable(sheet, textCell, problems);
    // "#NUM!" is no recommendation: the row is said and left out.
    const written = withoutErrorValue({ sheet, cell: textCell }, TEXT_FACTS.recommendation, problems);
    const toolCell = column('tool');
    const tool = toolCell ? parseTool(cellText(toolCell)) : undefined;
    if (!tool) {
      const at = placeName(where(toolCell ?? textCell));
      problems.push(
        error(
          'recommendation-tool-unknown',
          where(toolCell ?? textCell),
          `ข้อเสนอแนะแถวที่ ${row} ไม่ระบุเครื่องมือที่รู้จัก (${at.th}: "${singleLine(cellText(toolCell))}"): ใส่ IIT, EIT หรือ OIT`,
          `Recommendation row ${row} names no known tool (${at.en}: "${singleLine(cellText(toolCell))}"): enter IIT, EIT or OIT`,
        ),
      );
    }
    const agencyCell = column('agency');
    const subCell = column('subIndicator');
    const subIndicator = subCell ? parseSubIndicator(cellText(subCell)) : undefined;
    const indicatorCell = column('indicator');
    const indicator = (indicatorCell ? indicatorNumberOf(cellText(indicatorCell)) : undefined) ?? subIndicator?.indicator;
    rows.push({
      row,
      ...(agencyCell && { agencyKey: labelKey(cellText(agencyCell)) }),
      ...(tool && { tool }),
      ...(indicator !== undefined && { indicator }),
      ...(subIndicator && { subIndicator: { number: subIndicator.number, name: subIndicator.name } }),
      paragraphs: written
        ? cleanText(cellText(textCell))
            .split('\n')
            .filter((line) => line !== '')
        : [],
      problems,
      indicatorCell: indicatorCell ?? textCell,
    });
  }
  const byAgency = new Map<string, RecommendationRow[]>();
  for (const row of rows) if (row.agencyKey !== undefined) byAgency.set(row.agencyKey, [...(byAgency.get(row.agencyKey) ?? []), row]);
  return { header, hasAgencyColumn: columns.agency !== undefined, rows, byAgency };
}

/** The rows that name this agency, by its short or full name. */
export function rowsOfAgency(sheet: RecommendationSheet, agency: Pick<Agency, 'shortName' | 'fullName'>): RecommendationRow[] {
  if (!sheet.hasAgencyColumn) return sheet.rows;
  const ours = new Set([labelKey(agency.shortName), labelKey(agency.fullName)]);
  const rows = [...ours].flatMap((key) => sheet.byAgency.get(key) ?? []);
  // Rows under the short name and under the full name keep the sheet's order together.
  return rows.sort((a, b) => a.row - b.row);
}

/** IIT and EIT rows become paragraphs in sheet order; OIT rows items under their indicator and sub-indicator. */
export function assembleRecommendations(
  sheet: RecommendationSheet,
  rows: readonly RecommendationRow[],
  indicators: readonly IndicatorScore[],
): { recommendations: Recommendations; problems: Problem[] } {
  const sheetName = sheet.header.sheet.name;
  const problems: Problem[] = [];
  const recommendations: Recommendations = { iit: [], eit: [], oit: [] };
  for (const row of rows) {
    problems.push(...row.problems);
    if (!row.paragraphs.length) continue;
    if (row.tool === 'IIT') recommendations.iit.push(...row.paragraphs);
    if (row.tool === 'EIT') recommendations.eit.push(...row.paragraphs);
    if (row.tool !== 'OIT') continue;
    const indicator = indicators.find((i) => i.number === row.indicator && i.tool === 'OIT');
    if (!indicator) {
      const place = placeOf(sheet.header.sheet, row.indicatorCell);
      problems.push(
        place.field
          ? error(
              'recommendation-indicator-missing',
              place,
              `ช่อง "${place.field}" มีข้อเสนอแนะที่ไม่อยู่ใต้ตัวชี้วัด OIT ("${row.paragraphs[0]}"): ใส่บรรทัด "ตัวชี้วัดที่ 9 …" หรือ "ตัวชี้วัดที่ 10 …" ไว้ก่อนข้อเสนอแนะของตัวชี้วัดนั้น ตามที่ระบบ ITAS แสดง`,
              `The field "${place.field}" has a recommendation under no OIT indicator ("${row.paragraphs[0]}"): put a line "ตัวชี้วัดที่ 9 …" or "ตัวชี้วัดที่ 10 …" before that indicator's recommendations, as ITAS shows them`,
            )
          : error(
              'recommendation-indicator-missing',
              place,
              `ข้อเสนอแนะ OIT แถวที่ ${row.row} ไม่ระบุตัวชี้วัด OIT (เซลล์ ${cellName(sheetName, row.indicatorCell.ref)}): ใส่หมายเลขตัวชี้วัด เช่น 9 หรือ 10`,
              `OIT recommendation row ${row.row} names no OIT indicator (cell ${cellName(sheetName, row.indicatorCell.ref)}): enter the indicator's number, e.g. 9 or 10`,
            ),
      );
      continue;
    }
    addOitItems(recommendations.oit, indicator, row.subIndicator, row.paragraphs.map(asItem));
  }
  recommendations.oit.sort((a, b) => a.indicator.number - b.indicator.number);
  for (const group of recommendations.oit) group.sections.sort((a, b) => compareSubIndicators(a, b));
  return { recommendations, problems };
}

/** "9", "ตัวชี้วัดที่ 9", "9 การเปิดเผยข้อมูล" → 9. */
function indicatorNumberOf(text: string): number | undefined {
  return parseIndicatorNumber(text) ?? splitNumberPrefix(singleLine(text)).number;
}

/** "9.4 การบริหารและพัฒนาทรัพยากรบุคคล" or "ตัวชี้วัดย่อยที่ 9.4 …" → 9, "9.4" and the name. */
function parseSubIndicator(text: string): { indicator?: number; number: string; name: string } | undefined {
  const written = singleLine(text).replace(/^ตัวชี้วัดย่อย(?:ที่)?\s*/, '');
  if (written === '') return undefined;
  const match = /^([0-9๐-๙]{1,2})\.([0-9๐-๙]{1,2})\s*(.*)$/.exec(written);
  if (!match) return { number: '', name: written };
  return { indicator: Number(toArabicDigits(match[1]!)), number: `${match[1]}.${match[2]}`, name: match[3]!.trim() };
}

/** OIT items read as a list: each starts with a dash, as ITAS prints them. */
function asItem(paragraph: string): string {
  return /^[-–•]/.test(paragraph) ? paragraph : `- ${paragraph}`;
}

function addOitItems(
  groups: OitRecommendation[],
  indicator: IndicatorScore,
  subIndicator: OitSection['subIndicator'],
  items: string[],
): void {
  let group = groups.find((g) => g.indicator.number === indicator.number);
  if (!group) {
    group = { indicator: { number: indicator.number, name: indicator.name }, sections: [] };
    groups.push(group);
  }
  const key = subIndicator ? labelKey(`${subIndicator.number}${subIndicator.name}`) : '';
  let section = group.sections.find((s) => (s.subIndicator ? labelKey(`${s.subIndicator.number}${s.subIndicator.name}`) : '') === key);
  if (!section) {
    section = subIndicator ? { subIndicator, items: [] } : { items: [] };
    group.sections.push(section);
  }
  section.items.push(...items);
}

/** Items without a sub-indicator first, then 9.1 < 9.2 < … < 9.10, then unnumbered ones in sheet order. */
function compareSubIndicators(a: OitSection, b: OitSection): number {
  const rank = (s: OitSection) => {
    if (!s.subIndicator) return -1;
    const minor = /\.(\d+)$/.exec(toArabicDigits(s.subIndicator.number))?.[1];
    return minor === undefined ? Number.MAX_SAFE_INTEGER : Number(minor);
  };
  return rank(a) - rank(b);
}
