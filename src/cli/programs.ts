/**
 * The programs a clerk runs, as the one file `src/cli/start.cjs` builds into dist/programs.cjs:
 * `npm run build-doc`, `npm run check` (build-doc --check) and `npm run check-template`.
 */
export { main as buildDoc } from './build-doc.js';
export { main as checkTemplate } from './check-template.js';
