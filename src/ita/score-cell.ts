/** Reading a score (0–100) from a cell, with a problem naming the cell when it cannot be. */
import { cellText, type Cell } from '../read/workbook.js';
import { cellName, error, type Place, type Problem } from '../problem.js';
import { cellNumber } from './text.js';

export function readScore(cell: Cell | undefined, where: Place, what: string): { value?: number; problems: Problem[] } {
  const at = cellName(where.sheet ?? '', where.cell ?? '');
  const fail = (code: Problem['code'], message: string) => ({ problems: [error(code, where, message)] });
  if (!cell) return fail('score-missing', `${what} ว่างอยู่ที่เซลล์ ${at}: ใส่คะแนนตามที่ระบบ ITAS แสดง`);
  if (cell.value.kind === 'uncalculated') {
    return fail('formula-without-result', `เซลล์ ${at} เป็นสูตร (=${cell.value.formula}) ที่ไม่มีผลลัพธ์บันทึกไว้: เปิดไฟล์ใน Excel ให้คำนวณแล้วบันทึกใหม่ หรือพิมพ์คะแนนเป็นตัวเลข`);
  }
  const value = cellNumber(cell);
  if (value === undefined) return fail('score-not-number', `${what} ที่เซลล์ ${at} ไม่ใช่ตัวเลข ("${cellText(cell)}"): แก้เป็นตัวเลข เช่น 84.79`);
  if (value < 0 || value > 100) return fail('score-out-of-range', `${what} ที่เซลล์ ${at} เป็น ${value} ซึ่งอยู่นอกช่วง 0–100: ตรวจคะแนนกับระบบ ITAS`);
  return { value, problems: [] };
}
