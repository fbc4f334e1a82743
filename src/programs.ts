/**
 * The programs a clerk runs, as the one file `src/start.cjs` builds into dist/programs.cjs:
 * `npm run build-doc`, `npm run check` (build-doc --check) and `npm run check-template`.
 */
export { main as buildDoc } from './cli.js';
export { main as checkTemplate } from './check-template.js';
