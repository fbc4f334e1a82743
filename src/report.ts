/** How a problem reads on screen, the same in every command. */
import type { Problem } from './problem.js';

/** One line for the problem, and one more with the template paragraph it is in, if any. */
export function problemLines(p: Problem, shown: (file: string) => string): string[] {
  const place = [p.where.file && shown(p.where.file), p.where.sheet && p.where.cell ? `${p.where.sheet}!${p.where.cell}` : p.where.sheet, p.where.tag]
    .filter(Boolean)
    .join(' ');
  return [
    `${p.severity === 'error' ? '✗ ข้อผิดพลาด' : '! คำเตือน'}${place ? ` [${place}]` : ''}: ${p.message}`,
    ...(p.where.paragraph ? [`  ในย่อหน้า: "${p.where.paragraph}"`] : []),
  ];
}
