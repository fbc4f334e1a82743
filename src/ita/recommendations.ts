/**
 * The recommendations sheet (ข้อเสนอแนะ): IIT and EIT rows are paragraphs in sheet order;
 * OIT rows are items grouped by indicator, then sub-indicator (ตัวชี้วัดย่อย).
 */
import { cellText, type Cell, type Workbook } from '../read/workbook.js';
import { cellName, error, warning, type Problem } from '../problem.js';
import { toArabicDigits } from '../thai.js';
import { findHeader, matchHeader, type Header } from './locate.js';
import type { Agency, IndicatorScore, OitRecommendation, OitSection, Recommendations } from './model.js';
import { parseIndicatorNumber, splitNumberPrefix } from './indicator-table.js';
import { cleanText, hasControlCharacters, labelKey, singleLine } from './text.js';
import { parseTool, TOOL_HEADERS } from './tools.js';

type Role = 'agency' | 'tool' | 'subIndicator' | 'indicator' | 'text';

const ROLES: [Role, string[]][] = [
  ['agency', ['หน่วยงาน', 'ชื่อหน่วยงาน']],
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

export function readRecommendations(
  header: Header<Role>,
  indicators: readonly IndicatorScore[],
  /** A row naming another agency is not this one's. */
  agency: Pick<Agency, 'shortName' | 'fullName'>,
  file: string,
): { recommendations: Recommendations; problems: Problem[] } {
  const { sheet, columns } = header;
  const problems: Problem[] = [];
  const where = (cell: Cell) => ({ file, sheet: sheet.name, cell: cell.ref });
  const ours = new Set([labelKey(agency.shortName), labelKey(agency.fullName)]);
  const recommendations: Recommendations = { iit: [], eit: [], oit: [] };
  const column = (cells: (Cell | undefined)[], role: Role) => (columns[role] !== undefined ? cells[columns[role] - 1] : undefined);

  for (let row = header.row + 1; row <= sheet.rows.length; row++) {
    const cells = sheet.rows[row - 1] ?? [];
    const textCell = column(cells, 'text');
    if (!textCell || cleanText(cellText(textCell)) === '') continue;
    const agencyCell = column(cells, 'agency');
    if (agencyCell && !ours.has(labelKey(cellText(agencyCell)))) continue;

    const raw = cellText(textCell);
    if (hasControlCharacters(raw)) {
      problems.push(warning('control-characters', where(textCell), `เซลล์ ${cellName(sheet.name, textCell.ref)} มีอักขระควบคุมที่มองไม่เห็น ซึ่งได้ตัดออกแล้ว: ตรวจข้อความในเอกสารอีกครั้ง`));
    }
    const paragraphs = cleanText(raw).split('\n').filter((line) => line !== '');

    const toolCell = column(cells, 'tool');
    const tool = toolCell ? parseTool(cellText(toolCell)) : undefined;
    if (!tool) {
      const at = cellName(sheet.name, toolCell?.ref ?? textCell.ref);
      problems.push(error('recommendation-tool-unknown', where(toolCell ?? textCell), `ข้อเสนอแนะแถวที่ ${row} ไม่ระบุเครื่องมือที่รู้จัก (เซลล์ ${at}: "${singleLine(cellText(toolCell))}"): ใส่ IIT, EIT หรือ OIT`));
      continue;
    }
    if (tool === 'IIT') recommendations.iit.push(...paragraphs);
    if (tool === 'EIT') recommendations.eit.push(...paragraphs);
    if (tool !== 'OIT') continue;

    const subCell = column(cells, 'subIndicator');
    const subIndicator = subCell ? parseSubIndicator(cellText(subCell)) : undefined;
    const indicatorCell = column(cells, 'indicator');
    const number = (indicatorCell ? indicatorNumberOf(cellText(indicatorCell)) : undefined) ?? subIndicator?.indicator;
    const indicator = indicators.find((i) => i.number === number && i.tool === 'OIT');
    if (!indicator) {
      const cell = indicatorCell ?? textCell;
      problems.push(error('recommendation-indicator-missing', where(cell), `ข้อเสนอแนะ OIT แถวที่ ${row} ไม่ระบุตัวชี้วัด OIT (เซลล์ ${cellName(sheet.name, cell.ref)}): ใส่หมายเลขตัวชี้วัด เช่น 9 หรือ 10`));
      continue;
    }
    addOitItems(recommendations.oit, indicator, subIndicator && { number: subIndicator.number, name: subIndicator.name }, paragraphs.map(asItem));
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

function addOitItems(groups: OitRecommendation[], indicator: IndicatorScore, subIndicator: OitSection['subIndicator'], items: string[]): void {
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
