/**
 * Writer of the analysis report: analysis model → view → the analysis template, by the general
 * path (one report per agency, beside its announcement: no run of thousands to make fast), then
 * the chart put where the template says {chart} (chart.ts). Knows nothing of workbooks.
 */
import type { Analysis } from '../ita/analysis.js';
import type { Digits } from '../format.js';
import type { Problem } from '../problem.js';
import { CHART_MARKER, toAnalysisView } from './analysis-view.js';
import { addChartParts, chartData, chartWorkbook, placeChart } from './chart.js';
import { BODY, FIXED_ZIP_DATE, renderPackage, type PreparedTemplate } from './general.js';

export async function renderAnalysis(prepared: PreparedTemplate, analysis: Analysis, digits: Digits): Promise<{ document?: Uint8Array; problems: Problem[] }> {
  const { zip, problems } = renderPackage(prepared, toAnalysisView(analysis, digits), digits);
  if (!zip) return { problems };
  const { body, placed } = placeChart(zip.file(BODY)!.asText(), CHART_MARKER);
  if (placed) {
    const data = chartData(analysis, digits);
    zip.file(BODY, body);
    addChartParts(zip, data, await chartWorkbook(data));
  }
  for (const entry of Object.values(zip.files)) entry.date = FIXED_ZIP_DATE;
  return { document: zip.generate({ type: 'uint8array', compression: 'DEFLATE' }), problems };
}
