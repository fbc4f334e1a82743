/**
 * Layout 2, many agencies: one agency per row, the indicators as columns titled by name,
 * number or both ("การปฏิบัติหน้าที่", "ตัวชี้วัดที่ 1", "1. การปฏิบัติหน้าที่"), under an optional
 * merged IIT / EIT / OIT group row, as supervisory offices and province reports list them.
 */
import { cellText, placeOf, type Cell, type Sheet, type Workbook } from '../../read/cells.js';
import { cellName, error, warning, type Place, type Problem } from '../../core/problem.js';
import type { AgencyFacts, StatedCell } from '../facts.js';
import { TOOLS, type Framework, type FrameworkLibrary, type IndicatorDefinition, type Tool } from '../framework.js';
import { indicatorTitles, namesIndicatorsAcross } from './indicator-names.js';
import { christianYearRead, LABELS, parseFiscalYear } from './labels.js';
import { cellUnder, isKey, mergeAt, sheetsInSearchOrder, spanOf, type HeaderKeys, type Span } from './locate.js';
import type { IndicatorScore } from '../model.js';
import { mixedScoreForms, readScore } from './score-cell.js';
import { agencyNameError, cellNumber, errorValue, labelKey, singleLine, TEXT_FACTS, warnUnprintable, withoutErrorValue } from '../text.js';
import { parseTool } from '../tools.js';

type Role = 'sequence' | 'agency' | 'province' | 'total' | 'level' | 'result' | 'levelDescription' | 'fiscalYear';

/** The columns beside the indicators; a plain "คะแนน" outside the indicator columns is the total. */
const ROLES: readonly (readonly [Role, HeaderKeys])[] = [
  ['sequence', ['ลำดับ', 'ลำดับที่', 'ที่', 'no.', 'no']],
  [
    'agency',
    [
      ...LABELS.agency,
      'ชื่อหน่วยงานภาครัฐ',
      'หน่วยงานภาครัฐ',
      'หน่วยรับการประเมิน',
      'ชื่อหน่วยรับการประเมิน',
      'หน่วยงานที่รับการประเมิน',
      'ส่วนราชการ',
      'ชื่อส่วนราชการ',
      'อปท.',
      'ชื่ออปท.',
      'องค์กรปกครองส่วนท้องถิ่น',
    ],
  ],
  ['province', LABELS.province],
  ['total', [...LABELS.total, 'คะแนน', 'ita', 'ผลคะแนนita']],
  ['level', LABELS.level],
  ['result', LABELS.result],
  ['levelDescription', LABELS.levelDescription],
  ['fiscalYear', LABELS.fiscalYear],
];

/** Rows that are not agencies though they sit among them: averages, totals, weights. */
const NOT_AN_AGENCY = /^(ค่า|คะแนน)?เฉลี่ย|^(ผล)?รวม(ทั้งหมด|ทั้งสิ้น)?$|^(ค่า)?น้ำหนัก|^ร้อยละ|^คะแนนเต็ม|^(total|average|mean)$/;

interface IndicatorColumn {
  definition: IndicatorDefinition;
  /** As the workbook wrote it, without its number; the year's printed name when only a number is written. */
  name: string;
  span: Span;
  cell: Cell;
}

export interface AgencyTable {
  sheet: Sheet;
  /** The header's first and last rows: group rows (IIT / EIT / OIT) may sit above the titles. */
  top: number;
  bottom: number;
  /** The last row that may hold an agency. */
  end: number;
  indicators: IndicatorColumn[];
  columns: Partial<Record<Role, Span>>;
  toolScores: Partial<Record<Tool, Span>>;
  /** Missing or repeated indicator columns, no agency column: no row of this table can be read. */
  problems: Problem[];
}

/** One agency's row, read: its facts, or the problems that stopped it. */
export interface AgencyReading {
  name: string;
  place: Place;
  facts?: AgencyFacts;
  problems: Problem[];
}

/**
 * Every layout-2 table of the workbook, on visible sheets; hidden sheets are read only when no
 * visible sheet holds one. A sheet may hold several tables, each under its own header.
 */
