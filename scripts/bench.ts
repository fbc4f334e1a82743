/**
 * npm run bench [-- --agencies 1000 --large 8323 --runs 5 --batch-runs 3]
 *
 * The program measured beside its peers in the same run, on the machine it runs on (a shared,
 * noisy one: medians of alternating runs, and ratios), against the goals of docs/benchmarks.md.
 * Prints the table and writes it there, with docs/benchmarks.json and the CPU profile's top entries.
 *
 * - One announcement: `npm run build-doc` on the example workbook, start to exit, ÷ `node -e ''`
 *   (and the program without npm in front of it, for what npm itself costs).
 * - Rendering: `renderAnnouncement` (model → DOCX bytes) ÷ plain docxtemplater render + generate of
 *   the same template and view (the zip loaded and the template compiled per document), in one process.
 * - A batch of --agencies from a generated layout-2 workbook (not committed): the program's processor
 *   time per agency, reading and writing included, ÷ that of a plain docxtemplater loop rendering the
 *   same template and views and writing each file (scripts/lib/plain-docxtemplater.mjs), both whole processes.
 * - A batch of --large agencies (every agency of a year): wall time and peak memory, all cores.
 * - `--analysis`: a batch of --analysis-agencies, and the example, each run with the analysis
 *   report and without it, alternating: the processor time per agency of announcement + analysis
 *   ÷ that of the announcement alone, and one agency start to exit.
 */
import { COMMAND_LINE_NAMES } from '../src/cli/options.js';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { prepareTemplate, readTemplate, renderAnnouncement } from '../src/render/index.js';
import { nodeDeflater } from '../src/node/deflater.js';
import { DEFAULT_TEMPLATE as TEMPLATE } from '../src/node/project-root.js';
import { benchWorkbook } from '../tools/bench-workbook.js';
import { profileTop } from './lib/profile-top.js';
import { toView } from '../src/render/view.js';
import { announcementsOf, plainDocxtemplater } from './lib/render-peers.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const EXAMPLE = path.join(ROOT, 'input', 'ตัวอย่าง ผลการประเมิน ITA 2565 อบต.ลำปางรอง.xlsx');
const START = path.join(ROOT, 'src', 'cli', 'start.cjs');
const PEER = path.join(ROOT, 'scripts', 'lib', 'plain-docxtemplater.mjs');
// Issue 26's goals.
const GOALS = {
  batchCpuRatio: 0.3,
  renderRatio: 0.25,
  oneRatio: 6,
  oneWithoutNpmRatio: 3,
  largeSeconds: 8,
  largeMemoryMB: 250,
  analysisRatio: 1.3,
};

const args = yargs(hideBin(process.argv))
  .option('agencies', { type: 'number', default: 1000, describe: 'the batch measured against the plain docxtemplater loop' })
  .option('large', { type: 'number', default: 8323, describe: 'the batch measured for wall time and memory' })
  .option('runs', { type: 'number', default: 5, describe: 'runs of the single announcement' })
  .option('batch-runs', { type: 'number', default: 3, describe: 'runs of the batch and of its peer' })
  .option('analysis-agencies', { type: 'number', default: 200, describe: 'the batch run with --analysis and without it' })
  .strict()
  .parseSync();
const work = mkdtempSync(path.join(os.tmpdir(), 'ita-bench-'));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function timed(command: string, commandArgs: string[]): { seconds: number; stdout: string } {
  const start = performance.now();
  const run = spawnSync(command, commandArgs, {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    shell: process.platform === 'win32',
  });
  const seconds = (performance.now() - start) / 1000;
  if (run.status !== 0) throw new Error(`${command} ${commandArgs.join(' ')} exited ${run.status}\n${run.stderr.slice(-2000)}`);
  return { seconds, stdout: run.stdout };
}

// The program is built (dist/) before anything is timed.
timed(process.execPath, [START, 'build']);

// One announcement, as a clerk runs it, beside an empty Node.js, alternating.
const one = { node: [] as number[], npm: [] as number[], direct: [] as number[] };
for (let run = 0; run < args.runs; run++) {
  one.node.push(timed(process.execPath, ['-e', '']).seconds);
  one.npm.push(timed(npm, ['run', 'build-doc', '--silent', '--', EXAMPLE, '--out', path.join(work, 'one')]).seconds);
  one.direct.push(timed(process.execPath, ['--expose-gc', START, 'build-doc', EXAMPLE, '--out', path.join(work, 'one')]).seconds);
}
const oneAnnouncement = {
  nodeSeconds: median(one.node),
  npmSeconds: median(one.npm),
  withoutNpmSeconds: median(one.direct),
  ratio: median(one.npm) / median(one.node),
  withoutNpmRatio: median(one.direct) / median(one.node),
};

