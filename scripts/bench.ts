/**
 * npm run bench [-- --agencies 1000,8323 --runs 5]
 *
 * Measures what a clerk and a provincial office wait for, on this machine, and writes the
 * results to docs/benchmarks.json and the table in docs/benchmarks.md:
 * - one announcement end to end as a clerk runs it (`npm run build-doc`, process start to exit), median of --runs;
 * - a batch of each --agencies size from a generated layout-2 workbook (not committed):
 *   documents per second, milliseconds per document, peak resident memory;
 * - the floor: loading the template zip and writing it back unchanged with pizzip, per document;
 *   and the least any real document can cost: the same with only its word/document.xml changed
 *   (one announcement's, deflated anew), which shows how near the floor a document can come.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import PizZip from 'pizzip';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { benchWorkbook } from './lib/bench-workbook.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const TEMPLATE = path.join(ROOT, 'templates', 'ita-announcement.docx');
const EXAMPLE = path.join(ROOT, 'input', 'ตัวอย่าง ผลการประเมิน ITA 2565 อบต.ลำปางรอง.xlsx');
const TARGETS = { batchSeconds: 60, peakMemoryMB: 500, floorRatio: 2, oneSeconds: 1.5, memoryGrowth: 2 };

const args = yargs(hideBin(process.argv))
  .option('agencies', { type: 'string', default: '1000,8323', describe: 'batch sizes, comma-separated' })
  .option('runs', { type: 'number', default: 5, describe: 'runs of the single announcement' })
  .option('batch-runs', { type: 'number', default: 1, describe: 'runs of each batch (peak memory varies by ±40 MB between runs)' })
  .strict()
  .parseSync();
const sizes = args.agencies.split(',').map(Number);
const work = mkdtempSync(path.join(os.tmpdir(), 'ita-bench-'));

function timed(command: string, commandArgs: string[]): { ms: number; stdout: string } {
  const start = performance.now();
  const run = spawnSync(command, commandArgs, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024, shell: process.platform === 'win32' });
  const ms = performance.now() - start;
  if (run.status !== 0) throw new Error(`${command} ${commandArgs.join(' ')} exited ${run.status}\n${run.stderr.slice(-2000)}`);
  return { ms, stdout: run.stdout };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

// One announcement, as a clerk runs it.
const oneRuns = Array.from({ length: args.runs }, () => timed(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build-doc', '--silent', '--', EXAMPLE, '--out', path.join(work, 'one')]).ms);
const oneSeconds = median(oneRuns) / 1000;

// The floor: the template's zip loaded and written back unchanged, per document.
const template = readFileSync(TEMPLATE);
const floorCount = 2000;
let start = performance.now();
for (let i = 0; i < floorCount; i++) new PizZip(template).generate({ type: 'nodebuffer', compression: 'DEFLATE' });
const floorMs = (performance.now() - start) / floorCount;

// The least a real document can cost: the floor with one part changed, the one every announcement changes.
const oneOut = path.join(work, 'one');
const body = new PizZip(readFileSync(path.join(oneOut, readdirSync(oneOut).find((f) => f.endsWith('.docx'))!))).file('word/document.xml')!.asText();
start = performance.now();
for (let i = 0; i < floorCount; i++) new PizZip(template).file('word/document.xml', body).generate({ type: 'nodebuffer', compression: 'DEFLATE' });
const changedFloorMs = (performance.now() - start) / floorCount;

// Batches.
const batches = [];
for (const agencies of sizes) {
  const file = await benchWorkbook(agencies, work);
  const out = path.join(work, `out-${agencies}`);
  const runs = Array.from({ length: args['batch-runs'] }, () => {
    const run = timed(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(ROOT, 'src', 'cli.ts'), file, '--out', out, '--json']);
    const summary = JSON.parse(run.stdout) as { documents: unknown[]; run: { peakMemoryMB: number } };
    if (summary.documents.length !== agencies) throw new Error(`${agencies} agencies gave ${summary.documents.length} documents`);
    rmSync(out, { recursive: true, force: true });
    return { ms: run.ms, peakMemoryMB: summary.run.peakMemoryMB };
  });
  const ms = median(runs.map((r) => r.ms));
  const memory = runs.map((r) => r.peakMemoryMB);
  batches.push({ agencies, runs: runs.length, seconds: ms / 1000, documentsPerSecond: agencies / (ms / 1000), msPerDocument: ms / agencies, peakMemoryMB: median(memory), peakMemoryRangeMB: [Math.min(...memory), Math.max(...memory)], floorRatio: ms / agencies / floorMs });
}
rmSync(work, { recursive: true, force: true });

const machine = { cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.availableParallelism(), memoryGB: Math.round(os.totalmem() / 2 ** 30), os: `${os.type()} ${os.release()}`, node: process.version };
const date = new Date().toISOString().slice(0, 10);
const results = { date, machine, targets: TARGETS, oneAnnouncement: { runs: oneRuns.map(Math.round), medianSeconds: oneSeconds }, floorMsPerDocument: floorMs, changedFloorMsPerDocument: changedFloorMs, batches };
writeFileSync(path.join(ROOT, 'docs', 'benchmarks.json'), `${JSON.stringify(results, null, 2)}\n`);

const mark = (ok: boolean) => (ok ? '✓' : '✗');
const largest = batches.at(-1)!;
const smallest = batches[0]!;
const growth = largest.peakMemoryMB / smallest.peakMemoryMB;
const lines = [
  `Run on ${date}: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB, ${machine.os}, Node ${machine.node}.`,
  '',
  '| measure | result | target | |',
  '|---|---|---|---|',
  `| one announcement, \`npm run build-doc\` start to exit (median of ${args.runs}) | ${oneSeconds.toFixed(2)} s | < ${TARGETS.oneSeconds} s | ${mark(oneSeconds < TARGETS.oneSeconds)} |`,
  ...batches.map((b) => `| ${b.agencies} agencies: wall time | ${b.seconds.toFixed(1)} s (${b.documentsPerSecond.toFixed(0)} documents/s, ${b.msPerDocument.toFixed(2)} ms each) | ${b.agencies >= 8323 ? `< ${TARGETS.batchSeconds} s` : ''} | ${b.agencies >= 8323 ? mark(b.seconds < TARGETS.batchSeconds) : ''} |`),
  ...batches.map((b) => {
    const range = b.runs > 1 ? ` (median of ${b.runs}: ${b.peakMemoryRangeMB[0]}–${b.peakMemoryRangeMB[1]} MB)` : '';
    return `| ${b.agencies} agencies: peak memory | ${b.peakMemoryMB} MB${range} | < ${TARGETS.peakMemoryMB} MB | ${mark(b.peakMemoryMB < TARGETS.peakMemoryMB)} |`;
  }),
  `| pizzip floor (template loaded and written back) | ${floorMs.toFixed(2)} ms per document | | |`,
  `| the least a real document costs (the floor with its document.xml changed) | ${changedFloorMs.toFixed(2)} ms, ${(changedFloorMs / floorMs).toFixed(1)}× the floor | | |`,
  `| per document ÷ floor (${largest.agencies} agencies) | ${largest.floorRatio.toFixed(1)}× | ≤ ${TARGETS.floorRatio}× | ${mark(largest.floorRatio <= TARGETS.floorRatio)} |`,
  `| memory growth ${smallest.agencies} → ${largest.agencies} agencies | ${growth.toFixed(2)}× | < ${TARGETS.memoryGrowth}× | ${mark(growth < TARGETS.memoryGrowth)} |`,
];
const docs = path.join(ROOT, 'docs', 'benchmarks.md');
const page = readFileSync(docs, 'utf8');
writeFileSync(docs, page.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, `<!-- bench:start -->\n${lines.join('\n')}\n<!-- bench:end -->`));
console.log(lines.join('\n'));
console.log(`\nwrote docs/benchmarks.json and the table in docs/benchmarks.md`);
