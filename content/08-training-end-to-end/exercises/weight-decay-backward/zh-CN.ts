import { defineExerciseText } from "../../../../src/i18n/exercise-text.ts";

export default defineExerciseText({
  title: "带权重衰减的整个分类器的梯度",
  hints: [
    "损失是两部分之和，所以它的梯度也是：交叉熵部分就是通常的反向传播；惩罚项只给 W1 和 W2 的梯度添上一项。",
    "dZ = (P − Y)/N，其中 P = softmax(Z)；dW2 = Hᵀ·dZ + λ·W2；db2 = dZ 的各列之和；dH = dZ·W2ᵀ；dA = dH ⊙ [XW1 + b1 > 0]；dW1 = Xᵀ·dA + λ·W1；db1 = dA 的各列之和。",
    "用 nn 写：const A = addRowVector(matmul(X, W1), b1); const H = map(A, (a) => Math.max(a, 0)); const P = softmax(addRowVector(matmul(H, W2), b2)); const dZ = scale(sub(P, Y), 1 / X.rows); const dA = mul(matmulTransB(dZ, W2), map(A, (a) => (a > 0 ? 1 : 0)))；然后 dW2 = add(matmulTransA(H, dZ), scale(W2, 0.01))，db2 = sumColumns(dZ)，dW1 = add(matmulTransA(X, dA), scale(W1, 0.01))，db1 = sumColumns(dA)。",
  ],
  text: {},
});
