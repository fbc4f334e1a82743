/**
 * The years before: among every announcement of a run (several files, or a batch holding several
 * years), each agency's earlier years, matched by the agency's normalised name (short or full,
 * spaces, digits and case aside) and, where both name one, its province. Nothing is guessed: a
 * year that two announcements of the agency both give is an error (which one is right?), and an
 * earlier year that two different agencies of that name could be is a warning, and left out.
 */
import { error, warning, type Problem } from '../core/problem.js';
import { fullAgencyName } from './agency.js';
import type { Announcement, YearTotal } from './model.js';
import { roundScore } from './scoring.js';
import { labelKey } from './text.js';

export interface YearsFound {
  /** The agency's earlier years, oldest first. */
  earlier: Announcement[];
  /** An error: the analysis of this announcement is not made. */
  problems: Problem[];
}

/** The key an agency is matched by across files: its full name, normalised. */
export function agencyKey(announcement: Announcement): string {
  return labelKey(fullAgencyName(announcement.agency.shortName));
}

const provinceOf = (a: Announcement) => (a.agency.province ? labelKey(a.agency.province.replace(/^(จังหวัด|จ\.)\s*/, '')) : undefined);

/**
 * Whether two of the announcements (by index) can be the same agency: the same name, and no two
 * different provinces. Each announcement's name and province are normalised once: a run of 8,323
 * agencies where a name is shared by hundreds (อบต.หนองบัว, …) compares each with each of them.
 */
function sameAgencyOf(announcements: readonly Announcement[]): (i: number, j: number) => boolean {
  const keys = announcements.map(agencyKey);
  const provinces = announcements.map(provinceOf);
  return (i, j) => keys[i] === keys[j] && (provinces[i] === undefined || provinces[j] === undefined || provinces[i] === provinces[j]);
}

/** The years oldest first, each with its change from the one before. */
export function yearTotals(announcements: readonly Announcement[]): (YearTotal & { announcement: Announcement })[] {
  const sorted = [...announcements].sort((x, y) => x.fiscalYear - y.fiscalYear);
  return sorted.map((year, i) => ({
    announcement: year,
    fiscalYear: year.fiscalYear,
    total: year.total,
    level: year.level,
    result: year.result,
    ...(i > 0 && { change: roundScore(year.total - sorted[i - 1]!.total) }),
  }));
}

/**
 * Which document the years are found for. The analysis report is not made when a year is given
 * twice (an error for that report); an announcement is always made, without the years (a warning).
 */
export type YearsFor = 'analysis' | 'announcement';

const LEFT_OUT = {
  analysis: { th: 'ไม่สร้างรายงานการวิเคราะห์ของหน่วยงานนี้', en: 'no analysis report for this agency' },
  announcement: { th: 'ประกาศของหน่วยงานนี้ไม่แสดงผลการประเมินย้อนหลัง', en: "this agency's announcement shows no earlier years" },
};
const COMPARED_BY = {
  analysis: { th: 'รายงานการวิเคราะห์ไม่นำปี', en: 'the analysis leaves' },
  announcement: { th: 'ประกาศไม่นำปี', en: 'the announcement leaves' },
};

/** For each announcement (by its index), its earlier years and the problems in finding them. */
export function earlierYears(announcements: readonly Announcement[], yearsFor: YearsFor = 'analysis'): YearsFound[] {
  const twiceProblem = yearsFor === 'analysis' ? error : warning;
  const [twiceCode, ambiguousCode] =
    yearsFor === 'analysis'
      ? (['analysis-year-twice', 'analysis-year-ambiguous'] as const)
      : (['history-year-twice', 'history-year-ambiguous'] as const);
  const leftOut = LEFT_OUT[yearsFor];
  const sameAgency = sameAgencyOf(announcements);
  const byKey = new Map<string, number[]>();
  announcements.forEach((a, i) => {
    const key = agencyKey(a);
    const group = byKey.get(key);
    if (group) group.push(i);
    else byKey.set(key, [i]);
  });
  return announcements.map((target, index) => {
    const problems: Problem[] = [];
    const where = { file: target.source.file, sheet: target.source.sheet, agency: target.agency.shortName };
    const candidates = byKey.get(agencyKey(target))!.filter((i) => i !== index && sameAgency(index, i));
    const twice = candidates.filter((i) => announcements[i]!.fiscalYear === target.fiscalYear);
    if (twice.length) {
      const other = announcements[twice[0]!]!;
      problems.push(
        twiceProblem(
          twiceCode,
          where,
          `ปี ${target.fiscalYear} ของ ${target.agency.shortName} มีสองชุด (${target.source.file} และ ${other.source.file}): ${leftOut.th} เพราะไม่รู้ว่าชุดใดถูก ให้ใช้ไฟล์ของปีนี้ไฟล์เดียว`,
          `Fiscal year ${target.fiscalYear} of ${target.agency.shortName} is given twice (${target.source.file} and ${other.source.file}): ${leftOut.en}, as which is right is not known; give one file of the year`,
        ),
      );
      return { earlier: [], problems };
    }
    const earlier: Announcement[] = [];
    const years = [...new Set(candidates.map((i) => announcements[i]!.fiscalYear))]
      .filter((y) => y < target.fiscalYear)
      .sort((a, b) => a - b);
    for (const year of years) {
      const ofYearIndices = candidates.filter((i) => announcements[i]!.fiscalYear === year);
      const ofYear = ofYearIndices.map((i) => announcements[i]!);
      if (ofYear.length === 1) {
        earlier.push(ofYear[0]!);
        continue;
      }
      if (!ofYearIndices.every((a) => ofYearIndices.every((b) => sameAgency(a, b)))) {
        const provinces = ofYear.map((a) => a.agency.province ?? '?').join(', ');
        problems.push(
          warning(
            ambiguousCode,
            where,
            `ปี ${year} มีหน่วยงานชื่อ ${target.agency.shortName} มากกว่าหนึ่งแห่ง (จังหวัด ${provinces}) ซึ่งอาจเป็นหน่วยงานนี้: ${COMPARED_BY[yearsFor].th} ${year} มาเทียบ ให้ไฟล์ระบุจังหวัดของหน่วยงาน`,
            `Fiscal year ${year} has more than one agency named ${target.agency.shortName} (provinces ${provinces}) that could be this one: ${COMPARED_BY[yearsFor].en} ${year} out; give the agency's province in the file`,
          ),
        );
        continue;
      }
      // Several announcements of one year that are all the same agency: that year is given twice.
      problems.push(
        twiceProblem(
          twiceCode,
          where,
          `ปี ${year} ของ ${target.agency.shortName} มีสองชุด (${ofYear.map((a) => a.source.file).join(' และ ')}): ${leftOut.th} เพราะไม่รู้ว่าชุดใดถูก ให้ใช้ไฟล์ของแต่ละปีไฟล์เดียว`,
          `Fiscal year ${year} of ${target.agency.shortName} is given twice (${ofYear.map((a) => a.source.file).join(' and ')}): ${leftOut.en}, as which is right is not known; give one file of each year`,
        ),
      );
      return { earlier: [], problems };
    }
    return { earlier, problems };
  });
}
