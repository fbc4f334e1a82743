/**
 * --pdf: a PDF beside each announcement, made by LibreOffice when it is installed. LibreOffice
 * is found through ITA_SOFFICE, then PATH, then its usual Windows folders. Without it the
 * documents are still written, and a warning says how to install it.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import PizZip from 'pizzip';
import { warning, type Problem } from '../core/problem.js';
import { cannotWriteMessage, folderFault } from './files.js';

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

/** Saves a PDF whole in its place, or throws (the output folder's `save`, which remembers it as the program's). */
export type SavePdf = (target: string, bytes: Uint8Array) => Promise<void>;

/** Makes `<name>.pdf` beside each document; returns the PDFs made and the problems met. */
export async function writePdfs(
  documents: readonly string[],
  env: NodeJS.ProcessEnv,
  save: SavePdf,
): Promise<{ pdfs: Map<string, string>; problems: Problem[] }> {
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
  const profile = path.join(work, 'profile');
  await writeProfile(profile);
  const problems: Problem[] = [];
  try {
    for (let start = 0; start < documents.length; start += PER_RUN) {
      const batch = documents.slice(start, start + PER_RUN);
      const failed = await convertBatch(soffice, batch, work, profile, start);
      for (const [i, document] of batch.entries()) {
        const made = path.join(work, 'pdf', `${start + i}.pdf`);
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
        // Written beside the document the way documents are (a temporary file there, then a rename): the output folder may be on another drive.
        try {
          await save(target, await readFile(made));
        } catch (e) {
          const ofFolder = folderFault(e as NodeJS.ErrnoException);
          const why = ofFolder ?? cannotWriteMessage(e as NodeJS.ErrnoException);
          problems.push(warning('pdf-failed', { file: target }, `บันทึก PDF ไม่ได้: ${why.th}`, `Cannot save the PDF: ${why.en}`));
          // A full or read-only disk takes no more PDFs either.
          if (ofFolder) return { pdfs, problems };
          continue;
        }
        pdfs.set(document, target);
      }
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return { pdfs, problems };
}

/**
 * What LibreOffice 7.4 reads differently from Word, mended on copies made for it: Word's Thai
 * justification (thaiDistribute) LibreOffice reads as ragged right, so the copy says `both`; and
 * LibreOffice has no Thai page number format to read from a DOCX (w:pgNumType thaiNumbers prints
 * 2), so the copies go through its own format, ODT, where a page style's numbers can be "Native
 * Numbering", which prints the language's own digits: ๒.
 *   DOCX (mended) → ODT (page numbers mended) → PDF, each step one LibreOffice run for the batch.
 */
async function convertBatch(
  soffice: string,
  documents: readonly string[],
  work: string,
  profile: string,
  first: number,
): Promise<string | undefined> {
  const docx = path.join(work, 'docx');
  const odt = path.join(work, 'odt');
  await mkdir(docx, { recursive: true });
  const thaiDigits = new Set<number>();
  const copies = await Promise.all(
    documents.map(async (document, i) => {
      const zip = new PizZip(await readFile(document));
      for (const part of ['word/document.xml', 'word/styles.xml']) {
        const xml = zip.file(part)?.asText();
        if (xml) zip.file(part, xml.replace(/(<w:jc\b[^>]*\bw:val=")thaiDistribute"/g, '$1both"'));
      }
      if (/<w:pgNumType\b[^>]*\bw:fmt="thaiNumbers"/.test(zip.file('word/document.xml')?.asText() ?? '')) thaiDigits.add(first + i);
      const copy = path.join(docx, `${first + i}.docx`);
      await writeFile(copy, zip.generate({ type: 'uint8array', compression: 'DEFLATE' }));
      return copy;
    }),
  );
  const toOdt = await run(soffice, profile, 'odt', odt, copies);
  const odts = copies.map((_, i) => path.join(odt, `${first + i}.odt`)).filter((file) => existsSync(file));
  for (const file of odts) {
    if (!thaiDigits.has(Number(path.basename(file, '.odt')))) continue;
    const zip = new PizZip(await readFile(file));
    const styles = zip.file('styles.xml')?.asText();
    if (styles)
      zip.file('styles.xml', styles.replace(/(<style:page-layout-properties\b[^>]*\bstyle:num-format=")1"/g, '$1Native Numbering"'));
    // ODF wants its mimetype first and stored as it is.
    zip.file('mimetype', zip.file('mimetype')!.asText(), { compression: 'STORE' });
    await writeFile(file, zip.generate({ type: 'uint8array', compression: 'DEFLATE' }));
  }
  const toPdf = await run(soffice, profile, 'pdf', path.join(work, 'pdf'), odts);
  return toOdt ?? toPdf;
}

/**
 * A LibreOffice profile of this run's own, so a LibreOffice the clerk has open is left alone. It
 * sets one thing: where the fonts of the ประกาศ are not installed (TH SarabunIT๙ and its family
 * come with Thai Windows and Office, not with Linux), LibreOffice draws them with Laksaman, the
 * free font made to the same measures, so lines break where Word breaks them.
 */
async function writeProfile(profile: string): Promise<void> {
  const user = path.join(profile, 'user');
  await mkdir(user, { recursive: true });
  const pairs = ['TH SarabunIT๙', 'TH SarabunPSK', 'TH Sarabun New']
    .map(
      (font, i) =>
        `<item oor:path="/org.openoffice.VCL/FontSubstitutions/FontPairs"><node oor:name="_${i}" oor:op="replace"><prop oor:name="Always" oor:op="fuse"><value>false</value></prop><prop oor:name="OnScreenOnly" oor:op="fuse"><value>false</value></prop><prop oor:name="ReplaceFont" oor:op="fuse"><value>${font}</value></prop><prop oor:name="SubstituteFont" oor:op="fuse"><value>Laksaman</value></prop></node></item>`,
    )
    .join('\n');
  await writeFile(
    path.join(user, 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.VCL/FontSubstitutions"><prop oor:name="Replacement" oor:op="fuse"><value>true</value></prop></item>
${pairs}
</oor:items>
`,
  );
}

/** One LibreOffice run converting `files` to `format` in `outdir`; undefined, or why it failed. */
function run(soffice: string, profile: string, format: string, outdir: string, files: readonly string[]): Promise<string | undefined> {
  if (files.length === 0) return Promise.resolve(undefined);
  const args = [
    '--headless',
    '--norestore',
    `-env:UserInstallation=${pathToFileURL(profile).href}`,
    '--convert-to',
    format,
    '--outdir',
    outdir,
    ...files,
  ];
  return new Promise((resolve) => {
    const child = spawn(soffice, args, { stdio: 'ignore', timeout: 60_000 + 5_000 * files.length });
    child.on('error', (e) => resolve(e.message));
    child.on('exit', (code, signal) => resolve(code === 0 ? undefined : `soffice: ${signal ?? `exit ${code}`}`));
  });
}
