/**
 * The bodies rendered by shape (render/fast/shape.ts: a view's shape rendered once with markers,
 * each document filled in) against docxtemplater's own render of the same view (the general path:
 * docxtemplater over the whole template, the body finished through a DOM): a seeded property test
 * over generated views of many shapes and hostile texts, every part of every document the same.
 */
import { COMMAND_LINE_NAMES } from '../../../src/cli/options.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import fc from 'fast-check';
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { FastTemplate } from '../../../src/render/fast/compiled.js';
import { markedView, viewShape } from '../../../src/render/fast/shape.js';
import { renderGeneral } from '../../../src/render/general.js';
import { prepareTemplate, type PreparedTemplate } from '../../../src/render/index.js';
import { nodeDeflater } from '../../../src/node/deflater.js';
import { SAMPLE_VIEW, toView, type AnnouncementView } from '../../../src/render/view.js';
import { SAMPLE_ANALYSIS_VIEW, type AnalysisView } from '../../../src/render/analysis/view.js';
import { DEFAULT_TEMPLATE } from '../../helpers/docx.js';
import { build } from '../../../src/build/index.js';
import { frameworksOnDisk } from '../../../src/node/frameworks-on-disk.js';
import { benchWorkbook } from '../../../tools/bench-workbook.js';
import { temporaryDir } from '../../../tools/workbooks.js';

const ANALYSIS_TEMPLATE_FILE = fileURLToPath(new URL('../../../templates/ita-analysis.docx', import.meta.url));

function prepared(edit?: (xml: string) => string, file = DEFAULT_TEMPLATE): PreparedTemplate {
  const zip = new PizZip(readFileSync(file));
  if (edit) zip.file('word/document.xml', edit(zip.file('word/document.xml')!.asText()));
  const template = { file: 'แม่แบบ.docx', content: zip.generate({ type: 'uint8array' }) };
  return prepareTemplate(template, undefined, COMMAND_LINE_NAMES).prepared!;
}

/** Every part of a document, as text (pictures as their bytes, in hex). */
function parts(docx: Uint8Array): Record<string, string> {
  return Object.fromEntries(
    Object.entries(unzipSync(docx)).map(([name, bytes]) => [
      name,
      /\.(xml|rels)$/.test(name) ? new TextDecoder().decode(bytes) : Buffer.from(bytes).toString('hex'),
    ]),
  );
}

/** Texts a workbook gives, and texts that try what docxtemplater and the finishing do with text. */
const HOSTILE = [
  '',
  ' ',
  '\u00a0',
  '  นำหน้าและตามหลัง  ',
  '&',
  '<w:p>',
  '>',
  '"ทดสอบ"',
  "'",
  '&amp;&quot;&#65;',
  'a\nb',
  'ปลัด อบต.\nรักษาราชการแทน',
  '\t',
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"',
  'w',
  '="x"',
  '\ue000',
  '😀',
  '{agencyFullName}',
  ']]>',
  '<!-- x -->',
  '<?x?>',
  'จึงประกาศเพื่อทราบโดยทั่วกัน',
];
// No lone surrogate: pizzip writes one in UTF-8 otherwise than TextEncoder, so the general path and the fast one differ there, shapes or not (see below).
const ORDINARY = ['องค์การบริหารส่วนตำบลลำปางรอง', 'อบต.ลำปางรอง', '๗๘.๒๙', 'B', 'ผ่าน', 'Agency & Co.', '9.2', '- o๑ โครงสร้าง'];
/** Texts that send a view the way it went before shapes: a character docxtemplater refuses, one the text finishing does not read, a marker's. */
const DECLINED = ['\r', '\u0001', '\u{10fffd}', '\u{100000}\u{10fffd}'];
const text = fc.oneof(
  { weight: 30, arbitrary: fc.constantFrom(...ORDINARY) },
  { weight: 20, arbitrary: fc.constantFrom(...HOSTILE) },
  {
    weight: 10,
    arbitrary: fc.string({ unit: fc.constantFrom('a', 'ก', '๑', '&', '<', '>', '"', "'", ' ', '\n', '.', '😀'), maxLength: 6 }),
  },
  { weight: 1, arbitrary: fc.constantFrom(...DECLINED) },
);
const few = <T>(item: fc.Arbitrary<T>) => fc.array(item, { maxLength: 3 });
/** A condition: a section's content, or what hides it (false, null, an empty list), or a text docxtemplater tests for truth. */
const section = <T>(content: fc.Arbitrary<T>) => fc.oneof(content, fc.constantFrom(false, null, true), text);

