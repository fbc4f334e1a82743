/**
 * Layout 1, one agency's result: label/value pairs (หน่วยงาน | อบต.ลำปางรอง, คะแนนรวม | 78.29)
 * and the indicator table, anywhere in the workbook.
 */
import { cellText, placeOf, type Workbook } from '../../read/cells.js';
import { cellName, error, hasErrors, type Place, type Problem } from '../../core/problem.js';
import type { AgencyFacts, StatedCell } from '../facts.js';
import type { Framework } from '../framework.js';
import { readIndicatorTable, type IndicatorHeader } from './indicator-table.js';
import { mixedScoreForms } from './score-cell.js';
import type { Fact, FoundFact } from './labels.js';
import { agencyNameError, errorValue, singleLine, TEXT_FACTS, warnUnprintable, withoutErrorValue } from '../text.js';

export function readOneAgency(
  workbook: Workbook,
  header: IndicatorHeader,
  end: number,
  facts: Partial<Record<Fact, FoundFact>>,
  framework: Framework,
): { name: string; facts?: AgencyFacts; problems: Problem[] } {
  const problems: Problem[] = [];
  const stated = (fact: Fact): StatedCell | undefined => {
    const found = facts[fact];
    return found?.value && { sheet: found.sheet, cell: found.value };
  };
  const text = (fact: Fact) => singleLine(cellText(stated(fact)?.cell));

  const nameError = errorValue(stated('agency')?.cell);
  const name = nameError === undefined ? text('agency') : '';
  for (const fact of ['agency', 'province'] as const) {
    const cell = stated(fact);
    if (cell) warnUnprintable(cell.sheet, cell.cell, problems);
  }
  if (!name) {
    const fact = facts.agency;
    problems.push(
      fact && nameError !== undefined
        ? agencyNameError(placeOf(fact.sheet, fact.value!), nameError)
        : fact
          ? agencyNameMissing(placeOf(fact.sheet, fact.label))
          : error(
              'agency-missing',
              { file: workbook.file },
              'ไม่พบชื่อหน่วยงาน: เพิ่มป้าย "หน่วยงาน" และใส่ชื่อหน่วยงานในเซลล์ทางขวา เช่น อบต.ลำปางรอง',
              'No agency name found: add the label "หน่วยงาน" (agency) with the name in the cell to its right, e.g. อบต.ลำปางรอง',
            ),
    );
  }

  const table = readIndicatorTable(header, framework, end);
  problems.push(...table.problems);
  const mixed = mixedScoreForms([...table.scoreCells.map((cell) => ({ sheet: header.sheet, cell })), stated('total')]);
  if (mixed) problems.push(mixed);
  if (hasErrors(problems)) return { name, problems };

  const province = withoutErrorValue(stated('province'), TEXT_FACTS.province, problems) ? text('province') : '';
  const found: AgencyFacts = {
    source: { sheet: header.sheet },
    name,
    ...(province && { province }),
    framework,
    indicators: table.indicators,
  };
  const total = stated('total');
  if (total) found.total = total;
  for (const fact of ['level', 'result', 'levelDescription'] as const) {
    const cell = withoutErrorValue(stated(fact), TEXT_FACTS[fact], problems);
    if (cell) found[fact] = cell;
  }
  return { name, facts: found, problems };
}

/** A form's agency field left empty, or a "หน่วยงาน" label with no name beside it. */
function agencyNameMissing(label: Place): Problem {
  if (label.field)
    return error(
      'agency-missing',
      label,
      `ช่อง "${label.field}" ว่างอยู่: ใส่ชื่อหน่วยงาน เช่น อบต.ลำปางรอง`,
      `The field "${label.field}" is empty: enter the agency's name, e.g. อบต.ลำปางรอง`,
    );
  const at = cellName(label.sheet!, label.cell!);
  return error(
    'agency-missing',
    label,
    `ป้าย "หน่วยงาน" ที่เซลล์ ${at} ไม่มีชื่อหน่วยงานอยู่ทางขวาหรือด้านล่าง: ใส่ชื่อหน่วยงาน เช่น อบต.ลำปางรอง`,
    `The label "หน่วยงาน" (agency) at ${at} has no agency name to its right or below: enter the name, e.g. อบต.ลำปางรอง`,
  );
}