// Rendering alone, in this process, alternating rounds.
const [announcement] = await announcementsOf(EXAMPLE, TEMPLATE);
const templateBytes = new Uint8Array(readFileSync(TEMPLATE));
const prepared = prepareTemplate(
  readTemplate({ name: TEMPLATE, bytes: templateBytes }, COMMAND_LINE_NAMES).template!,
  undefined,
  COMMAND_LINE_NAMES,
).prepared!;
const perRound = 100;
const renderMs = { ours: [] as number[], plain: [] as number[] };
for (let round = 0; round < 11; round++) {
  let start = performance.now();
  for (let i = 0; i < perRound; i++) plainDocxtemplater(templateBytes, toView(announcement!, 'thai'));
  renderMs.plain.push((performance.now() - start) / perRound);
  start = performance.now();
  for (let i = 0; i < perRound; i++) renderAnnouncement(prepared, announcement!, 'thai', nodeDeflater);
  renderMs.ours.push((performance.now() - start) / perRound);
}
const rendering = { oursMs: median(renderMs.ours), plainMs: median(renderMs.plain), ratio: median(renderMs.ours) / median(renderMs.plain) };

// The batch beside the plain docxtemplater loop on the same template and views, alternating.
const batchFile = await benchWorkbook(args.agencies, work);
const views = path.join(work, 'views.json');
const batchAnnouncements = await announcementsOf(batchFile, TEMPLATE);
writeFileSync(views, JSON.stringify(batchAnnouncements.map((a) => toView(a, 'thai'))));
const runBatch = (file: string, out: string, nodeFlags: string[] = [], options: string[] = []) => {
  const run = timed(process.execPath, ['--expose-gc', ...nodeFlags, START, 'build-doc', file, '--out', out, '--json', ...options]);
  const summary = JSON.parse(run.stdout) as {
    documents: unknown[];
    analyses?: unknown[];
    run: { peakMemoryMB: number; cpuSeconds: number };
  };
  rmSync(out, { recursive: true, force: true });
  return { seconds: run.seconds, documents: summary.documents.length, analyses: summary.analyses?.length ?? 0, ...summary.run };
};
const batchRuns = {
  ours: [] as ReturnType<typeof runBatch>[],
  plain: [] as { seconds: number; cpuSeconds: number; peakMemoryMB: number }[],
};
for (let run = 0; run < args['batch-runs']; run++) {
  batchRuns.ours.push(runBatch(batchFile, path.join(work, 'batch')));
  const peer = timed(process.execPath, [PEER, TEMPLATE, views, path.join(work, 'plain')]);
  rmSync(path.join(work, 'plain'), { recursive: true, force: true });
  batchRuns.plain.push({ seconds: peer.seconds, ...(JSON.parse(peer.stdout) as { cpuSeconds: number; peakMemoryMB: number }) });
}
if (batchRuns.ours.some((r) => r.documents !== args.agencies)) throw new Error(`the batch did not give ${args.agencies} documents`);
/** Processor milliseconds per agency, the median of `runs` of a batch of `agencies`. */
const cpuMsPerAgency = (runs: { cpuSeconds: number }[], agencies: number) => (median(runs.map((r) => r.cpuSeconds)) * 1000) / agencies;
const cpuPerAgency = (runs: { cpuSeconds: number }[]) => cpuMsPerAgency(runs, args.agencies);
const batch = {
  agencies: args.agencies,
  runs: args['batch-runs'],
  oursCpuMsPerAgency: cpuPerAgency(batchRuns.ours),
  plainCpuMsPerAgency: cpuPerAgency(batchRuns.plain),
  ratio: cpuPerAgency(batchRuns.ours) / cpuPerAgency(batchRuns.plain),
  oursSeconds: median(batchRuns.ours.map((r) => r.seconds)),
  plainSeconds: median(batchRuns.plain.map((r) => r.seconds)),
  plainPeakMemoryMB: median(batchRuns.plain.map((r) => r.peakMemoryMB)),
};