export function findAgencyTables(workbook: Workbook, framework: Framework): AgencyTable[] {
  const tablesOf = (sheets: Sheet[]) => sheets.flatMap((sheet) => tablesIn(sheet, framework));
  const visible = tablesOf(workbook.sheets.filter((s) => !s.hidden));
  return visible.length ? visible : tablesOf(sheetsInSearchOrder(workbook).filter((s) => s.hidden));
}

function tablesIn(sheet: Sheet, framework: Framework): AgencyTable[] {
  const headerRows: number[] = [];
  for (let row = 1; row <= sheet.rows.length; row++) {
    if (namesIndicatorsAcross(sheet, row, framework)) headerRows.push(row);
  }
  const tables: AgencyTable[] = [];
  for (let i = 0; i < headerRows.length; i++) {
    const row = headerRows[i]!;
    // Numbers in one row and names in the next make one header.
    if (i > 0 && headerRows[i - 1] === row - 1) continue;
    const bottom = headerRows[i + 1] === row + 1 ? row + 1 : row;
    const next = headerRows.find((r) => r > bottom);
    tables.push(readHeader(sheet, row, bottom, (next ?? sheet.rows.length + 1) - 1, framework));
  }
  return tables;
}

function readHeader(sheet: Sheet, titleRow: number, titleBottom: number, end: number, framework: Framework): AgencyTable {
  const problems: Problem[] = [];
  const where = (cell: Cell) => placeOf(sheet, cell);

  const indicators = indicatorColumns(sheet, titleRow, titleBottom, framework, problems);
  let bottom = titleBottom;
  const inIndicatorColumns = (span: Span) => indicators.some((c) => span.left <= c.span.right && c.span.left <= span.right);

  // Group rows above the titles: a row belongs to the header when it names a tool over the
  // indicators, or a merged cell reaches down into the titles.
  let top = titleRow;
  while (top > 1 && top > titleRow - 2 && belongsToHeader(sheet, top - 1, titleRow, inIndicatorColumns)) top--;
  // Header cells merged down past the titles (over a row of "คะแนน" under each title) end the header lower.
  for (let row = top; row <= bottom; row++) {
    for (const cell of sheet.rows[row - 1] ?? []) {
      const merged = cell && mergeAt(sheet, cell.row, cell.col);
      if (merged && merged.bottom > bottom && merged.bottom <= Math.min(end, titleBottom + 2)) bottom = merged.bottom;
    }
  }

  const { columns, toolScores, taken } = columnsByRole(sheet, top, bottom, inIndicatorColumns);

  const headerCell = indicators[0]!.cell;
  const missing = framework.indicators.filter((d) => !indicators.some((c) => c.definition === d));
  if (missing.length) {
    const unknown = unrecognisedTitles(sheet, titleRow, bottom, taken, inIndicatorColumns);
    problems.push(
      error(
        'indicator-missing',
        where(headerCell),
        `หัวตารางที่แถว ${titleRow} ของชีต "${sheet.name}" ไม่มีคอลัมน์ของ${missing.map((d) => `ตัวชี้วัดที่ ${d.number} (${d.name})`).join(', ')}${unknown.length ? `: หัวคอลัมน์ที่ไม่รู้จักคือ ${unknown.join(', ')}` : ''}: ตั้งชื่อหัวคอลัมน์ตามชื่อหรือหมายเลขตัวชี้วัด`,
        `The header at row ${titleRow} of sheet "${sheet.name}" has no column for ${missing.map((d) => `indicator ${d.number} (${d.name})`).join(', ')}${unknown.length ? `; the column titles not recognised are ${unknown.join(', ')}` : ''}: title each column with the indicator's name or number`,
      ),
    );
  }
  if (!columns.agency) {
    problems.push(
      error(
        'agency-column-missing',
        where(headerCell),
        `ตารางคะแนนที่แถว ${titleRow} ของชีต "${sheet.name}" มีคอลัมน์ตัวชี้วัดแต่ไม่มีคอลัมน์ "หน่วยงาน": เพิ่มหัวคอลัมน์ "หน่วยงาน" เหนือชื่อหน่วยงาน`,
        `The score table at row ${titleRow} of sheet "${sheet.name}" has indicator columns but no "หน่วยงาน" (agency) column: add the title "หน่วยงาน" above the agency names`,
      ),
    );
  }
  indicators.sort((a, b) => a.definition.number - b.definition.number);
  return { sheet, top, bottom, end, indicators, columns, toolScores, problems };
}

