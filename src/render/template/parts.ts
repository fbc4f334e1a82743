/**
 * docxtemplater's view of a template: the tags it parsed in each part, and where they are in the
 * text the agency sees in Word, so a problem can quote its paragraph.
 */

export interface TemplatePart {
  type: string;
  value?: string;
  module?: string;
  inverted?: boolean;
  offset?: number;
  subparsed?: TemplatePart[];
}

interface LexedPart {
  type: 'tag' | 'content';
  position: 'start' | 'end' | 'selfclosing' | 'insidetag' | 'outsidetag';
  tag?: string;
  value: string;
}

/**
 * A docxtemplater module that keeps, for each templated part, its lexed XML and its parsed tags,
 * through docxtemplater's inspection hook (the same one its InspectModule uses).
 */
export class PartCollector {
  readonly name = 'PartCollector';
  readonly lexed: Record<string, LexedPart[]> = {};
  readonly postparsed: Record<string, TemplatePart[]> = {};
  private file = '';

  set(options: { inspect?: { filePath?: string; xmllexed?: LexedPart[]; postparsed?: TemplatePart[] } }): void {
    const inspect = options.inspect;
    if (!inspect) return;
    if (inspect.filePath) this.file = inspect.filePath;
    if (inspect.xmllexed) this.lexed[this.file] = inspect.xmllexed;
    if (inspect.postparsed) this.postparsed[this.file] = inspect.postparsed;
  }

  /**
   * The text of the paragraph holding `offset`. docxtemplater counts offsets in the text of the
   * part's text elements (w:t) run together, so paragraphs are rebuilt from the same pieces.
   */
  paragraphAt(file: string, offset: number): { text: string; at: number } | undefined {
    const paragraphs: { start: number; text: string }[] = [];
    const open: { start: number; text: string }[] = [];
    let at = 0;
    let inText = false;
    for (const part of this.lexed[file] ?? []) {
      if (part.type === 'tag' && part.tag === 'w:p' && part.position === 'start') open.push({ start: at, text: '' });
      else if (part.type === 'tag' && part.tag === 'w:p' && part.position === 'end') {
        const paragraph = open.pop();
        if (paragraph) paragraphs.push(paragraph);
      } else if (part.type === 'tag' && part.tag === 'w:t') inText = part.position === 'start';
      else if (part.type === 'content' && inText) {
        const current = open.at(-1);
        if (current) current.text += part.value;
        at += part.value.length;
      }
    }
    const paragraph = paragraphs.filter((p) => p.start <= offset && offset <= p.start + p.text.length).at(-1);
    return paragraph
      ? { text: unescapeXml(paragraph.text), at: unescapeXml(paragraph.text.slice(0, offset - paragraph.start)).length }
      : undefined;
  }
}

/** At most about 80 characters of a paragraph around `at`. */
export function excerpt(text: string, at: number): string {
  const RADIUS = 40;
  if (text.length <= 2 * RADIUS) return text;
  const start = Math.max(0, Math.min(at - RADIUS, text.length - 2 * RADIUS));
  return `${start > 0 ? '…' : ''}${text.slice(start, start + 2 * RADIUS)}${start + 2 * RADIUS < text.length ? '…' : ''}`;
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
