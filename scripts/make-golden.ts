/** npm run make-golden: rewrites the expected files of tests/golden/<case>/ from each case.json, after a deliberate change to the output. */
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildCase, expectedFiles, GOLDEN_DIR, goldenCases } from '../tools/golden.js';

for (const golden of goldenCases()) {
  const folder = path.join(GOLDEN_DIR, golden.name);
  for (const name of readdirSync(folder)) if (name !== 'case.json') rmSync(path.join(folder, name));
  const files = expectedFiles(await buildCase(golden));
  for (const [name, content] of files) writeFileSync(path.join(folder, name), content);
  console.log(`${golden.name}: ${files.size / 2} document(s)`);
}
