/**
 * The programs reviewers and validators run on our documents: Microsoft's Open XML SDK validator,
 * python-docx, LibreOffice (and poppler to read its PDF). Tests that need one skip, saying why,
 * on a machine without it; .ci/run installs them all.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import validateOoxml from '@ooxml-tools/validate';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { threadId } from 'node:worker_threads';
import { expect } from 'vitest';

/**
 * Microsoft's Open XML SDK validator (its .NET code compiled to WebAssembly, run in this test
 * worker without .NET): the list of errors it finds. Its runtime starts once per test file, in
 * about 3 s; each document then takes a fraction of a second.
 */
export async function validate(docx: string | Uint8Array): Promise<unknown[]> {
  return validateOoxml(typeof docx === 'string' ? readFileSync(docx) : docx, 'docx');
}

/** Debian's python3 (the one on PATH may be another without python3-docx). */
const python = '/usr/bin/python3';
export const hasPythonDocx = existsSync(python) && spawnSync(python, ['-c', 'import docx']).status === 0;

export function runPython(script: string, args: string[]): { stdout: string; stderr: string } {
  const run = spawnSync(python, ['-c', script, ...args], { encoding: 'utf8' });
  return { stdout: run.stdout, stderr: run.stderr };
}

export const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find(existsSync);
const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0;
export const canRender = Boolean(soffice) && hasPoppler;

/**
 * One LibreOffice profile per test worker, made by its first conversion and reused by the next
 * (a fresh profile costs LibreOffice a second or two); a worker converts one thing at a time.
 */
const profile = pathToFileURL(path.join(os.tmpdir(), `ita-lo-profile-${process.pid}-${threadId}`)).href;

/** LibreOffice converting `files` in one run, into `outdir`. */
function convert(files: readonly string[], to: string, outdir: string): void {
  execFileSync(
    soffice!,
    ['--headless', '--norestore', `-env:UserInstallation=${profile}`, '--convert-to', to, '--outdir', outdir, ...files],
    { stdio: 'ignore', timeout: 90_000 + 10_000 * files.length },
  );
}

/** The workbooks as LibreOffice Calc saves them again (a writer other than exceljs), in one run, as `<dir>/saved/<name>`. */
export function resaveWithLibreOffice(workbooks: readonly string[], dir: string): string[] {
  convert(workbooks, 'xlsx:Calc MS Excel 2007 XML', path.join(dir, 'saved'));
  return workbooks.map((file) => path.join(dir, 'saved', path.basename(file)));
}

/** LibreOffice's PDF of a document, in `dir`. */
export function toPdf(docx: string, dir: string): string {
  convert([docx], 'pdf', dir);
  const pdf = readdirSync(dir).find((name) => name.endsWith('.pdf'));
  expect(pdf, 'LibreOffice wrote no PDF').toBeDefined();
  return path.join(dir, pdf!);
}

/** The first sheet of a workbook as LibreOffice Calc reads it, as CSV (UTF-8, comma-separated), in `dir`. */
export function sheetAsCsv(workbook: string, dir: string): string {
  convert([workbook], 'csv:Text - txt - csv (StarCalc):44,34,76', dir);
  return readFileSync(path.join(dir, `${path.basename(workbook, path.extname(workbook))}.csv`), 'utf8');
}

export function pdfPageCount(pdf: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
}

export function pdfPageText(pdf: string, page: number): string {
  return execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' });
}

export interface WordBox {
  page: number;
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** Every word poppler finds, with its box in points from the page's top left. */
export function pdfWords(pdf: string): { pageWidth: number; words: WordBox[] } {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const words: WordBox[] = [];
  let page = 0;
  let pageWidth = 0;
  for (const match of html.matchAll(
    /<page width="([\d.]+)"|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
  )) {
    if (match[1]) {
      page += 1;
      pageWidth = Number(match[1]);
      continue;
    }
    words.push({ page, text: match[6]!, xMin: Number(match[2]), yMin: Number(match[3]), xMax: Number(match[4]), yMax: Number(match[5]) });
  }
  return { pageWidth, words };
}

/** The pictures in a PDF page by page (poppler's pdfimages -list): page, width, height in pixels. */
export function pdfImages(pdf: string): { page: number; width: number; height: number }[] {
  const lines = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return lines.map((line) => {
    const [page, , , width, height] = line.trim().split(/\s+/);
    return { page: Number(page), width: Number(width), height: Number(height) };
  });
}

export interface LineBox {
  page: number;
  /** The line's words joined by a space. */
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
}

/** Every line of a PDF, page by page, as poppler lays it out (pdftotext -bbox-layout), in points. */
export function pdfLines(pdf: string): LineBox[] {
  const html = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const lines: LineBox[] = [];
  let page = 0;
  for (const match of html.matchAll(/<page |<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([\s\S]*?)<\/line>/g)) {
    if (!match[1]) {
      page += 1;
      continue;
    }
    const text = [...match[4]!.matchAll(/>([^<]*)<\/word>/g)].map((w) => w[1]).join(' ');
    lines.push({ page, text, xMin: Number(match[1]), yMin: Number(match[2]), xMax: Number(match[3]) });
  }
  return lines.sort((a, b) => a.page - b.page || a.yMin - b.yMin);
}
