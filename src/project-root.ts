/**
 * The project's folder (templates/, input/, src/ita/frameworks/ are found from it). This file
 * sits one folder below it, in src/, and so does the built program in dist/ that includes it:
 * the same `..` is right for both.
 */
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
