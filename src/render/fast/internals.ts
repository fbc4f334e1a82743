/**
 * docxtemplater's internals, as the fast path (compiled.ts) uses them: the only place outside
 * docxtemplater's public API. Written against `DOCXTEMPLATER_VERSION`; `internalsFaults` checks,
 * on a compiled template, that what is used is there in the shape used, and the test
 * (tests/render/fast/internals.test.ts) that the installed version and the two
 * functions compiled.ts copies (`COPIED`) are the ones it was written from.
 */
import type Docxtemplater from 'docxtemplater';
import type { PartOptions } from 'docxtemplater/js/render.js';

/** The docxtemplater these internals were read from (package.json pins it exactly). */
export const DOCXTEMPLATER_VERSION = '3.71.0';

/**
 * The functions compiled.ts `renderBody` does the work of, by the SHA-256 of their source in
 * DOCXTEMPLATER_VERSION: when one changes, compare it with renderBody.
 */
export const COPIED = {
  'XmlTemplater.prototype.render (docxtemplater/js/xml-templater.js)': '57053056242e5219eabc820934b8714c28bca40587418c1f48f6d5a7ad24158c',
  'postrender (docxtemplater/js/postrender.js)': '2150cee76bfc9ec6f2353301e2d5d0fd24313bb342a5e2722a36aaa7e767bfd4',
} as const;

/**
 * The files whose workings loop-items.ts relies on (how the loop module renders an item, the one
 * state the render module keeps across pieces, how a scope is looked up), by the SHA-256 of their
 * text in DOCXTEMPLATER_VERSION: when one changes, read loop-items.ts's header against it.
 */
export const RELIED_ON = {
  'docxtemplater/js/modules/loop.js': '54c134da9316f702e1233e5ac0a50d6f3956decdd2057fcf4c5b5ff6a9d1773b',
  'docxtemplater/js/modules/render.js': '17d5b11f31048569992397407f4f5c8ae8bbb82a2c8a31663eec08d0d552eb2a',
  'docxtemplater/js/scope-manager.js': '52c194af177043d7d908069a037055a105db0e2acd95b4bbaa5de56ae1c2b2f0',
} as const;

/** A compiled part (an XmlTemplater), as far as the fast path uses it. */
export interface CompiledPart {
  /** The part's tags and text, compiled. */
  postparsed: Docxtemplater.DXT.Part[];
  filePath: string;
  scopeManager: Docxtemplater.DXT.ScopeManager;
  getOptions(): PartOptions;
}

/** A compiled Docxtemplater, as far as the fast path uses it. */
export interface Internals {
  /** Each part of the package by its name, compiled. */
  compiled: Record<string, CompiledPart>;
  scopeManagers: Record<string, Docxtemplater.DXT.ScopeManager>;
  getScopeManager(to: string, part: CompiledPart, data: object): Docxtemplater.DXT.ScopeManager;
}

/** The one cast to docxtemplater's internals. */
export function internalsOf(doc: Docxtemplater): Internals {
  return doc as unknown as Internals;
}

/** What of the internals the fast path uses is not there, or not in the shape it uses, on this compiled template; nothing when all is. */
export function internalsFaults(doc: Docxtemplater, part: string): string[] {
  const internals = internalsOf(doc) as unknown as Record<string, unknown>;
  const faults: string[] = [];
  const expect = (ok: boolean, what: string) => ok || faults.push(what);
  expect(typeof internals.compiled === 'object' && internals.compiled !== null, 'Docxtemplater.compiled (the compiled parts by name)');
  expect(typeof internals.scopeManagers === 'object' && internals.scopeManagers !== null, 'Docxtemplater.scopeManagers');
  expect(typeof internals.getScopeManager === 'function', 'Docxtemplater.getScopeManager(to, part, data)');
  const compiled = (internals.compiled as Record<string, Partial<CompiledPart>> | undefined)?.[part];
  if (!compiled) return [...faults, `Docxtemplater.compiled["${part}"]`];
  expect(
    Array.isArray(compiled.postparsed) && compiled.postparsed.every((p) => typeof p?.type === 'string'),
    `compiled["${part}"].postparsed (parts with a type)`,
  );
  expect(typeof compiled.getOptions === 'function', `compiled["${part}"].getOptions()`);
  expect('scopeManager' in compiled || 'filePath' in compiled, `compiled["${part}"].scopeManager and .filePath`);
  if (typeof compiled.getOptions !== 'function') return faults;
  const options = compiled.getOptions.call(compiled);
  expect(Array.isArray(options.compiled), 'getOptions().compiled (the postparsed parts)');
  expect(
    Array.isArray(options.modules) && options.modules.every((m) => typeof m?.postrender === 'function'),
    'getOptions().modules, each with postrender(parts, options)',
  );
  expect(typeof options.baseNullGetter === 'function', 'getOptions().baseNullGetter');
  expect(
    typeof options.fileTypeConfig === 'object' && options.fileTypeConfig !== null,
    'getOptions().fileTypeConfig (joinUncorrupt reads it)',
  );
  return faults;
}
