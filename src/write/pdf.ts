/**
 * --pdf: a PDF beside each announcement, made by LibreOffice when it is installed. LibreOffice
 * is found through ITA_SOFFICE, then PATH, then its usual Windows folders. Without it the
 * documents are still written, and a warning says how to install it.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rename, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { warning, type Problem } from '../problem.js';

/** Documents per LibreOffice run: one start-up serves many. */
const PER_RUN = 100;

/** The LibreOffice program, or undefined when it is not installed. */
export function findLibreOffice(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const named = env.ITA_SOFFICE;
  if (named) return existsSync(named) ? named : undefined;
  const names = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];
  for (const folder of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const name of names) if (existsSync(path.join(folder, name))) return path.join(folder, name);
  }
  if (process.platform === 'win32') {
    for (const folder of [env.ProgramFiles, env['ProgramFiles(x86)']].filter((f): f is string => Boolean(f))) {
      const program = path.join(folder, 'LibreOffice', 'program', 'soffice.exe');
      if (existsSync(program)) return program;
    }
  }
  return undefined;
}

/** Makes `<name>.pdf` beside each document; returns the PDFs made and the problems met. */
export async function writePdfs(documents: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<{ pdfs: Map<string, string>; problems: Problem[] }> {
  const pdfs = new Map<string, string>();
  if (documents.length === 0) return { pdfs, problems: [] };
  const soffice = findLibreOffice(env);
  if (!soffice) {
    return {
      pdfs,
      problems: [
        warning(
          'pdf-unavailable',
          {},
          'ไม่พบโปรแกรม LibreOffice จึงสร้าง PDF ไม่ได้ (สร้างไฟล์ Word แล้ว): ติดตั้ง LibreOffice จาก libreoffice.org (Windows: ดาวน์โหลดตัวติดตั้ง .msi แล้วติดตั้งตามค่าเริ่มต้น) แล้วรันอีกครั้ง หรือเปิดไฟล์ Word แล้วเลือก "บันทึกเป็น PDF"',
          'LibreOffice was not found, so no PDF was made (the Word files were): install LibreOffice from libreoffice.org (Windows: the .msi installer with its defaults) and run again, or open the Word file and choose "Save as PDF"',
        ),
      ],
    };
  }
  const work = await mkdtemp(path.join(os.tmpdir(), 'ita-pdf-'));
  const problems: Problem[] = [];
  try {
    for (let start = 0; start < documents.length; start += PER_RUN) {
      const batch = documents.slice(start, start + PER_RUN);
      const failed = await convert(soffice, batch, work);
      for (const document of batch) {
        const made = path.join(work, 'pdf', `${path.parse(document).name}.pdf`);
        const target = path.join(path.dirname(document), `${path.parse(document).name}.pdf`);
        if (!existsSync(made)) {
          problems.push(
            warning(
              'pdf-failed',
              { file: document },
              `LibreOffice สร้าง PDF ของไฟล์นี้ไม่ได้${failed ? ` (${failed})` : ''}: เปิดไฟล์ Word แล้วเลือก "บันทึกเป็น PDF" แทน`,
              `LibreOffice could not make a PDF of this file${failed ? ` (${failed})` : ''}: open the Word file and choose "Save as PDF" instead`,
            ),
          );
          continue;
        }
        await rename(made, target);
        pdfs.set(document, target);
      }
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return { pdfs, problems };
}

/** One LibreOffice run over several documents, with a profile of its own so a LibreOffice the clerk has open is left alone. */
function convert(soffice: string, documents: readonly string[], work: string): Promise<string | undefined> {
  const profile = pathToFileURL(path.join(work, 'profile')).href;
  const args = ['--headless', '--norestore', `-env:UserInstallation=${profile}`, '--convert-to', 'pdf', '--outdir', path.join(work, 'pdf'), ...documents];
  return new Promise((resolve) => {
    const child = spawn(soffice, args, { stdio: 'ignore', timeout: 60_000 + 5_000 * documents.length });
    child.on('error', (e) => resolve(e.message));
    child.on('exit', (code, signal) => resolve(code === 0 ? undefined : `soffice: ${signal ?? `exit ${code}`}`));
  });
}
