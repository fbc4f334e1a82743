// The program as plain JavaScript, built ahead and started fast (see start.cjs).
//
// - Built: src/cli/programs.ts and the rendering thread (src/node/render-worker.ts) are bundled by
//   esbuild, each with the packages it uses, into dist/programs.cjs and dist/render-worker.cjs.
//   That happens after `npm install` (npm's `prepare`) and again whenever a source file or an
//   installed package has changed since (dist/sources.txt records what it was built from), so
//   an edited source is never run stale. Nothing compiles TypeScript at run time.
// - Started fast: the bundle is compiled through node:vm with V8's code cache, kept in
//   dist/programs.<node>.cache (one per Node.js version and flags, which V8 checks it against) and
//   written after a run when missing or refused: Node.js 20 has no module compile cache of its own.
// Files in dist/ are written by temporary file and rename, so two runs building at once, or one
// stopped halfway, never leave a broken program behind.
'use strict';

const crypto = require('node:crypto');
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const vm = require('node:vm');

const ROOT = path.join(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist');
const ENTRIES = { programs: 'src/cli/programs.ts', 'render-worker': 'src/node/render-worker.ts' };
/** The packages' versions, as installed: a changed one means a rebuild. */
const INSTALLED = ['package.json', 'package-lock.json', path.join('node_modules', '.package-lock.json')];
const EXIT = require('./exit-codes.json');

/** What a build is made from, one line a file: every source's name, size and modification time, and the installed packages'. */
function sourcesOf(root) {
  const src = path.join(root, 'src');
  const lines = [];
  for (const name of fs.readdirSync(src, { recursive: true })) {
    // The framework files (.yaml) are read at run time, not built in.
    if (!/\.(ts|cjs|js|mjs|json)$/.test(name)) continue;
    const stat = fs.statSync(path.join(src, name));
    lines.push(`src/${name.split(path.sep).join('/')} ${stat.size} ${stat.mtimeMs}`);
  }
  for (const file of INSTALLED) {
    const stat = fs.statSync(path.join(root, file), { throwIfNoEntry: false });
    lines.push(`${file.split(path.sep).join('/')} ${stat ? `${stat.size} ${stat.mtimeMs}` : '-'}`);
  }
  return `${lines.sort().join('\n')}\n`;
}

function readOrNothing(file, encoding) {
  try {
    return fs.readFileSync(file, encoding);
  } catch {
    return undefined;
  }
}

/** Writes by temporary file and rename, so a reader sees the old file or the new one, never half. */
function writeWhole(file, content) {
  const temporary = `${file}.~${process.pid}-${crypto.randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(temporary, content);
  try {
    fs.renameSync(temporary, file);
  } catch (e) {
    fs.rmSync(temporary, { force: true });
    throw e;
  }
}

/** Whether dist/ holds a build of the sources as they are now. */
function isBuilt(root, dist) {
  return (
    readOrNothing(path.join(dist, 'sources.txt'), 'utf8') === sourcesOf(root) &&
    Object.keys(ENTRIES).every((name) => fs.existsSync(path.join(dist, `${name}.cjs`)))
  );
}

/** Builds the program into `dist`: the bundles first, the record of their sources last. */
function build(root, dist) {
  const sources = sourcesOf(root);
  const esbuild = require('esbuild');
  const result = esbuild.buildSync({
    absWorkingDir: root,
    entryPoints: ENTRIES,
    outdir: dist,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // Whitespace and syntax only: names are kept, so --debug's stack traces stay readable.
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    // For stack traces (node --enable-source-maps) and the benchmark's profile: where in the sources each line came from.
    sourcemap: 'linked',
    sourcesContent: false,
    // The sources are ES modules: import.meta.url becomes the bundle's own address, and
    // BUILT tells the code it runs from dist/ (threads.ts starts dist/render-worker.cjs).
    define: { 'import.meta.url': '__import_meta_url', BUILT: 'true' },
    banner: { js: "const __import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
    // Only needed when running from the sources (tests): never bundled in.
    external: ['esbuild'],
    // Packages the program takes a part of, or loads on first use (see each file).
    alias: Object.fromEntries(['exceljs', 'cliui', 'string-width', 'zod'].map((name) => [name, `./src/cli/packages/${name}.cjs`])),
    write: false,
    logLevel: 'silent',
  });
  fs.mkdirSync(dist, { recursive: true });
  for (const output of result.outputFiles) writeWhole(output.path, output.contents);
  for (const name of fs.readdirSync(dist)) if (name.endsWith('.cache')) fs.rmSync(path.join(dist, name), { force: true });
  writeWhole(path.join(dist, 'sources.txt'), sources);
}

/** Builds dist/ when it is missing or older than the sources; false (with the reason printed) when that fails. */
function ensureBuilt(root, dist) {
  if (isBuilt(root, dist)) return true;
  try {
    build(root, dist);
    return true;
  } catch (e) {
    const detail =
      e && e.errors
        ? e.errors.map((m) => `${m.location ? `${m.location.file}:${m.location.line}: ` : ''}${m.text}`).join('\n')
        : String(e && e.message);
    const cannotWrite = e && /^E(ACCES|PERM|ROFS|NOSPC)$/.test(e.code);
    process.stderr.write(
      cannotWrite
        ? `เตรียมโปรแกรมไม่ได้ เพราะเขียนโฟลเดอร์ ${dist} ไม่ได้ (${detail}): ตรวจว่าโฟลเดอร์โครงการไม่ได้ตั้งเป็นอ่านอย่างเดียวและดิสก์ไม่เต็ม\n(Cannot prepare the program: ${dist} cannot be written.)\n`
        : `เตรียมโปรแกรมไม่ได้ (${detail})\nรัน npm install ใหม่ ถ้ายังไม่ได้ แจ้งผู้ดูแลโปรแกรม\n(Cannot build the program: run npm install again, and if that does not help, tell the maintainer.)\n`,
    );
    process.exitCode = cannotWrite ? EXIT.cannotWrite : EXIT.internal;
    return false;
  }
}

/** Loads dist/programs.cjs through V8's code cache; `saveCache` writes the cache when it was missing or refused. */
function loadPrograms(dist) {
  const file = path.join(dist, 'programs.cjs');
  const flags = crypto
    .createHash('sha256')
    .update(`${process.version} ${process.execArgv.join(' ')}`)
    .digest('hex')
    .slice(0, 12);
  const cacheFile = path.join(dist, `programs.${flags}.cache`);
  const cachedData = readOrNothing(cacheFile);
  const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), {
    filename: file,
    cachedData,
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const loaded = { exports: {} };
  script.runInThisContext()(loaded.exports, Module.createRequire(file), loaded, file, dist);
  return {
    programs: loaded.exports,
    saveCache() {
      if (cachedData && !script.cachedDataRejected) return;
      try {
        // Made after the run, it holds the functions the run compiled too.
        writeWhole(cacheFile, script.createCachedData());
      } catch {
        // A folder that cannot be written only costs the next run its speed.
      }
    },
  };
}

/** Runs `build-doc`, `check` (build-doc --check) or `check-template` with its arguments; `build` only builds. */
function start([program, ...args]) {
  if (!ensureBuilt(ROOT, DIST) || program === 'build') return;
  const { programs, saveCache } = loadPrograms(DIST);
  const main = program === 'check-template' ? programs.checkTemplate : programs.buildDoc;
  main(program === 'check' ? ['--check', ...args] : args).then((code) => {
    process.exitCode = code;
    saveCache();
  });
}

module.exports = { start };
