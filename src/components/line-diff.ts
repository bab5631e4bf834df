/**
 * A line diff (longest common subsequence), for "compare with my code".
 * Exercise answers are a few dozen lines, so the O(n·m) table is tiny.
 */

/** One row of a side-by-side view: a line on the left, the right, or both. */
export interface DiffRow {
  left: string | null;
  right: string | null;
  same: boolean;
}

/** Aligns two texts line by line; unchanged lines share a row. */
export function lineDiff(a: string, b: string): DiffRow[] {
  const x = a.replace(/\s+$/, "").split("\n");
  const y = b.replace(/\s+$/, "").split("\n");
  const norm = (s: string) => s.trim();
  const n = x.length, m = y.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = norm(x[i]) === norm(y[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const rows: DiffRow[] = [];
  let i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && norm(x[i]) === norm(y[j])) rows.push({ left: x[i++], right: y[j++], same: true });
    else if (j < m && (i === n || lcs[i][j + 1] >= lcs[i + 1][j])) rows.push({ left: null, right: y[j++], same: false });
    else rows.push({ left: x[i++], right: null, same: false });
  }
  return rows;
}
