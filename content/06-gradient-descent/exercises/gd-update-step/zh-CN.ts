import { defineExerciseText } from "../../../../src/i18n/exercise-text.ts";

export default defineExerciseText({
  title: "梯度下降的一步",
  hints: [
    "梯度指向上坡，所以这一步要朝相反的方向走，步子的长短由学习率决定。",
    "每个元素各走各的：newW[k] = w[k] − lr · grad[k]。把结果放进一个对象里返回：{ w: newW }。",
    "const newW = new Matrix(w.rows, w.cols); for (let k = 0; k < w.data.length; k++) newW.data[k] = w.data[k] - lr * grad.data[k]; return { w: newW };",
  ],
  text: {
    "the bowl ½((w₀ − 1)² + 10·(w₁ + 0.5)²)": "碗 ½((w₀ − 1)² + 10·(w₁ + 0.5)²)",
  },
});
