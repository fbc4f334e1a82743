/**
 * What an .xlsx holds, checked before exceljs reads it, on the entries src/zip.ts inflated and
 * measured: the parts a workbook cannot be without, and limits no results workbook comes near,
 * which exceljs would otherwise spend gigabytes on (it makes a cell for every cell a merge covers).
 * Also what a reader could take two ways: two cells of one address. Knows nothing of ITA.
 */

/** A national list of 8,300 agencies has about 200,000 cells. */
export const MAX_CELLS = 1_000_000;
/** A province's report merges a few dozen ranges; exceljs's time grows with the square of them. */
export const MAX_MERGES = 2_000;
/** The cells all merges cover together. */
export const MAX_MERGED_CELLS = 100_000;

export type XlsxFault =
  | { kind: 'missing-part'; part: string }
  | { kind: 'too-many-cells'; sheet: string; count: number }
  | { kind: 'too-many-merges'; sheet: string; count: number }
  | { kind: 'merges-too-large'; sheet: string; cells: number; range: string }
  | { kind: 'duplicate-cell'; sheet: string; cell: string }
  | { kind: 'shared-string-missing'; sheet: string; cell: string; index: number };

export function checkXlsx(entries: ReadonlyMap<string, Uint8Array>): XlsxFault | undefined {
  const text = (part: string) => {
    const content = entries.get(part);
    return content && new TextDecoder().decode(content);
  };
  if (!entries.has('[Content_Types].xml')) return { kind: 'missing-part', part: '[Content_Types].xml' };
  const root = text('_rels/.rels');
  if (root === undefined) return { kind: 'missing-part', part: '_rels/.rels' };
  const workbookPart = targetsOf(root, '', /officeDocument$/)[0] ?? 'xl/workbook.xml';
  const workbook = text(workbookPart);
  if (workbook === undefined) return { kind: 'missing-part', part: workbookPart };
  const folder = workbookPart.includes('/') ? workbookPart.slice(0, workbookPart.lastIndexOf('/')) : '';
  const relsPart = `${folder}/_rels/${workbookPart.slice(folder.length + 1)}.rels`;
  const rels = text(relsPart);
  if (rels === undefined) return { kind: 'missing-part', part: relsPart };
  const names = new Map([...workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map((m) => [attribute(m[0], 'r:id') ?? attribute(m[0], 'id') ?? '', attribute(m[0], 'name') ?? '']));
  const sheets = [...rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].filter((m) => /\/worksheet"/.test(m[0]) || /worksheet$/.test(attribute(m[0], 'Type') ?? ''));

  const sharedStrings = text(targetsOf(rels, folder, /sharedStrings$/)[0] ?? `${folder}/sharedStrings.xml`);
  const stringCount = sharedStrings === undefined ? 0 : (sharedStrings.match(/<(?:\w+:)?si[\s>/]/g) ?? []).length;
  let cells = 0;
  for (const sheet of sheets) {
    const part = resolve(folder, attribute(sheet[0], 'Target') ?? '');
    const name = names.get(attribute(sheet[0], 'Id') ?? '') ?? part;
    const xml = text(part);
    if (xml === undefined) return { kind: 'missing-part', part };

    const merges = [...xml.matchAll(/<(?:\w+:)?mergeCell\b[^>]*\bref="([^"]+)"/g)].map((m) => m[1]!);
    if (merges.length > MAX_MERGES) return { kind: 'too-many-merges', sheet: name, count: merges.length };
    let merged = 0;
    for (const range of merges) {
      merged += areaOf(range);
      if (merged > MAX_MERGED_CELLS) return { kind: 'merges-too-large', sheet: name, cells: merged, range };
    }

    const seen = new Set<string>();
    for (const cell of xml.matchAll(/<(?:\w+:)?c\b([^>]*?)(\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)) {
      if (++cells > MAX_CELLS) return { kind: 'too-many-cells', sheet: name, count: cells };
      const ref = attribute(cell[1]!, 'r');
      if (ref === undefined) continue;
      if (seen.has(ref)) return { kind: 'duplicate-cell', sheet: name, cell: ref };
      seen.add(ref);
      if (attribute(cell[1]!, 't') === 's') {
        const index = Number(/<(?:\w+:)?v>\s*(\d+)\s*</.exec(cell[3] ?? '')?.[1]);
        if (Number.isInteger(index) && index >= stringCount) return { kind: 'shared-string-missing', sheet: name, cell: ref, index };
      }
    }
  }
  return undefined;
}

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name.replace(':', '\\:')}="([^"]*)"`).exec(tag)?.[1];
}

/** The targets of relationships whose type ends as `type` says, as part names. */
function targetsOf(rels: string, folder: string, type: RegExp): string[] {
  return [...rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].filter((m) => type.test(attribute(m[0], 'Type') ?? '')).map((m) => resolve(folder, attribute(m[0], 'Target') ?? ''));
}

function resolve(folder: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = folder ? folder.split('/') : [];
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

/** The cells a range such as "D20:XFD1048576" covers. */
function areaOf(range: string): number {
  const [from = '', to = from] = range.split(':');
  const a = position(from);
  const b = position(to);
  if (!a || !b) return 0;
  return (Math.abs(b.row - a.row) + 1) * (Math.abs(b.col - a.col) + 1);
}

function position(ref: string): { row: number; col: number } | undefined {
  const match = /^\$?([A-Z]+)\$?(\d+)$/i.exec(ref);
  if (!match) return undefined;
  let col = 0;
  for (const letter of match[1]!.toUpperCase()) col = col * 26 + (letter.charCodeAt(0) - 64);
  return { row: Number(match[2]), col };
}
