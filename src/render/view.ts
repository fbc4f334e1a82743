/**
 * Model → view: every value the template prints, formatted (digits, decimals, dates).
 * The template only places these; it computes nothing.
 */
import type { Announcement, YearTotal } from '../ita/model.js';
import { formatterFor, type Digits, type Formatter } from '../core/format.js';

/** Printed where the signer's name or position is not known, to fill in by hand. */
export const DOTTED_LINE = '....................................';

/** What the announcement and the analysis report both print of the agency's result. */
export interface ResultView {
  agencyFullName: string;
  agencyShortName: string;
  fiscalYear: string;
  total: string;
  level: string;
  result: string;
  levelDescription: string;
}

/** Where both are signed: the date, the signer's name and position (a dotted line when not known). */
export interface SignatureView {
  date: string;
  signer: string;
  position: string;
}

export interface AnnouncementView extends ResultView, SignatureView {
  ranking: { rank: string; name: string; score: string }[];
  highest: string;
  lowest: string;
  /** One row per agency (the summary table is a row loop). */
  summary: { agency: string; total: string; level: string; result: string }[];
  /** `false` hides a section: a workbook without that tool's recommendations. */
  iit: { paragraphs: string[] } | false;
  eit: { paragraphs: string[] } | false;
  oit:
    | {
        indicators: {
          number: string;
          name: string;
          sections: { heading: { number: string; name: string } | false; items: string[] }[];
        }[];
      }
    | false;
  /** The agency's years, oldest first, this one last, when earlier years were given in the run; empty otherwise. */
  history: YearView[];
}

/** A row of a table of years: the announcement's `{#history}`, the analysis report's `{#history}{#years}`. */
export interface YearView {
  fiscalYear: string;
  total: string;
  level: string;
  result: string;
  /** Signed ("+๑.๒๓", "-๐.๕๐", "๐.๐๐"); "-" for the first year. */
  change: string;
}

export function yearViews(years: readonly YearTotal[], f: Formatter): YearView[] {
  const signed = (change: number) => (change > 0 ? `+${f.score(change)}` : change < 0 ? `-${f.score(-change)}` : f.score(0));
  return years.map((y) => ({
    fiscalYear: f.integer(y.fiscalYear),
    total: f.score(y.total),
    level: y.level,
    result: y.result,
    change: y.change === undefined ? '-' : signed(y.change),
  }));
}

/**
 * Spaces a line must not break at, made non-breaking: between พ.ศ. and its year, and between a
 * score and คะแนน ("๗๘.๒๙ คะแนน"), as a Thai typist keeps them together.
 */
export function keptTogether(text: string): string {
  // Most texts have neither: they are returned without running the expressions (a view has a hundred texts).
  const year = text.includes('พ.ศ. ') ? text.replace(/(พ\.ศ\.) (?=[0-9๐-๙])/g, '$1\u00a0') : text;
  return year.includes(' คะแนน') ? year.replace(/([0-9๐-๙]) (?=คะแนน)/g, '$1\u00a0') : year;
}

/** The formatter of every view: texts and dates with the spaces a line must not break at kept (keptTogether). */
export function viewFormatter(digits: Digits): Formatter {
  const formatter = formatterFor(digits);
  return { ...formatter, text: (t: string) => keptTogether(formatter.text(t)), date: (d: string) => keptTogether(formatter.date(d)) };
}

/** The model's result and signature, as both documents print them. */
type ResultAndSignature = Pick<
  Announcement,
  'agency' | 'fiscalYear' | 'total' | 'level' | 'result' | 'levelDescription' | 'date' | 'signature'
>;

export function resultView(a: ResultAndSignature, f: Formatter): ResultView {
  return {
    agencyFullName: f.text(a.agency.fullName),
    agencyShortName: f.text(a.agency.shortName),
    fiscalYear: f.integer(a.fiscalYear),
    total: f.score(a.total),
    level: a.level,
    result: a.result,
    levelDescription: f.text(a.levelDescription),
  };
}

export function signatureView(a: ResultAndSignature, f: Formatter): SignatureView {
  return {
    date: f.date(a.date),
    signer: a.signature.signer ? f.text(a.signature.signer) : DOTTED_LINE,
    position: a.signature.position ? f.text(a.signature.position) : DOTTED_LINE,
  };
}

export function toView(announcement: Announcement, digits: Digits): AnnouncementView {
  const f = viewFormatter(digits);
  const a = announcement;
  const recommendations = a.recommendations;
  const paragraphs = (list: string[] | undefined) => (list?.length ? { paragraphs: list.map(f.text) } : (false as const));
  return {
    ...resultView(a, f),
    ranking: a.ranking.map((r) => ({ rank: f.integer(r.rank), name: f.text(r.name), score: f.score(r.score) })),
    highest: f.score(a.highest),
    lowest: f.score(a.lowest),
    summary: [{ agency: f.text(a.agency.shortName), total: f.score(a.total), level: a.level, result: a.result }],
    iit: paragraphs(recommendations?.iit),
    eit: paragraphs(recommendations?.eit),
    oit: recommendations?.oit.length
      ? {
          indicators: recommendations.oit.map((group) => ({
            number: f.integer(group.indicator.number),
            name: f.text(group.indicator.name),
            sections: group.sections.map((section) => ({
              heading: section.subIndicator
                ? { number: f.text(section.subIndicator.number), name: f.text(section.subIndicator.name) }
                : false,
              items: section.items.map(f.text),
            })),
          })),
        }
      : false,
    history: a.history ? yearViews(a.history, f) : [],
    ...signatureView(a, f),
  };
}

/** The sample's result and signature, the same in both documents' samples. */
export const SAMPLE_RESULT: ResultView = {
  agencyFullName: 'องค์การบริหารส่วนตำบลลำปางรอง',
  agencyShortName: 'อบต.ลำปางรอง',
  fiscalYear: '๒๕๖๕',
  total: '๗๘.๒๙',
  level: 'B',
  result: 'ไม่ผ่าน',
  levelDescription: 'ระดับ B : …',
};
export const SAMPLE_SIGNATURE: SignatureView = { date: '๒ สิงหาคม พ.ศ. ๒๕๖๕', signer: DOTTED_LINE, position: DOTTED_LINE };

/**
 * A view with every section present: what a template's tags are checked against. Typed as the
 * view, so a field added to or removed from the view must be added here too.
 */
export const SAMPLE_VIEW: AnnouncementView = {
  ...SAMPLE_RESULT,
  ranking: [{ rank: '๑', name: 'การใช้อำนาจ', score: '๘๔.๗๙' }],
  highest: '๘๔.๗๙',
  lowest: '๖๙.๕๗',
  summary: [{ agency: 'อบต.ลำปางรอง', total: '๗๘.๒๙', level: 'B', result: 'ไม่ผ่าน' }],
  iit: { paragraphs: ['หน่วยงานควรพัฒนาและปรับปรุง…'] },
  eit: { paragraphs: ['หน่วยงานควรพัฒนาและปรับปรุง…'] },
  oit: {
    indicators: [
      {
        number: '๙',
        name: 'การเปิดเผยข้อมูล',
        sections: [{ heading: { number: '๙.๑', name: 'ข้อมูลพื้นฐาน' }, items: ['- o๑ โครงสร้าง…'] }],
      },
    ],
  },
  history: [{ fiscalYear: '๒๕๖๔', total: '๗๕.๐๐', level: 'B', result: 'ไม่ผ่าน', change: '-' }],
  ...SAMPLE_SIGNATURE,
};
