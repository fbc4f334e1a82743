/** Modules tools/web-page.ts makes while bundling the page: what the page carries inside it. */
declare module 'ita:frameworks' {
  /** src/ita/frameworks/<year>.yaml, each as its name and text. */
  const files: { name: string; text: string }[];
  export default files;
}

declare module 'ita:render-worker' {
  /** web/src/render-worker.ts and the renderer, bundled for a Web Worker, as text. */
  const script: string;
  export default script;
}

declare module 'ita:template' {
  /** templates/ita-announcement.docx in base64. */
  const base64: string;
  export default base64;
}

declare module 'ita:analysis-template' {
  /** templates/ita-analysis.docx, base64. */
  const base64: string;
  export default base64;
}
