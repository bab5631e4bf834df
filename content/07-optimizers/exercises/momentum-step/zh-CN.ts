import { defineExerciseText } from "../../../../src/i18n/exercise-text.ts";

export default defineExerciseText({
  title: "带动量的 SGD 的一步",
  hints: [
    "动量法维护一个不断累积的速度：每一步把新的梯度加到旧速度缩小后的副本上，再让 w 沿着这个速度移动。",
    "v ← μ·v + g，然后 w ← w − lr·v。新的 v 必须由函数返回，下一次调用才能从它接着算。",
    "const newV = new Matrix(v.rows, v.cols), newW = new Matrix(w.rows, w.cols); 对每个 k：newV.data[k] = mu * v.data[k] + grad.data[k]; newW.data[k] = w.data[k] - lr * newV.data[k]; 最后 return { w: newW, v: newV }。",
  ],
  text: {
    "that is the EMA form of momentum, v ← μv + (1 − μ)·g. This course (and the library) adds the whole gradient, v ← μv + g, so the same lr takes steps 1/(1 − μ) times longer":
      "这是动量法的指数滑动平均（EMA）形式 v ← μv + (1 − μ)·g。本课程（以及库）加上的是完整的梯度，v ← μv + g，所以同样的 lr 迈出的步子是前者的 1/(1 − μ) 倍",
    "the valley ½(w₀² + 50·w₁²)": "山谷 ½(w₀² + 50·w₁²)",
  },
});