/** The indicators' columns, by their titles in the header's rows; an indicator titled over two columns is a problem. */
function indicatorColumns(
  sheet: Sheet,
  titleRow: number,
  titleBottom: number,
  framework: Framework,
  problems: Problem[],
): IndicatorColumn[] {
  const where = (cell: Cell) => placeOf(sheet, cell);
  const indicators: IndicatorColumn[] = [];
  for (let row = titleRow; row <= titleBottom; row++) {
    for (const title of indicatorTitles(sheet, row, framework)) {
      const same = indicators.find((c) => c.definition === title.definition);
      const span = spanOf(sheet, title.cell);
      if (!same) indicators.push({ ...title, span });
      else if (same.span.left !== span.left) {
        problems.push(
          error(
            'indicator-duplicate',
            where(title.cell),
            `ตัวชี้วัดที่ ${title.definition.number} (${title.definition.name}) มีสองคอลัมน์: ${cellName(sheet.name, same.cell.ref)} และ ${cellName(sheet.name, title.cell.ref)}: ลบคอลัมน์ที่ซ้ำออก`,
            `Indicator ${title.definition.number} (${title.definition.name}) has two columns, ${cellName(sheet.name, same.cell.ref)} and ${cellName(sheet.name, title.cell.ref)}: delete the repeated one`,
          ),
        );
      } else if (same.name === same.definition.printed && title.name !== title.definition.printed) {
        same.name = title.name;
      }
    }
  }
  return indicators;
}

/** The other columns of the header (agency, total, level, …) and each tool's subtotal, by their titles, beside the indicators' columns. */
function columnsByRole(
  sheet: Sheet,
  top: number,
  bottom: number,
  inIndicatorColumns: (span: Span) => boolean,
): { columns: Partial<Record<Role, Span>>; toolScores: Partial<Record<Tool, Span>>; taken: Span[] } {
  const columns: Partial<Record<Role, Span>> = {};
  const toolScores: Partial<Record<Tool, Span>> = {};
  const taken: Span[] = [];
  // The lowest header cell is the most specific: "คะแนนรวม" under a group "ผลการประเมิน".
  for (let row = bottom; row >= top; row--) {
    for (const cell of sheet.rows[row - 1] ?? []) {
      if (!cell) continue;
      const span = spanOf(sheet, cell);
      if (inIndicatorColumns(span) || taken.some((t) => span.left <= t.right && t.left <= span.right)) continue;
      const key = labelKey(cellText(cell));
      // "คะแนนรวม (100 คะแนน)", "ผลการประเมิน (ผ่าน/ไม่ผ่าน)": the words before the brackets name the column.
      const bare = key.replace(/\(.*\)$/, '');
      const role = ROLES.find(([r, keys]) => columns[r] === undefined && (isKey(key, keys) || isKey(bare, keys)));
      const tool = role ? undefined : subtotalTool(key);
      if (role) columns[role[0]] = span;
      else if (tool && !toolScores[tool]) toolScores[tool] = span;
      else continue;
      taken.push(span);
    }
  }
  return { columns, toolScores, taken };
}

function belongsToHeader(sheet: Sheet, row: number, titleRow: number, inIndicatorColumns: (span: Span) => boolean): boolean {
  return (sheet.rows[row - 1] ?? []).some((cell) => {
    if (!cell) return false;
    const merged = mergeAt(sheet, cell.row, cell.col);
    if (merged && merged.bottom >= titleRow) return true;
    return parseTool(groupName(labelKey(cellText(cell)))) !== undefined && inIndicatorColumns(spanOf(sheet, cell));
  });
}

