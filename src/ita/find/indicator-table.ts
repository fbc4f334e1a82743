/**
 * Layout 1's indicator table: a header row with a score column and a name and/or number
 * column, then one row per indicator in any order (official order, or ranked by score).
 */
import { cellRef, cellText, placeOf, type Cell, type Sheet, type Workbook } from '../../read/cells.js';
import { cellName, error, warning, type Problem } from '../../core/problem.js';
import type { Framework, IndicatorDefinition } from '../framework.js';
import { cellUnder, findHeader, matchHeader, type Header, type HeaderKeys } from './locate.js';
import type { IndicatorScore } from '../model.js';
import { labelKey, singleLine, warnUnprintable } from '../text.js';
import { indicatorByName, namesIndicatorsAcross, parseIndicatorNumber, splitNumberPrefix } from './indicator-names.js';
import { parseTool, TOOL_HEADERS } from '../tools.js';
import { readScore } from './score-cell.js';

type Role = 'name' | 'number' | 'tool' | 'score';

/** "คะแนน", "คะแนนที่ได้ (เต็ม 100)", "ผลคะแนน"; not a total, an average or the full mark. */
const isScoreHeader = (key: string) => /^(ผล)?คะแนน/.test(key) && !/^(ผล)?คะแนน(รวม|ita|การประเมิน|เฉลี่ย|เต็ม)/.test(key);

/** Most specific first: "ตัวชี้วัด" is the name column unless a "ชื่อตัวชี้วัด" column exists. */
const ROLES_WITH_NAME_COLUMN: [Role, HeaderKeys][] = [
  ['name', ['ชื่อตัวชี้วัด']],
  ['number', ['ตัวชี้วัด', 'ตัวชี้วัดที่', 'ที่', 'ข้อ', 'ลำดับที่', 'no.']],
  ['tool', TOOL_HEADERS],
  ['score', isScoreHeader],
];
const ROLES: [Role, HeaderKeys][] = [['name', ['ตัวชี้วัด', 'ชื่อตัวชี้วัด', 'รายการตัวชี้วัด', 'ตัวชี้วัดการประเมิน']], ...ROLES_WITH_NAME_COLUMN.slice(1)];

/** Rows inside the table that are not indicators and say so: totals and averages. */
const NOT_AN_INDICATOR = new Set(['รวม', 'คะแนนรวม', 'คะแนนita', 'คะแนนรวมita', 'เฉลี่ย', 'ค่าเฉลี่ย', 'คะแนนเฉลี่ย', 'ผลรวม']);

export type IndicatorHeader = Header<Role>;

export interface IndicatorTable {
  header: Header<Role>;
  indicators: IndicatorScore[];
  /** The cells the scores were read from, in the table's order. */
  scoreCells: Cell[];
  problems: Problem[];
}

export function findIndicatorHeader(workbook: Workbook): Header<Role> | undefined {
  return findHeader(workbook, headerAt);
}

function headerAt(sheet: Sheet, row: number): Header<Role> | undefined {
  const keys = (sheet.rows[row - 1] ?? []).map((cell) => (cell ? labelKey(cellText(cell)) : ''));
  const header = matchHeader(sheet, row, keys.includes('ชื่อตัวชี้วัด') ? ROLES_WITH_NAME_COLUMN : ROLES);
  const { score, name, number } = header.columns;
  return score !== undefined && (name !== undefined || number !== undefined) ? header : undefined;
}

