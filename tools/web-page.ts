/**
 * The web page web/ita-announcement.html (npm run build-web writes it): one file with everything
 * the page needs inside it: the core (src/build/index.ts and all it imports, bundled for the
 * browser by esbuild), the page's own script (web/src/page.ts), the default template and the
 * framework files. The committed file must equal a fresh build (tests/repository/web-page.test.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { DEFAULT_ANALYSIS_TEMPLATE, DEFAULT_TEMPLATE } from '../src/node/project-root.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const WEB_PAGE = path.join(ROOT, 'web', 'ita-announcement.html');

/**
 * zod (the framework files' validation) probes once whether it may compile its parsers with
 * `new Function("")`. The page's Content Security Policy forbids eval, so the probe can only fail,
 * and Firefox logs the blocked eval as an error on every load (Chromium reports a violation).
 * zod's own `jitless` setting skips the probe and gives the parsers its failure gives. It is set
 * in a module of its own that the entry imports before the page's script.
 */
const PAGE_ENTRY = `import 'ita:zod-jitless';\nimport './web/src/page.ts';\n`;
const ZOD_JITLESS = `import { config } from 'zod';\nconfig({ jitless: true });\n`;

/** The page's contents: the same inputs always give the same text. */
export async function buildWebPage(): Promise<string> {
  const frameworks = path.join(ROOT, 'src', 'ita', 'frameworks');
  const inside: Plugin = {
    name: 'ita-inside',
    setup(b) {
      b.onResolve({ filter: /^ita:/ }, (args) => ({ path: args.path, namespace: 'ita' }));
      b.onLoad({ filter: /.*/, namespace: 'ita' }, (args) => {
        if (args.path === 'ita:page') return { contents: PAGE_ENTRY, loader: 'js', resolveDir: ROOT };
        if (args.path === 'ita:zod-jitless') return { contents: ZOD_JITLESS, loader: 'js', resolveDir: ROOT };
        if (args.path === 'ita:frameworks') {
          const files = readdirSync(frameworks)
            .filter((name) => /^\d{4}\.yaml$/.test(name))
            .sort()
            .map((name) => ({ name: `src/ita/frameworks/${name}`, text: readFileSync(path.join(frameworks, name), 'utf8') }));
          return { contents: JSON.stringify(files), loader: 'json' };
        }
        if (args.path === 'ita:render-worker') return { contents: JSON.stringify(worker), loader: 'json' };
        const template = args.path === 'ita:analysis-template' ? DEFAULT_ANALYSIS_TEMPLATE : DEFAULT_TEMPLATE;
        return { contents: JSON.stringify(readFileSync(template).toString('base64')), loader: 'json' };
      });
    },
  };
  const options = {
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    write: false,
    logLevel: 'error',
    // csv-parse's Node build calls Buffer when it loads; its browser build carries what it needs.
    alias: { 'csv-parse/sync': 'csv-parse/browser/esm/sync' },
  } as const;
  // The Web Worker that renders large batches (web/src/workers.ts), carried inside the page as text.
  const worker = (await build({ ...options, entryPoints: [path.join(ROOT, 'web', 'src', 'render-worker.ts')] })).outputFiles[0]!.text;
  const bundled = await build({ ...options, entryPoints: ['ita:page'], plugins: [inside] });
  const script = bundled.outputFiles[0]!.text.replaceAll('</script', '<\\/script');
  const html = readFileSync(path.join(ROOT, 'web', 'src', 'page.html'), 'utf8');
  return html.replace('<!-- SCRIPT -->', () => `<script>${script}</script>`);
}
