import { defineExerciseText } from "../../../../src/i18n/exercise-text.ts";

export default defineExerciseText({
  title: "全连接层的反向传播",
  hints: [
    "每个梯度都与它所对应的量形状相同：dW 与 W 相同（n × m），db 与 b 相同（1 × m），dX 与 X 相同（N × n）。对每种形状，给定矩阵的乘积中只有一个符合。",
    "dW = Xᵀ·dZ，db = dZ 的列和（b 加到了每一行上，所以每一行都有贡献），dX = dZ·Wᵀ。",
    "用 nn 写：return { dW: matmulTransA(X, dZ), db: sumColumns(dZ), dX: matmulTransB(dZ, W) };（从 \"nn\" 导入这几个函数）。",
  ],
  text: {},
});
