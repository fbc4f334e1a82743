/** Committed files made by scripts must match their readable sources. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packTemplate } from '../../tools/template-package.js';
import { DEFAULT_TEMPLATE } from '../../src/node/project-root.js';
import { PROJECT_ROOT } from '../helpers/cli.js';
import { workbookFile, readWorkbookFile } from '../../tools/workbooks.js';

describe('generated files in the repository', () => {
  it('templates/ita-announcement.docx is its source packed (run npm run pack-template after editing the source)', async () => {
    expect(packTemplate().equals(readFileSync(DEFAULT_TEMPLATE))).toBe(true);
  });

  it('the example workbook in input/ holds the cells of its data file (run npm run make-example after editing it)', async () => {
    const shipped = readdirSync(path.join(PROJECT_ROOT, 'input')).filter((name) => name.endsWith('.xlsx'));
    const committed = await readWorkbookFile(path.join(PROJECT_ROOT, 'input', shipped[0]!));
    const fresh = await readWorkbookFile(await workbookFile('lampangrong-2565'));
    const cells = (read: typeof fresh) =>
      read.workbook!.sheets.map((s) => ({ name: s.name, hidden: s.hidden, merges: s.merges, rows: s.rows }));
    expect(cells(committed)).toEqual(cells(fresh));
  });
});
