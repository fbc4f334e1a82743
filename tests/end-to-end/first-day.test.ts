/**
 * A clerk's first day: the traps a new user falls into, each through the command line. npm's
 * `--`, a mistyped option, Thai values, a bare workbook name, brackets around the signer, a
 * position of two lines, settings saved by Notepad, and files a reviewer edited in Word.
 */
import { mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuildDoc, PROJECT_ROOT, writtenIn } from '../helpers/cli.js';
import { canRender } from '../helpers/clients.js';
import { documentXml, paragraphs } from '../helpers/docx.js';
import { temporaryDir, workbookFile } from '../../tools/workbooks.js';

const NAME = 'ประกาศผลการประเมิน ITA 2565 อบต.ลำปางรอง.docx';
const EXAMPLE = 'ตัวอย่าง ผลการประเมิน ITA 2565 อบต.ลำปางรอง.xlsx';
/** What npm leaves in the environment of `npm run build-doc …` with no `--`. */
const npm = (config: Record<string, string>) => ({
  env: { npm_lifecycle_event: 'build-doc', ...Object.fromEntries(Object.entries(config).map(([k, v]) => [`npm_config_${k}`, v])) },
});

describe("npm's -- trap", () => {
  it('stops, writing nothing, and prints the command the clerk meant (--pdf read by npm as -p -d -f)', async () => {
    const out = temporaryDir('ita-out-');
    const run = await runBuildDoc(['--out', out], npm({ parseable: 'true', loglevel: 'info', force: 'true' }));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('npm ไม่ได้ส่งตัวเลือก --pdf ให้โปรแกรม');
    expect(run.stderr).toContain('npm run build-doc -- --pdf --out');
    expect(readdirSync(out)).toEqual([]);
  });

  it('gives each option npm took back its value: the name npm passed on as a file, --emblem=x.png npm kept', async () => {
    const run = await runBuildDoc(
      ['นายสันติ นาวีสัมพันธ์', '2565-08-02', 'ผลการประเมิน.xlsx'],
      npm({ signer: 'true', date: 'true', emblem: 'ตรา.png' }),
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('npm run build-doc -- --emblem ตรา.png --date 2565-08-02 --signer "นายสันติ นาวีสัมพันธ์" ผลการประเมิน.xlsx');
    const lang = await runBuildDoc(['en'], {
      env: { npm_lifecycle_event: 'check', npm_config_long: 'true', npm_config_all: 'true', npm_config_global: 'true' },
    });
    expect(lang.stderr).toContain('npm run check -- --lang en');
  });

  it('is not set off by what npm itself always leaves in the environment', async () => {
    const out = temporaryDir('ita-out-');
    const run = await runBuildDoc(
      [path.join(PROJECT_ROOT, 'input', EXAMPLE), '--out', out],
      npm({ cache: '/root/.npm', loglevel: 'silent', user_agent: 'npm/11' }),
    );
    expect(run.status, run.stderr).toBe(0);
  });
});

describe('what a clerk types', () => {
  it('names the option a mistyped one most likely meant', async () => {
    for (const [typed, meant] of [
      ['--sigher', '--signer'],
      ['--emblim=x.png', '--emblem'],
      ['--pfd', '--pdf'],
    ] as const) {
      const run = await runBuildDoc([typed]);
      expect(run.status, typed).toBe(2);
      expect(run.stderr).toContain(`ไม่มีตัวเลือก ${typed.split('=')[0]}: หมายถึง ${meant} หรือไม่`);
    }
  });

  it('takes ไทย and อารบิก for --digits, as the settings file does', async () => {
    const workbook = await workbookFile('lampangrong-2565');
    const arabic = temporaryDir('ita-out-');
    expect((await runBuildDoc([workbook, '--out', arabic, '--digits', 'อารบิก'])).status).toBe(0);
    expect(paragraphs(path.join(arabic, NAME)).join('\n')).toContain('ได้รับคะแนนการประเมิน 78.29 คะแนน');
    const thai = temporaryDir('ita-out-');
    expect((await runBuildDoc([workbook, '--out', thai, '--digits', 'ไทย'])).status).toBe(0);
    expect(paragraphs(path.join(thai, NAME)).join('\n')).toContain('ได้รับคะแนนการประเมิน ๗๘.๒๙ คะแนน');
    expect((await runBuildDoc([workbook, '--out', thai, '--digits', 'โรมัน'])).stderr).toContain('ใช้ ไทย (thai) หรือ อารบิก (arabic)');
  });

  it('finds a workbook named alone in input/, from wherever the clerk is', async () => {
    const out = temporaryDir('ita-out-');
    const run = await runBuildDoc([EXAMPLE, '--out', out], { cwd: temporaryDir('ita-elsewhere-') });
    expect(run.status, run.stderr).toBe(0);
    expect(writtenIn(out)).toEqual([NAME]);
  });

  it('refuses an option given twice, but --position twice is a position of two lines', async () => {
    const twice = await runBuildDoc(['--out', 'a', '--out', 'b']);
    expect(twice.status).toBe(2);
    expect(twice.stderr).toContain('ระบุ --out ได้ครั้งเดียว');
    const out = temporaryDir('ita-out-');
    const run = await runBuildDoc([
      await workbookFile('lampangrong-2565'),
      '--out',
      out,
      '--position',
      'ปลัดองค์การบริหารส่วนตำบล',
      '--position',
      'รักษาราชการแทน นายกองค์การบริหารส่วนตำบลลำปางรอง',
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(documentXml(path.join(out, NAME))).toMatch(
      /ปลัดองค์การบริหารส่วนตำบล<\/w:t><\/w:r><w:r><w:br\/><\/w:r><w:r>(<w:rPr>.*?<\/w:rPr>)?<w:t[^>]*>รักษาราชการแทน นายกองค์การบริหารส่วนตำบลลำปางรอง<\/w:t>/,
    );
  });

  it('prints a signer given in brackets in the brackets the announcement has, once, and says so', async () => {
    const out = temporaryDir('ita-out-');
    const run = await runBuildDoc([await workbookFile('lampangrong-2565'), '--out', out, '--signer', '( นายสันติ  นาวีสัมพันธ์ )']);
    expect(run.status).toBe(0);
    const text = paragraphs(path.join(out, NAME));
    expect(text).toContain('(นายสันติ นาวีสัมพันธ์)');
    expect(text.join('\n')).not.toContain('((');
    expect(run.stderr).toContain('! คำเตือน: ชื่อผู้ลงนาม (ผู้ลงนาม: ในไฟล์ตั้งค่า หรือ --signer) "( นายสันติ  นาวีสัมพันธ์ )" จะพิมพ์เป็น "นายสันติ นาวีสัมพันธ์"');
  });

  it('prints each error once, with the workbook it stopped', async () => {
    const fake = path.join(temporaryDir(), 'ผลการประเมิน.xlsx');
    writeFileSync(fake, 'not a spreadsheet');
    const run = await runBuildDoc([fake, '--out', temporaryDir('ita-out-')]);
    expect(run.status).toBe(1);
    expect(run.stderr.split('ไม่ใช่ไฟล์ Excel')).toHaveLength(2);
    expect(run.stderr).toMatch(/สร้างประกาศไม่ได้ 1 รายการ:\n\s+✗ .*ผลการประเมิน\.xlsx:\n\s+✗ ข้อผิดพลาด/);
  });

  it('checks the Node.js version before anything, in Thai', () => {
    const { supported } = createRequire(import.meta.url)('../../src/cli/require-node.cjs') as { supported: (v: string) => boolean };
    expect(['18.19.0', 'v20.18.1', '21.7.0', '22.11.0'].map(supported)).toEqual([false, false, false, false]);
    expect(['20.19.0', '20.20.2', '22.12.0', '24.1.0'].map(supported)).toEqual([true, true, true, true]);
    // Every program a clerk runs starts at src/cli/start.cjs, whose first line of code is this check.
    const scripts = (JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
      .scripts;
    for (const name of ['build-doc', 'check', 'check-template'])
      expect(scripts[name]).toMatch(/^node (--expose-gc )?src\/cli\/start\.cjs /);
    const code = readFileSync(path.join(PROJECT_ROOT, 'src', 'cli', 'start.cjs'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() && !line.startsWith('//') && line !== "'use strict';");
    expect(code[0]).toBe("require('./require-node.cjs');");
  });
});

describe('the settings file as Notepad saves it', () => {
  const text =
    'ผู้ลงนาม: นายสันติ นาวีสัมพันธ์\nตำแหน่ง:\n  - ปลัดองค์การบริหารส่วนตำบล\n  - รักษาราชการแทน นายกองค์การบริหารส่วนตำบลลำปางรอง\nตัวเลข: อารบิก\n';
  const encodings: [string, Uint8Array][] = [
    ['UTF-8', new TextEncoder().encode(text)],
    ['UTF-8 with a byte-order mark', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)])],
    ['UTF-16 ("Unicode")', new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))])],
    ['UTF-16 big-endian', new Uint8Array([0xfe, 0xff, ...new Uint8Array(Buffer.from(text, 'utf16le').swap16())])],
    ['the Windows Thai code page ("ANSI")', windows874(text)],
  ];

  it.each(encodings)('reads %s', async (_name, bytes) => {
    const file = path.join(temporaryDir('ita-settings-'), 'settings.yaml');
    writeFileSync(file, bytes);
    const out = temporaryDir('ita-out-');
    const run = await runBuildDoc([await workbookFile('lampangrong-2565'), '--out', out, '--settings', file]);
    expect(run.status, run.stderr).toBe(0);
    const printed = paragraphs(path.join(out, NAME));
    expect(printed.slice(-2)).toEqual(['(นายสันติ นาวีสัมพันธ์)', 'ปลัดองค์การบริหารส่วนตำบลรักษาราชการแทน นายกองค์การบริหารส่วนตำบลลำปางรอง']);
    expect(printed.join('\n')).toContain('78.29');
  });

  it('refuses a file it cannot read the letters of, saying to save it as UTF-8, naming the file', async () => {
    const file = path.join(temporaryDir('ita-settings-'), 'settings.yaml');
    writeFileSync(file, Buffer.from(text, 'utf16le'));
    const run = await runBuildDoc(['--settings', file]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('อ่านตัวอักษรในไฟล์ตั้งค่า settings.yaml ไม่ได้');
    expect(run.stderr).toContain('UTF-8');
  });

  it('names settings.yaml and its line for a bad value, and blames ตราครุฑ: there, not --emblem', async () => {
    const dir = temporaryDir('ita-settings-');
    writeFileSync(path.join(dir, 'settings.yaml'), 'ผู้ลงนาม: นายสันติ นาวีสัมพันธ์\nตราครุฑ: ไม่มีไฟล์นี้.png\n');
    const run = await runBuildDoc([
      await workbookFile('lampangrong-2565'),
      '--out',
      temporaryDir('ita-out-'),
      '--settings',
      path.join(dir, 'settings.yaml'),
    ]);
    expect(run.status).toBe(6);
    expect(run.stderr).toContain('ตรวจชื่อไฟล์ที่ระบุใน ตราครุฑ: ของไฟล์ตั้งค่า settings.yaml บรรทัดที่ 2');
    expect(run.stderr).not.toContain('--emblem');
    writeFileSync(path.join(dir, 'settings.yaml'), 'ผู้ลงนาม:\n  ชื่อ: นายสันติ\nตัวเลข: 0x1F\n');
    const bad = await runBuildDoc(['--settings', path.join(dir, 'settings.yaml')]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('ไฟล์ตั้งค่า settings.yaml บรรทัดที่ 1: "ผู้ลงนาม" ต้องเป็นข้อความบรรทัดเดียว');
    expect(bad.stderr).toContain('ไฟล์ตั้งค่า settings.yaml บรรทัดที่ 3: "ตัวเลข" ต้องเป็น ไทย หรือ อารบิก (ไม่ใช่ "0x1F")');
  });
});

