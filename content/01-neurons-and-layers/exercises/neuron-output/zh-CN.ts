import { defineExerciseText } from "../../../../src/i18n/exercise-text.ts";

export default defineExerciseText({
  title: "单个神经元的输出",
  hints: [
    "先求加权和 z（每个输入一个乘积，再加一次偏置），然后再套上激活函数。",
    "z = b + Σᵢ wᵢ·xᵢ，Sigmoid 函数为 σ(z) = 1 / (1 + e^(−z))。",
    "let z = b; for (let i = 0; i < x.length; i++) z += w[i] * x[i]; return 1 / (1 + Math.exp(-z));",
  ],
  text: {
    "three inputs": "三个输入",
    "a random number of inputs (1 to 8)": "随机个数的输入（1 到 8 个）",
    "all weights zero (the output is σ(b))": "权重全为零（此时输出为 σ(b)）",
    "a strongly negative pre-activation": "绝对值很大的负预激活",
  },
});
