import { defineExerciseText } from "../../../../src/i18n/exercise-text.ts";

export default defineExerciseText({
  title: "Softmax 交叉熵的梯度",
  hints: [
    "Softmax 与交叉熵合在一起，关于 logit 的梯度非常简单；用不着 Softmax 的雅可比矩阵。",
    "对单个样本，∂ℓ/∂z = p − y，其中 p = softmax(z)。损失是 N 行上的平均，所以每一行的梯度都要除以 N。",
    "对每一行：m = 该行的最大值；e_j = Math.exp(z_j − m)；p_j = e_j / Σ e；dZ[i][j] = (p_j − Y[i][j]) / N。",
  ],
  text: {
    "a batch holds rows of logits around 0, +1000 and −1000, and e^1000 overflows unless each row is shifted by its own maximum":
      "一个批中同时有 logit 在 0、+1000 和 −1000 附近的行，除非每一行都减去它自己的最大值，否则 e^1000 会上溢",
  },
});
