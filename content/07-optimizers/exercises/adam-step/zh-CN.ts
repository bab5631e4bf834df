import { defineExerciseText } from "../../../../src/i18n/exercise-text.ts";

export default defineExerciseText({
  title: "Adam 的一步（带偏差修正）",
  hints: [
    "Adam 为每个权重维护两个滑动平均：梯度的平均（m）和梯度平方的平均（v），并用前者除以后者的平方根。两者都从零开始，所以起初都偏小：把它们各自除以 1 − βᵗ，其中 t 是正在走的这一步的序号（第一次调用时为 1）。",
    "t′ = t + 1；m′ = β1·m + (1 − β1)·g；v′ = β2·v + (1 − β2)·g²；m̂ = m′ / (1 − β1^t′)；v̂ = v′ / (1 − β2^t′)；w′ = w − lr·m̂ / (√v̂ + eps)。返回新的 w、m、v 和 t。",
    "在对 k 的循环中：const tk = t.data[k] + 1; newM.data[k] = beta1 * m.data[k] + (1 - beta1) * g; newV.data[k] = beta2 * v.data[k] + (1 - beta2) * g * g; const mHat = newM.data[k] / (1 - beta1 ** tk), vHat = newV.data[k] / (1 - beta2 ** tk); newW.data[k] = w.data[k] - lr * mHat / (Math.sqrt(vHat) + eps); newT.data[k] = tk.",
  ],
  text: {
    "the valley ½(w₀² + 50·w₁²)": "山谷 ½(w₀² + 50·w₁²)",
  },
});
