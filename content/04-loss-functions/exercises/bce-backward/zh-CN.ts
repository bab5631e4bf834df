import { defineExerciseText } from "../../../../src/i18n/exercise-text.ts";

export default defineExerciseText({
  title: "二元交叉熵的梯度",
  hints: [
    "沿链式法则穿过 Sigmoid：∂ℓ/∂p · σ′(z)。σ′ 中的因子 p(1 − p) 与 ∂ℓ/∂p 的分母相互抵消。",
    "对单个样本，∂ℓ/∂z = σ(z) − y。损失是 N 行上的平均，所以还要除以 N。",
    "对每个 i：dZ.data[i] = (sigmoid.f(Z.data[i]) − Y.data[i]) / Z.rows;（import { sigmoid } from \"nn\"）。",
  ],
  text: {
    "some logits are beyond ±710, where e^z overflows: σ(z) must be computed from e^−|z|":
      "有些 logit 超出 ±710，此时 e^z 会上溢：σ(z) 必须由 e^−|z| 来计算",
  },
});
