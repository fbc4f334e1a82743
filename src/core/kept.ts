/**
 * What a front end keeps from one run to the next, for work that depends only on its inputs (the
 * command line: beside the built program, node/run-cache.ts): the template checked and prepared
 * (build/index.ts `PreparedCache`), each year's framework file parsed (ita/framework.ts
 * `FrameworkCache`). `recall` gives only what was kept for exactly these inputs, or undefined.
 */
export interface Kept<Inputs, Made> {
  recall(inputs: Inputs): Made | undefined;
  keep(inputs: Inputs, made: Made): void;
}

/** What `make` makes of `inputs`: taken from `kept` when it holds it, and kept in it otherwise. */
export function keptOrMade<Inputs, Made>(kept: Kept<Inputs, Made> | undefined, inputs: Inputs, make: (inputs: Inputs) => Made): Made {
  const recalled = kept?.recall(inputs);
  if (recalled !== undefined) return recalled;
  const made = make(inputs);
  kept?.keep(inputs, made);
  return made;
}
