/** The emblem (ตราครุฑ): the template's placeholder, and the agency's own picture given with --emblem. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { runBuildDoc } from '../helpers/cli.js';
import { canRender, pdfImages, toPdf, validate } from '../helpers/clients.js';
import { part, templateVariant } from '../helpers/docx.js';
import { FIXTURES, temporaryDir, workbookFile } from '../../tools/workbooks.js';

const NAME = 'ประกาศผลการประเมิน ITA 2565 อบต.ลำปางรอง.docx';
const SIGNING = ['--date', '2022-08-02', '--signer', 'นายสันติ นาวีสัมพันธ์'];
const PNG = path.join(FIXTURES, 'emblem', 'ตราหน่วยงาน.png'); // 200 × 240
const JPEG = path.join(FIXTURES, 'emblem', 'ตราหน่วยงาน.jpg'); // 150 × 180
const THREE_CM = 1_080_000; // EMU

async function build(args: string[]) {
  const dir = temporaryDir('ita-emblem-');
  const out = path.join(dir, 'out');
  const run = await runBuildDoc([await workbookFile('lampangrong-2565', dir), '--out', out, ...SIGNING, ...args]);
  return { run, out, file: path.join(out, NAME) };
}

/** Size on the page (wp:extent) and the image part the emblem picture shows. */
function emblemOf(docx: string) {
  const xml = part(docx, 'word/document.xml');
  const anchor = /<wp:anchor [^>]*>.*?<\/wp:anchor>/.exec(xml)?.[0] ?? '';
  const extent = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(anchor);
  const embed = /r:embed="([^"]+)"/.exec(anchor)?.[1];
  const rels = part(docx, 'word/_rels/document.xml.rels');
  const target =
    new RegExp(`Id="${embed}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${embed}"`).exec(rels)?.[1];
  const zip = new PizZip(readFileSync(docx));
  return {
    anchor,
    width: Number(extent?.[1]),
    height: Number(extent?.[2]),
    image: target ? zip.file(`word/${target}`)?.asNodeBuffer() : undefined,
    media: Object.keys(zip.files).filter((name) => name.startsWith('word/media/')),
    contentTypes: part(docx, '[Content_Types].xml'),
  };
}

describe('the emblem', () => {
  it('is reserved by the default template: centred, 1.5 cm from the top edge, 3 cm high, a placeholder the clerk is warned about', async () => {
    const { run, file } = await build([]);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('ประกาศยังใช้ภาพตัวอย่างแทนตราครุฑ');
    const emblem = emblemOf(file);
    expect(emblem.anchor).toContain('<wp:positionH relativeFrom="margin"><wp:align>center</wp:align></wp:positionH>');
    expect(emblem.anchor).toContain('<wp:positionV relativeFrom="page"><wp:posOffset>540000</wp:posOffset></wp:positionV>');
    expect(emblem.anchor).toContain('name="ตราครุฑ"');
    expect(emblem.height).toBe(THREE_CM);
    expect(emblem.image?.includes('ita-announcement emblem placeholder')).toBe(true);
  });

  it('--emblem PNG: the agency picture in its place, 3 cm high, its proportions kept, the placeholder gone', async () => {
    const { run, file } = await build(['--emblem', PNG]);
    expect(run.stderr).not.toContain('ข้อผิดพลาด');
    expect(run.stderr).not.toContain('ภาพตัวอย่าง');
    expect(run.status).toBe(0);
    const emblem = emblemOf(file);
    expect(emblem.image?.equals(readFileSync(PNG))).toBe(true);
    expect(emblem.height).toBe(THREE_CM);
    expect(emblem.width).toBe(Math.round((THREE_CM * 200) / 240));
    expect(emblem.anchor).toContain(`<a:ext cx="${emblem.width}" cy="${THREE_CM}"/>`);
    expect(emblem.media).toEqual(['word/media/emblem-agency.png']);
    expect(await validate(file)).toEqual([]);
  });

  it('--emblem JPEG: declared as image/jpeg, proportions kept, and byte-identical on a second run', async () => {
    const first = await build(['--emblem', JPEG]);
    expect(first.run.status).toBe(0);
    const emblem = emblemOf(first.file);
    expect(emblem.image?.equals(readFileSync(JPEG))).toBe(true);
    expect(emblem.width).toBe(Math.round((THREE_CM * 150) / 180));
    expect(emblem.contentTypes).toContain('<Default Extension="jpeg" ContentType="image/jpeg"/>');
    expect(emblem.media).toEqual(['word/media/emblem-agency.jpeg']);
    expect(await validate(first.file)).toEqual([]);
    const second = await build(['--emblem', JPEG]);
    expect(readFileSync(second.file).equals(readFileSync(first.file))).toBe(true);
  });

  it.skipIf(!canRender)(
    'LibreOffice draws the agency picture on page one only, at its proportions (needs LibreOffice and poppler: .ci/run installs them)',
    async () => {
      const { file } = await build(['--emblem', PNG]);
      const images = pdfImages(toPdf(file, temporaryDir('ita-pdf-')));
      expect(images).toEqual([{ page: 1, width: 200, height: 240 }]);
    },
  );

  it('refuses a picture that is not PNG or JPEG with exit code 6, naming what it is, and writes nothing', async () => {
    const dir = temporaryDir('ita-emblem-');
    const gif = path.join(dir, 'ตรา.gif');
    writeFileSync(gif, Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'));
    const text = path.join(dir, 'ตรา.png');
    writeFileSync(text, 'ไม่ใช่ภาพ');
    for (const [file, words] of [
      [gif, 'ภาพ GIF'],
      [text, 'ไม่ใช่ภาพ PNG หรือ JPEG'],
      [path.join(dir, 'ไม่มีไฟล์นี้.png'), 'เปิดไฟล์ภาพตราครุฑไม่ได้ (ENOENT)'],
    ] as const) {
      const { run, out } = await build(['--emblem', file]);
      expect(run.status).toBe(6);
      expect(run.stderr).toContain(words);
      expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
      expect(() => readdirSync(out)).toThrow();
    }
  });

  it('refuses --emblem with a template that has no picture named ตราครุฑ, with exit code 3', async () => {
    const dir = temporaryDir('ita-emblem-');
    const template = templateVariant(dir, 'ไม่มีตรา.docx', (xml) => xml.replace(/<w:r><w:drawing>.*?<\/w:drawing><\/w:r>/, ''));
    const { run, out } = await build(['--emblem', PNG, '--template', template]);
    expect(run.status).toBe(3);
    expect(run.stderr).toContain('แม่แบบไม่มีภาพชื่อ "ตราครุฑ"');
    expect(() => readdirSync(out)).toThrow();
  });
});
