import { defineExerciseText } from "../../../../src/i18n/exercise-text.ts";

export default defineExerciseText({
  title: "relu 的反向传播",
  hints: [
    "relu 要么让一个值通过，要么把它挡住；梯度也在同样的位置通过或被挡住。",
    "局部导数在 x > 0 处为 1，在其他地方为 0；链式法则把它与上游梯度 dOut 逐元素相乘。",
    "创建 dX = new Matrix(x.rows, x.cols)，再对每个 k 令 dX.data[k] = x.data[k] > 0 ? dOut.data[k] : 0。",
  ],
  text: {},
});
