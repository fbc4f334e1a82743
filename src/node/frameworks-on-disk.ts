/**
 * The framework data files as the command line finds them: `src/ita/frameworks/<year>.yaml`
 * beside the program, read when the program starts and parsed when a workbook's year needs one
 * (the built program keeps each file parsed in dist/, for the next run: node/run-cache.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from './project-root.js';
import type { Message } from '../core/language.js';
import { frameworkLibrary, yearOfFile, type FrameworkCache, type FrameworkLibrary } from '../ita/framework.js';
import { builtProgramFolder, frameworkCacheIn } from './run-cache.js';

export const FRAMEWORK_DIR = path.join(PROJECT_ROOT, 'src', 'ita', 'frameworks');

/** Where a year's criteria are added, as a message says it (the frameworks setting of `SettingNames`). */
export const FRAMEWORKS_ON_DISK: Message = {
  th: 'ไฟล์ <ปี>.yaml ในโฟลเดอร์ src/ita/frameworks/ ดู README หัวข้อ "เกณฑ์การประเมินแต่ละปี"',
  en: 'a file <year>.yaml in src/ita/frameworks/, see the README',
};

export function frameworksOnDisk(dir = FRAMEWORK_DIR, cache: FrameworkCache | undefined = builtProgramFrameworks()): FrameworkLibrary {
  const names = readdirSync(dir).filter((name) => yearOfFile(name) !== undefined);
  return frameworkLibrary(
    names.map((name) => ({ name: path.join(dir, name), text: readFileSync(path.join(dir, name), 'utf8') })),
    { frameworks: FRAMEWORKS_ON_DISK },
    cache,
  );
}

function builtProgramFrameworks(): FrameworkCache | undefined {
  const folder = builtProgramFolder();
  return folder === undefined ? undefined : frameworkCacheIn(folder);
}
