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

const NUMBER_LIKE = /^(number|Float64Array|number\[\])$/;

/** The extra sentence for `d`, or null when TypeScript's words are enough. */
export function plainHint(d: RawDiagnostic): string | null {
  const first = d.message.split("\n")[0];
  // 2322: Type 'X' is not assignable to type 'Y'.  2345: Argument of type 'X' is not assignable to parameter of type 'Y'.
  const assign = /(?:Type|Argument of type) '(.+?)' is not assignable to (?:type|parameter of type) '(.+?)'/.exec(first);
  if ((d.code === 2322 || d.code === 2345) && assign) {
    const [, given, wanted] = assign;
    const isString = given === "string" || /^".*"$/.test(given);
    if (isString && wanted === "number") return "A number is expected here, but this is text: remove the quotes (write 0.2, not \"0.2\"), or convert it with Number(…).";
    if (NUMBER_LIKE.test(given) && given !== "number" && wanted === "number") return "A single number is expected here, not a list of numbers: pick one entry, e.g. with [i].";
    if (given === "Matrix" && wanted === "number") return "A single number is expected here, but this is a whole Matrix: read one entry with m.get(row, col), or reduce it (e.g. with a loss function).";
    if (/^(number\[\]\[\]|number\[\]|\(?number(\[\])+\)?)$/.test(given) && wanted === "Matrix") return "nn functions take a Matrix, not a plain array: wrap the numbers with Matrix.from(…) (a list of rows).";
    if (given === "number" && wanted === "Matrix") return "A Matrix is expected here, not a single number: make one with Matrix.from([[x]]) or Matrix.full(rows, cols, x).";
  }
  // 2554: Expected 2 arguments, but got 1.
  if (d.code === 2554 || d.code === 2555) {
    const missing = d.related.map((r) => /An argument for '(.+?)' was not provided/.exec(r)?.[1]).find(Boolean);
    if (missing) return `The call is missing an argument: add a value for ${missing}. Hover over the function's name to see what it takes.`;
    const counts = /Expected (\d+)(?:-\d+)? arguments?, but got (\d+)/.exec(first);
    if (counts && Number(counts[2]) > Number(counts[1])) return "The call has more arguments than the function takes: remove the extra ones.";
  }
  // 2305 / 2724: Module '"nn"' has no exported member 'X' (. Did you mean 'Y'?)
  if ((d.code === 2305 || d.code === 2724) && first.includes('"nn"')) {
    return "nn has no export by that name: check the spelling; inside import { … } from \"nn\", Ctrl+Space lists every export.";
  }
  // 2304: Cannot find name 'x'.  2552: Cannot find name 'x'. Did you mean 'y'?
  if (d.code === 2304 || d.code === 2552) {
    return "Nothing above this line defines that name: check its spelling, or define it in this cell or a cell above (cells see the names of the cells above them).";
  }
  // 2588: Cannot assign to 'x' because it is a constant.  2632: Cannot assign to 'x' because it is an import.
  if (d.code === 2588 || d.code === 2632) {
    return "This name was declared with const (or imported), so it cannot be reassigned: declare it with let where it is defined, or use a new name.";
  }
  return null;
}
