/** The two modules of docxtemplater 3.71 the fast path calls (compiled.ts): how a compiled part renders. */
declare module 'docxtemplater/js/render.js' {
  const render: (options: object) => { errors: unknown[]; parts: unknown[] };
  export default render;
}
declare module 'docxtemplater/js/join-uncorrupt.js' {
  const joinUncorrupt: (parts: unknown[], options: object) => unknown[];
  export default joinUncorrupt;
}
