/** --pdf: a PDF beside each announcement when LibreOffice is installed; the documents regardless. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuildDoc, writtenIn } from '../helpers/cli.js';
import { canRender, pdfPageText } from '../helpers/clients.js';
import { temporaryDir, workbookFile } from '../../tools/workbooks.js';

const NAME = 'ประกาศผลการประเมิน ITA 2565 อบต.ลำปางรอง';

describe('--pdf', () => {
  it.skipIf(!canRender)(
    'writes a PDF beside each document through LibreOffice (needs LibreOffice and poppler: .ci/run installs them)',
    async () => {
      const out = temporaryDir('ita-pdf-');
      const run = await runBuildDoc([
        await workbookFile('lampangrong-2565'),
        await workbookFile('province-2564'),
        '--out',
        out,
        '--pdf',
        '--json',
      ]);
      expect(run.status, run.stderr).toBe(0);
      const names = writtenIn(out).sort();
      expect(names.filter((n) => n.endsWith('.pdf'))).toHaveLength(5);
      expect(names).toContain(`${NAME}.pdf`);
      expect(
        readFileSync(path.join(out, `${NAME}.pdf`))
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
      expect(pdfPageText(path.join(out, `${NAME}.pdf`), 1)).toContain('องค์การบริหารส่วนตำบลลำปางรอง');
      expect(run.stderr).toContain('พร้อมไฟล์ PDF 5 ฉบับ');
      const summary = JSON.parse(run.stdout) as { documents: { pdf?: string }[] };
      expect(summary.documents.every((d) => d.pdf?.endsWith('.pdf'))).toBe(true);
    },
  );

  it.skipIf(!canRender)(
    'writes a PDF beside the analysis report too, and says so on its line (needs LibreOffice and poppler: .ci/run installs them)',
    async () => {
      const out = temporaryDir('ita-pdf-analysis-');
      const run = await runBuildDoc([await workbookFile('lampangrong-2565'), '--out', out, '--pdf', '--analysis']);
      expect(run.status, run.stderr).toBe(0);
      const report = 'รายงานการวิเคราะห์ผลการประเมิน ITA 2565 อบต.ลำปางรอง';
      expect(writtenIn(out)).toContain(`${report}.pdf`);
      expect(pdfPageText(path.join(out, `${report}.pdf`), 1)).toContain('รายงานการวิเคราะห์ผลการประเมิน');
      expect(run.stderr).toMatch(new RegExp(`รายงานการวิเคราะห์: .*${report}\\.docx \\(พร้อมไฟล์ PDF ชื่อเดียวกัน\\)`));
    },
  );

  it('without LibreOffice, still writes the document and says how to install it', async () => {
    const out = temporaryDir('ita-pdf-');
    const run = await runBuildDoc([await workbookFile('lampangrong-2565'), '--out', out, '--pdf'], {
      env: { PATH: temporaryDir('ita-empty-path-'), ITA_SOFFICE: undefined },
    });
    expect(run.status, run.stderr).toBe(0);
    expect(writtenIn(out)).toEqual([`${NAME}.docx`]);
    expect(run.stderr).toContain('ไม่พบโปรแกรม LibreOffice');
    expect(run.stderr).toContain('libreoffice.org');
  });
});
