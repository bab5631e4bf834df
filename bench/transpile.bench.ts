/**
 * Transpile benchmark: a 40-line cell through the runtime's transpiler
 * (sucrase strips the types, then sucrase's parser reads the JavaScript's top
 * level for the scope rewrite; acorn is loaded only to locate an error the
 * engine found, which this benchmark never does), steady state and first
 * call. Part of `npm run bench`; timings belong here, not in unit tests,
 * because a loaded machine slows them tenfold.
 *
 *   node bench/transpile.bench.ts
 */
import os from "node:os";
import { transpile } from "../src/runtime/transpile.ts";

const cell = Array.from({ length: 40 }, (_, i) => `const v${i}: number[] = [${i}, ${i + 1}].map((x: number) => x * 2); // line ${i}`).join("\n");
const t0 = performance.now();
transpile(cell, { cellId: "first" });
const first = performance.now() - t0;
for (let i = 0; i < 20; i++) transpile(cell, { cellId: "warm" });
const rounds: number[] = [];
for (let r = 0; r < 9; r++) {
  const s = performance.now();
  for (let i = 0; i < 100; i++) transpile(cell, { cellId: "speed" });
  rounds.push((performance.now() - s) / 100);
}
rounds.sort((a, b) => a - b);
console.log(`transpile, 40-line cell: first call ${first.toFixed(1)} ms; steady ${rounds[4].toFixed(2)} ms (median of 9 × 100; goal ≤ 2 ms on a quiet machine); load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
