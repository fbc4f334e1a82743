/**
 * The two modules of docxtemplater the fast path calls (compiled.ts), typed as far as it uses them:
 * how a compiled part renders (js/render.js) and how its rendered pieces are joined (js/join-uncorrupt.js);
 * and the two helpers fast/shape.ts uses (js/doc-utils.js).
 * Written against docxtemplater 3.71.0; tests/render/fast/internals.test.ts checks them.
 */
declare module 'docxtemplater/js/render.js' {
  import type Docxtemplater from 'docxtemplater';

  /** What a compiled part's `getOptions()` gives (XmlTemplater.getOptions), with what XmlTemplater.render adds to it. */
  export interface PartOptions {
    compiled: Docxtemplater.DXT.Part[];
    modules: { postrender(parts: string[], options: PartOptions): string[] }[];
    filePath: string;
    fileTypeConfig: object;
    baseNullGetter: (part: Docxtemplater.DXT.Part, scopeManager: Docxtemplater.DXT.ScopeManager) => unknown;
    resolved?: unknown;
    scopeManager?: Docxtemplater.DXT.ScopeManager;
    render?: typeof render;
    joinUncorrupt?: (parts: string[], options: PartOptions) => (string | Uint8Array)[];
    [option: string]: unknown;
  }
  /** The merged pieces of one part: text, or numbers a tag printed; the errors of its tags. */
  const render: (options: PartOptions) => { errors: Error[]; parts: (string | number)[] };

  export default render;
}
declare module 'docxtemplater/js/join-uncorrupt.js' {
  import type { PartOptions } from 'docxtemplater/js/render.js';
  /** The pieces joined so that no paragraph or cell is left without what Word requires in it. */
  const joinUncorrupt: (parts: string[], options: PartOptions) => (string | Uint8Array)[];
  export default joinUncorrupt;
}
declare module 'docxtemplater/js/doc-utils.js' {
  /** Docxtemplater's helpers, as far as fast/shape.ts uses them. */
  const docUtils: {
    /** A value as a placeholder prints it: its text with & < > " ' escaped. */
    utf8ToWord(value: unknown): string;
    /** The options docxtemplater starts from (its default parser among them). */
    getDefaults(): { parser: unknown };
  };
  export default docUtils;
}