/** "IIT (30%)", "แบบวัด EIT ร้อยละ 30" → the tool's name alone. */
function groupName(key: string): string {
  return key.replace(/\(.*\)$/, '').replace(/(ร้อยละ)?[\d.]+%?$/, '');
}

/** A subtotal column: "IIT", "คะแนน IIT", "รวม EIT", "OIT (40%)". */
function subtotalTool(key: string): Tool | undefined {
  return parseTool(groupName(key.replace(/^(คะแนน)?(รวม|เฉลี่ย)?/, '')));
}

function unrecognisedTitles(
  sheet: Sheet,
  top: number,
  bottom: number,
  taken: Span[],
  inIndicatorColumns: (span: Span) => boolean,
): string[] {
  const titles: string[] = [];
  for (let row = top; row <= bottom; row++) {
    for (const cell of sheet.rows[row - 1] ?? []) {
      if (!cell || cellNumber(cell) !== undefined) continue;
      const span = spanOf(sheet, cell);
      if (inIndicatorColumns(span) || taken.some((t) => t.left === span.left)) continue;
      titles.push(`"${singleLine(cellText(cell))}" (${cell.ref})`);
    }
  }
  return titles;
}

/** Every agency row of a table; averages, totals, blank and note rows are not agencies. */
export function readAgencyRows(
  table: AgencyTable,
  framework: Framework,
  frameworks: FrameworkLibrary,
  christianNoted: Set<number>,
): { agencies: AgencyReading[]; problems: Problem[] } {
  const { sheet, columns } = table;
  const agencies: AgencyReading[] = [];
  const problems: Problem[] = [];
  const notes: YearNotes = { christian: christianNoted, problems };
  const where = (cell: Cell) => placeOf(sheet, cell);

  for (let row = table.bottom + 1; row <= table.end; row++) {
    const under = (span: Span | undefined) => cellUnder(sheet, row, span);
    const identity = [columns.sequence, columns.agency, columns.province].map(under);
    if (identity.some((cell) => cell && NOT_AN_AGENCY.test(labelKey(cellText(cell))))) continue;
    const scoreCells = table.indicators.map((c) => under(c.span));
    const agencyCell = under(columns.agency);
    const nameError = errorValue(agencyCell);
    const name = nameError === undefined ? singleLine(cellText(agencyCell)) : '';
    // Text alone under the titles ("คะแนน", "6%") is not a score; a formula without its result is one, unreadable.
    const hasScores = scoreCells.some(
      (cell) => cell !== undefined && (cellNumber(cell) !== undefined || cell.value.kind === 'uncalculated'),
    );

    if (!name) {
      if (hasScores && nameError !== undefined) {
        agencies.push({ name: `แถวที่ ${row}`, place: where(agencyCell!), problems: [agencyNameError(where(agencyCell!), nameError)] });
      } else if (hasScores) {
        const first = scoreCells.find((cell) => cell !== undefined)!;
        agencies.push({
          name: `แถวที่ ${row}`,
          place: where(first),
          problems: [
            error(
              'agency-missing',
              where(first),
              `แถวที่ ${row} ของชีต "${sheet.name}" มีคะแนนแต่ไม่มีชื่อหน่วยงาน: ใส่ชื่อหน่วยงานในคอลัมน์ "หน่วยงาน" หรือลบแถวนี้`,
              `Row ${row} of sheet "${sheet.name}" has scores but no agency name: put the name in the "หน่วยงาน" column, or delete the row`,
            ),
          ],
        });
      }
      continue;
    }
    // A name merged down over several rows is one agency, read on its first row.
    if (agencyCell!.row !== row) continue;
    if (!hasScores) {
      problems.push(
        warning(
          'agency-row-without-scores',
          where(agencyCell!),
          `แถวที่ ${row} ของชีต "${sheet.name}" ("${name}") ไม่มีคะแนนรายตัวชี้วัด จึงไม่ถือเป็นหน่วยงาน: ถ้าเป็นหน่วยงาน ให้ใส่คะแนนจากระบบ ITAS`,
          `Row ${row} of sheet "${sheet.name}" ("${name}") has no indicator scores, so it is not taken as an agency: if it is one, enter its scores from ITAS`,
        ),
      );
      continue;
    }
    agencies.push(readAgencyRow(table, row, name, agencyCell!, scoreCells, framework, frameworks, notes));
  }
  return { agencies, problems };
}

