/**
 * The emblem (ตราครุฑ) as it will print: the picture chosen, or the template's grey placeholder
 * with a plain word that it prints so; a Thai button to choose one and another to remove it. A
 * picture that cannot be used is said to be the picture, beside it, and is not used: the check of
 * the results goes on without it.
 */
import { unzipSync } from 'fflate';
import type { NamedBytes } from '../../src/core/bytes.js';
import type { Problem } from '../../src/core/problem.js';
import { readEmblem } from '../../src/render/index.js';
import type { SettingNames } from '../../src/core/setting-names.js';

export interface EmblemField {
  /** The picture to put in the announcement; none: the placeholder prints. */
  chosen(): NamedBytes | undefined;
}

const PLACEHOLDER = 'word/media/emblem.png';

export function emblemField(template: NamedBytes, names: SettingNames, onChange: () => void): EmblemField {
  const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
  const input = $<HTMLInputElement>('emblem');
  const choose = $<HTMLButtonElement>('emblem-choose');
  const remove = $<HTMLButtonElement>('emblem-remove');
  const preview = $<HTMLImageElement>('emblem-preview');
  const note = $<HTMLDivElement>('emblem-note');
  const placeholder = URL.createObjectURL(
    new Blob([unzipSync(template.bytes, { filter: (file) => file.name === PLACEHOLDER })[PLACEHOLDER]! as BlobPart], { type: 'image/png' }),
  );
  let chosen: NamedBytes | undefined;
  let shownUrl: string | undefined;

  const show = (picture: NamedBytes | undefined, problem?: Problem) => {
    if (shownUrl) URL.revokeObjectURL(shownUrl);
    shownUrl = picture && URL.createObjectURL(new Blob([picture.bytes as BlobPart]));
    preview.src = shownUrl ?? placeholder;
    preview.alt = picture ? `ตราครุฑที่เลือก: ${picture.name}` : 'กรอบสีเทาที่จะพิมพ์แทนตราครุฑ';
    remove.hidden = !picture;
    if (problem) {
      note.textContent = `ใช้ภาพนี้ไม่ได้ (ภาพตรา ไม่ใช่ไฟล์ผลการประเมิน): ${problem.message.th} ประกาศจะพิมพ์กรอบสีเทาแทน`;
      note.className = 'hint error';
    } else {
      note.textContent = picture ? `ตราครุฑ: ${picture.name} (พิมพ์สูง 3 ซม.)` : 'ยังไม่ได้เลือกภาพตรา: ประกาศจะพิมพ์กรอบสีเทานี้ที่หัวประกาศแทนตราครุฑ';
      note.className = picture ? 'hint' : 'hint warning';
    }
  };

  choose.addEventListener('click', () => input.click());
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const picture = { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
    const problem = readEmblem(picture, names).problems.find((p) => p.severity === 'error');
    chosen = problem ? undefined : picture;
    show(problem ? undefined : picture, problem);
    onChange();
  });
  remove.addEventListener('click', () => {
    chosen = undefined;
    show(undefined);
    choose.focus();
    onChange();
  });
  show(undefined);
  return { chosen: () => chosen };
}
