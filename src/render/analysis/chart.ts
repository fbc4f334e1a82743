/**
 * The analysis report's chart as Word's own chart: a DrawingML chart part (word/charts/chart1.xml,
 * c:chartSpace) with a column for each of the ten scores of each year given (the earlier years
 * first, this year last) and the pass mark drawn as a line, and the workbook it was drawn from
 * embedded beside it (word/embeddings/, referenced by c:externalData), so Word's "Edit Data"
 * opens the figures. Not a picture: Word and LibreOffice draw it from the figures.
 *
 * The chart part caches every value, so a reader needs no spreadsheet to draw it. The workbook is
 * exceljs's (workbook.ts), zipped with the fixed date, so the same input gives the same bytes.
 */
import type PizZip from 'pizzip';
import type { Analysis } from '../../ita/analysis.js';
import { formatterFor, type Digits } from '../../core/format.js';
import { SHEET } from './workbook.js';
import { editXml, elements, NS } from '../word-xml.js';

export const CHART_PART = 'word/charts/chart1.xml';
const CHART_RELS = 'word/charts/_rels/chart1.xml.rels';
const WORKBOOK_PART = 'word/embeddings/Microsoft_Excel_Worksheet1.xlsx';
const CHART_RELATIONSHIP_ID = 'rIdItaChart1';
const CHART_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';
const PACKAGE_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/package';
const CHART_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The text column's width (16 cm) and 6.5 cm high, in EMU: with the result above it, on page one. */
const WIDTH = 5_760_000;
const HEIGHT = 2_340_000;
const FONT = 'TH SarabunIT๙';
/** Columns of the earlier years in greys, this year in blue; the pass mark in red. */
const EARLIER_COLOURS = ['BFBFBF', 'A5A5A5', '7F7F7F', '595959'];
const THIS_YEAR_COLOUR = '4472C4';
const PASS_MARK_COLOUR = 'C00000';

/** What the chart shows: one label per indicator, one series per year, and the pass mark. */
export interface ChartData {
  categories: string[];
  years: { name: string; values: number[] }[];
  passMark: { name: string; value: number };
  /** Excel's number format for the values' labels: Thai digits (D0…) or Arabic. */
  numberFormat: string;
}

export function chartData(analysis: Analysis, digits: Digits): ChartData {
  const f = formatterFor(digits);
  const numbers = analysis.indicators.map((i) => i.number);
  return {
    categories: numbers.map((n) => f.integer(n)),
    years: analysis.history.map((year) => ({
      name: `พ.ศ. ${f.integer(year.fiscalYear)}`,
      values: numbers.map((n) => year.scores.find((s) => s.number === n)?.score ?? Number.NaN),
    })),
    passMark: { name: `เกณฑ์ผ่าน ${f.integer(analysis.criteria.passMark)}`, value: analysis.criteria.passMark },
    numberFormat: digits === 'thai' ? '[$-D07041E]0.00' : '0.00',
  };
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** Column letters of the embedded sheet: A holds the labels, B… the years, then the pass mark. */
const column = (index: number) => String.fromCharCode(66 + index);

function stringReference(formula: string, texts: string[]): string {
  return `<c:strRef><c:f>${formula}</c:f><c:strCache><c:ptCount val="${texts.length}"/>${texts.map((t, i) => `<c:pt idx="${i}"><c:v>${escape(t)}</c:v></c:pt>`).join('')}</c:strCache></c:strRef>`;
}

function numberReference(formula: string, values: number[]): string {
  const points = values.map((v, i) => (Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : '')).join('');
  return `<c:numRef><c:f>${formula}</c:f><c:numCache><c:formatCode>0.00</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:numCache></c:numRef>`;
}

const fill = (colour: string) => `<a:solidFill><a:srgbClr val="${colour}"/></a:solidFill>`;

/** The chart part: c:chartSpace with a clustered c:barChart of the years and a c:lineChart of the pass mark on the same axes. */
export function chartXml(data: ChartData): string {
  const last = data.categories.length + 1;
  const categories = `<c:cat>${stringReference(`${SHEET}!$A$2:$A$${last}`, data.categories)}</c:cat>`;
  const series = (index: number, name: string) =>
    `<c:idx val="${index}"/><c:order val="${index}"/><c:tx>${stringReference(`${SHEET}!$${column(index)}$1`, [name])}</c:tx>`;
  const values = (index: number, list: number[]) =>
    `<c:val>${numberReference(`${SHEET}!$${column(index)}$2:$${column(index)}$${last}`, list)}</c:val>`;
  const thisYear = data.years.length - 1;
  const bars = data.years
    .map((year, i) => {
      const colour = i === thisYear ? THIS_YEAR_COLOUR : EARLIER_COLOURS[Math.max(0, EARLIER_COLOURS.length - (thisYear - i))]!;
      // Only this year's columns carry their score, inside their top, clear of the pass mark's line.
      const labels =
        i === thisYear
          ? `<c:dLbls><c:numFmt formatCode="${escape(data.numberFormat)}" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr><c:txPr><a:bodyPr rot="-5400000" vert="horz"/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200">${fill('FFFFFF')}</a:defRPr></a:pPr><a:endParaRPr lang="th-TH"/></a:p></c:txPr><c:dLblPos val="inEnd"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>`
          : '';
      return `<c:ser>${series(i, year.name)}<c:spPr>${fill(colour)}</c:spPr><c:invertIfNegative val="0"/>${labels}${categories}${values(i, year.values)}</c:ser>`;
    })
    .join('');
  const passIndex = data.years.length;
  const passValues = data.categories.map(() => data.passMark.value);
  const line = `<c:ser>${series(passIndex, data.passMark.name)}<c:spPr><a:ln w="28575" cap="rnd">${fill(PASS_MARK_COLOUR)}<a:prstDash val="dash"/><a:round/></a:ln></c:spPr><c:marker><c:symbol val="none"/></c:marker>${categories}${values(passIndex, passValues)}<c:smooth val="0"/></c:ser>`;
  const axes = '<c:axId val="50010001"/><c:axId val="50010002"/>';
  const text = (size: number) =>
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}"><a:latin typeface="${FONT}"/><a:cs typeface="${FONT}"/></a:defRPr></a:pPr><a:endParaRPr lang="th-TH"/></a:p></c:txPr>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="${NS.a}" xmlns:r="${NS.r}">` +
    '<c:date1904 val="0"/><c:lang val="th-TH"/><c:roundedCorners val="0"/>' +
    '<c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/>' +
    `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${bars}<c:gapWidth val="60"/>${axes}</c:barChart>` +
    `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${line}<c:marker val="1"/>${axes}</c:lineChart>` +
    '<c:catAx><c:axId val="50010001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="50010002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
    `<c:valAx><c:axId val="50010002"/><c:scaling><c:orientation val="minMax"/><c:max val="100"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines><c:spPr><a:ln w="6350">${fill('D9D9D9')}</a:ln></c:spPr></c:majorGridlines><c:numFmt formatCode="${escape(data.numberFormat.replace('0.00', '0'))}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="50010001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/><c:majorUnit val="20"/></c:valAx>` +
    '</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>' +
    `${text(1400)}<c:externalData r:id="rId1"><c:autoUpdate val="0"/></c:externalData></c:chartSpace>`
  );
}

