/** input/settings.yaml and npm run check, through the command line as a clerk runs them. */
import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSettings } from '../../src/cli/settings-file.js';
import { runBuildDoc, PROJECT_ROOT, writtenIn } from '../helpers/cli.js';
import { paragraphs, part } from '../helpers/docx.js';
import { FIXTURES, temporaryDir, workbookFile } from '../../tools/workbooks.js';

const NAME = 'ประกาศผลการประเมิน ITA 2565 อบต.ลำปางรอง.docx';

function settingsFile(text: string): string {
  const dir = temporaryDir('ita-settings-');
  copyFileSync(path.join(FIXTURES, 'emblem', 'ตราหน่วยงาน.png'), path.join(dir, 'ตรา.png'));
  const file = path.join(dir, 'settings.yaml');
  writeFileSync(file, text);
  return file;
}

async function buildWith(settings: string, args: string[] = []) {
  const out = temporaryDir('ita-out-');
  const run = await runBuildDoc([await workbookFile('lampangrong-2565'), '--out', out, '--settings', settings, ...args]);
  const written = writtenIn(out);
  return { run, out, written, text: written.length ? paragraphs(path.join(out, written[0]!)).join('\n') : '' };
}

describe('the settings file', () => {
  it('ships in input/ as a commented example that sets nothing', async () => {
    expect(await readSettings(path.join(PROJECT_ROOT, 'input', 'settings.yaml'))).toEqual({ settings: {}, lines: {}, problems: [] });
  });

  it('takes the signer, position, date, digits and emblem from Thai keys, the emblem beside the file', async () => {
    const file = settingsFile(
      'ผู้ลงนาม: นายสันติ นาวีสัมพันธ์\nตำแหน่ง: นายกองค์การบริหารส่วนตำบลลำปางรอง\nวันที่ประกาศ: 2565-08-02\nตัวเลข: อารบิก\nตราครุฑ: ตรา.png\n',
    );
    const { run, out, written, text } = await buildWith(file);
    expect(run.status, run.stderr).toBe(0);
    expect(written).toEqual([NAME]);
    expect(text).toContain('(นายสันติ นาวีสัมพันธ์)');
    expect(text).toContain('ประกาศ ณ วันที่ 2 สิงหาคม พ.ศ. 2565');
    expect(text).toContain('ได้รับคะแนนการประเมิน 78.29 คะแนน');
    expect(part(path.join(out, NAME), 'word/_rels/document.xml.rels')).toContain('media/emblem-agency.png');
    expect(run.stderr).not.toContain('ภาพตัวอย่างแทนตราครุฑ');
  });

  it('accepts the English keys too, and a byte-order mark from Notepad', async () => {
    const { run, text } = await buildWith(settingsFile('\uFEFFsigner: นายสันติ นาวีสัมพันธ์\ndate: 2022-08-02\ndigits: thai\n'));
    expect(run.status, run.stderr).toBe(0);
    expect(text).toContain('ประกาศ ณ วันที่ ๒ สิงหาคม พ.ศ. ๒๕๖๕');
    expect(text).toContain('(นายสันติ นาวีสัมพันธ์)');
  });

  it('is overridden by options on the command line', async () => {
    const file = settingsFile('ผู้ลงนาม: นายในไฟล์ ตั้งค่า\nตัวเลข: อารบิก\nวันที่ประกาศ: 2565-08-02\n');
    const { run, text } = await buildWith(file, ['--signer', 'นายในคำสั่ง ทดสอบ', '--digits', 'thai']);
    expect(run.status, run.stderr).toBe(0);
    expect(text).toContain('(นายในคำสั่ง ทดสอบ)');
    expect(text).not.toContain('นายในไฟล์');
    expect(text).toContain('ได้รับคะแนนการประเมิน ๗๘.๒๙ คะแนน');
    expect(text).toContain('ประกาศ ณ วันที่ ๒ สิงหาคม พ.ศ. ๒๕๖๕');
  });

  it.each([
    ['an unknown key', 'ผู้ลงนาม: นายสันติ\nตำแหน่ง: นายก\nผู้ลงนามร่วม: นายอื่น\n', 3, 'ไม่รู้จัก "ผู้ลงนามร่วม"'],
    ['digits that are neither', 'ตัวเลข: โรมัน\n', 1, 'ต้องเป็น ไทย หรือ อารบิก'],
    ['a date that is not one', '\nวันที่ประกาศ: 2565-02-30\n', 2, 'ไม่มีวันนี้ในปฏิทิน'],
    ['a line that is not "name: value"', 'ผู้ลงนาม: นายสันติ\n  ตำแหน่ง: นายก: อบต.\n', 2, 'เขียนไม่ถูกรูปแบบ'],
  ])('refuses %s with exit code 2 and its line, writing nothing', async (_, text, line, says) => {
    const { run, written } = await buildWith(settingsFile(text));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`บรรทัดที่ ${line}`);
    expect(run.stderr).toContain(says);
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(written).toEqual([]);
  });
});

describe('npm run check', () => {
  it('prints what the announcement will say and every problem, and writes nothing', async () => {
    const out = temporaryDir('ita-out-');
    const run = await runBuildDoc([await workbookFile('lampangrong-2565'), '--check', '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(readdirSync(out)).toEqual([]);
    expect(run.stderr).toContain('อบต.ลำปางรอง · ปีงบประมาณ 2565');
    expect(run.stderr).toMatch(/3\. การใช้อำนาจ\s+84\.79\s+1\n/);
    expect(run.stderr).toMatch(/9\. การเปิดเผยข้อมูล\s+69\.57\s+10\n/);
    expect(run.stderr).toContain('คะแนนรวม 78.29 · ระดับ B · ผลการประเมิน ไม่ผ่าน');
    expect(run.stderr).toContain('ไม่ได้ระบุผู้ลงนาม');
    expect(run.stderr).toContain('พร้อมสร้างประกาศ 1 ฉบับ');
  });

  it('exits as a build would when the workbook has an error, still writing nothing', async () => {
    const out = temporaryDir('ita-out-');
    const bad = await workbookFile({
      sheets: [
        {
          name: 'ผล',
          rows: [
            ['หน่วยงาน', 'อบต.ผิด'],
            ['ปีงบประมาณ', 2565],
            ['ตัวชี้วัด', 'คะแนน'],
            ['การปฏิบัติหน้าที่', 150],
          ],
        },
      ],
    });
    const run = await runBuildDoc([bad, '--check', '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('ผล!B4');
    expect(readdirSync(out)).toEqual([]);
  });
});
