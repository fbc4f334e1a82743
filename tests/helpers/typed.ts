/** The seed's results as a clerk types them into the form: the figures, and the recommendations as the ITAS page prints them. */
import type { TypedResults } from '../../src/ita/fill-in.js';
import type { Tool } from '../../src/ita/framework.js';
import { LAMPANGRONG } from './layouts.js';
import { fixture } from '../../tools/workbooks.js';

/** The seed's recommendations as the ITAS page prints them, from the fixture's sheet: IIT and EIT paragraphs, OIT under its indicator and sub-indicator. */
function seedRecommendations(): Record<Tool, string> {
  const rows = fixture('lampangrong-2565')
    .sheets.find((s) => s.name === 'ข้อเสนอแนะ')!
    .rows.slice(1) as [string, number, string | null, string][];
  const text = (tool: Tool) => rows.filter((r) => r[0] === tool).map((r) => r[3]);
  const oit = rows.filter((r) => r[0] === 'OIT');
  return {
    IIT: text('IIT').join('\n'),
    EIT: text('EIT').join('\n'),
    OIT: [`ตัวชี้วัดที่ ${oit[0]![1]} การเปิดเผยข้อมูล`, `ตัวชี้วัดย่อยที่ ${oit[0]![2]}`, ...oit.map((r) => r[3])].join('\n'),
  };
}

export function seedTyped(): TypedResults {
  return {
    values: {
      agency: 'อบต.ลำปางรอง',
      province: 'ลำปาง',
      'fiscal-year': '2565',
      total: '78.29',
      level: 'B',
      result: 'ไม่ผ่าน',
      ...Object.fromEntries(LAMPANGRONG.map((s, i) => [`score-${i + 1}`, String(s)])),
    },
    recommendations: seedRecommendations(),
  };
}
