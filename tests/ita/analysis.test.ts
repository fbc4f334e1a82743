/**
 * The analysis report (issue 25): its model from real announcement models (workbooks generated
 * from the fixtures and read by the core), the years before matched across files, and the report
 * itself: Word's own chart with the scores and the embedded workbook, the Open XML SDK validator,
 * LibreOffice, the command line and the template checker.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { build, type BuildRequest } from '../../src/build/index.js';
import { frameworksOnDisk } from '../../src/node/frameworks-on-disk.js';
import { analyse } from '../../src/ita/analysis.js';
import { earlierYears } from '../../src/ita/history.js';
import type { Announcement } from '../../src/ita/model.js';
import { ANALYSIS_TEMPLATE, prepareTemplate, readTemplate, renderAnalysis } from '../../src/render/index.js';
import { COMMAND_LINE_NAMES } from '../../src/cli/options.js';
import { unzipSync } from 'fflate';
import { nodeDeflater } from '../../src/node/deflater.js';
import { ANALYSIS_TEMPLATE_SOURCE, packTemplate } from '../../tools/template-package.js';
import { DEFAULT_ANALYSIS_TEMPLATE, DEFAULT_TEMPLATE } from '../../src/node/project-root.js';
import { runBuildDoc, runCheckTemplate, writtenIn } from '../helpers/cli.js';
import { canRender, pdfPageText, toPdf, validate } from '../helpers/clients.js';
import { temporaryDir, workbookFile } from '../../tools/workbooks.js';

const template = { name: path.basename(DEFAULT_TEMPLATE), bytes: readFileSync(DEFAULT_TEMPLATE) };
const analysisTemplate = { name: path.basename(DEFAULT_ANALYSIS_TEMPLATE), bytes: readFileSync(DEFAULT_ANALYSIS_TEMPLATE) };
const frameworks = frameworksOnDisk();
const SEED_REPORT = 'รายงานการวิเคราะห์ผลการประเมิน ITA 2565 อบต.ลำปางรอง.docx';
const SIGNING = ['--date', '2022-08-02', '--signer', 'นายสันติ นาวีสัมพันธ์'];

async function built(fixtures: string[], more: Partial<BuildRequest> = {}) {
  const workbooks = await Promise.all(fixtures.map(async (f) => ({ name: `${f}.xlsx`, bytes: readFileSync(await workbookFile(f)) })));
  return build({
    workbooks,
    template,
    analysis: { template: analysisTemplate },
    frameworks,
    announce: { date: '2022-08-02', signer: 'นายสันติ นาวีสัมพันธ์', names: COMMAND_LINE_NAMES },
    digits: 'thai',
    ...more,
  });
}

async function announcementsOf(fixture: string): Promise<Announcement[]> {
  return (await built([fixture], { check: true })).announcements.map((a) => a.announcement);
}

const PASS = { year: 2565, passMark: 85, passMarkConfidence: 'confirmed' as const };

describe("the analysis model, from an agency's announcement model", () => {
  it('the seed: no indicator reaches 85, so the top three are its strengths; all ten to improve, lowest first, each with the recommendations that name it', async () => {
    const [seed] = await announcementsOf('lampangrong-2565');
    const analysis = analyse(seed!, PASS);
    expect(analysis.strengthsAreTopThree).toBe(true);
    expect(analysis.strengths.map((s) => [s.number, s.score])).toEqual([
      [3, 84.79],
      [1, 84.39],
      [6, 84.27],
    ]);
    expect(analysis.improvements.map((i) => i.number)).toEqual([9, 2, 4, 5, 8, 10, 7, 6, 1, 3]);
    const of = (n: number) => analysis.improvements.find((i) => i.number === n)!.recommendations;
    // The IIT paragraph names ตัวชี้วัดที่ 2, the EIT one ตัวชี้วัดที่ 8: each goes with its own indicator only.
    expect(of(2)).toEqual([{ texts: [seed!.recommendations!.iit[0]] }]);
    expect(of(8)).toEqual([{ texts: [seed!.recommendations!.eit[0]] }]);
    expect(of(9)).toEqual([
      { subIndicator: { number: '9.4', name: 'การบริหารและพัฒนาทรัพยากรบุคคล' }, texts: seed!.recommendations!.oit[0]!.sections[0]!.items },
    ]);
    for (const n of [1, 3, 4, 5, 6, 7, 10]) expect(of(n), `indicator ${n}`).toEqual([]);
    expect(analysis.measures.map((m) => m.number)).toEqual(analysis.improvements.map((i) => i.number));
    expect(analysis.indicators.map((i) => i.reachesPassMark)).toEqual(Array(10).fill(false));
    expect(analysis.history).toEqual([
      {
        fiscalYear: 2565,
        total: 78.29,
        level: 'B',
        result: 'ไม่ผ่าน',
        scores: seed!.indicators.map(({ number, score }) => ({ number, score })),
      },
    ]);
  });

  it("an agency below 85 in each tool: only those indicators, lowest first; a paragraph naming no indicator goes with each of its tool's points; OIT under their sub-indicators", async () => {
    const [agency] = await announcementsOf('several-below-2567');
    const analysis = analyse(agency!, { ...PASS, year: 2567 });
    expect(analysis.improvements.map((i) => [i.number, i.tool, i.score])).toEqual([
      [10, 'OIT', 70.5],
      [2, 'IIT', 78.4],
      [7, 'EIT', 79.9],
      [5, 'IIT', 83.2],
    ]);
    const texts = (n: number) => analysis.improvements.find((i) => i.number === n)!.recommendations.flatMap((r) => r.texts);
    const general = 'หน่วยงานควรสื่อสารผลการประเมินให้บุคลากรทุกระดับทราบ';
    expect(texts(2)).toEqual([expect.stringContaining('ตัวชี้วัดที่ 2'), general]);
    expect(texts(5)).toEqual([expect.stringContaining('ตัวชี้วัดที่ 5'), general]);
    expect(texts(7)).toEqual([expect.stringContaining('ตัวชี้วัดที่ 7')]);
    expect(analysis.improvements[0]!.recommendations.map((r) => r.subIndicator?.number)).toEqual(['10.1', '10.2']);
    expect(analysis.strengthsAreTopThree).toBe(false);
    expect(analysis.strengths.map((s) => s.number)).toEqual([9, 1, 8, 4, 3, 6]);
  });

  it('an agency whose every indicator reaches 85 has all ten as strengths and nothing to improve', async () => {
    const agencies = await announcementsOf('province-2564');
    const analysis = analyse(
      agencies.find((a) => a.agency.shortName === 'อบต.บ้านใหม่' && a.agency.province === 'ทดลองเหนือ')!,
      { ...PASS, year: 2564 },
    );
    expect(analysis.strengths).toHaveLength(10);
    expect(analysis.improvements).toEqual([]);
    expect(analysis.measures).toEqual([]);
  });
});

describe('the years before', () => {
  const year = (
    a: Announcement,
    fiscalYear: number,
    more: Partial<Announcement['agency']> = {},
    file = `${fiscalYear}.xlsx`,
  ): Announcement => ({ ...a, fiscalYear, agency: { ...a.agency, ...more }, source: { ...a.source, file } });

  it('are matched by the normalised name (short or full) and a province written either way, oldest first, with the change', async () => {
    const [seed] = await announcementsOf('lampangrong-2565');
    const earlier = year(seed!, 2564, { shortName: 'องค์การบริหารส่วนตำบล ลำปางรอง', province: 'จังหวัดลำปาง' });
    const other = year(seed!, 2563, { shortName: 'อบต.ลำปางใหม่' });
    const found = earlierYears([seed!, earlier, other]);
    expect(found[0]).toEqual({ earlier: [earlier], problems: [] });
    expect(analyse(seed!, PASS, found[0]!.earlier).history.map((h) => [h.fiscalYear, h.change])).toEqual([
      [2564, undefined],
      [2565, 0],
    ]);
  });

  it('a year given twice for one agency is an error for its analysis; an earlier year two agencies of the name could be is a warning, and left out', async () => {
    const [seed] = await announcementsOf('lampangrong-2565');
    const twice = earlierYears([seed!, year(seed!, 2565, {}, 'สำเนา.xlsx')]);
    expect(twice[0]!.problems.map((p) => [p.code, p.severity])).toEqual([['analysis-year-twice', 'error']]);
    expect(twice[0]!.problems[0]!.message.th).toContain('สำเนา.xlsx');
    const noProvince = year(seed!, 2565, { province: undefined });
    const ambiguous = earlierYears([noProvince, year(seed!, 2564, { province: 'ลำปาง' }), year(seed!, 2564, { province: 'เชียงใหม่' })]);
    expect(ambiguous[0]).toMatchObject({ earlier: [], problems: [{ code: 'analysis-year-ambiguous', severity: 'warning' }] });
  });
});

describe('the analysis report as a document', () => {
  it("holds Word's own chart of the ten scores and the pass mark, its workbook embedded for Edit Data, valid for the Open XML SDK validator, the same bytes twice", async () => {
    const result = await built(['lampangrong-2563', 'lampangrong-2564', 'lampangrong-2565']);
    expect(result.failures).toEqual([]);
    const report = result.documents.find((d) => d.name === SEED_REPORT)!;
    const zip = new PizZip(report.bytes);
    const chart = zip.file('word/charts/chart1.xml')!.asText();
    expect(chart).toMatch(/^<\?xml[^>]*>\n<c:chartSpace /);
    const series = [...chart.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map((m) => [...m[1]!.matchAll(/<c:val>[\s\S]*?<\/c:val>/g)][0]![0]);
    const valuesOf = (xml: string) => [...xml.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => Number(m[1]));
    // Bars: 2563, 2564, then this year's scores; the line: the pass mark.
    expect(chart.match(/<c:barChart>[\s\S]*<\/c:barChart>/)![0].match(/<c:ser>/g)).toHaveLength(3);
    expect(valuesOf(series[2]!)).toEqual(report.announcement.indicators.map((i) => i.score));
    expect(valuesOf(series[0]!)).toEqual([80.12, 70.4, 82.5, 71.3, 72.8, 80.9, 78.45, 76.2, 60.33, 70.1]);
    expect(chart.match(/<c:lineChart>[\s\S]*<\/c:lineChart>/)![0]).toContain('<c:v>85</c:v>');
    expect(valuesOf(series[3]!)).toEqual(Array(10).fill(85));
    // Edit Data: the chart's external data is the embedded workbook, whose cells hold the same figures.
    const target = /Id="rId1"[^>]*Target="\.\.\/embeddings\/([^"]+)"/.exec(zip.file('word/charts/_rels/chart1.xml.rels')!.asText())?.[1];
    expect(chart).toContain('<c:externalData r:id="rId1">');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(zip.file(`word/embeddings/${target}`)!.asNodeBuffer() as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(Array.from({ length: 10 }, (_, i) => sheet.getCell(i + 2, 4).value)).toEqual(report.announcement.indicators.map((i) => i.score));
    expect(sheet.getCell(2, 5).value).toBe(85);
    expect(zip.file('[Content_Types].xml')!.asText()).toMatch(
      /PartName="\/word\/charts\/chart1\.xml" ContentType="application\/vnd\.openxmlformats-officedocument\.drawingml\.chart\+xml"/,
    );
    expect(zip.file('word/document.xml')!.asText()).toContain('r:id="rIdItaChart1"');
    expect(zip.file('word/document.xml')!.asText()).not.toContain('ITA-ANALYSIS-CHART');
    expect(await validate(report.bytes)).toEqual([]);
    const again = (await built(['lampangrong-2563', 'lampangrong-2564', 'lampangrong-2565'])).documents.find(
      (d) => d.name === SEED_REPORT,
    )!;
    expect(Buffer.from(again.bytes).equals(Buffer.from(report.bytes))).toBe(true);
  });

  it("deflated by the deflater given (the command line's node:zlib): the same parts as by the default, fflate, in other bytes; the embedded workbook the same bytes", async () => {
    const fixtures = ['lampangrong-2564', 'lampangrong-2565'];
    const report = async (more: Partial<BuildRequest>) =>
      (await built(fixtures, more)).documents.find((d) => d.name === SEED_REPORT)!.bytes;
    const [portable, node] = [await report({}), await report({ analysis: { template: analysisTemplate, deflater: nodeDeflater } })];
    expect(Buffer.from(node).equals(Buffer.from(portable))).toBe(false);
    const [a, b] = [unzipSync(portable), unzipSync(node)];
    expect(Object.keys(b)).toEqual(Object.keys(a));
    for (const name of Object.keys(a)) expect(Buffer.from(b[name]!).equals(Buffer.from(a[name]!)), name).toBe(true);
  });

  it("the fast path (the template compiled once, the chart's references made once) gives the general path's parts, with the chart and without it, in both digits", async () => {
    const announcements = (await built(['lampangrong-2564', 'lampangrong-2565', 'several-below-2567'], { check: true })).announcements.map(
      (a) => a.announcement,
    );
    const parts = (docx: Uint8Array) =>
      Object.fromEntries(
        Object.entries(unzipSync(docx)).map(([name, bytes]) => [
          name,
          /\.(xml|rels)$/.test(name) ? new TextDecoder().decode(bytes) : Buffer.from(bytes).toString('hex'),
        ]),
      );
    const withoutChart = new PizZip(analysisTemplate.bytes);
    withoutChart.file('word/document.xml', withoutChart.file('word/document.xml')!.asText().replace('{chart}', ''));
    for (const bytes of [analysisTemplate.bytes, withoutChart.generate({ type: 'nodebuffer' })]) {
      const prepared = prepareTemplate(
        readTemplate({ name: 'แม่แบบรายงาน.docx', bytes }, COMMAND_LINE_NAMES, ANALYSIS_TEMPLATE).template!,
        undefined,
        COMMAND_LINE_NAMES,
      ).prepared!;
      for (const digits of ['thai', 'arabic'] as const) {
        for (const [i, announcement] of announcements.entries()) {
          const analysis = analyse(
            announcement,
            { ...PASS, year: announcement.fiscalYear },
            announcements.slice(0, i).filter((a) => a.agency.fullName === announcement.agency.fullName),
          );
          const fast = renderAnalysis(prepared, analysis, digits);
          const general = renderAnalysis(prepared, analysis, digits, undefined, 'general');
          expect(parts(fast.document!)).toEqual(parts(general.document!));
          expect(Object.keys(parts(fast.document!)).includes('word/charts/chart1.xml')).toBe(bytes === analysisTemplate.bytes);
        }
      }
    }
  });

  it.skipIf(!canRender)(
    'LibreOffice converts the report, heading and chart legend on its pages (needs LibreOffice)',
    async () => {
      const dir = temporaryDir('ita-analysis-pdf-');
      const report = (await built(['lampangrong-2565'])).documents.find((d) => d.name === SEED_REPORT)!;
      const file = path.join(dir, 'report.docx');
      writeFileSync(file, report.bytes);
      const pdf = toPdf(file, dir);
      const first = pdfPageText(pdf, 1);
      expect(first).toContain('รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส');
      expect(first).toContain('องค์การบริหารส่วนตำบลลำปางรอง');
      const text = [1, 2, 3].map((page) => pdfPageText(pdf, page)).join('\n');
      expect(text).toContain('เกณฑ์ผ่าน');
    },
    120_000,
  );
});

describe('the command line and the checker', () => {
  it('--analysis writes the report beside the announcement; so does รายงานวิเคราะห์: ใช่ in the settings file', async () => {
    const out = temporaryDir('ita-analysis-');
    const run = await runBuildDoc([await workbookFile('lampangrong-2565'), '--out', out, '--analysis', ...SIGNING]);
    expect(run.status, run.stderr).toBe(0);
    expect(writtenIn(out)).toEqual(['ประกาศผลการประเมิน ITA 2565 อบต.ลำปางรอง.docx', SEED_REPORT]);
    expect(run.stderr).toContain('และรายงานการวิเคราะห์ 1 ฉบับ');
    const settings = path.join(temporaryDir(), 'settings.yaml');
    writeFileSync(settings, 'รายงานวิเคราะห์: ใช่\n');
    const out2 = temporaryDir('ita-analysis-');
    expect((await runBuildDoc([await workbookFile('lampangrong-2565'), '--out', out2, '--settings', settings, ...SIGNING])).status).toBe(0);
    expect(writtenIn(out2)).toContain(SEED_REPORT);
    writeFileSync(settings, 'รายงานวิเคราะห์: บางที\n');
    const bad = await runBuildDoc([await workbookFile('lampangrong-2565'), '--settings', settings, ...SIGNING]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('บรรทัดที่ 1: "รายงานวิเคราะห์" ต้องเป็น ใช่ หรือ ไม่');
  });

  it('an analysis template with an unknown tag: a Thai message and exit 3, no report, and the announcement written all the same', async () => {
    const dir = temporaryDir('ita-analysis-');
    const zip = new PizZip(analysisTemplate.bytes);
    zip.file('word/document.xml', zip.file('word/document.xml')!.asText().replace('{levelDescription}', '{levelDescripton}'));
    const bad = path.join(dir, 'แม่แบบรายงาน.docx');
    writeFileSync(bad, zip.generate({ type: 'nodebuffer' }));
    const out = temporaryDir('ita-analysis-');
    const run = await runBuildDoc([
      await workbookFile('lampangrong-2565'),
      '--out',
      out,
      '--analysis',
      '--analysis-template',
      bad,
      ...SIGNING,
    ]);
    expect(run.status).toBe(3);
    expect(run.stderr).toContain('{levelDescripton}');
    expect(run.stderr).toContain('หมายถึง {levelDescription} หรือไม่');
    expect(writtenIn(out)).toEqual(['ประกาศผลการประเมิน ITA 2565 อบต.ลำปางรอง.docx']);
    const checked = await runCheckTemplate([bad]);
    expect(checked.status).toBe(3);
    expect(checked.stderr).toContain('{levelDescripton}');
  });

  it('a year given twice for one agency: both announcements, no report for that agency, exit 1', async () => {
    const out = temporaryDir('ita-analysis-');
    const run = await runBuildDoc([
      await workbookFile('lampangrong-2565', temporaryDir(), 'ก.xlsx'),
      await workbookFile('lampangrong-2565', temporaryDir(), 'ข.xlsx'),
      '--out',
      out,
      '--analysis',
      ...SIGNING,
    ]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('ปี 2565 ของ อบต.ลำปางรอง มีสองชุด');
    expect(writtenIn(out)).toEqual(['ประกาศผลการประเมิน ITA 2565 อบต.ลำปางรอง (2).docx', 'ประกาศผลการประเมิน ITA 2565 อบต.ลำปางรอง.docx']);
  });

  it('npm run check shows the points to improve and the years matched', async () => {
    const files = await Promise.all(['lampangrong-2564', 'lampangrong-2565'].map((f) => workbookFile(f, temporaryDir(), `${f}.xlsx`)));
    const run = await runBuildDoc([...files, '--check', '--analysis', ...SIGNING]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain(
      'ประเด็นที่ต้องพัฒนา (ต่ำกว่า 85 คะแนน เรียงจากต่ำสุด):\n    9. การเปิดเผยข้อมูล (OIT) 69.57 · ข้อเสนอแนะ 3 ข้อ\n    2. การใช้งบประมาณ (IIT) 72.98 · ข้อเสนอแนะ 1 ข้อ',
    );
    expect(run.stderr).toContain('ปีที่นำมาเทียบ: 2564 (76.29)');
  });

  it('check-template accepts the default analysis template, by name or with --analysis', async () => {
    for (const args of [[DEFAULT_ANALYSIS_TEMPLATE], ['--analysis']]) {
      const run = await runCheckTemplate(args);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stderr).toContain('ตรวจเป็นแม่แบบรายงานการวิเคราะห์');
      expect(run.stderr).not.toContain('ข้อผิดพลาด');
    }
  });

  it("templates/ita-analysis.docx is its source packed with the announcement's shared parts (npm run pack-template)", () => {
    expect(packTemplate(ANALYSIS_TEMPLATE_SOURCE).equals(readFileSync(DEFAULT_ANALYSIS_TEMPLATE))).toBe(true);
  });
});
