import { defineExerciseText } from "../../../../src/i18n/exercise-text.ts";

export default defineExerciseText({
  title: "修好有缺陷的两层 Sigmoid 网络",
  hints: [
    "要修三处：输出层的梯度必须乘上 Sigmoid 的导数，隐藏层的梯度也一样，而且偏置需要有自己的梯度。",
    "delta2 = error ⊙ A2(1 − A2) 就是 ∂L/∂Z2：在 dW2 = A1ᵀ·delta2 中用它（而不是原始误差），并把它往回传，delta1 = (delta2·W2ᵀ) ⊙ A1(1 − A1)。偏置加到了每一行上，所以 db2 和 db1 分别是 delta2 和 delta1 的列和。",
    "delta2 = mul(error, map(A2, (a) => a * (1 - a))); dW2 = matmulTransA(A1, delta2); delta1 = mul(matmulTransB(delta2, W2), map(A1, (a) => a * (1 - a))); dW1 = matmulTransA(X, delta1); db2 = sumColumns(delta2); db1 = sumColumns(delta1)。",
  ],
  text: {},
});
