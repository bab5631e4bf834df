import { defineExerciseText } from "../../../../src/i18n/exercise-text.ts";

export default defineExerciseText({
  title: "ELU 的导数",
  hints: [
    "把两半分开处理：z > 0 一个分支，z ≤ 0 一个分支。",
    "z > 0 时 ELU 等于 z，导数为 1。z ≤ 0 时它等于 e^z − 1，导数为 e^z（−1 是常数）。",
    "return z > 0 ? 1 : Math.exp(z);",
  ],
  text: {
    "ELU with α = 1 (z for z > 0, e^z − 1 otherwise)": "α = 1 的 ELU（z > 0 时为 z，否则为 e^z − 1）",
    "negative z in [−4, 0)": "负的 z，位于 [−4, 0)",
    "positive z in (0, 4]": "正的 z，位于 (0, 4]",
    "very negative z (−12 to −6)": "绝对值很大的负 z（−12 到 −6）",
  },
});
