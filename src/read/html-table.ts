/**
 * An ".xls" that is really a web page, as many government web systems export: its tables
 * become one sheet, the way Excel opens such a file (tables one under the other, a line of
 * text outside a table as a row of its own, colspan and rowspan as merged cells).
 */
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { sheetFromGrid, type CellRange, type Sheet } from './cells.js';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

const BLOCKS = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'caption', 'li', 'pre']);

export function htmlSheet(html: string, file: string, name: string): Sheet {
  const grid: (string | undefined)[][] = [];
  const merges: CellRange[] = [];
  const body = find(parse(html), (e) => e.tagName === 'body');
  if (body) walk(body, grid, merges);
  return sheetFromGrid(file, name, grid, merges);
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
    if (!isElement(child) || ['script', 'style', 'head'].includes(child.tagName)) continue;
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
  /** Cells a rowspan from an earlier row already fills: "row,col". */
  const filled = new Set<string>();
  const rows = findAll(table, (e) => e.tagName === 'tr', (e) => e !== table && e.tagName === 'table');
  rows.forEach((tr, r) => {
    const row = (grid[top + r] ??= []);
    let col = 0;
    for (const td of tr.childNodes.filter(isElement).filter((e) => e.tagName === 'td' || e.tagName === 'th')) {
      while (filled.has(`${r},${col}`)) col++;
      const colspan = span(td, 'colspan');
      const rowspan = span(td, 'rowspan');
      const text = textOf(td).split('\n').map((line) => line.trim()).join('\n').trim();
      if (text) row[col] = text;
      if (colspan > 1 || rowspan > 1) {
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
  if (!isElement(node) || ['script', 'style'].includes(node.tagName)) return '';
  if (node.tagName === 'br') return '\n';
  const inner = node.childNodes.map(textOf).join('');
  return BLOCKS.has(node.tagName) ? `\n${inner}\n` : inner;
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
