import { defineExerciseText } from "../../../../src/i18n/exercise-text.ts";

export default defineExerciseText({
  title: "穿过一个神经元的链式法则",
  hints: [
    "先给链条的每一环起名：z = 1.5w − 0.5，a = σ(z)，L = (a − 1)²。每一环分别求导，再把结果相乘。",
    "dL/da = 2(a − 1)，da/dz = σ′(z) = σ(z)(1 − σ(z))，dz/dw = 1.5。",
    "const z = 1.5 * w - 0.5; const a = sigmoid.f(z); return 2 * (a - 1) * a * (1 - a) * 1.5;",
  ],
  text: {
    "w in [−3, 3]": "w 取自 [−3, 3]",
    "saturated neuron (|w| from 4 to 12)": "饱和的神经元（|w| 从 4 到 12）",
  },
});
