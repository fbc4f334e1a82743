/**
 * npm run check-template -- [FILE]
 *
 * Checks an agency's Word template (default: the project's own) the way build-doc will use it,
 * and writes nothing: syntax errors with the paragraph they are in, tags the announcement does
 * not provide, pieces of the ประกาศ the template lacks. Exit 0 when usable, 3 when not, 2 on usage.
 * --debug adds what the zip, XML and template readers said of a broken template.
 */
import { COMMAND_LINE_NAMES } from '../cli/options.js';
import path from 'node:path';
import { executedAsProgram, languageAsked, processIo, readInput, type Io } from './io.js';
import { EXIT } from './exit-codes.js';
import { chooser, counted } from '../core/language.js';
import { error } from '../core/problem.js';
import { ANALYSIS_TEMPLATE, MAX_TEMPLATE_BYTES, readTemplate, templateTooLarge } from '../render/index.js';
import { printable, problemLines } from '../build/report.js';
import { DEFAULT_ANALYSIS_TEMPLATE, DEFAULT_TEMPLATE, DEFAULT_TEMPLATES } from '../node/project-root.js';

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const language = languageAsked(argv);
  const text = chooser(language);
  const analysisAsked = argv.includes('--analysis');
  const debug = argv.includes('--debug');
  const rest = argv.filter((a, i) => !a.startsWith('--lang') && argv[i - 1] !== '--lang' && a !== '--analysis' && a !== '--debug');
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stderr(
      text(
        `npm run check-template -- [แม่แบบ.docx] [--analysis] [--lang en] [--debug]\n\nตรวจแม่แบบเอกสาร Word ของหน่วยงานโดยไม่สร้างไฟล์ใด ๆ\nไม่ระบุไฟล์: ตรวจแม่แบบของโปรแกรม (${DEFAULT_TEMPLATES.announcement}; --analysis: ${DEFAULT_TEMPLATES.analysis})\n--analysis: ตรวจเป็นแม่แบบรายงานการวิเคราะห์\n`,
        `npm run check-template -- [template.docx] [--analysis] [--lang en] [--debug]\n\nChecks an agency's Word template, writing nothing\nWithout a file: checks the project's own (${DEFAULT_TEMPLATES.announcement}; --analysis: ${DEFAULT_TEMPLATES.analysis})\n--analysis: check it as an analysis report's template\n`,
      ),
    );
    return EXIT.done;
  }
  const files = rest.filter((a) => !a.startsWith('-'));
  const unknownOptions = rest.filter((a) => a.startsWith('-'));
  if (files.length > 1 || unknownOptions.length) {
    io.stderr(
      `${text(`ระบุแม่แบบได้ไฟล์เดียว และไม่มีตัวเลือก ${unknownOptions.join(' ')}`, `Give one template at most; there is no option ${unknownOptions.join(' ')}`)}\n${text('ดูวิธีใช้', 'Usage')}: npm run check-template -- --help\n`,
    );
    return EXIT.usage;
  }
  const file = files[0] ? path.resolve(io.cwd, files[0]) : analysisAsked ? DEFAULT_ANALYSIS_TEMPLATE : DEFAULT_TEMPLATE;
  const shown = (f: string) => path.relative(io.cwd, f) || f;
  const read = await readInput(file, MAX_TEMPLATE_BYTES, {
    cannotOpen: (code) =>
      error(
        'template-unreadable',
        { file },
        `เปิดแม่แบบเอกสารไม่ได้ (${code}): ตรวจชื่อไฟล์`,
        `Cannot open the template (${code}): check the file name`,
      ),
    tooLarge: (size) => templateTooLarge(file, size),
  });
  // An analysis report's template (--analysis, or one the announcement's check refuses and the analysis's accepts) is checked as one.
  const asAnnouncement = 'problem' in read || analysisAsked ? undefined : readTemplate(read, COMMAND_LINE_NAMES);
  const asAnalysis =
    'problem' in read || (asAnnouncement?.template && !analysisAsked)
      ? undefined
      : readTemplate(read, COMMAND_LINE_NAMES, ANALYSIS_TEMPLATE);
  const analysis = asAnalysis !== undefined && (analysisAsked || asAnalysis.template !== undefined);
  const { template, problems } =
    'problem' in read ? { template: undefined, problems: [read.problem] } : analysis ? asAnalysis! : asAnnouncement!;
  if (analysis) io.stderr(text(`ตรวจเป็นแม่แบบรายงานการวิเคราะห์ผลการประเมิน\n`, `Checked as an analysis report's template\n`));
  for (const p of problems) for (const line of problemLines(p, shown, language, debug)) io.stderr(`${printable(line)}\n`);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const syntaxFirst = problems.some((p) => p.code === 'template-syntax');
  io.stderr(
    template
      ? text(
          `สรุป: แม่แบบ ${shown(file)} ใช้ได้${problems.length ? ` (คำเตือน ${problems.length} ข้อ)` : ''}\n`,
          `Summary: the template ${shown(file)} is usable${problems.length ? ` (${counted(problems.length, 'warning')})` : ''}\n`,
        )
      : text(
          `สรุป: แม่แบบ ${shown(file)} ใช้ไม่ได้ มีข้อผิดพลาด ${errors} ข้อ: แก้ใน Word แล้วตรวจอีกครั้ง${syntaxFirst ? ' (ชื่อป้ายและส่วนที่ขาดจะตรวจได้เมื่อแก้วงเล็บและกลุ่มป้ายแล้ว)' : ''}\n`,
          `Summary: the template ${shown(file)} is not usable, ${counted(errors, 'error')}: fix them in Word and check again${syntaxFirst ? ' (tag names and missing pieces are checked once the braces and loops are mended)' : ''}\n`,
        ),
  );
  return template ? EXIT.done : EXIT.template;
}

if (executedAsProgram(import.meta.url)) main(process.argv.slice(2)).then((code) => (process.exitCode = code));
