/**
 * An ".xls" that is really a web page, as many government web systems export: its tables
 * become one sheet, the way Excel opens such a file (tables one under the other, a line of
 * text outside a table as a row of its own, colspan and rowspan as merged cells).
 */
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { sheetFromGrid, type CellRange, type Sheet } from './cells.js';
import { MAX_MERGED_CELLS } from './limits.js';

/** Report pages nest a few levels; the reading below recurses, so a page nested deeper is refused. */
export const MAX_DEPTH = 200;

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

const BLOCKS = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'caption', 'li', 'pre']);
/**
 * What a page holds but does not show as text: a saved page keeps its scripts and styles, and
 * what a browser shows only without scripts (noscript) or never (template).
 */
const UNSHOWN = new Set(['script', 'style', 'head', 'noscript', 'template']);

/** The page's tables as one sheet; or what makes it no report: nested too deep, merges too large. */
export function htmlSheet(html: string, file: string, name: string): Sheet | { tooDeep: number } | { mergedCells: number } {
  const document = parse(html);
  if (depthOf(document) > MAX_DEPTH) return { tooDeep: MAX_DEPTH };
  const grid: (string | undefined)[][] = [];
  const merges: CellRange[] = [];
  const body = find(document, (e) => e.tagName === 'body');
  try {
    if (body) walk(body, grid, merges);
  } catch (e) {
    if (e instanceof MergesTooLarge) return { mergedCells: e.cells };
    throw e;
  }
  return sheetFromGrid(file, name, grid, merges);
}

class MergesTooLarge extends Error {
  constructor(readonly cells: number) {
    super('merged cells too large');
  }
}

/** How deep the tree goes, counted without recursion: the tree may be what is too deep. */
function depthOf(root: Node): number {
  let deepest = 0;
  const stack: [Node, number][] = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    if (deepest > MAX_DEPTH) break;
    if ('childNodes' in node) for (const child of node.childNodes) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** Tables become rows; text outside tables becomes a row per block. */
function walk(node: Element, grid: (string | undefined)[][], merges: CellRange[]): void {
  let loose = '';
  const flush = () => {
    if (loose.trim()) grid.push([loose.trim()]);
    loose = '';
  };
  for (const child of node.childNodes) {
    if (child.nodeName === '#text') loose += (child as DefaultTreeAdapterTypes.TextNode).value;
    if (!isElement(child) || UNSHOWN.has(child.tagName)) continue;
    if (child.tagName === 'table') {
      flush();
      addTable(child, grid, merges);
    } else if (child.tagName === 'br') {
      flush();
    } else if (BLOCKS.has(child.tagName) || find(child, (e) => e.tagName === 'table')) {
      flush();
      walk(child, grid, merges);
      flush();
    } else {
      loose += textOf(child);
    }
  }
  flush();
}

function addTable(table: Element, grid: (string | undefined)[][], merges: CellRange[]): void {
  const top = grid.length;
  let merged = merges.reduce((sum, m) => sum + (m.bottom - m.top + 1) * (m.right - m.left + 1), 0);
  /** Cells a rowspan from an earlier row already fills: "row,col". */
  const filled = new Set<string>();
  const rows = findAll(
    table,
    (e) => e.tagName === 'tr',
    (e) => e !== table && e.tagName === 'table',
  );
  rows.forEach((tr, r) => {
    const row = (grid[top + r] ??= []);
    let col = 0;
    for (const td of tr.childNodes.filter(isElement).filter((e) => e.tagName === 'td' || e.tagName === 'th')) {
      while (filled.has(`${r},${col}`)) col++;
      const colspan = span(td, 'colspan');
      const rowspan = span(td, 'rowspan');
      const text = textOf(td)
        .split('\n')
        .map((line) => line.trim())
        .join('\n')
        .trim();
      if (text) row[col] = text;
      if (colspan > 1 || rowspan > 1) {
        merged += colspan * rowspan;
        if (merged > MAX_MERGED_CELLS) throw new MergesTooLarge(merged);
        merges.push({ top: top + r + 1, left: col + 1, bottom: top + r + rowspan, right: col + colspan });
        for (let dr = 0; dr < rowspan; dr++) for (let dc = 0; dc < colspan; dc++) filled.add(`${r + dr},${col + dc}`);
      }
      col += colspan;
    }
  });
}

function span(td: Element, attribute: string): number {
  const value = Number(td.attrs.find((a) => a.name === attribute)?.value);
  return Number.isInteger(value) && value > 1 ? Math.min(value, 1000) : 1;
}

/** A cell's text as Excel shows it: runs of whitespace folded, <br> and blocks as line breaks. */
function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterTypes.TextNode).value.replace(/[ \t\r\n]+/g, ' ');
  if (!isElement(node) || UNSHOWN.has(node.tagName)) return '';
  if (node.tagName === 'br') return '\n';
  // A drop-down list (a saved page's search form) shows its chosen option, not every one run together.
  if (node.tagName === 'select') {
    const option = chosenOption(node);
    return option ? textOf(option) : '';
  }
  const inner = node.childNodes.map(textOf).join('');
  return BLOCKS.has(node.tagName) ? `\n${inner}\n` : inner;
}

function chosenOption(select: Element): Element | undefined {
  const options = findAll(
    select,
    (e) => e.tagName === 'option',
    () => false,
  );
  return options.find((o) => o.attrs.some((a) => a.name === 'selected')) ?? options[0];
}

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function find(node: Node, test: (e: Element) => boolean): Element | undefined {
  return findAll(node, test, () => false)[0];
}

/** Elements that pass `test`, in document order, not looking inside those that pass `skip`. */
function findAll(node: Node, test: (e: Element) => boolean, skip: (e: Element) => boolean): Element[] {
  const found: Element[] = [];
  const visit = (n: Node) => {
    if (isElement(n)) {
      if (test(n)) found.push(n);
      if (skip(n)) return;
    }
    if ('childNodes' in n) n.childNodes.forEach(visit);
  };
  visit(node);
  return found;
}
