import { relativeError, type Rng } from "nn";
import { defineExercise } from "../../../../src/runtime/grader/exercise.ts";

/** The three verdicts on one element of a gradient check. */
const LABELS = ["good", "kink", "wrong"] as const;

/** The chapter's rule: within 1e−7 is good; otherwise a step that straddles a kink (|distance| < h) is a false alarm; else wrong. */
function verdict(analytic: number, numeric: number, distanceToKink: number, h: number): string {
  if (relativeError(analytic, numeric) <= 1e-7) return "good";
  return Math.abs(distanceToKink) < h ? "kink" : "wrong";
}

const H = 1e-5;
const sign = (rng: Rng): number => (rng.next() < 0.5 ? -1 : 1);
/** A numeric value whose relative error to `a` is `rel` (|a| + |n| ≈ 2|a|). */
const withError = (a: number, rel: number): number => a * (1 + 2 * rel);
/** A distance to the nearest kink of at least 100 h, on either side. */
const far = (rng: Rng): number => sign(rng) * rng.uniform(100 * H, 1);

/**
 * Reading a gradient-check report: one element's analytic and numeric
 * values, how far its input lies from the nearest kink, and the step h. The
 * cases sit where the plausible shortcuts part ways with the rule: absolute
 * instead of relative error, the 1e−4 "acceptable" band used everywhere, an
 * error relative to |n| alone, negative gradients, both values 0, and a kink
 * on either side of the point.
 */
export default defineExercise({
  id: "read-gradient-check",
  title: "Reading a gradient check: good, kink or wrong?",
  entry: ["verdict"],
  check: {
    kind: "value",
    fn: "verdict",
    args: ["analytic", "numeric", "distanceToKink", "h"],
    reference: (a, n, d, h) => verdict(a as number, n as number, d as number, h as number),
    labels: LABELS,
    cases: [
      { label: "agreement to rounding", make: (rng) => { const a = sign(rng) * rng.uniform(0.1, 5); return [a, withError(a, rng.uniform(1e-12, 1e-9)), far(rng), H]; } },
      { label: "a factor 2 off, far from any kink", make: (rng) => { const a = rng.uniform(0.1, 5); return [2 * a, a, far(rng), H]; } },
      { label: "large gradients that agree to 1e−9 relative (absolute difference above 1e−7)", make: (rng) => { const a = sign(rng) * rng.uniform(500, 5000); return [a, withError(a, rng.uniform(2e-10, 2e-9)), far(rng), H]; } },
      { label: "an error of 1e−6 to 1e−5: suspicious, far from a kink", make: (rng) => { const a = rng.uniform(0.1, 5); return [a, withError(a, rng.uniform(1e-6, 1e-5)), far(rng), H]; } },
      { label: "an error just inside 1e−7", make: (rng) => { const a = rng.uniform(0.1, 5); return [a, withError(a, rng.uniform(0.55e-7, 0.9e-7)), far(rng), H]; } },
      { label: "negative gradients that agree to rounding", make: (rng) => { const a = -rng.uniform(0.1, 5); return [a, withError(a, rng.uniform(1e-12, 1e-10)), far(rng), H]; } },
      { label: "negative gradients, one twice the other", make: (rng) => { const a = -rng.uniform(0.1, 5); return [a, 2 * a, far(rng), H]; } },
      { label: "both exactly 0", make: (rng) => [0, 0, far(rng), H] },
      { label: "the step straddles a kink just above the point", make: (rng) => [1, 0.5 + rng.uniform(-0.2, 0.2), rng.uniform(0.05, 0.95) * H, H] },
      { label: "the step straddles a kink just below the point", make: (rng) => [0, 0.5 + rng.uniform(-0.2, 0.2), -rng.uniform(0.05, 0.95) * H, H] },
      { label: "a kink far below the point, and a wrong value", make: (rng) => { const a = rng.uniform(0.1, 5); return [a, -a, -rng.uniform(0.1, 1), H]; } },
      { label: "a kink 2 to 10 steps away", make: (rng) => [1, 0.5, sign(rng) * rng.uniform(2, 10) * H, H] },
    ],
  },
  hints: [
    "First the relative error: is it within rounding? Only if not, ask whether the central difference could have straddled a kink.",
    "rel = |a − n| / max(|a| + |n|, 1e−8); good when rel ≤ 1e−7. Otherwise the points x ± h lie on both sides of the kink exactly when |distanceToKink| < h: then it is a false alarm, \"kink\"; otherwise \"wrong\".",
    "const rel = Math.abs(analytic - numeric) / Math.max(Math.abs(analytic) + Math.abs(numeric), 1e-8); if (rel <= 1e-7) return \"good\"; return Math.abs(distanceToKink) < h ? \"kink\" : \"wrong\";",
  ],
});
