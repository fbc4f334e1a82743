/** npm run make-golden: rewrites tests/golden/ from the fixtures, after a deliberate change to the output. */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { buildGolden, GOLDEN_CASES, GOLDEN_DIR } from './lib/golden.js';

for (const golden of GOLDEN_CASES) {
  const dir = path.join(GOLDEN_DIR, golden.name);
  rmSync(dir, { recursive: true, force: true });
  const names = await buildGolden(golden, dir);
  console.log(`${golden.name}: ${names.length} document(s)`);
}