/** `end`: the table's last possible row, before another table on the same sheet. */
export function readIndicatorTable(header: Header<Role>, framework: Framework, end = header.sheet.rows.length): IndicatorTable {
  const { sheet, columns } = header;
  const problems: Problem[] = [];
  const found = new Map<number, { score: IndicatorScore; cell: Cell }>();
  const scoreCells: Cell[] = [];
  /** Indicators that have a row, even one whose score is unusable (already reported). */
  const seen = new Map<number, Cell>();

  for (let row = header.row + 1; row <= end; row++) {
    // Another table's header ends this one; so does a row naming the indicators across (chart data, a list of agencies).
    if (headerAt(sheet, row) || namesIndicatorsAcross(sheet, row, framework)) break;
    const nameCell = cellUnder(sheet, row, columns.name);
    const numberCell = cellUnder(sheet, row, columns.number);
    const scoreCell = cellUnder(sheet, row, columns.score);
    const identityCell = nameCell ?? numberCell;
    if (!identityCell) continue;

    const identified = identify(nameCell, numberCell, framework);
    if (identified.kind === 'none') {
      if (scoreCell) problems.push(...unknownIndicator(sheet, identityCell, framework));
      continue;
    }
    if (identified.kind === 'conflict') {
      problems.push(numberMismatch(sheet, row, identityCell, identified));
      continue;
    }
    const { definition } = identified;
    warnUnprintable(sheet, nameCell, problems);
    if (identified.nameUnofficial && nameCell) problems.push(unofficialName(sheet, nameCell, definition));

    const previous = seen.get(definition.number);
    if (previous) {
      problems.push(repeatedIndicator(sheet, definition, previous, identityCell));
      found.delete(definition.number);
      continue;
    }
    seen.set(definition.number, identityCell);

    const toolCell = cellUnder(sheet, row, columns.tool);
    if (toolCell && parseTool(cellText(toolCell)) !== definition.tool) problems.push(toolMismatch(sheet, toolCell, definition));

    const score = readScore(scoreCell, placeOf(sheet, scoreCell ?? cellRef(row, columns.score!.left)), {
      th: `คะแนนตัวชี้วัดที่ ${definition.number} (${definition.name})`,
      en: `The score of indicator ${definition.number} (${definition.name})`,
    });
    problems.push(...score.problems);
    if (score.value === undefined) continue;
    scoreCells.push(scoreCell!);
    found.set(definition.number, {
      cell: identityCell,
      score: { number: definition.number, name: identified.name, tool: definition.tool, score: score.value },
    });
  }

  problems.push(...missingIndicators(header, framework, seen));
  const indicators = [...found.values()].map((f) => f.score).sort((a, b) => a.number - b.number);
  return { header, indicators, scoreCells, problems };
}

/** A row whose indicator number and name are of two indicators. */
function numberMismatch(
  sheet: Sheet,
  row: number,
  identityCell: Cell,
  identified: { byName: IndicatorDefinition; byNumber: IndicatorDefinition },
): Problem {
  return error(
    'indicator-number-mismatch',
    placeOf(sheet, identityCell),
    `แถวที่ ${row} ของชีต "${sheet.name}" มีหมายเลขตัวชี้วัด ${identified.byNumber.number} แต่ชื่อเป็นของตัวชี้วัด ${identified.byName.number} (${identified.byName.name}): แก้ให้ตรงกัน`,
    `Row ${row} of sheet "${sheet.name}" has indicator number ${identified.byNumber.number} but the name of indicator ${identified.byName.number} (${identified.byName.name}): make them agree`,
  );
}

/** A name that is not the indicator's official one: printed as written. */
function unofficialName(sheet: Sheet, nameCell: Cell, definition: IndicatorDefinition): Problem {
  return warning(
    'indicator-name-unofficial',
    placeOf(sheet, nameCell),
    `ชื่อตัวชี้วัดในเซลล์ ${cellName(sheet.name, nameCell.ref)} "${singleLine(cellText(nameCell))}" ไม่ตรงกับชื่อทางการของตัวชี้วัดที่ ${definition.number} (${definition.name}): จะพิมพ์ตามที่เขียนไว้`,
    `The indicator name in cell ${cellName(sheet.name, nameCell.ref)} "${singleLine(cellText(nameCell))}" is not the official name of indicator ${definition.number} (${definition.name}): it will be printed as written`,
  );
}

/** An indicator's second row. */
function repeatedIndicator(sheet: Sheet, definition: IndicatorDefinition, previous: Cell, identityCell: Cell): Problem {
  return error(
    'indicator-duplicate',
    placeOf(sheet, identityCell),
    `ตัวชี้วัดที่ ${definition.number} (${definition.name}) มีสองแถว: ${cellName(sheet.name, previous.ref)} และ ${cellName(sheet.name, identityCell.ref)}: ลบแถวที่ซ้ำออก`,
    `Indicator ${definition.number} (${definition.name}) has two rows, ${cellName(sheet.name, previous.ref)} and ${cellName(sheet.name, identityCell.ref)}: delete the repeated one`,
  );
}

