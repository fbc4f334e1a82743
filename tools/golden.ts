/**
 * Golden cases in the shape of pandoc's: one folder per case under tests/golden/, holding what
 * goes in (`case.json`: the readable workbook fixture and the settings) and what must come out,
 * per announcement: its model (`<name>.announcement.json`) and its document's XML parts, pretty
 * printed one element per line (`<name>.xml`), so a failure shows the lines that differ.
 * `npm run make-golden` rewrites the expected files on purpose, never silently.
 */
import { COMMAND_LINE_NAMES } from '../src/cli/options.js';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import PizZip from 'pizzip';
import { build, type BuildResult } from '../src/build/index.js';
import type { Digits } from '../src/core/format.js';
import { renderInThreads } from '../src/node/threads.js';
import { nodeDeflater } from '../src/node/deflater.js';
import { frameworksOnDisk } from '../src/node/frameworks-on-disk.js';
import { DEFAULT_ANALYSIS_TEMPLATE, DEFAULT_TEMPLATE, DEFAULT_TEMPLATES } from '../src/node/project-root.js';
import { temporaryDir, workbookFile } from './workbooks.js';
import { readFixture } from './workbook-fixture.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const GOLDEN_DIR = path.join(ROOT, 'tests', 'golden');

/** What a case's `case.json` says: paths are relative to the case's folder. */
export interface GoldenCase {
  name: string;
  description: string;
  /** A workbook fixture (tools/workbook-fixture.ts). */
  input: string;
  /** Workbook fixtures of the same agency's earlier years, given with the input (the analysis report's years before). */
  earlier?: string[];
  /** Write the analysis report beside each announcement (templates/ita-analysis.docx). */
  analysis?: boolean;
  settings: { date: string; signer?: string; position?: string; digits?: Digits; emblem?: string };
}

export function goldenCases(): GoldenCase[] {
  return readdirSync(GOLDEN_DIR)
    .filter((name) => readdirSync(path.join(GOLDEN_DIR, name)).includes('case.json'))
    .sort()
    .map((name) => ({ name, ...JSON.parse(readFileSync(path.join(GOLDEN_DIR, name, 'case.json'), 'utf8')) }));
}

/** The case built through the core, as the command line builds it (rendered in Node, deflated by node:zlib): the workbook is named as a clerk's would be. */
export async function buildCase(golden: GoldenCase): Promise<BuildResult> {
  const folder = path.join(GOLDEN_DIR, golden.name);
  const file = await workbookFile(readFixture(path.resolve(folder, golden.input)), temporaryDir('ita-golden-'));
  const earlier = await Promise.all(
    (golden.earlier ?? []).map(async (input, i) => ({
      name: `ผลการประเมิน ปีก่อน ${i + 1}.xlsx`,
      bytes: readFileSync(await workbookFile(readFixture(path.resolve(folder, input)), temporaryDir('ita-golden-'))),
    })),
  );
  const { emblem, digits = 'thai', ...announce } = golden.settings;
  return build({
    workbooks: [...earlier, { name: 'ผลการประเมิน.xlsx', bytes: readFileSync(file) }],
    template: { name: DEFAULT_TEMPLATES.announcement, bytes: readFileSync(DEFAULT_TEMPLATE) },
    ...(golden.analysis && {
      analysis: { template: { name: DEFAULT_TEMPLATES.analysis, bytes: readFileSync(DEFAULT_ANALYSIS_TEMPLATE) }, deflater: nodeDeflater },
    }),
    ...(emblem && { emblem: { name: path.basename(emblem), bytes: readFileSync(path.resolve(folder, emblem)) } }),
    frameworks: frameworksOnDisk(),
    announce: { ...announce, names: COMMAND_LINE_NAMES },
    digits,
    renderMany: renderInThreads(1),
  });
}

/** The expected files of a built case: file name → content. */
export function expectedFiles(result: BuildResult): Map<string, string> {
  const files = new Map<string, string>();
  for (const document of result.documents) {
    const stem = document.name.replace(/\.docx$/, '');
    if (document.analysis) files.set(`${stem}.analysis.json`, `${JSON.stringify(document.analysis, null, 2)}\n`);
    else files.set(`${stem}.announcement.json`, `${JSON.stringify(document.announcement, null, 2)}\n`);
    files.set(`${stem}.xml`, docxText(document.bytes));
  }
  return files;
}

/** Every part of a DOCX as text: XML parts pretty printed, other parts by size and SHA-256. */
export function docxText(bytes: Uint8Array): string {
  const zip = new PizZip(bytes);
  return Object.values(zip.files)
    .filter((entry) => !entry.dir)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((entry) => {
      if (/\.(xml|rels)$/.test(entry.name)) return `=== ${entry.name}\n${prettyXml(entry.asText())}`;
      const content = entry.asUint8Array();
      return `=== ${entry.name} (${content.length} bytes, sha256 ${createHash('sha256').update(content).digest('hex')})\n`;
    })
    .join('');
}

/**
 * One element per line, indented by depth. Lines break only between a tag's `>` and the next `<`,
 * so text (a w:t, with its spaces) stays as it is.
 */
export function prettyXml(xml: string): string {
  let depth = 0;
  const lines: string[] = [];
  for (const piece of xml.replace(/>\s*</g, '>\n<').split('\n')) {
    const closing = piece.startsWith('</');
    const opening = piece.startsWith('<') && !closing && !piece.startsWith('<?') && !piece.endsWith('/>') && !/<\/[^>]+>$/.test(piece);
    if (closing) depth--;
    lines.push(`${'  '.repeat(Math.max(depth, 0))}${piece}`);
    if (opening) depth++;
  }
  return `${lines.join('\n')}\n`;
}
