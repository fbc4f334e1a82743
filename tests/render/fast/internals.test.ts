/**
 * The fast path (src/render/fast/) uses docxtemplater's internals, which may change in any
 * release. These tests fail, naming what to check, when the installed docxtemplater is not the one
 * the fast path was written against, when a function it does the work of has changed, or when
 * what it uses is not there in the shape it uses; and they keep the internals in that one folder.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { COPIED, DOCXTEMPLATER_VERSION, internalsFaults, RELIED_ON } from '../../../src/render/fast/internals.js';
import { DEFAULT_TEMPLATE } from '../../helpers/docx.js';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(import.meta.dirname, '../../..');
const CHECK =
  'check src/render/fast/compiled.ts (renderBody, compile) and internals.ts against the new docxtemplater, then set DOCXTEMPLATER_VERSION and COPIED in internals.ts';

describe('docxtemplater internals (src/render/fast/)', () => {
  it('the installed docxtemplater is the one the fast path was written against, pinned exactly', () => {
    const installed = (require('docxtemplater/package.json') as { version: string }).version;
    const pinned = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> })
      .dependencies.docxtemplater;
    expect(installed, `docxtemplater ${installed} is installed, the fast path was written against ${DOCXTEMPLATER_VERSION}: ${CHECK}`).toBe(
      DOCXTEMPLATER_VERSION,
    );
    expect(
      pinned,
      `package.json must pin docxtemplater exactly (${DOCXTEMPLATER_VERSION}), not ${pinned}: the fast path uses its internals`,
    ).toBe(DOCXTEMPLATER_VERSION);
  });

  it('the functions renderBody does the work of are as they were', () => {
    const sources: Record<keyof typeof COPIED, string> = {
      'XmlTemplater.prototype.render (docxtemplater/js/xml-templater.js)': (
        require('docxtemplater/js/xml-templater.js') as { prototype: { render: () => unknown } }
      ).prototype.render.toString(),
      'postrender (docxtemplater/js/postrender.js)': (require('docxtemplater/js/postrender.js') as () => unknown).toString(),
    };
    for (const [name, source] of Object.entries(sources)) {
      expect(
        createHash('sha256').update(source).digest('hex'),
        `${name} has changed: compare it with renderBody in src/render/fast/compiled.ts; ${CHECK}`,
      ).toBe(COPIED[name as keyof typeof COPIED]);
    }
    for (const module of ['docxtemplater/js/render.js', 'docxtemplater/js/join-uncorrupt.js']) {
      expect(typeof require(module), `${module} no longer exports a function: ${CHECK}`).toBe('function');
    }
  });

  it("the files a loop's items rendered by their own shape rely on are as they were (render/fast/loop-items.ts)", () => {
    for (const [name, hash] of Object.entries(RELIED_ON)) {
      expect(
        createHash('sha256')
          .update(readFileSync(require.resolve(name)))
          .digest('hex'),
        `${name} has changed: read the header of src/render/fast/loop-items.ts against it; ${CHECK}`,
      ).toBe(hash);
    }
  });

  it('a compiled template has what the fast path uses, in the shape it uses', () => {
    const doc = new Docxtemplater(new PizZip(readFileSync(DEFAULT_TEMPLATE)), {
      paragraphLoop: true,
      linebreaks: true,
      errorLogging: false,
    });
    expect(internalsFaults(doc, 'word/document.xml'), `docxtemplater's internals lack these: ${CHECK}`).toEqual([]);
  });

  it('finds a fault when one is there (the check is not empty)', () => {
    const doc = new Docxtemplater(new PizZip(readFileSync(DEFAULT_TEMPLATE)), {
      paragraphLoop: true,
      linebreaks: true,
      errorLogging: false,
    });
    const internals = doc as unknown as { compiled: Record<string, { postparsed?: unknown }> };
    delete internals.compiled['word/document.xml']!.postparsed;
    expect(internalsFaults(doc, 'word/document.xml')).toEqual([
      'compiled["word/document.xml"].postparsed (parts with a type)',
      'getOptions().compiled (the postparsed parts)',
    ]);
    expect(internalsFaults(doc, 'word/none.xml')).toEqual(['Docxtemplater.compiled["word/none.xml"]']);
  });

  it('no source outside src/render/fast/ reaches into docxtemplater', () => {
    const sources = (folder: string): string[] =>
      readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? sources(path.join(folder, entry.name)) : /\.[cm]?ts$/.test(entry.name) ? [path.join(folder, entry.name)] : [],
      );
    const fast = path.join(ROOT, 'src', 'render', 'fast');
    const reaching = sources(path.join(ROOT, 'src'))
      .filter((file) => !file.startsWith(fast + path.sep))
      .filter((file) => /docxtemplater\/js\/|internalsOf\(|\.compiled\[/.test(readFileSync(file, 'utf8')));
    expect(reaching.map((file) => path.relative(ROOT, file))).toEqual([]);
  });
});
