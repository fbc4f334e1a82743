/**
 * Problems are data, not exceptions: every stage returns them with a place, so one run
 * reports every fault of a workbook at once. Only the front ends (src/cli/, web/src/) print them and picks the exit code.
 */

import type { Message } from './language.js';

export type Severity = 'error' | 'warning';

/** Where a problem is: the more precise, the faster a clerk finds it. */
export interface Place {
  file?: string;
  sheet?: string;
  /** A cell reference such as `D14`. */
  cell?: string;
  /** A template tag such as `{agencyFullName}`. */
  tag?: string;
  /** The template paragraph's text around the fault, as the agency sees it in Word. */
  paragraph?: string;
  /** The agency the problem belongs to, in a workbook of many agencies. */
  agency?: string;
  /** A line of a text file (the settings file). */
  line?: number;
  /** The form field a person typed the value into, as the form labels it, in place of a cell (see `Sheet.fields`). */
  field?: string;
}

/** Every problem's code, by the stage that finds it: a front end decides by the stage (an exit code, where to look). */
export const PROBLEM_CODES = {
  /** Reading the file. */
  file: [
    'file-unreadable',
    'file-empty',
    'file-encrypted',
    'file-not-spreadsheet',
    'file-text-not-table',
    'file-thai-lost',
    'file-code-page',
    'file-doctype',
    'file-damaged',
    'file-too-large',
    'file-zip-bomb',
    'file-too-complex',
    'file-inconsistent',
  ],
  /** Finding the facts. */
  facts: [
    'no-indicator-table',
    'no-agency-rows',
    'agency-column-missing',
    'agency-row-without-scores',
    'agency-repeated',
    'tool-score-mismatch',
    'indicator-unknown',
    'indicator-name-unofficial',
    'indicator-tool-mismatch',
    'indicator-missing',
    'indicator-duplicate',
    'indicator-number-mismatch',
    'score-missing',
    'score-not-number',
    'score-out-of-range',
    'score-forms-mixed',
    'formula-without-result',
    'agency-missing',
    'fiscal-year-missing',
    'fiscal-year-unknown',
    'fiscal-year-mismatch',
    'fiscal-year-christian',
    'date-far-from-year',
    'framework-invalid',
    'framework-carried-forward',
    'computed-not-confirmed',
    'label-conflict',
    'total-mismatch',
    'total-trusted',
    'level-unknown',
    'level-mismatch',
    'result-mismatch',
    'recommendations-missing',
    'recommendations-unassigned',
    'recommendation-tool-unknown',
    'recommendation-indicator-missing',
    'control-characters',
    'cell-error-value',
  ],
  /** The analysis report and the years before. */
  years: ['analysis-year-twice', 'analysis-year-ambiguous', 'history-year-twice', 'history-year-ambiguous'],
  /** The settings file. */
  settings: ['settings-invalid', 'settings-key-unknown'],
  /** The signature block. */
  signature: ['signer-missing', 'signer-for-many', 'signature-cleaned', 'position-missing'],
  /** The template. */
  template: [
    'template-unreadable',
    'template-error',
    'template-syntax',
    'template-tag-unknown',
    'template-piece-missing',
    'template-active',
  ],
  /** The emblem. */
  emblem: ['emblem-unusable', 'emblem-placeholder'],
  /** Writing the output. */
  output: ['output-not-writable', 'output-edited-kept', 'pdf-outdated', 'pdf-unavailable', 'pdf-failed'],
} as const;

export type ProblemStage = keyof typeof PROBLEM_CODES;
export type ProblemCode = (typeof PROBLEM_CODES)[ProblemStage][number];

const STAGE_OF = new Map<ProblemCode, ProblemStage>(
  Object.entries(PROBLEM_CODES).flatMap(([stage, codes]) => codes.map((code) => [code, stage as ProblemStage] as const)),
);

/** The stage that finds a problem of this code. */
export function stageOf(code: ProblemCode): ProblemStage {
  return STAGE_OF.get(code)!;
}

export interface Problem {
  code: ProblemCode;
  severity: Severity;
  where: Place;
  /** Thai for the clerk; English for a maintainer (`--lang en`). */
  message: Message;
  /** More than every reader needs: printed after the message on a terminal, folded away on the web page. */
  details?: Message;
  /**
   * What a library or a check said, in its own words (English, technical): for a maintainer only,
   * shown with --debug, never in the clerk's message.
   */
  debug?: string;
}

export function error(code: ProblemCode, where: Place, th: string, en: string): Problem {
  return { code, severity: 'error', where, message: { th, en } };
}

export function warning(code: ProblemCode, where: Place, th: string, en: string): Problem {
  return { code, severity: 'warning', where, message: { th, en } };
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** Where a value is, as a message names it: `เซลล์ ผลการประเมิน!D14`, or a typed value's field, `ช่อง "หน่วยงาน"`. */
export function placeName(place: Place): Message {
  if (place.field) return { th: `ช่อง "${place.field}"`, en: `the field "${place.field}"` };
  const at = cellName(place.sheet ?? '', place.cell ?? '');
  return { th: `เซลล์ ${at}`, en: `cell ${at}` };
}

/** `ผลการประเมิน!D14` – the way Excel itself names a cell, which clerks recognise. */
export function cellName(sheet: string, cell: string): string {
  return `${sheet}!${cell}`;
}