function readAgencyRow(
  table: AgencyTable,
  row: number,
  name: string,
  agencyCell: Cell,
  scoreCells: (Cell | undefined)[],
  workbookFramework: Framework,
  frameworks: FrameworkLibrary,
  notes: YearNotes,
): AgencyReading {
  const { sheet, columns } = table;
  const place = placeOf(sheet, agencyCell);
  const stated = (span: Span | undefined): StatedCell | undefined => {
    const cell = cellUnder(sheet, row, span);
    return cell && { sheet, cell };
  };
  const problems: Problem[] = [];

  const framework = rowFramework(stated(columns.fiscalYear), workbookFramework, frameworks, problems, notes);
  if (!framework) return { name, place, problems };

  const indicators: IndicatorScore[] = [];
  table.indicators.forEach((column, i) => {
    const definition = framework.indicators.find((d) => d.number === column.definition.number)!;
    const cell = scoreCells[i];
    const score = readScore(cell, placeOf(sheet, cell ?? `${column.cell.ref.replace(/\d+$/, '')}${row}`), {
      th: `คะแนนตัวชี้วัดที่ ${definition.number} (${definition.name}) ของ ${name}`,
      en: `The score of indicator ${definition.number} (${definition.name}) of ${name}`,
    });
    problems.push(...score.problems);
    if (score.value !== undefined)
      indicators.push({ number: definition.number, name: column.name, tool: definition.tool, score: score.value });
  });
  const mixed = mixedScoreForms([...scoreCells.map((cell) => cell && { sheet, cell }), stated(columns.total)]);
  if (mixed) problems.push(mixed);
  if (problems.some((p) => p.severity === 'error')) return { name, place, problems };

  const province = singleLine(cellText(withoutErrorValue(stated(columns.province), TEXT_FACTS.province, problems)?.cell));
  warnUnprintable(sheet, agencyCell, problems);
  warnUnprintable(sheet, stated(columns.province)?.cell, problems);
  const facts: AgencyFacts = { source: { sheet, row }, name, ...(province && { province }), framework, indicators, toolScores: {} };
  const total = stated(columns.total);
  if (total) facts.total = total;
  for (const fact of ['level', 'result', 'levelDescription'] as const) {
    const cell = withoutErrorValue(stated(columns[fact]), TEXT_FACTS[fact], problems);
    if (cell) facts[fact] = cell;
  }
  for (const tool of TOOLS) {
    const cell = stated(table.toolScores[tool]);
    if (cell) facts.toolScores![tool] = cell;
  }
  return { name, place, facts, problems };
}

/** The lines about the years a workbook's rows state: one per Christian year, not one per agency. */
interface YearNotes {
  christian: Set<number>;
  problems: Problem[];
}

/** A ปีงบประมาณ column, when the table has one, names each row's year; else the workbook's year applies. */
function rowFramework(
  stated: StatedCell | undefined,
  workbookFramework: Framework,
  frameworks: FrameworkLibrary,
  problems: Problem[],
  notes: YearNotes,
): Framework | undefined {
  if (!stated) return workbookFramework;
  const written = parseFiscalYear(cellText(stated.cell));
  if (written?.christian !== undefined && !notes.christian.has(written.christian)) {
    notes.christian.add(written.christian);
    notes.problems.push(christianYearRead({ ...written, christian: written.christian }, placeOf(stated.sheet, stated.cell)));
  }
  const year = written?.year;
  if (year === undefined || year === workbookFramework.fiscalYear) return workbookFramework;
  const found = frameworks.forYear(year, placeOf(stated.sheet, stated.cell));
  problems.push(...found.problems);
  return found.framework;
}
