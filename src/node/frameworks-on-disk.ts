/**
 * The framework data files as the command line finds them: `src/ita/frameworks/<year>.yaml`
 * beside the program, read when the program starts and parsed when a workbook's year needs one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from './project-root.js';
import { COMMAND_LINE_NAMES } from '../core/setting-names.js';
import { frameworkLibrary, yearOfFile, type FrameworkLibrary } from '../ita/framework.js';

export const FRAMEWORK_DIR = path.join(PROJECT_ROOT, 'src', 'ita', 'frameworks');

export function frameworksOnDisk(dir = FRAMEWORK_DIR): FrameworkLibrary {
  const names = readdirSync(dir).filter((name) => yearOfFile(name) !== undefined);
  return frameworkLibrary(
    names.map((name) => ({ name: path.join(dir, name), text: readFileSync(path.join(dir, name), 'utf8') })),
    COMMAND_LINE_NAMES,
  );
}
