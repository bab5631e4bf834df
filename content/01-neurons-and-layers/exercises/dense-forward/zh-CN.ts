import { defineExerciseText } from "../../../../src/i18n/exercise-text.ts";

export default defineExerciseText({
  title: "全连接层的前向计算：Z = XW + b",
  hints: [
    "Z 的每一行对应一个样本（X 的一行），每一列对应一个神经元（W 的一列）。每个元素是某个神经元对某个样本的加权和。",
    "Z[i][j] = b[j] + Σₖ X[i][k] · W[k][j]：X 的第 i 行与 W 的第 j 列的点积，再加上神经元 j 的偏置。",
    "先建 Z = new Matrix(X.rows, W.cols)；对每个 i 和 j，令 s 从 b.get(0, j) 开始，对 k 从 0 到 X.cols − 1 累加 X.get(i, k) * W.get(k, j)，最后 Z.set(i, j, s)。",
  ],
  text: {
    "one example": "单个样本",
    "a batch of examples": "一批样本",
    "more outputs than inputs": "输出多于输入",
    "a single input feature": "只有一个输入特征",
  },
});
