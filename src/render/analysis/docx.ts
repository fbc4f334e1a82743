/**
 * Writer of the analysis report: analysis model → view → the analysis template, then the chart
 * put where the template says {chart} (chart.ts). Knows nothing of workbooks.
 *
 * Like the announcement, a report takes the fast path when its template allows it (fast/compiled.ts:
 * the template compiled once per run, only the body rendered for each report; the parts the chart
 * changes, the body's relationships and the content types, made once), and the general path
 * (docxtemplater over the whole template) otherwise. Both give the same parts.
 */
import PizZip from 'pizzip';
import type { Analysis } from '../../ita/analysis.js';
import type { Digits } from '../../core/format.js';
import type { Problem } from '../../core/problem.js';
import { portableDeflater, type Deflater } from '../../zip/write.js';
import { CHART_MARKER, toAnalysisView } from './view.js';
import { addChartParts, addChartReferences, CHART_REFERENCING_PARTS, chartData, chartParts, placeChart } from './chart.js';
import { chartWorkbook } from './workbook.js';
import { FastTemplate } from '../fast/compiled.js';
import { BODY, FIXED_ZIP_DATE, renderPackage, type PreparedTemplate } from '../general.js';

/** How a prepared analysis template is rendered in this thread: compiled once, without and with the chart's references (or known to need the general path). */
const compiledFor = new WeakMap<
  PreparedTemplate,
  { digits: Digits; deflater: Deflater; fast: { plain: FastTemplate; withChart: FastTemplate } | undefined }
>();

/** One analysis report as a document, or the problems that stopped it; synchronous, like renderAnnouncement, so a rendering thread could make it beside the announcement. */
export function renderAnalysis(
  prepared: PreparedTemplate,
  analysis: Analysis,
  digits: Digits,
  deflater: Deflater = portableDeflater,
  path: 'fast' | 'general' = 'fast',
): { document?: Uint8Array; problems: Problem[] } {
  const view = toAnalysisView(analysis, digits);
  let known = compiledFor.get(prepared);
  if (path === 'fast' && (!known || known.digits !== digits || known.deflater !== deflater)) {
    known = { digits, deflater, fast: compileFast(prepared, digits, deflater) };
    compiledFor.set(prepared, known);
  }
  const body = path === 'fast' ? known?.fast?.plain.finishedBody(view) : undefined;
  if (body === undefined) return renderGeneral(prepared, analysis, view, digits);
  if ('problems' in body) return body;
  const { body: withChart, placed } = placeChart(body.xml, CHART_MARKER);
  if (!placed) return { document: known!.fast!.plain.document(body.xml), problems: [] };
  const data = chartData(analysis, digits);
  return { document: known!.fast!.withChart.document(withChart, chartParts(data, chartWorkbook(data))), problems: [] };
}

/** The template compiled for a run, and the same with the chart's references; undefined when it takes the general path. */
function compileFast(prepared: PreparedTemplate, digits: Digits, deflater: Deflater) {
  const plain = FastTemplate.compile(prepared, digits, deflater);
  if (!plain || CHART_REFERENCING_PARTS.some((name) => !plain.partContent(name))) return undefined;
  const zip = new PizZip();
  for (const name of CHART_REFERENCING_PARTS) zip.file(name, plain.partContent(name)!);
  addChartReferences(zip);
  return { plain, withChart: plain.withParts(new Map(CHART_REFERENCING_PARTS.map((name) => [name, zip.file(name)!.asUint8Array()]))) };
}

/** The general path: docxtemplater over the whole template, then the chart. */
function renderGeneral(
  prepared: PreparedTemplate,
  analysis: Analysis,
  view: object,
  digits: Digits,
): { document?: Uint8Array; problems: Problem[] } {
  const { zip, problems } = renderPackage(prepared, view, digits);
  if (!zip) return { problems };
  const { body, placed } = placeChart(zip.file(BODY)!.asText(), CHART_MARKER);
  if (placed) {
    const data = chartData(analysis, digits);
    zip.file(BODY, body);
    addChartParts(zip, data, chartWorkbook(data));
  }
  for (const entry of Object.values(zip.files)) entry.date = FIXED_ZIP_DATE;
  return { document: zip.generate({ type: 'uint8array', compression: 'DEFLATE' }), problems };
}
