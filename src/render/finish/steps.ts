/**
 * The body's finishing steps, the one list, in the order they run: docxtemplater merges the
 * view, then these finish what it does not do. The general path applies them through a DOM
 * (general.ts `finishBody`), the fast path on the body's text (text.ts `TextFinisher`); each
 * step's picking and change are written once, in its own file.
 */
import { emblemSized } from './emblem-size.js';
import { closingKeptWithText } from './keep-closing.js';
import { pageNumberDigits } from './page-numbers.js';
import type { FinishingStep } from './step.js';
import { noProofRemoved, thaiRunsMarked } from './thai-runs.js';

export const FINISHING_STEPS: readonly FinishingStep[] = [
  noProofRemoved,
  thaiRunsMarked,
  pageNumberDigits,
  closingKeptWithText,
  emblemSized,
];