// The analysis report: the same batch and the example with --analysis and without it, alternating.
const analysisFile = await benchWorkbook(args['analysis-agencies'], work);
const analysisRuns = {
  with: [] as ReturnType<typeof runBatch>[],
  without: [] as ReturnType<typeof runBatch>[],
  oneWith: [] as number[],
  oneWithout: [] as number[],
};
for (let run = 0; run < args['batch-runs']; run++) {
  analysisRuns.without.push(runBatch(analysisFile, path.join(work, 'announcements')));
  analysisRuns.with.push(runBatch(analysisFile, path.join(work, 'analyses'), [], ['--analysis']));
}
for (let run = 0; run < args.runs; run++) {
  analysisRuns.oneWithout.push(
    timed(process.execPath, ['--expose-gc', START, 'build-doc', EXAMPLE, '--out', path.join(work, 'one')]).seconds,
  );
  analysisRuns.oneWith.push(
    timed(process.execPath, ['--expose-gc', START, 'build-doc', EXAMPLE, '--out', path.join(work, 'one'), '--analysis']).seconds,
  );
}
if (analysisRuns.with.some((r) => r.documents !== args['analysis-agencies'] || r.analyses !== args['analysis-agencies']))
  throw new Error(`the batch with --analysis did not give ${args['analysis-agencies']} announcements and as many reports`);
const perAgency = (runs: { cpuSeconds: number }[]) => cpuMsPerAgency(runs, args['analysis-agencies']);
const analysis = {
  agencies: args['analysis-agencies'],
  runs: args['batch-runs'],
  withCpuMsPerAgency: perAgency(analysisRuns.with),
  withoutCpuMsPerAgency: perAgency(analysisRuns.without),
  ratio: perAgency(analysisRuns.with) / perAgency(analysisRuns.without),
  withSeconds: median(analysisRuns.with.map((r) => r.seconds)),
  withoutSeconds: median(analysisRuns.without.map((r) => r.seconds)),
  oneWithSeconds: median(analysisRuns.oneWith),
  oneWithoutSeconds: median(analysisRuns.oneWithout),
  oneRatio: median(analysisRuns.oneWith) / median(analysisRuns.oneWithout),
};

// Every agency of a year, all cores.
const largeFile = await benchWorkbook(args.large, work);
const largeRuns = Array.from({ length: Math.max(1, Math.min(args['batch-runs'], 3)) }, () => runBatch(largeFile, path.join(work, 'large')));
if (largeRuns.some((r) => r.documents !== args.large)) throw new Error(`the large batch did not give ${args.large} documents`);
const large = {
  agencies: args.large,
  runs: largeRuns.length,
  seconds: median(largeRuns.map((r) => r.seconds)),
  peakMemoryMB: median(largeRuns.map((r) => r.peakMemoryMB)),
  peakMemoryRangeMB: [Math.min(...largeRuns.map((r) => r.peakMemoryMB)), Math.max(...largeRuns.map((r) => r.peakMemoryMB))],
  plainEstimateSeconds: (batch.plainCpuMsPerAgency * args.large) / 1000 / os.availableParallelism(),
};

// Where the batch's time goes: one thread, so one profile holds it all.
const profiles = path.join(work, 'profile');
runBatch(batchFile, path.join(work, 'profiled'), ['--cpu-prof', `--cpu-prof-dir=${profiles}`], ['--threads', '1']);
const top = profileTop(
  path.join(
    profiles,
    readdirSync(profiles).find((f) => f.endsWith('.cpuprofile'))!,
  ),
  15,
);
rmSync(work, { recursive: true, force: true });

const machine = {
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: os.availableParallelism(),
  memoryGB: Math.round(os.totalmem() / 2 ** 30),
  os: `${os.type()} ${os.release()}`,
  node: process.version,
};
const date = new Date().toISOString().slice(0, 10);
writeFileSync(
  path.join(ROOT, 'docs', 'benchmarks.json'),
  `${JSON.stringify({ date, machine, goals: GOALS, oneAnnouncement, rendering, batch, large, analysis, profile: top }, null, 2)}\n`,
);

