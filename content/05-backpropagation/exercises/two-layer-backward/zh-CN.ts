import { defineExerciseText } from "../../../../src/i18n/exercise-text.ts";

export default defineExerciseText({
  title: "两层网络的反向传播",
  hints: [
    "一次往回走一步，保留你需要的每个前向量（a1、p）。每个梯度都与它所对应的量形状相同。",
    "dZ2 = (p − y)/N。然后 dW2 = a1ᵀ·dZ2，db2 = dZ2 的列和；dA1 = dZ2·W2ᵀ；dZ1 = dA1 ⊙ (1 − a1²)；dW1 = xᵀ·dZ1，db1 = dZ1 的列和。",
    "用 nn 写：const dZ2 = scale(sub(p, y), 1 / N); const dW2 = matmulTransA(a1, dZ2); const db2 = sumColumns(dZ2); const dA1 = matmulTransB(dZ2, W2); const dZ1 = mul(dA1, map(a1, (a) => 1 - a * a)); 然后 dW1 = matmulTransA(x, dZ1)，db1 = sumColumns(dZ1)。",
  ],
  text: {},
});
