/**
 * The project's folder (templates/, input/, src/ita/frameworks/ are found from it): the nearest
 * folder above this file that holds package.json. The source sits in src/node/, the built program
 * that includes it in dist/; both find the same folder.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function projectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return from;
  }
}

export const PROJECT_ROOT = projectRoot(path.dirname(fileURLToPath(import.meta.url)));

/** The project's own templates, used when none is given: their places in the project's folder, as --help names them. */
export const DEFAULT_TEMPLATES = { announcement: 'templates/ita-announcement.docx', analysis: 'templates/ita-analysis.docx' } as const;

/** The project's own template of this kind, as a file. */
export function defaultTemplateFile(kind: keyof typeof DEFAULT_TEMPLATES, root = PROJECT_ROOT): string {
  return path.join(root, ...DEFAULT_TEMPLATES[kind].split('/'));
}

/** The announcement's template when none is given. */
export const DEFAULT_TEMPLATE = defaultTemplateFile('announcement');
/** The analysis report's template when none is given. */
export const DEFAULT_ANALYSIS_TEMPLATE = defaultTemplateFile('analysis');
