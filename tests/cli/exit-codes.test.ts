/** src/cli/exit-codes.ts: the exit code a run's problems give, by the stage that found them. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT, exitCodeFor } from '../../src/cli/exit-codes.js';
import { error, PROBLEM_CODES, stageOf, warning, type ProblemCode } from '../../src/core/problem.js';
import { PROJECT_ROOT } from '../helpers/cli.js';

const anError = (code: ProblemCode) => error(code, { file: 'a.xlsx' }, 'ผิด', 'wrong');

describe('exitCodeFor', () => {
  it('gives 0 for a run with warnings only', () => {
    expect(exitCodeFor({ problems: [warning('signer-missing', {}, 'ไม่ได้ระบุผู้ลงนาม', 'no signer')], failures: [] })).toBe(0);
  });

  it('gives each stage its code: settings 2, template 3, emblem 6, an input refused 1, writing 4', () => {
    expect(exitCodeFor({ problems: [anError('settings-key-unknown')] })).toBe(EXIT.usage);
    expect(exitCodeFor({ problems: [anError('template-syntax')] })).toBe(EXIT.template);
    expect(exitCodeFor({ problems: [anError('emblem-unusable')] })).toBe(EXIT.emblem);
    expect(exitCodeFor({ problems: [anError('file-unreadable')] })).toBe(EXIT.inputRefused);
    expect(exitCodeFor({ problems: [anError('output-not-writable')] })).toBe(EXIT.cannotWrite);
  });

  it('puts the emblem before the template, the template before a stopped disk, a stopped disk before refused inputs', () => {
    expect(exitCodeFor({ problems: [anError('template-active'), anError('emblem-unusable')] })).toBe(6);
    const stopped = anError('output-not-writable');
    expect(exitCodeFor({ problems: [anError('template-active')], stopped })).toBe(3);
    const refused = { problems: [anError('score-not-number')] };
    expect(exitCodeFor({ problems: refused.problems, failures: [refused], stopped })).toBe(4);
  });

  it('gives 1 when an input was refused beside a document that could not be written, and 4 when only writing failed', () => {
    const unwritable = { problems: [anError('output-not-writable')] };
    const refused = { problems: [anError('no-indicator-table')] };
    expect(exitCodeFor({ problems: [...unwritable.problems, ...refused.problems], failures: [unwritable, refused] })).toBe(1);
    expect(exitCodeFor({ problems: unwritable.problems, failures: [unwritable] })).toBe(4);
  });

  it('counts errors only: a warning of a stage gives no code of its own', () => {
    expect(
      exitCodeFor({
        problems: [
          warning('template-piece-missing', {}, 'ไม่มีภาพ', 'no picture'),
          warning('emblem-placeholder', {}, 'ภาพตัวอย่าง', 'placeholder'),
        ],
        failures: [],
      }),
    ).toBe(0);
  });
});

describe('the problem codes and the exit codes, each written once', () => {
  it('files every code under one stage', () => {
    const all = Object.values(PROBLEM_CODES).flat();
    expect(new Set(all).size).toBe(all.length);
    for (const [stage, codes] of Object.entries(PROBLEM_CODES)) for (const code of codes) expect(stageOf(code)).toBe(stage);
  });

  it('the plain JavaScript that starts the program reads the same numbers', () => {
    for (const file of ['launch.cjs', 'require-node.cjs']) {
      const text = readFileSync(path.join(PROJECT_ROOT, 'src', 'cli', file), 'utf8');
      expect(text).toContain("require('./exit-codes.json')");
      expect(text).not.toMatch(/exit(Code)?\s*[=(]\s*\d/);
    }
  });
});
