/** The output is byte-identical to the committed golden documents (see scripts/lib/golden.ts). */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGolden, GOLDEN_CASES, GOLDEN_DIR } from '../scripts/lib/golden.js';
import { temporaryDir } from './helpers/workbooks.js';

describe('golden documents', () => {
  it.each(GOLDEN_CASES)('$name: the same bytes as the committed documents', async (golden) => {
    const expected = path.join(GOLDEN_DIR, golden.name);
    const out = temporaryDir('ita-golden-out-');
    const names = await buildGolden(golden, out);
    expect(names).toEqual(readdirSync(expected).sort());
    for (const name of names) {
      expect(readFileSync(path.join(out, name)).equals(readFileSync(path.join(expected, name))), `${golden.name}/${name} differs: if the change is deliberate, run npm run make-golden`).toBe(true);
    }
  });

  it('the same bytes when the documents are made in worker threads', async () => {
    const golden = GOLDEN_CASES.find((c) => c.name === 'province-2564')!;
    const out = temporaryDir('ita-golden-threads-');
    const names = await buildGolden({ ...golden, args: [...golden.args, '--threads', '2'] }, out);
    expect(names).toHaveLength(4);
    for (const name of names) expect(readFileSync(path.join(out, name)).equals(readFileSync(path.join(GOLDEN_DIR, golden.name, name))), name).toBe(true);
  });
});
