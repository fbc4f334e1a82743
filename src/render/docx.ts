/**
 * Writer: view → DOCX through docxtemplater over the Word template. Knows nothing of workbooks.
 */
import { readFile } from 'node:fs/promises';
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { error, type Problem } from '../problem.js';
import type { AnnouncementView } from './view.js';

/** Every zip entry gets this date, so the same input gives a byte-identical file. */
export const FIXED_ZIP_DATE = new Date(2000, 0, 1, 0, 0, 0);

export interface Template {
  file: string;
  content: Buffer;
}

export async function loadTemplate(file: string): Promise<{ template?: Template; problems: Problem[] }> {
  try {
    const template = { file, content: await readFile(file) };
    const compiled = compile(template);
    return compiled.problems.length ? { problems: compiled.problems } : { template, problems: [] };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    return { problems: [error('template-unreadable', { file }, `เปิดแม่แบบเอกสารไม่ได้ (${code}): ตรวจชื่อไฟล์ที่ระบุใน --template`)] };
  }
}

export function renderDocx(template: Template, view: AnnouncementView): { document?: Buffer; problems: Problem[] } {
  const compiled = compile(template);
  if (!compiled.doc) return { problems: compiled.problems };
  try {
    compiled.doc.render(view);
  } catch (e) {
    return { problems: templateProblems(e, template.file) };
  }
  if (compiled.missingTags.length) {
    return {
      problems: [...new Set(compiled.missingTags)].map((tag) =>
        error('template-error', { file: template.file, tag: `{${tag}}` }, `แม่แบบใช้ป้าย {${tag}} ซึ่งไม่มีข้อมูลให้: แก้ชื่อป้ายในแม่แบบ`),
      ),
    };
  }
  const zip = compiled.doc.getZip() as PizZip;
  for (const entry of Object.values(zip.files)) entry.date = FIXED_ZIP_DATE;
  return { document: zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' }), problems: [] };
}

interface Compiled {
  doc?: Docxtemplater;
  missingTags: string[];
  problems: Problem[];
}

function compile(template: Template): Compiled {
  const missingTags: string[] = [];
  try {
    const doc = new Docxtemplater(new PizZip(template.content), {
      paragraphLoop: true,
      linebreaks: false,
      nullGetter: (part) => {
        if (!part.module) missingTags.push(part.value);
        return '';
      },
    });
    return { doc, missingTags, problems: [] };
  } catch (e) {
    return { missingTags, problems: templateProblems(e, template.file) };
  }
}

interface TemplateErrorDetail {
  message?: string;
  properties?: { id?: string; xtag?: string; explanation?: string; file?: string; offset?: number };
}

function templateProblems(e: unknown, file: string): Problem[] {
  const detail = e as TemplateErrorDetail & { properties?: { errors?: TemplateErrorDetail[] } };
  const errors = detail.properties?.errors ?? [detail];
  if (!detail.properties) {
    return [error('template-unreadable', { file }, `แม่แบบเอกสารไม่ใช่ไฟล์ Word (.docx) ที่ใช้ได้ (${detail.message ?? String(e)})`)];
  }
  return errors.map((err) => {
    const p = err.properties ?? {};
    return error('template-error', { file, ...(p.xtag && { tag: p.xtag }) }, `แม่แบบมีข้อผิดพลาด${p.xtag ? ` ที่ป้าย {${p.xtag}}` : ''}: ${p.explanation ?? err.message ?? ''}`);
  });
}
