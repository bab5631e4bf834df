/**
 * Where is the syntax error the engine found? Sucrase's parser is lenient:
 * it accepts many early errors (`await` in a function that is not async, a
 * duplicate `let` in a block, `break` outside a loop, `f() = 1`…), and the
 * engine then rejects the transpiled cell with a message but no position.
 * Only then does the kernel load this module, which parses the cell's
 * JavaScript with acorn as a module body and reports acorn's message and
 * position, mapped back to the reader's TypeScript.
 *
 * It is a separate bundle so acorn stays out of the cell worker: the browser
 * kernel asks the page for it (the `syntax-locator` asset, see browser.ts and
 * worker.ts); Node imports it.
 */
import { parse } from "acorn";
import { alignColumn } from "./align-column.ts";
import type { TranspileError } from "./transpile.ts";

/** acorn's first error in `js` (sucrase's output for `source`), or null when acorn accepts it. */
export function locateSyntaxError(js: string, source: string): TranspileError | null {
  try {
    parse(js, { ecmaVersion: "latest", sourceType: "module", allowAwaitOutsideFunction: true });
    return null;
  } catch (e) {
    const err = e as { message?: string; loc?: { line: number; column: number } };
    const message = String(err.message ?? e).replace(/\s*\(\d+:\d+\)$/, "");
    const line = err.loc?.line ?? 1;
    const at = (s: string): string => s.split("\n")[line - 1] ?? "";
    return { message, line, column: alignColumn(at(js), at(source), err.loc?.column ?? 0) + 1 };
  }
}
