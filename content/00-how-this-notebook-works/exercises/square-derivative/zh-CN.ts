import { defineExerciseText } from "../../../../src/i18n/exercise-text.ts";

/** 「x² + 3x 的导数」的中文文本：标题、提示，以及评分报告会显示的情形标签。 */
export default defineExerciseText({
  title: "x² + 3x 的导数",
  hints: [
    "逐项求导：和的导数等于导数的和。",
    "幂法则给出 d/dx xⁿ = n·xⁿ⁻¹，常数因子保持不变：d/dx (3x) = 3。",
    "f′(x) = 2x + 3：返回 2 * x + 3。",
  ],
  text: {
    "random x in [−5, 5]": "[−5, 5] 中的随机 x",
    "larger |x| (10 to 100)": "较大的 |x|（10 到 100）",
  },
});