const views: fc.Arbitrary<AnnouncementView> = fc.record({
  agencyFullName: text,
  agencyShortName: text,
  fiscalYear: text,
  total: text,
  level: text,
  result: text,
  levelDescription: text,
  ranking: few(fc.record({ rank: text, name: text, score: text })),
  highest: text,
  lowest: text,
  summary: few(fc.record({ agency: text, total: text, level: text, result: text })),
  iit: section(fc.record({ paragraphs: few(text) })),
  eit: section(fc.record({ paragraphs: few(text) })),
  oit: section(
    fc.record({
      indicators: few(
        fc.record({
          number: text,
          name: text,
          sections: few(fc.record({ heading: section(fc.record({ number: text, name: text })), items: few(text) })),
        }),
      ),
    }),
  ),
  history: few(fc.record({ fiscalYear: text, total: text, level: text, result: text, change: text })),
  date: text,
  signer: text,
  position: text,
}) as fc.Arbitrary<AnnouncementView>;

const THAI = /[\u0e00-\u0e7f]/;
/**
 * The same view with its plain texts (not blank, no control character) replaced, in order, by
 * these (cycled); with `sameThai`, only by those that have Thai as the text they replace has or
 * has not: the same shape, other texts. Without, Thai where there was none, or none where there was.
 */
function retexted(view: object, texts: readonly string[], sameThai: boolean): object {
  let next = 0;
  const replacing = (text: string) => {
    const fitting = sameThai ? texts.filter((t) => THAI.test(t) === THAI.test(text)) : texts;
    return fitting.length ? fitting[next++ % fitting.length]! : text;
  };
  const swap = (value: unknown): unknown => {
    if (typeof value === 'string') return value.trim() !== '' && !/[\u0000-\u001f]/.test(value) ? replacing(value) : value;
    if (Array.isArray(value)) return value.map(swap);
    if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, swap(v)]));
    return value;
  };
  return swap(view) as object;
}

/** The document through the fast path, as renderAnnouncement takes it (the general path when the fast one declines), and docxtemplater's own. */
function bothWays(template: PreparedTemplate, fast: FastTemplate, view: object) {
  const ours = fast.render(view) ?? renderGeneral(template, view, 'thai');
  const theirs = renderGeneral(template, view, 'thai');
  expect(ours.problems).toEqual(theirs.problems);
  expect(ours.document === undefined).toBe(theirs.document === undefined);
  if (!ours.document) return;
  expect(parts(ours.document)).toEqual(parts(theirs.document!));
  // And the body as text, as the analysis report takes it.
  const body = fast.finishedBody(view);
  if (body && 'xml' in body) expect(body.xml).toBe(parts(theirs.document!)['word/document.xml']);
}