describe('nothing a reviewer edited is lost', () => {
  it('keeps an announcement edited in Word under a dated name, and writes the new one under its own', async () => {
    const workbook = await workbookFile('lampangrong-2565');
    const out = temporaryDir('ita-out-');
    expect((await runBuildDoc([workbook, '--out', out, '--date', '2022-08-02'])).status).toBe(0);
    const target = path.join(out, NAME);
    // A rebuild of what the program itself wrote replaces it without a word.
    const again = await runBuildDoc([workbook, '--out', out, '--date', '2022-08-02']);
    expect(again.stderr).not.toContain('ไม่เขียนทับ');
    expect(writtenIn(out)).toEqual([NAME]);

    const edited = Buffer.concat([readFileSync(target), Buffer.from('edited in Word')]);
    writeFileSync(target, edited);
    utimesSync(target, new Date(2026, 11, 1, 10, 32), new Date(2026, 11, 1, 10, 32));
    const run = await runBuildDoc([workbook, '--out', out, '--date', '2022-08-03']);
    expect(run.status, run.stderr).toBe(0);
    const kept = 'ประกาศผลการประเมิน ITA 2565 อบต.ลำปางรอง (แก้ไข 2569-12-01 10.32).docx';
    expect(writtenIn(out)).toEqual([NAME, kept].sort());
    expect(readFileSync(path.join(out, kept)).equals(edited)).toBe(true);
    expect(paragraphs(target)).toContain('ประกาศ ณ วันที่ ๓ สิงหาคม พ.ศ. ๒๕๖๕');
    expect(run.stderr).toContain(`ถูกแก้ไขหลังจากที่โปรแกรมสร้าง (เช่น แก้ใน Word) จึงไม่เขียนทับ: ฉบับเดิมเก็บไว้เป็น "${kept}"`);
  });

  it('keeps a file of that name it did not make, and a PDF someone else made; removes its own outdated PDF', async () => {
    const workbook = await workbookFile('lampangrong-2565');
    const out = temporaryDir('ita-out-');
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, NAME), 'a file from somewhere else');
    writeFileSync(path.join(out, NAME.replace('.docx', '.pdf')), '%PDF- saved from Word');
    const run = await runBuildDoc([workbook, '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('ไม่ใช่ไฟล์ที่โปรแกรมสร้างไว้ครั้งล่าสุด จึงไม่เขียนทับ');
    expect(run.stderr).toMatch(
      /"ประกาศผลการประเมิน ITA 2565 อบต\.ลำปางรอง\.pdf" ไม่ได้สร้างจากประกาศฉบับใหม่ จึงย้ายไปเป็น "ประกาศผลการประเมิน ITA 2565 อบต\.ลำปางรอง \(แก้ไข .*\)\.pdf"/,
    );
    expect(writtenIn(out).filter((n) => n.includes('(แก้ไข '))).toHaveLength(2);
  });

  it.skipIf(!canRender)(
    'removes the PDF it made from an earlier announcement when the new one has none (needs LibreOffice: .ci/run installs it)',
    async () => {
      const workbook = await workbookFile('lampangrong-2565');
      const out = temporaryDir('ita-out-');
      expect((await runBuildDoc([workbook, '--out', out, '--pdf'])).status).toBe(0);
      expect(writtenIn(out)).toEqual([NAME, NAME.replace('.docx', '.pdf')].sort());
      const run = await runBuildDoc([workbook, '--out', out, '--signer', 'นายสันติ นาวีสัมพันธ์']);
      expect(run.status).toBe(0);
      expect(writtenIn(out)).toEqual([NAME]);
      expect(run.stderr).toContain('ที่สร้างจากประกาศฉบับเดิม เพราะไม่ตรงกับฉบับใหม่');
    },
  );

  it('removes the temporary files of a run that stopped half-way, not those of a run still going', async () => {
    const out = temporaryDir('ita-out-');
    const dead = `.~999999-1700000000000-${NAME}.tmp`;
    const alive = `.~${process.pid}-1700000000000-${NAME}.tmp`;
    for (const name of [dead, alive]) writeFileSync(path.join(out, name), 'half');
    expect((await runBuildDoc([await workbookFile('lampangrong-2565'), '--out', out])).status).toBe(0);
    expect(writtenIn(out)).toEqual([alive, NAME].sort());
  });
});

/** Thai text in the Windows Thai code page (TIS-620 letters at U+0E01–U+0E5B → 0xA1–0xFB). */
function windows874(text: string): Uint8Array {
  return Uint8Array.from(
    [...text].map((c) => {
      const code = c.codePointAt(0)!;
      if (code < 0x80) return code;
      if (code >= 0x0e01 && code <= 0x0e5b) return code - 0x0e01 + 0xa1;
      throw new Error(`not in windows-874: ${c}`);
    }),
  );
}
