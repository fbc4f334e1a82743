/**
 * npm run check-template -- [FILE]
 *
 * Checks an agency's Word template (default: the project's own) the way build-doc will use it,
 * and writes nothing: syntax errors with the paragraph they are in, tags the announcement does
 * not provide, pieces of the ประกาศ the template lacks. Exit 0 when usable, 3 when not, 2 on usage.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTemplate } from './render/template.js';
import { problemLines } from './report.js';

const DEFAULT_TEMPLATE = fileURLToPath(new URL('../templates/ita-announcement.docx', import.meta.url));
const EXIT = { usable: 0, usage: 2, unusable: 3 } as const;

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stderr.write('npm run check-template -- [แม่แบบ.docx]\n\nตรวจแม่แบบเอกสาร Word ของหน่วยงานโดยไม่สร้างไฟล์ใด ๆ\nไม่ระบุไฟล์: ตรวจแม่แบบของโปรแกรม (templates/ita-announcement.docx)\n');
    return EXIT.usable;
  }
  const files = argv.filter((a) => !a.startsWith('-'));
  const unknownOptions = argv.filter((a) => a.startsWith('-'));
  if (files.length > 1 || unknownOptions.length) {
    process.stderr.write(`ระบุแม่แบบได้ไฟล์เดียว และไม่มีตัวเลือก ${unknownOptions.join(' ')}\nดูวิธีใช้: npm run check-template -- --help\n`);
    return EXIT.usage;
  }
  const file = files[0] ? path.resolve(process.env.INIT_CWD ?? process.cwd(), files[0]) : DEFAULT_TEMPLATE;
  const shown = path.relative(process.cwd(), file) || file;
  const { template, problems } = await loadTemplate(file);
  for (const p of problems) for (const line of problemLines(p, (f) => path.relative(process.cwd(), f) || f)) process.stderr.write(`${line}\n`);
  const errors = problems.filter((p) => p.severity === 'error').length;
  process.stderr.write(
    template
      ? `สรุป: แม่แบบ ${shown} ใช้ได้${problems.length ? ` (คำเตือน ${problems.length} ข้อ)` : ''}\n`
      : `สรุป: แม่แบบ ${shown} ใช้ไม่ได้ มีข้อผิดพลาด ${errors} ข้อ: แก้ใน Word แล้วตรวจอีกครั้ง${
          problems.some((p) => p.code === 'template-syntax') ? ' (ชื่อป้ายและส่วนที่ขาดจะตรวจได้เมื่อแก้วงเล็บและกลุ่มป้ายแล้ว)' : ''
        }\n`,
  );
  return template ? EXIT.usable : EXIT.unusable;
}

process.exitCode = await main(process.argv.slice(2));
