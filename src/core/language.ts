/**
 * The clerk reads Thai; a maintainer may ask for English with `--lang en`. Every text the
 * program shows is written in both, side by side where it is made, so neither falls behind.
 */

export const LANGUAGES = ['th', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** One message in both languages. */
export interface Message {
  th: string;
  en: string;
}

/** `say('สรุป', 'Summary')`: the text in the language asked for. */
export function chooser(language: Language): (th: string, en: string) => string {
  return (th, en) => (language === 'en' ? en : th);
}

/** `1 announcement`, `3 announcements`: English counts nouns, Thai does not. */
export function counted(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
