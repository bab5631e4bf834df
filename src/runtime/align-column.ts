/**
 * Columns back through sucrase's deletions: shared by the transpiler
 * (transpile.ts) and the lazily loaded syntax-error locator
 * (syntax-locator.ts), which must not pull the transpiler into its bundle.
 */

/**
 * A 0-based column in a sucrase output line → the column in the TypeScript
 * line it came from. Sucrase deletes type syntax, so the JS line is (nearly) a
 * subsequence of the TS line; a greedy character match finds where each JS
 * character came from. Falls back to the JS column when the lines disagree.
 */
export function alignColumn(jsLine: string, tsLine: string, jsCol: number): number {
  if (jsLine === tsLine) return jsCol;
  let t = 0;
  for (let j = 0; j < jsLine.length && j <= jsCol; j++) {
    const c = jsLine[j];
    if (c === " " || c === "\t") {
      if (j === jsCol) return Math.min(t, tsLine.length);
      if (tsLine[t] === c) t++;
      continue;
    }
    const found = tsLine.indexOf(c, t);
    if (found < 0) return jsCol;
    if (j === jsCol) return found;
    t = found + 1;
  }
  return Math.min(jsCol, tsLine.length);
}
