/**
 * An agency's own template (--template) and `npm run check-template`: templates made from ours
 * the way Word leaves them, checked and used with real files.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuildDoc, runCheckTemplate } from '../helpers/cli.js';
import { DEFAULT_TEMPLATE, paragraphs, part, splitTagsLikeWord, templateVariant, thaiRuns, withoutWhitespace } from '../helpers/docx.js';
import { validate } from '../helpers/clients.js';
import { temporaryDir, workbookFile } from '../../tools/workbooks.js';

const NAME = 'ประกาศผลการประเมิน ITA 2565 อบต.ลำปางรอง.docx';
const SIGNING = ['--date', '2022-08-02', '--signer', 'นายสันติ นาวีสัมพันธ์'];

/** check-template on a copy of the default template edited by `edit`. */
function checkEdited(name: string, edit: (documentXml: string) => string) {
  return runCheckTemplate([templateVariant(temporaryDir('ita-check-'), name, edit)]);
}

describe('npm run check-template', () => {
  it('finds nothing wrong with the default template, and writes nothing', async () => {
    const dir = temporaryDir('ita-check-');
    const before = statSync(DEFAULT_TEMPLATE).mtimeMs;
    const run = await runCheckTemplate([], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('ใช้ได้');
    expect(run.stderr).not.toContain('ข้อผิดพลาด');
    expect(readdirSync(dir)).toEqual([]);
    expect(statSync(DEFAULT_TEMPLATE).mtimeMs).toBe(before);
  });

  it('accepts a template whose tags Word split across runs', async () => {
    const dir = temporaryDir('ita-check-');
    const file = templateVariant(dir, 'แม่แบบ.docx', splitTagsLikeWord);
    expect(part(file, 'word/document.xml')).toContain('<w:proofErr w:type="spellStart"/>');
    const run = await runCheckTemplate([file]);
    expect(run.stderr).not.toContain('ข้อผิดพลาด');
    expect(run.status).toBe(0);
  });

  it('names a misspelt tag, suggests the right one and shows the paragraph it is in', async () => {
    const run = await checkEdited('แม่แบบสะกดผิด.docx', (xml) =>
      xml.replace('ประจำปีงบประมาณ พ.ศ.{fiscalYear}', 'ประจำปีงบประมาณ พ.ศ.{fiscalYaer}'),
    );
    expect(run.status).toBe(3);
    expect(run.stderr).toContain('{fiscalYaer}');
    expect(run.stderr).toContain('หมายถึง {fiscalYear} หรือไม่');
    expect(run.stderr).toContain('ในย่อหน้า: "ประจำปีงบประมาณ พ.ศ.{fiscalYaer}"');
    // The only {fiscalYear} is misspelt, so the piece is missing as well.
    expect(run.stderr).toContain('แม่แบบขาดปีงบประมาณ');
    expect(run.stderr).toContain('ใช้ไม่ได้');
  });

  it('reads only the model: a tag that is code, or that reaches into JavaScript objects, is refused, never run', async () => {
    const marker = path.join(temporaryDir('ita-code-'), 'ran.txt');
    const code = `{constructor.constructor("require('fs').writeFileSync('${marker}','x')")()}`;
    const edit = (xml: string) =>
      xml.replace('{agencyFullName}', `{__proto__}{constructor}{toString}${code.replaceAll("'", '&apos;').replaceAll('"', '&quot;')}`);
    const run = await checkEdited('แม่แบบโค้ด.docx', edit);
    expect(run.status).toBe(3);
    for (const tag of ['{__proto__}', '{constructor}', '{toString}']) expect(run.stderr).toContain(tag);

    const out = temporaryDir('ita-out-');
    const template = templateVariant(temporaryDir('ita-code-'), 'แม่แบบโค้ด.docx', edit);
    const build = await runBuildDoc([await workbookFile('lampangrong-2565'), '--template', template, '--out', out]);
    expect(build.status).toBe(3);
    expect(readdirSync(out)).toEqual([]);
    expect(() => statSync(marker)).toThrow();
  });

  it('reports every syntax error at once, each with its paragraph, in Thai', async () => {
    const run = await checkEdited('แม่แบบวงเล็บ.docx', (xml) =>
      xml.replace('ประจำปีงบประมาณ พ.ศ.{fiscalYear}', 'ประจำปีงบประมาณ พ.ศ.{fiscalYear').replace('{score}{/ranking}', '{score}{/rankings}'),
    );
    expect(run.status).toBe(3);
    expect(run.stderr).toContain('ป้ายที่ขึ้นต้นด้วย {fiscalYear');
    expect(run.stderr).toContain('ไม่มีวงเล็บปิด }');
    expect(run.stderr).toContain('ในย่อหน้า: "ประจำปีงบประมาณ พ.ศ.{fiscalYear"');
    expect(run.stderr).toContain('กลุ่ม {#ranking} ถูกปิดด้วย {/rankings}');
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  it('lists the pieces of the announcement a template lacks', async () => {
    const run = await checkEdited('แม่แบบไม่ครบ.docx', (xml) =>
      xml
        .replace(/<w:p>(?:(?!<w:p>).)*?\(\{signer\}\)(?:(?!<w:p>).)*?<\/w:p>/, '')
        .replace(/<w:tbl>(?:(?!<w:tbl>).)*?\{#summary\}.*?<\/w:tbl>/, ''),
    );
    expect(run.status).toBe(3);
    expect(run.stderr).toContain('แม่แบบขาดชื่อผู้ลงนาม');
    expect(run.stderr).toContain('แม่แบบขาดผลการประเมิน (ผ่าน/ไม่ผ่าน) ในตารางสรุป');
    expect(run.stderr).not.toContain('แม่แบบขาดตำแหน่งผู้ลงนาม');
  });

  it('refuses a file that is not a Word document with exit code 3', async () => {
    const dir = temporaryDir('ita-check-');
    const run = await runCheckTemplate([path.join(dir, 'ไม่มีไฟล์นี้.docx')]);
    expect(run.status).toBe(3);
    expect(run.stderr).toContain('เปิดแม่แบบเอกสารไม่ได้');
  });
});

describe('npm run build-doc -- --template', () => {
  it('uses a template whose tags Word split across runs: the same announcement, every Thai run complex script', async () => {
    const dir = temporaryDir('ita-template-');
    const template = templateVariant(dir, 'แม่แบบของหน่วยงาน.docx', splitTagsLikeWord);
    const out = path.join(dir, 'out');
    const run = await runBuildDoc([await workbookFile('lampangrong-2565'), '--out', out, '--template', template, ...SIGNING]);
    expect(run.stderr).not.toContain('ข้อผิดพลาด');
    expect(run.status).toBe(0);
    const file = path.join(out, NAME);
    const ours = path.join(dir, 'ours');
    await runBuildDoc([await workbookFile('lampangrong-2565'), '--out', ours, ...SIGNING]);
    expect(withoutWhitespace(paragraphs(file).join(''))).toBe(withoutWhitespace(paragraphs(path.join(ours, NAME)).join('')));

    const runs = thaiRuns(part(file, 'word/document.xml'));
    const inserted = runs.find((r) => r.text.startsWith('องค์การบริหารส่วนตำบลลำปางรอง'));
    expect(inserted?.properties).toContain('<w:cs/>');
    expect(inserted?.properties).toContain('w:cs="TH SarabunIT๙"');
    expect(runs.filter((r) => !r.properties.includes('<w:cs/>'))).toEqual([]);
    expect(await validate(file)).toEqual([]);
  });

  it('refuses a template with a misspelt tag with exit code 3 before writing anything', async () => {
    const dir = temporaryDir('ita-template-');
    const template = templateVariant(dir, 'แม่แบบสะกดผิด.docx', (xml) => xml.replace('{highest}', '{higest}'));
    const out = path.join(dir, 'out');
    const run = await runBuildDoc([await workbookFile('lampangrong-2565'), '--out', out, '--template', template, ...SIGNING]);
    expect(run.status).toBe(3);
    expect(run.stderr).toContain('{higest}');
    expect(run.stderr).toContain('หมายถึง {highest} หรือไม่');
    expect(() => readdirSync(out)).toThrow();
  });

  it('keeps the template it was given untouched', async () => {
    const dir = temporaryDir('ita-template-');
    const template = templateVariant(dir, 'แม่แบบ.docx', (xml) => xml);
    const before = readFileSync(template);
    await runBuildDoc([await workbookFile('lampangrong-2565'), '--out', path.join(dir, 'out'), '--template', template, ...SIGNING]);
    expect(readFileSync(template).equals(before)).toBe(true);
  });
});

describe('a template reaches docxtemplater only as zip/open.ts measured it', () => {
  it('a template whose part does not match its CRC-32 is refused by prepareTemplate too, not trusted', async () => {
    const { prepareTemplate } = await import('../../src/render/index.js');
    const { COMMAND_LINE_NAMES: names } = await import('../../src/cli/options.js');
    const { DEFAULT_TEMPLATE: file } = await import('../helpers/docx.js');
    const bytes = new Uint8Array(readFileSync(file));
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let directory = bytes.length - 22;
    while (view.getUint32(directory, true) !== 0x06054b50) directory--;
    const first = view.getUint32(directory + 16, true);
    view.setUint32(first + 16, view.getUint32(first + 16, true) ^ 1, true); // the first entry's CRC-32, as the directory records it
    const { prepared, problems } = prepareTemplate({ file: 'แม่แบบ.docx', content: bytes }, undefined, names);
    expect(prepared).toBeUndefined();
    expect(problems.map((p) => p.code)).toEqual(['template-unreadable']);
  });
});
