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
