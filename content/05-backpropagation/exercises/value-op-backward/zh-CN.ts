import { defineExerciseText } from "../../../../src/i18n/exercise-text.ts";

export default defineExerciseText({
  title: "Softplus 运算的反向步骤",
  hints: [
    "用链式法则对 ln(1 + eˣ) 求导：外层函数是 ln(u)，内层函数是 u = 1 + eˣ。",
    "导数是 eˣ / (1 + eˣ)，也就是 Sigmoid 函数 σ(x) = 1 / (1 + e⁻ˣ)。x = 800 时 eˣ 为 Infinity，而 Infinity / Infinity 是 NaN，所以要换一种不会溢出的写法。",
    "return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));",
  ],
  text: {
    "x in [−5, 5]": "x 在 [−5, 5] 内",
    "saturated |x| (6 to 14 and 20 to 30)": "饱和区的 |x|（6 到 14，以及 20 到 30）",
    "huge |x| (710 to 800) beside saturated ones": "极大的 |x|（710 到 800），与饱和区的值混在一起",
  },
});
