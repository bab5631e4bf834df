import { defineExerciseText } from "../../../../src/i18n/exercise-text.ts";

export default defineExerciseText({
  title: "He 初始化：经得起深度考验的尺度",
  hints: [
    "ReLU 会把大约一半的输入置零，所以下一层输入的 E[x²] 只有预激活值方差的一半。权重要把这一半补回来。",
    "Var(z) = fanIn · Var(w) · E[x²]。由于 E[x²] = Var(z_prev)/2，当 fanIn · Var(w) = 2 时方差保持不变：Var(w) = 2/fanIn，所以标准差是 √(2/fanIn)。",
    "const std = Math.sqrt(2 / fanIn); const W = new Matrix(fanIn, fanOut); for (let k = 0; k < W.data.length; k++) W.data[k] = std * rng.normal(); return W;",
  ],
  text: {
    "2/fanIn": "2/fanIn",
  },
});
