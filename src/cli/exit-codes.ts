/**
 * The programs' exit codes, written once: the numbers in exit-codes.json (which the plain
 * JavaScript that starts the program, require-node.cjs and launch.cjs, reads too), and which one
 * a run's problems give, by the stage that found them (`PROBLEM_CODES` in core/problem.ts).
 * The README's "รหัสออก" line and its maintainers' "Exit codes" say the same.
 */
import type { Failure } from '../build/index.js';
import { stageOf, type Problem, type ProblemStage } from '../core/problem.js';
import EXIT_CODES from './exit-codes.json' with { type: 'json' };

/**
 * 0 done (warnings allowed); 1 some input gave no announcement (the others were written);
 * 2 usage or a bad settings file; 3 the template; 4 could not write; 5 internal error;
 * 6 the emblem picture is unusable.
 */
export const EXIT = EXIT_CODES;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** What a run met: its problems, the inputs or agencies that gave no document, and whether writing stopped the batch. */
export interface Outcome {
  problems: readonly Problem[];
  /** Each input or agency that gave no document, with its errors; without it, each error stands for one. */
  failures?: readonly Pick<Failure, 'problems'>[];
  /** The output folder stopped the batch (a full or read-only disk). */
  stopped?: Problem;
}

/** The exit code of a run: the first of these that its errors meet. */
export function exitCodeFor({ problems, failures, stopped }: Outcome): ExitCode {
  const errors = problems.filter((p) => p.severity === 'error');
  const met = (stage: ProblemStage) => errors.some((p) => stageOf(p.code) === stage);
  if (met('settings')) return EXIT.usage;
  if (met('emblem')) return EXIT.emblem;
  if (met('template')) return EXIT.template;
  // A full or read-only disk: the run did not end as asked, whatever else it met.
  if (stopped) return EXIT.cannotWrite;
  const failed = failures ?? errors.map((p) => ({ problems: [p] }));
  const unwritableOnly = (f: Pick<Failure, 'problems'>) => f.problems.length > 0 && f.problems.every((p) => stageOf(p.code) === 'output');
  if (failed.some((f) => !unwritableOnly(f))) return EXIT.inputRefused;
  if (failed.length) return EXIT.cannotWrite;
  return EXIT.done;
}
