/**
 * One plain sentence after TypeScript's own wording, for the type errors a
 * learner meets most in this course. TypeScript's message stays first: it is
 * what every other tool and search result uses.
 */

/** A diagnostic as the checker reports it: TypeScript's code and flattened message chain. */
export interface RawDiagnostic {
  code: number;
  message: string;
  /** Messages of related information ("An argument for 'b' was not provided."). */
  related: string[];
}

import { DEFAULT_LANG, type Lang } from "../../i18n/lang.ts";
import { t } from "../../i18n/message.ts";
import * as tc from "../../i18n/messages/typecheck.ts";

const NUMBER_LIKE = /^(number|Float64Array|number\[\])$/;

/** The extra sentence for `d`, or null when TypeScript's words are enough. */
export function plainHint(d: RawDiagnostic, lang: Lang = DEFAULT_LANG): string | null {
  const first = d.message.split("\n")[0];
  // 2322: Type 'X' is not assignable to type 'Y'.  2345: Argument of type 'X' is not assignable to parameter of type 'Y'.
  const assign = /(?:Type|Argument of type) '(.+?)' is not assignable to (?:type|parameter of type) '(.+?)'/.exec(first);
  if ((d.code === 2322 || d.code === 2345) && assign) {
    const [, given, wanted] = assign;
    const isString = given === "string" || /^".*"$/.test(given);
    if (isString && wanted === "number") return t(tc.textForNumber, lang);
    if (NUMBER_LIKE.test(given) && given !== "number" && wanted === "number") return t(tc.listForNumber, lang);
    if (given === "Matrix" && wanted === "number") return t(tc.matrixForNumber, lang);
    if (/^(number\[\]\[\]|number\[\]|\(?number(\[\])+\)?)$/.test(given) && wanted === "Matrix") return t(tc.arrayForMatrix, lang);
    if (given === "number" && wanted === "Matrix") return t(tc.numberForMatrix, lang);
  }
  // 2554: Expected 2 arguments, but got 1.
  if (d.code === 2554 || d.code === 2555) {
    const missing = d.related.map((r) => /An argument for '(.+?)' was not provided/.exec(r)?.[1]).find(Boolean);
    if (missing) return t(tc.missingArgument, lang, { name: missing });
    const counts = /Expected (\d+)(?:-\d+)? arguments?, but got (\d+)/.exec(first);
    if (counts && Number(counts[2]) > Number(counts[1])) return t(tc.extraArguments, lang);
  }
  // 2305 / 2724: Module '"nn"' has no exported member 'X' (. Did you mean 'Y'?)
  if ((d.code === 2305 || d.code === 2724) && first.includes('"nn"')) {
    return t(tc.noSuchExport, lang);
  }
  // 2304: Cannot find name 'x'.  2552: Cannot find name 'x'. Did you mean 'y'?
  if (d.code === 2304 || d.code === 2552) {
    return t(tc.undefinedName, lang);
  }
  // 2588: Cannot assign to 'x' because it is a constant.  2632: Cannot assign to 'x' because it is an import.
  if (d.code === 2588 || d.code === 2632) {
    return t(tc.constReassigned, lang);
  }
  return null;
}