/** A tool cell naming another tool than the indicator's: the indicator's is used. */
function toolMismatch(sheet: Sheet, toolCell: Cell, definition: IndicatorDefinition): Problem {
  return warning(
    'indicator-tool-mismatch',
    placeOf(sheet, toolCell),
    `เซลล์ ${cellName(sheet.name, toolCell.ref)} ระบุเครื่องมือ "${singleLine(cellText(toolCell))}" แต่ตัวชี้วัดที่ ${definition.number} เป็นของ ${definition.tool}: จะใช้ ${definition.tool}`,
    `Cell ${cellName(sheet.name, toolCell.ref)} names the tool "${singleLine(cellText(toolCell))}", but indicator ${definition.number} belongs to ${definition.tool}: ${definition.tool} is used`,
  );
}

/** A scored row naming no indicator of the year: an error, unless the row is a tool's own (its subtotal) or a total's. */
function unknownIndicator(sheet: Sheet, identityCell: Cell, framework: Framework): Problem[] {
  const key = labelKey(cellText(identityCell));
  // A tool's own row ("IIT", "แบบวัด EIT" with its subtotal) groups the indicators under it.
  const isToolRow = parseTool(cellText(identityCell)) !== undefined;
  if (NOT_AN_INDICATOR.has(key) || isToolRow) return [];
  return [
    error(
      'indicator-unknown',
      placeOf(sheet, identityCell),
      `ไม่รู้จักตัวชี้วัด "${singleLine(cellText(identityCell))}" ในเซลล์ ${cellName(sheet.name, identityCell.ref)}: ตรวจชื่อหรือหมายเลขตัวชี้วัดให้ตรงกับตัวชี้วัด ๑–${framework.indicators.length} ของปี ${framework.fiscalYear}`,
      `Unknown indicator "${singleLine(cellText(identityCell))}" in cell ${cellName(sheet.name, identityCell.ref)}: check the name or number against indicators 1–${framework.indicators.length} of fiscal year ${framework.fiscalYear}`,
    ),
  ];
}

/** An error for each indicator of the year that has no row in the table. */
function missingIndicators(header: Header<Role>, framework: Framework, seen: ReadonlyMap<number, Cell>): Problem[] {
  const { sheet } = header;
  const problems: Problem[] = [];
  for (const definition of framework.indicators) {
    if (!seen.has(definition.number)) {
      const headerCell = header.cells[0]!;
      problems.push(
        error(
          'indicator-missing',
          placeOf(sheet, headerCell),
          `ไม่พบตัวชี้วัดที่ ${definition.number} (${definition.name}) ในตารางคะแนนที่เริ่มที่เซลล์ ${cellName(sheet.name, headerCell.ref)}: เพิ่มแถวของตัวชี้วัดนี้พร้อมคะแนน`,
          `Indicator ${definition.number} (${definition.name}) is missing from the score table starting at ${cellName(sheet.name, headerCell.ref)}: add its row with its score`,
        ),
      );
    }
  }
  return problems;
}

type Identified =
  | { kind: 'found'; definition: IndicatorDefinition; name: string; nameUnofficial: boolean }
  | { kind: 'conflict'; byName: IndicatorDefinition; byNumber: IndicatorDefinition }
  | { kind: 'none' };

/** Which indicator a row is, by its name and/or its number (own column or a prefix of the name). */
function identify(nameCell: Cell | undefined, numberCell: Cell | undefined, framework: Framework): Identified {
  const written = nameCell ? splitNumberPrefix(singleLine(cellText(nameCell))) : { name: '' };
  const byName = written.name ? indicatorByName(written.name, framework) : undefined;
  const number = (numberCell ? parseIndicatorNumber(cellText(numberCell)) : undefined) ?? written.number;
  const byNumber = number !== undefined ? framework.indicators.find((d) => d.number === number) : undefined;
  if (byName && byNumber && byName !== byNumber) return { kind: 'conflict', byName, byNumber };
  const definition = byName ?? byNumber;
  if (!definition) return { kind: 'none' };
  return { kind: 'found', definition, name: written.name || definition.printed, nameUnofficial: !byName && written.name !== '' };
}
