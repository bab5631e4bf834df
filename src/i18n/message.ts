/**
 * One message a reader can see, in every edition. A message with parameters
 * is a function of typed parameters in each language, so a sentence is always
 * written whole in its own language's word order — never assembled from
 * English fragments. TypeScript makes both languages required and gives them
 * the same parameter type; `test/i18n/catalogue.test.ts` checks that no entry
 * is empty.
 */
import type { Lang } from "./lang.ts";

export type Message<P extends object | void = void> = {
  readonly [L in Lang]: [P] extends [void] ? string : (params: P) => string;
};

/** Declares a message; the type parameter names its parameters (`msg<{ n: number }>({ … })`). */
export function msg<P extends object | void = void>(message: Message<P>): Message<P> {
  return message;
}

/** The message in `lang`. */
export function t(message: Message<void>, lang: Lang): string;
export function t<P extends object>(message: Message<P>, lang: Lang, params: P): string;
export function t(message: { readonly [L in Lang]: unknown }, lang: Lang, params?: object): string {
  const entry = message[lang] as string | ((p: object | undefined) => string);
  return typeof entry === "function" ? entry(params) : entry;
}

/** Counted nouns, English style ("1 exercise", "2 exercises"); Chinese needs no plural. */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