describe('a body rendered by shape is the body docxtemplater renders', () => {
  // Two tags side by side: nothing of the template between their texts.
  const template = prepared((xml) => xml.replace('{agencyFullName}', '{agencyFullName}{agencyShortName}'));
  const fast = FastTemplate.compile(template, 'thai', nodeDeflater)!;

  it('generated views of many shapes, hostile texts, each shape filled in again with other texts: every part the same', () => {
    fc.assert(
      fc.property(views, fc.array(fc.constantFrom(...ORDINARY), { minLength: 1, maxLength: 8 }), (view, others) => {
        // A shape is rendered with markers from its second view on (the first is rendered alone); then filled in.
        const sameShape = retexted(view, others, true);
        const otherThai = retexted(view, others, false);
        for (const each of [view, sameShape, otherThai, view]) bothWays(template, fast, each);
      }),
      { seed: 26, numRuns: 60 },
    );
    // Not the general path in disguise: shapes were rendered with markers, and many documents filled in from one rendered before.
    expect(fast.byShape.rendered).toBeGreaterThan(50);
    expect(fast.byShape.filled).toBeGreaterThan(40);
    // And loops' items by their own shapes (fast/loop-items.ts), in the views rendered alone.
    expect(fast.byItem.rendered).toBeGreaterThan(50);
    expect(fast.byItem.filled).toBeGreaterThan(200);
  });

  it('blank texts where the finishing looks for text (the last paragraph before the closing): the same, shape after shape', () => {
    const view = SAMPLE_VIEW;
    for (const blank of [' ', '\u00a0', '  ']) {
      const lastBlank = { ...view, iit: { paragraphs: ['ข้อเสนอแนะ', blank] }, eit: false, oit: false, history: [] };
      for (let i = 0; i < 3; i++) bothWays(template, fast, lastBlank);
    }
  });

  it('the two halves of a surrogate pair in two tags side by side: the bytes of the body as one text (UTF-8 pairs them)', () => {
    const view = SAMPLE_VIEW;
    for (const [before, after] of [
      ['ก\ud83d', '\ude00ข'],
      ['ค\ud83d', '\ude00ง'],
    ] as const) {
      const halves = { ...view, agencyFullName: before, agencyShortName: after };
      fast.render(halves); // the shape's first view, rendered alone; the next is filled in
      const body = parts(fast.render(halves)!.document!)['word/document.xml'];
      const asOneText = new TextDecoder().decode(new TextEncoder().encode((fast.finishedBody(halves) as { xml: string }).xml));
      expect(body).toBe(asOneText);
      expect(body).toContain(`${before.slice(0, -1)}😀${after.slice(1)}`);
    }
  });

  it('a loop inside a paragraph whose items start a run, a text with a line break after it: its breaks in the run the last item recorded', () => {
    const inline = prepared((xml) =>
      xml.replace(
        '<w:body>',
        '<w:body><w:p><w:r><w:t>{#ranking}</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>{name}{/ranking}{position}</w:t></w:r></w:p>',
      ),
    );
    const inlineFast = FastTemplate.compile(inline, 'thai', nodeDeflater)!;
    const ranking = [
      { rank: '๑', name: 'อบต.หนึ่ง', score: '๙๐.๐๐' },
      { rank: '๒', name: 'อบต.สอง', score: '๘๐.๐๐' },
    ];
    for (const position of ['ปลัด อบต.\nรักษาราชการแทน', 'นายก\nอบต.', 'ปลัด อบต.\nรักษาราชการแทน'])
      bothWays(inline, inlineFast, { ...SAMPLE_VIEW, ranking, position });
    expect(inlineFast.byItem.filled).toBeGreaterThan(0);
  });

  it('a template with a tag a text answers to ({length} in a list of texts), or raw XML ({@…}): rendered each, the same', () => {
    for (const edit of [
      (xml: string) => xml.replace('{.}', '{.}{length}'),
      (xml: string) => xml.replace('<w:body>', '<w:body><w:p><w:r><w:t>{@agencyShortName}</w:t></w:r></w:p>'),
    ]) {
      const odd = prepared(edit);
      const oddFast = FastTemplate.compile(odd, 'thai', nodeDeflater)!;
      expect(oddFast).toBeDefined();
      const view = fc.sample(views, { seed: 1, numRuns: 1 })[0]!;
      const withParagraphs = {
        ...view,
        agencyShortName: '<w:p><w:r><w:t>ก</w:t></w:r></w:p>',
        iit: { paragraphs: ['สาม', 'ห้าตัว'] },
      };
      bothWays(odd, oddFast, withParagraphs);
      bothWays(odd, oddFast, { ...withParagraphs, iit: { paragraphs: ['หนึ่งสอง', 'ก'] } });
      expect(oddFast.byShape).toEqual({ rendered: 0, filled: 0 });
    }
  });
});

const indicator = { number: text, name: text, tool: text, score: text };
/** Analysis views (render/analysis/view.ts): a condition in each indicator, lists of every length, a few texts hostile. */
const analysisViews: fc.Arbitrary<AnalysisView> = fc
  .record({
    agencyFullName: text,
    passMark: text,
    criteriaCarried: section(fc.record({ from: text })),
    passMarkUnconfirmed: fc.boolean(),
    indicators: fc.array(
      fc.record({
        ...indicator,
        rank: text,
        reaches: fc.oneof({ weight: 10, arbitrary: fc.boolean() }, { weight: 1, arbitrary: section(text) }),
      }),
      { maxLength: 10 },
    ),
    strengths: fc.array(fc.record(indicator), { maxLength: 4 }),
    strengthsAreTopThree: fc.boolean(),
    improvements: few(
      fc.record({
        ...indicator,
        recommendations: few(fc.record({ heading: section(fc.record({ number: text, name: text })), texts: few(text) })),
      }),
    ),
    measures: few(fc.record({ number: text, name: text, tool: text })),
    history: section(fc.record({ years: few(fc.record({ fiscalYear: text, total: text, level: text, result: text, change: text })) })),
  })
  .map((varied) => ({ ...SAMPLE_ANALYSIS_VIEW, ...varied }) as AnalysisView);

