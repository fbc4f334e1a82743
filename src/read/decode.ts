/**
 * Text files from Thai offices come in UTF-8 (with or without a byte-order mark), UTF-16, or the
 * Windows Thai code page (windows-874, a superset of TIS-620). A declared charset wins.
 */
import { latin1 } from '../core/bytes.js';

export function decodeText(bytes: Uint8Array, declared?: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  if (declared) {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      // An unknown label: fall through to guessing.
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-874').decode(bytes);
  }
}

/** The charset a web page declares in a <meta> tag, if any. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(latin1(bytes, 0, 4096))?.[1];
}

/** The encoding an XML file declares (`<?xml version="1.0" encoding="windows-874"?>`), if any. */
export function declaredXmlEncoding(bytes: Uint8Array): string | undefined {
  return /^\s*<\?xml[^>]*\sencoding\s*=\s*["']([\w.:-]+)["']/.exec(latin1(bytes, bytes[0] === 0xef ? 3 : 0, 256))?.[1];
}
