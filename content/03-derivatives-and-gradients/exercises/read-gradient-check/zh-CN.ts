import { defineExerciseText } from "../../../../src/i18n/exercise-text.ts";

export default defineExerciseText({
  title: "解读梯度检验：good、kink 还是 wrong？",
  hints: [
    "先看相对误差：它是否在舍入误差的范围之内？只有在不是的时候，才去问中心差分是否可能跨过了一个不可导点。",
    "rel = |a − n| / max(|a| + |n|, 1e−8)；rel ≤ 1e−7 时为 good。否则，x ± h 这两个点恰好在 |distanceToKink| < h 时分别落在不可导点的两侧：这时是误报，返回 \"kink\"；否则返回 \"wrong\"。",
    "const rel = Math.abs(analytic - numeric) / Math.max(Math.abs(analytic) + Math.abs(numeric), 1e-8); if (rel <= 1e-7) return \"good\"; return Math.abs(distanceToKink) < h ? \"kink\" : \"wrong\";",
  ],
  text: {
    "agreement to rounding": "在舍入误差范围内一致",
    "a factor 2 off, far from any kink": "差一个因子 2，远离任何不可导点",
    "large gradients that agree to 1e−9 relative (absolute difference above 1e−7)": "很大的梯度，相对误差在 1e−9 以内（绝对差值超过 1e−7）",
    "an error of 1e−6 to 1e−5: suspicious, far from a kink": "误差在 1e−6 到 1e−5 之间：可疑，且远离不可导点",
    "an error just inside 1e−7": "误差刚好在 1e−7 以内",
    "negative gradients that agree to rounding": "负梯度，在舍入误差范围内一致",
    "negative gradients, one twice the other": "负梯度，一个是另一个的两倍",
    "both exactly 0": "两者都恰好为 0",
    "the step straddles a kink just above the point": "步长跨过了紧挨在该点上方的不可导点",
    "the step straddles a kink just below the point": "步长跨过了紧挨在该点下方的不可导点",
    "a kink far below the point, and a wrong value": "不可导点远在该点下方，且数值错误",
    "a kink 2 to 10 steps away": "不可导点在 2 到 10 个步长之外",
  },
});
