/**
 * A template as a package Word can open: what Word refuses outright ("Word found unreadable
 * content"), checked on the parts src/zip/open.ts inflated, before docxtemplater reads them, since each
 * announcement would carry the fault. Every part has a valid name and a content type, declared
 * once; every relationship has an id of its own, a type and a target, and an internal target is a
 * part that is there, of the type its relationship asks for; every relationship id a part uses is
 * in its relationships. What a part holds inside (element order, an unknown attribute) is the
 * agency's, and passes: Word tolerates it, and the announcement keeps it as it is.
 */
import type { Message } from '../../core/language.js';
import { partInWords } from '../../zip/parts.js';

const RELATIONSHIPS_NAMESPACE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const RELATIONSHIPS_TYPE = 'application/vnd.openxmlformats-package.relationships+xml';
const WORD = 'application/vnd.openxmlformats-officedocument.wordprocessingml.';
/** The content type a relationship of each type asks of its target, by the end of the type's URI. */
const TARGET_TYPES: Record<string, string | RegExp> = {
  styles: `${WORD}styles+xml`,
  settings: `${WORD}settings+xml`,
  fontTable: `${WORD}fontTable+xml`,
  webSettings: `${WORD}webSettings+xml`,
  numbering: `${WORD}numbering+xml`,
  header: `${WORD}header+xml`,
  footer: `${WORD}footer+xml`,
  footnotes: `${WORD}footnotes+xml`,
  endnotes: `${WORD}endnotes+xml`,
  comments: `${WORD}comments+xml`,
  theme: 'application/vnd.openxmlformats-officedocument.theme+xml',
  'core-properties': 'application/vnd.openxmlformats-package.core-properties+xml',
  'extended-properties': 'application/vnd.openxmlformats-officedocument.extended-properties+xml',
  image: /^image\//,
};

/** Why Word would not open the package, in words, and the first fault found; undefined when it would. */
export function packageFault(
  parts: ReadonlyMap<string, Uint8Array>,
  texts: ReadonlyMap<string, string>,
): { what: Message; debug: string } | undefined {
  const fault = (th: string, en: string) => ({ what: { th, en }, debug: en });
  const names = new Map([...parts.keys()].map((name) => [name.toLowerCase(), name]));
  for (const name of parts.keys()) {
    if (name !== '[Content_Types].xml' && !validPartName(name))
      return fault(`ชื่อส่วน "${name}" ใช้ในเอกสาร Word ไม่ได้`, `the part name "${name}" is not a valid part name`);
  }

  const types = contentTypes(texts.get('[Content_Types].xml'));
  const list = partInWords('[Content_Types].xml');
  if ('twice' in types) return fault(`${list.th} ระบุชนิดของ ${types.twice} สองครั้ง`, `${list.en} gives the type of ${types.twice} twice`);
  if ('incomplete' in types) return fault(`${list.th} มีรายการที่ไม่ครบ`, `${list.en} has an entry without its part, extension or type`);
  const typeOf = (name: string) =>
    types.overrides.get(`/${name.toLowerCase()}`) ?? types.defaults.get(name.slice(name.lastIndexOf('.') + 1).toLowerCase());
  for (const name of parts.keys()) {
    if (name === '[Content_Types].xml') continue;
    const type = typeOf(name);
    if (type === undefined)
      return fault(`${partInWords(name).th} ไม่มีชนิดใน${list.th}`, `${partInWords(name).en} has no content type in ${list.en}`);
    if (name.endsWith('.rels') && type !== RELATIONSHIPS_TYPE)
      return fault(
        `${partInWords(name).th} มีชนิด "${type}" ซึ่งไม่ใช่ชนิดที่ Word ใช้กับส่วนนี้`,
        `${partInWords(name).en} has the content type "${type}", not the one Word uses for it`,
      );
  }

  if (!parts.has('_rels/.rels')) return fault(`ไม่มี${partInWords('_rels/.rels').th}`, `${partInWords('_rels/.rels').en} is missing`);
  const ids = new Map<string, Set<string>>();
  for (const [relsName, xml] of texts) {
    const source = sourceOf(relsName);
    if (source === undefined || (source !== '' && !parts.has(source))) continue;
    const rels = partInWords(relsName);
    const own = new Set<string>();
    ids.set(source, own);
    for (const relationship of xml.match(/<(?:\w+:)?Relationship\b[^>]*>/g) ?? []) {
      const [id, type, target] = ['Id', 'Type', 'Target'].map((name) => attribute(relationship, name));
      if (!id || !type || target === undefined)
        return fault(`${rels.th} มีรายการที่ไม่ครบ (ไม่มีรหัส ชนิด หรือที่หมาย)`, `${rels.en} has a relationship without its Id, Type or Target`);
      if (own.has(id)) return fault(`${rels.th} มีรหัส ${id} สองรายการ`, `${rels.en} has two relationships with the id ${id}`);
      own.add(id);
      if (attribute(relationship, 'TargetMode') === 'External') continue;
      const resolved = names.get(resolve(source, target).toLowerCase());
      const from = source ? partInWords(source) : { th: 'แม่แบบ', en: 'the package' };
      if (resolved === undefined)
        return fault(
          `${from.th} อ้างถึง${partInWords(resolve(source, target)).th} ซึ่งไม่มีในแม่แบบ`,
          `${from.en} refers to ${partInWords(resolve(source, target)).en}, which the template does not have`,
        );
      const wanted = TARGET_TYPES[type.slice(type.lastIndexOf('/') + 1)];
      const actual = typeOf(resolved) ?? '';
      if (wanted !== undefined && !(typeof wanted === 'string' ? actual === wanted : wanted.test(actual))) {
        return fault(
          `${partInWords(resolved).th} มีชนิด "${actual}" ซึ่งไม่ใช่ชนิดที่ Word ใช้กับส่วนนี้`,
          `${partInWords(resolved).en} has the content type "${actual}", not the one Word uses for it`,
        );
      }
    }
  }
  for (const [name, xml] of texts) {
    const own = ids.get(name) ?? new Set();
    const dangling = usedIds(xml).find((id) => !own.has(id));
    const rels = partInWords(relsOf(name));
    if (dangling !== undefined)
      return fault(
        `${partInWords(name).th} อ้างถึงรหัส ${dangling} ซึ่งไม่มีใน${rels.th}`,
        `${partInWords(name).en} refers to the relationship ${dangling}, which ${rels.en} does not have`,
      );
  }
  return undefined;
}

