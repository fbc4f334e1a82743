/**
 * Characters that change how a text reads without being seen, as the contents of a regular
 * expression's character class (`new RegExp(`[${BIDI_CONTROLS}]`)`), written once for every place
 * that removes or shows them: a document's text (ita/text.ts), a file name (build/names.ts) and a
 * line on the terminal (build/report.ts).
 */

/** Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they make a name read as another. */
export const BIDI_CONTROLS = '\\u202a-\\u202e\\u2066-\\u2069';