/** The run that shows the chart, in place of the run that printed {chart}. */
function chartRun(): string {
  return (
    `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${WIDTH}" cy="${HEIGHT}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>` +
    `<wp:docPr id="900" name="แผนภูมิคะแนนรายตัวชี้วัด"/><wp:cNvGraphicFramePr/>` +
    `<a:graphic xmlns:a="${NS.a}"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${NS.r}" r:id="${CHART_RELATIONSHIP_ID}"/></a:graphicData></a:graphic>` +
    '</wp:inline></w:drawing></w:r>'
  );
}

/**
 * The first run holding the marker becomes the chart; any other is emptied (one chart part, one
 * drawing). Returns whether the body had one: a template without {chart} gets no chart.
 */
export function placeChart(body: string, marker: string): { body: string; placed: boolean } {
  let placed = false;
  const run = new RegExp(`<w:r>(?:(?!</w:r>)[\\s\\S])*?${marker}(?:(?!</w:r>)[\\s\\S])*?</w:r>`, 'g');
  const replaced = body.replace(run, () => (placed ? '' : ((placed = true), chartRun())));
  const withNamespace =
    placed && !/xmlns:wp=/.test(replaced.slice(0, 2000)) ? replaced.replace(/<w:document\b/, `<w:document xmlns:wp="${NS.wp}"`) : replaced;
  return { body: withNamespace, placed };
}

/** The chart's own parts: the chart, its workbook and their relationship, in the order they are added. */
export function chartParts(data: ChartData, workbook: Uint8Array): { name: string; content: Uint8Array }[] {
  const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.rels}"><Relationship Id="rId1" Type="${PACKAGE_TYPE}" Target="../embeddings/${WORKBOOK_PART.split('/').pop()}"/></Relationships>`;
  return [
    { name: CHART_PART, content: encoder.encode(chartXml(data)) },
    { name: WORKBOOK_PART, content: workbook },
    { name: CHART_RELS, content: encoder.encode(rels) },
  ];
}

const encoder = new TextEncoder();

/** The parts a document with the chart has changed, the same for every report: the body's relationship to the chart, and the content types. */
export const CHART_REFERENCING_PARTS = ['word/_rels/document.xml.rels', '[Content_Types].xml'];

/** The body's relationship to the chart and the chart's content types added to a package. */
export function addChartReferences(zip: PizZip): void {
  editXml(zip, 'word/_rels/document.xml.rels', (rels) => {
    const relationship = rels.createElementNS(NS.rels, 'Relationship');
    relationship.setAttribute('Id', CHART_RELATIONSHIP_ID);
    relationship.setAttribute('Type', CHART_TYPE);
    relationship.setAttribute('Target', 'charts/chart1.xml');
    rels.documentElement!.appendChild(relationship);
  });
  editXml(zip, '[Content_Types].xml', (types) => {
    const root = types.documentElement!;
    const ns = root.namespaceURI!;
    if (!elements(types, ns, 'Default').some((d) => d.getAttribute('Extension') === 'xlsx')) {
      const xlsx = types.createElementNS(ns, 'Default');
      xlsx.setAttribute('Extension', 'xlsx');
      xlsx.setAttribute('ContentType', XLSX_CONTENT_TYPE);
      root.insertBefore(xlsx, root.firstChild);
    }
    const chart = types.createElementNS(ns, 'Override');
    chart.setAttribute('PartName', `/${CHART_PART}`);
    chart.setAttribute('ContentType', CHART_CONTENT_TYPE);
    root.appendChild(chart);
  });
}

/** The chart's parts added to a rendered package: the chart, its workbook, their relationships and content types. */
export function addChartParts(zip: PizZip, data: ChartData, workbook: Uint8Array): void {
  for (const { name, content } of chartParts(data, workbook)) zip.file(name, content);
  addChartReferences(zip);
}
