/** Reading a score (0–100) from a cell, with a problem naming the cell when it cannot be. */
import type { Message } from '../../core/language.js';
import { cellText, placeOf, type Cell } from '../../read/cells.js';
import type { StatedCell } from '../facts.js';
import { error, placeName, type Place, type Problem } from '../../core/problem.js';
import { cellNumber } from '../text.js';

/** `what` names the score as a sentence starts: "คะแนนรวม" / "The total". */
export function readScore(cell: Cell | undefined, where: Place, what: Message): { value?: number; problems: Problem[] } {
  const at = placeName(where);
  const fail = (code: Problem['code'], th: string, en: string) => ({ problems: [error(code, where, th, en)] });
  if (!cell)
    return fail(
      'score-missing',
      `${what.th} ว่างอยู่ที่${at.th}: ใส่คะแนนตามที่ระบบ ITAS แสดง`,
      `${what.en} in ${at.en} is empty: enter the score ITAS shows`,
    );
  if (cell.value.kind === 'uncalculated') {
    return fail(
      'formula-without-result',
      `${at.th} เป็นสูตร (=${cell.value.formula}) ที่ไม่มีผลลัพธ์บันทึกไว้: เปิดไฟล์ในโปรแกรมตารางคำนวณ (Excel, LibreOffice, WPS) ให้คำนวณแล้วบันทึกใหม่ หรือพิมพ์คะแนนเป็นตัวเลข`,
      `${capitalised(at.en)} is a formula (=${cell.value.formula}) saved without its result: open the file in a spreadsheet program (Excel, LibreOffice, WPS) so it calculates, and save it again, or type the score as a number`,
    );
  }
  const value = cellNumber(cell);
  if (value === undefined)
    return fail(
      'score-not-number',
      `${what.th} ที่${at.th} ไม่ใช่ตัวเลข ("${cellText(cell)}"): แก้เป็นตัวเลข เช่น 84.79`,
      `${what.en} in ${at.en} is not a number ("${cellText(cell)}"): make it a number, e.g. 84.79`,
    );
  if (value < 0 || value > 100)
    return fail(
      'score-out-of-range',
      `${what.th} ที่${at.th} เป็น ${value} ซึ่งอยู่นอกช่วง 0–100: ตรวจคะแนนกับระบบ ITAS`,
      `${what.en} in ${at.en} is ${value}, outside 0–100: check the score against ITAS`,
    );
  return { value, problems: [] };
}

/**
 * One agency's scores (its indicators, and its total when stated) kept two ways: some shown as
 * percentages and some as plain numbers, or some as fractions (0.8439) and some as scores (84.39).
 * Each cell is read as it is shown, so a mixture means some were typed or pasted another way, and
 * no one can say which figure the clerk meant: refused, naming one cell of each kind.
 */
export function mixedScoreForms(stated: readonly (StatedCell | undefined)[]): Problem | undefined {
  type NumberCell = StatedCell & { cell: { value: { kind: 'number' } } };
  const numbers = stated.filter((s): s is NumberCell => s?.cell.value.kind === 'number');
  const percent = numbers.find((s) => s.cell.value.percent);
  const plain = numbers.filter((s) => !s.cell.value.percent);
  const where = (s: StatedCell) => placeName(placeOf(s.sheet, s.cell));
  const shown = (s: NumberCell) => `${s.cell.value.value}${s.cell.value.percent ? '%' : ''}`;
  const placeOfStated = (s: StatedCell) => placeOf(s.sheet, s.cell);
  const fix = {
    th: 'ตรวจคะแนนทุกช่องกับระบบ ITAS แล้วพิมพ์เป็นคะแนนเต็ม 100 แบบเดียวกันทุกช่อง (เช่น 84.39)',
    en: 'check every score against ITAS and enter them all one way, as scores out of 100 (e.g. 84.39)',
  };
  if (percent && plain.length) {
    const other = plain[0]!;
    return error(
      'score-forms-mixed',
      placeOfStated(other),
      `คะแนนเก็บไว้สองแบบ: ${where(percent).th} แสดงเป็นร้อยละ (${shown(percent)}) แต่${where(other).th} เป็นตัวเลขธรรมดา (${shown(other)}): ${fix.th}`,
      `The scores are kept two ways: ${where(percent).en} is shown as a percentage (${shown(percent)}) but ${where(other).en} as a plain number (${shown(other)}): ${fix.en}`,
    );
  }
  const fraction = plain.find((s) => s.cell.value.value > 0 && s.cell.value.value < 1);
  const score = plain.find((s) => s.cell.value.value > 1);
  if (fraction && score) {
    return error(
      'score-forms-mixed',
      placeOfStated(fraction),
      `คะแนนเก็บไว้สองแบบ: ${where(fraction).th} เป็น ${shown(fraction)} ซึ่งดูเป็นสัดส่วน (${Number((fraction.cell.value.value * 100).toPrecision(15))} คะแนน) แต่${where(score).th} เป็นคะแนน ${shown(score)}: ${fix.th}`,
      `The scores are kept two ways: ${where(fraction).en} holds ${shown(fraction)}, which looks like a fraction (${Number((fraction.cell.value.value * 100).toPrecision(15))} points), but ${where(score).en} holds the score ${shown(score)}: ${fix.en}`,
    );
  }
  if (fraction && plain.every((s) => s.cell.value.value <= 1)) {
    return error(
      'score-forms-mixed',
      placeOfStated(fraction),
      `คะแนนทุกช่องไม่เกิน 1 (เช่น${where(fraction).th} เป็น ${shown(fraction)}) จึงดูเป็นสัดส่วน ไม่ใช่คะแนนเต็ม 100: จัดรูปแบบเซลล์เป็นร้อยละ (%) หรือ${fix.th}`,
      `Every score is at most 1 (${where(fraction).en} holds ${shown(fraction)}), so they look like fractions, not scores out of 100: format the cells as percentages (%), or ${fix.en}`,
    );
  }
  return undefined;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