const mark = (ok: boolean) => (ok ? '✓' : '✗');
const s = (seconds: number) => `${seconds.toFixed(2)} s`;
const lines = [
  `Run on ${date}: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB, ${machine.os}, Node ${machine.node}.`,
  '',
  '| measure | result | goal | |',
  '|---|---|---|---|',
  `| ${args.agencies} agencies: processor time per agency, reading and writing included, ÷ a plain docxtemplater loop (median of ${batch.runs}) | ${batch.ratio.toFixed(2)}× (${batch.oursCpuMsPerAgency.toFixed(2)} ms vs ${batch.plainCpuMsPerAgency.toFixed(2)} ms; wall ${s(batch.oursSeconds)} vs ${s(batch.plainSeconds)}) | ≤ ${GOALS.batchCpuRatio}× | ${mark(batch.ratio <= GOALS.batchCpuRatio)} |`,
  `| \`renderAnnouncement\` ÷ plain docxtemplater render + generate (median of 11 rounds of ${perRound}) | ${rendering.ratio.toFixed(2)}× (${rendering.oursMs.toFixed(2)} ms vs ${rendering.plainMs.toFixed(2)} ms) | ≤ ${GOALS.renderRatio}× | ${mark(rendering.ratio <= GOALS.renderRatio)} |`,
  `| one announcement, \`npm run build-doc\` start to exit ÷ \`node -e ''\` (median of ${args.runs}) | ${oneAnnouncement.ratio.toFixed(1)}× (${s(oneAnnouncement.npmSeconds)} vs ${s(oneAnnouncement.nodeSeconds)}) | ≤ ${GOALS.oneRatio}× | ${mark(oneAnnouncement.ratio <= GOALS.oneRatio)} |`,
  `| one announcement, the program without npm (\`node src/cli/start.cjs build-doc\`) ÷ \`node -e ''\` (median of ${args.runs}) | ${oneAnnouncement.withoutNpmRatio.toFixed(1)}× (${s(oneAnnouncement.withoutNpmSeconds)} vs ${s(oneAnnouncement.nodeSeconds)}) | ≤ ${GOALS.oneWithoutNpmRatio}× | ${mark(oneAnnouncement.withoutNpmRatio <= GOALS.oneWithoutNpmRatio)} |`,
  `| ${args.large} agencies: wall time, ${machine.cores} cores (median of ${large.runs}); beside it the plain docxtemplater loop's processor time per agency in this run × ${args.large} ÷ ${machine.cores} cores, an estimate (it is not run on ${args.large}) | ${large.seconds.toFixed(1)} s (plain loop ≈ ${large.plainEstimateSeconds.toFixed(1)} s) | ≤ ${GOALS.largeSeconds} s | ${mark(large.seconds <= GOALS.largeSeconds)} |`,
  `| ${args.large} agencies: peak memory (median; range); beside it the plain loop's peak on ${args.agencies} | ${large.peakMemoryMB} MB${large.runs > 1 ? ` (${large.peakMemoryRangeMB[0]}–${large.peakMemoryRangeMB[1]} MB)` : ''} (plain loop ${batch.plainPeakMemoryMB} MB) | ≤ ${GOALS.largeMemoryMB} MB | ${mark(large.peakMemoryMB <= GOALS.largeMemoryMB)} |`,
  `| \`--analysis\`, ${analysis.agencies} agencies: processor time per agency, announcement + analysis report ÷ the announcement alone (median of ${analysis.runs}, alternating) | ${analysis.ratio.toFixed(2)}× (${analysis.withCpuMsPerAgency.toFixed(2)} ms vs ${analysis.withoutCpuMsPerAgency.toFixed(2)} ms; wall ${s(analysis.withSeconds)} vs ${s(analysis.withoutSeconds)}) | ≤ ${GOALS.analysisRatio}× | ${mark(analysis.ratio <= GOALS.analysisRatio)} |`,
  `| \`--analysis\`, one agency (the example), \`node src/cli/start.cjs build-doc\` start to exit ÷ the same without it (median of ${args.runs}) | ${analysis.oneRatio.toFixed(2)}× (${s(analysis.oneWithSeconds)} vs ${s(analysis.oneWithoutSeconds)}) | | |`,
  '',
  `Where the processor time of ${args.agencies} agencies goes (one thread, \`--cpu-prof\`; self time, top 15):`,
  '',
  '| self time | function | where |',
  '|---|---|---|',
  ...top.map((entry) => `| ${entry.percent.toFixed(1)} % | \`${entry.name}\` | ${entry.where} |`),
];
const docs = path.join(ROOT, 'docs', 'benchmarks.md');
writeFileSync(
  docs,
  readFileSync(docs, 'utf8').replace(
    /<!-- bench:start -->[\s\S]*<!-- bench:end -->/,
    `<!-- bench:start -->\n${lines.join('\n')}\n<!-- bench:end -->`,
  ),
);
console.log(lines.join('\n'));
console.log('\nwrote docs/benchmarks.json and the table in docs/benchmarks.md');
