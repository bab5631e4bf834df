import { defineExerciseText } from "../../../../src/i18n/exercise-text.ts";

export default defineExerciseText({
  title: "Sigmoid 层的反向传播",
  hints: [
    "每个输出只依赖于它自己的输入，所以梯度是一个逐元素乘积：上游梯度乘以局部斜率。",
    "dZ = dA ⊙ σ′(Z)，而 σ′(z) = σ(z)·(1 − σ(z))。Z 是这一层的输入：先对它应用 σ。",
    "const dZ = new Matrix(Z.rows, Z.cols); 对每个 k：const s = 1 / (1 + Math.exp(-Z.data[k])); dZ.data[k] = dA.data[k] * s * (1 - s);",
  ],
  text: {},
});