/** Part names as the Open Packaging Conventions allow them: segments of URI characters, none empty, none ending in a dot. */
function validPartName(name: string): boolean {
  return name
    .split('/')
    .every(
      (segment) =>
        segment !== '' && !segment.endsWith('.') && /^(?:[\w\-.~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2}|[^\u0000-\u007f])+$/.test(segment),
    );
}

type ContentTypes = { defaults: Map<string, string>; overrides: Map<string, string> } | { twice: string } | { incomplete: true };

function contentTypes(xml: string | undefined): ContentTypes {
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  for (const [entry, kind] of (xml ?? '').matchAll(/<(?:\w+:)?(Default|Override)\b[^>]*>/g)) {
    const key = attribute(entry, kind === 'Default' ? 'Extension' : 'PartName')?.toLowerCase();
    const type = attribute(entry, 'ContentType');
    if (!key || !type) return { incomplete: true };
    const map = kind === 'Default' ? defaults : overrides;
    if (map.has(key)) return { twice: key };
    map.set(key, type);
  }
  return { defaults, overrides };
}

/** word/document.xml → word/_rels/document.xml.rels. */
function relsOf(part: string): string {
  const at = part.lastIndexOf('/') + 1;
  return `${part.slice(0, at)}_rels/${part.slice(at)}.rels`;
}

/** The part a relationships part belongs to: word/_rels/document.xml.rels → word/document.xml; _rels/.rels → '' (the package). */
function sourceOf(relsName: string): string | undefined {
  const m = /^(.*?)_rels\/([^/]*)\.rels$/.exec(relsName);
  return m ? `${m[1]}${m[2]}` : undefined;
}

/** The relationship ids a part uses, through the attributes of the relationships namespace (r:id, r:embed…). */
function usedIds(xml: string): string[] {
  const prefixes = [...xml.matchAll(/\sxmlns:([\w.-]+)="([^"]*)"/g)].filter((m) => m[2] === RELATIONSHIPS_NAMESPACE).map((m) => m[1]!);
  if (prefixes.length === 0) return [];
  const pattern = new RegExp(`\\s(?:${prefixes.join('|')}):[\\w.-]+="([^"]*)"`, 'g');
  return [...new Set([...xml.matchAll(pattern)].map((m) => m[1]!))];
}

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

function resolve(source: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = source.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}
