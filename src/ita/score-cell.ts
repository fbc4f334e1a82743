/** Reading a score (0–100) from a cell, with a problem naming the cell when it cannot be. */
import type { Message } from '../language.js';
import { cellText, type Cell } from '../read/cells.js';
import { cellName, error, type Place, type Problem } from '../problem.js';
import { cellNumber } from './text.js';

/** `what` names the score as a sentence starts: "คะแนนรวม" / "The total". */
export function readScore(cell: Cell | undefined, where: Place, what: Message): { value?: number; problems: Problem[] } {
  const at = cellName(where.sheet ?? '', where.cell ?? '');
  const fail = (code: Problem['code'], th: string, en: string) => ({ problems: [error(code, where, th, en)] });
  if (!cell) return fail('score-missing', `${what.th} ว่างอยู่ที่เซลล์ ${at}: ใส่คะแนนตามที่ระบบ ITAS แสดง`, `${what.en} at ${at} is empty: enter the score ITAS shows`);
  if (cell.value.kind === 'uncalculated') {
    return fail(
      'formula-without-result',
      `เซลล์ ${at} เป็นสูตร (=${cell.value.formula}) ที่ไม่มีผลลัพธ์บันทึกไว้: เปิดไฟล์ใน Excel ให้คำนวณแล้วบันทึกใหม่ หรือพิมพ์คะแนนเป็นตัวเลข`,
      `Cell ${at} is a formula (=${cell.value.formula}) saved without its result: open the file in Excel so it calculates, and save it again, or type the score as a number`,
    );
  }
  const value = cellNumber(cell);
  if (value === undefined) return fail('score-not-number', `${what.th} ที่เซลล์ ${at} ไม่ใช่ตัวเลข ("${cellText(cell)}"): แก้เป็นตัวเลข เช่น 84.79`, `${what.en} at ${at} is not a number ("${cellText(cell)}"): make it a number, e.g. 84.79`);
  if (value < 0 || value > 100) return fail('score-out-of-range', `${what.th} ที่เซลล์ ${at} เป็น ${value} ซึ่งอยู่นอกช่วง 0–100: ตรวจคะแนนกับระบบ ITAS`, `${what.en} at ${at} is ${value}, outside 0–100: check the score against ITAS`);
  return { value, problems: [] };
}
