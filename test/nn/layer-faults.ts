/**
 * Test helpers for layers: random batches, and deliberately broken backward
 * passes ("faults") that a gradient check must catch.
 *
 * A fault wraps one layer instance's backward: it lets the real backward run,
 * then corrupts what it added to one parameter's gradient (or the dX it
 * returned) in one of the ways real layer code goes wrong.
 */
import { expect } from "vitest";
import { Matrix } from "../../src/nn/matrix.ts";
import type { Rng } from "../../src/nn/rng.ts";
import type { Layer } from "../../src/nn/layer.ts";
import { checkLayer, formatReport, type GradCheckReport } from "../../src/nn/gradcheck.ts";
import { randomMatrix } from "../../src/nn/random-matrix.ts";

/** A rows×cols matrix of standard normal samples. */
export function randn(rng: Rng, rows: number, cols: number, scale = 1): Matrix {
  return randomMatrix(rows, cols, rng, { std: scale });
}

/** Ways a parameter gradient goes wrong. */
export type ParamFault =
  | "sign flip" // subtracts instead of adding the gradient
  | "missing" // never adds the gradient (e.g. a forgotten bias gradient)
  | "factor 2" // adds the gradient twice (doubly accumulated)
  | "overwrite" // assigns instead of adding into Param.grad
  | "stateful" // keeps a running total between calls and adds that
  | "scaled by batch"; // forgets that sums over the batch are not means (or vice versa): ×rows

/** Ways the returned input gradient goes wrong. */
export type InputFault = "dX sign flip" | "dX zero" | "dX one row only" | "mutates input";

/** Every parameter fault. */
export const paramFaults: readonly ParamFault[] = ["sign flip", "missing", "factor 2", "overwrite", "stateful", "scaled by batch"];
/** Every input-gradient fault. */
export const inputFaults: readonly InputFault[] = ["dX sign flip", "dX zero", "dX one row only", "mutates input"];

/**
 * Makes `layer.backward` wrong in the given way, for parameter `paramIndex`
 * (for a parameter fault). Returns the same layer.
 */
export function inject<L extends Layer>(layer: L, fault: ParamFault | InputFault, paramIndex = 0): L {
  const real = layer.backward.bind(layer);
  const realForward = layer.forward.bind(layer);
  let lastInput: Matrix | null = null;
  let total: Float64Array | null = null;
  layer.forward = (x: Matrix) => {
    lastInput = x;
    return realForward(x);
  };
  layer.backward = (dOut: Matrix) => {
    const p = layer.parameters()[paramIndex];
    const before = p ? p.grad.data.slice() : null;
    const dx = real(dOut);
    if (p && before) {
      const G = p.grad.data;
      total ??= new Float64Array(G.length);
      for (let k = 0; k < G.length; k++) {
        const delta = G[k] - before[k];
        switch (fault) {
          case "sign flip": G[k] = before[k] - delta; break;
          case "missing": G[k] = before[k]; break;
          case "factor 2": G[k] = before[k] + 2 * delta; break;
          case "overwrite": G[k] = delta; break;
          case "stateful": total[k] += delta; G[k] = before[k] + total[k]; break;
          case "scaled by batch": G[k] = before[k] + dOut.rows * delta; break;
        }
      }
    }
    switch (fault) {
      case "dX sign flip": for (let k = 0; k < dx.size; k++) dx.data[k] = -dx.data[k]; break;
      case "dX zero": dx.data.fill(0); break;
      case "dX one row only": dx.data.fill(0, dx.cols); break;
      case "mutates input": if (lastInput) lastInput.data[0] += 1; break;
    }
    return dx;
  };
  return layer;
}

/**
 * Expects a passing check with every element in the good band, printing the
 * report otherwise. Good means relative error ≤ 1e-7, or (gradcheck.ts) a
 * difference below the rounding noise of the difference quotient, which is
 * what a tiny gradient (~1e-6) in a larger model can show. `strict` also
 * requires maxError ≤ 1e-7 outright (single layers: well-conditioned).
 */
export function expectGood(report: GradCheckReport, strict = false): void {
  if (!report.ok || report.band !== "good" || (strict && report.maxError > 1e-7)) console.error(formatReport(report));
  expect(report.problems).toEqual([]);
  expect(report.ok).toBe(true);
  expect(report.band).toBe("good");
  if (strict) expect(report.maxError).toBeLessThanOrEqual(1e-7);
  expect(report.kinks).toBe(0);
}

/**
 * Runs checkLayer on a freshly built layer with the fault injected, and
 * expects it to fail for the right reason: the faulty parameter (or x) is the
 * worst element, or the problem list names it (accumulation faults are caught
 * by the repeated backward runs, input mutation by the input snapshot).
 * Use a batch of > 1 rows so batch-size faults show.
 */
export async function expectCaught(
  build: () => Layer,
  fault: ParamFault | InputFault,
  paramIndex: number,
  x: Matrix,
  rng: Rng,
): Promise<GradCheckReport> {
  const layer = build();
  const target = (inputFaults as readonly string[]).includes(fault) ? "x" : layer.parameters()[paramIndex].name;
  const report = await checkLayer(inject(layer, fault, paramIndex), x, rng);
  if (report.ok) console.error(`not caught: ${fault} on ${target}\n${formatReport(report)}`);
  expect(report.ok).toBe(false);
  const problems = report.problems.join("\n");
  if (fault === "overwrite") expect(problems).toContain(`backward overwrote ${target}.grad`);
  else if (fault === "stateful") expect(problems).toContain(`backward is not repeatable: ${target}[`);
  else if (fault === "mutates input") expect(problems).toMatch(/^x \(\d+x\d+\) was modified/);
  else expect(report.worst?.param).toBe(target);
  return report;
}