describe("an analysis report's loops rendered item by item are the body docxtemplater renders", () => {
  const template = prepared(undefined, ANALYSIS_TEMPLATE_FILE);
  const fast = FastTemplate.compile(template, 'thai', nodeDeflater)!;

  it('generated reports (a condition in each indicator, lists of every length, hostile texts), each again with other texts: every part the same', () => {
    fc.assert(
      fc.property(analysisViews, fc.array(fc.constantFrom(...ORDINARY), { minLength: 1, maxLength: 8 }), (view, others) => {
        for (const each of [view, retexted(view, others, true), retexted(view, others, false)]) bothWays(template, fast, each);
      }),
      { seed: 26, numRuns: 40 },
    );
    expect(fast.byItem.rendered).toBeGreaterThan(50);
    expect(fast.byItem.filled).toBeGreaterThan(300);
  });
});

describe('viewShape', () => {
  it('tells texts apart only where docxtemplater or the finishing would: Thai or not, and the unusual as they are', () => {
    const a = viewShape({ x: 'abc', y: 'กขค', z: ['', 'a\nb', '\ud83d'] })!;
    const b = viewShape({ x: 'xyz', y: 'ง', z: ['', 'a\nb', '\ud83d'] })!;
    expect(a.key).toBe(b.key);
    expect(a.texts).toEqual(['abc', 'กขค']);
    expect(viewShape({ x: 'กขค', y: 'ง', z: ['', 'a\nb', '\ud83d'] })!.key).not.toBe(a.key);
    expect(viewShape({ x: 'abc', y: 'ง', z: [' ', 'a\nb', '\ud83d'] })!.key).not.toBe(a.key);
    expect(viewShape({ x: 'abc', y: 'ง', z: ['', 'a\nb', '\ude00'] })!.key).not.toBe(a.key);
    expect(viewShape({ x: 'abc', y: 'ง', z: ['', 'a\nb', '\ud83d', 'c'] })!.key).not.toBe(a.key);
  });

  it('declines what is not plain data', () => {
    expect(viewShape({ n: 5 })).toBeUndefined();
    expect(viewShape({ f: () => 'x' })).toBeUndefined();
    expect(viewShape({ d: new Date(0) })).toBeUndefined();
    expect(viewShape({ u: undefined })).toBeUndefined();
  });

  it('marks the texts in the order it lists them', () => {
    const view = { a: 'one', b: [{ c: 'ก' }, { c: '' }], d: 'two' };
    const marked = JSON.stringify(markedView(view));
    expect(marked).toBe(
      JSON.stringify({ a: '\u{100000}\u{10fffd}', b: [{ c: '\u{100001}ก\u{10fffd}' }, { c: '' }], d: '\u{100002}\u{10fffd}' }),
    );
  });
});

describe('a year of real announcements, by shape', () => {
  it('a generated workbook of 40 agencies (none to four recommendations each): every document, filled in from its shape or not, is the one docxtemplater renders', async () => {
    const file = await benchWorkbook(40, temporaryDir('ita-shapes-'));
    const { announcements } = await build({
      workbooks: [{ name: 'ผลการประเมิน.xlsx', bytes: new Uint8Array(readFileSync(file)) }],
      template: { name: DEFAULT_TEMPLATE, bytes: new Uint8Array(readFileSync(DEFAULT_TEMPLATE)) },
      frameworks: frameworksOnDisk(),
      announce: { date: '2023-12-01', names: COMMAND_LINE_NAMES },
      digits: 'thai',
      check: true,
    });
    expect(announcements).toHaveLength(40);
    const template = prepared();
    const fast = FastTemplate.compile(template, 'thai', nodeDeflater)!;
    for (const { announcement } of announcements) bothWays(template, fast, toView(announcement, 'thai'));
    // Most of them were filled in from a shape met before.
    expect(fast.byShape.filled).toBeGreaterThan(20);
  });
});
