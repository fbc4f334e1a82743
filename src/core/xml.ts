/**
 * XML through xmldom, quietly: xmldom prints its warnings and errors on the console unless it is
 * given somewhere else to put them, and a clerk's screen (or the web page's console) must not show
 * "[xmldom warning]" lines. Runs wherever the core runs.
 */
import { DOMParser, type Document } from '@xmldom/xmldom';

/** Why a text is not well-formed XML (the parser's first complaint, in its words), or undefined when it is. */
export function xmlFault(text: string): string | undefined {
  let fault: string | undefined;
  try {
    new DOMParser({ onError: (level, message) => void (level !== 'warning' && (fault ??= message.split('\n')[0]!)) }).parseFromString(
      text,
      'text/xml',
    );
  } catch (e) {
    fault ??= (e as Error).message.split('\n')[0]!;
  }
  return fault;
}

/** A part parsed, its parser's complaints kept off the console (a part that is not well-formed is refused before: xmlFault). */
export function parseXml(text: string): Document {
  return new DOMParser({ onError: () => {} }).parseFromString(text, 'text/xml');
}

/** The five named escapes and character references of XML text, resolved, as a reader of the text would. */
export function unescapeXml(text: string): string {
  return text.replace(
    /&(?:#x([0-9a-f]+)|#(\d+)|(lt|gt|quot|apos|amp));/gi,
    (whole, hex: string | undefined, decimal: string | undefined, named: string | undefined) => {
      if (named) return { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' }[named.toLowerCase() as 'lt'];
      const code = Number.parseInt(hex ?? decimal ?? '', hex ? 16 : 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    },
  );
}
