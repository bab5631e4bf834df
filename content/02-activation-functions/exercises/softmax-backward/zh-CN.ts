import { defineExerciseText } from "../../../../src/i18n/exercise-text.ts";

export default defineExerciseText({
  title: "不构造雅可比矩阵的 Softmax 反向传播",
  hints: [
    "逐行计算：dZⱼ = Σᵢ dPᵢ · ∂pᵢ/∂zⱼ，而 ∂pᵢ/∂zⱼ = pᵢ(δᵢⱼ − pⱼ)。把这个和展开，而不是构造矩阵。",
    "Σᵢ dPᵢ pᵢ(δᵢⱼ − pⱼ) = pⱼ dPⱼ − pⱼ Σᵢ dPᵢ pᵢ = pⱼ (dPⱼ − s)，其中 s = Σᵢ dPᵢ pᵢ，每行一个数。",
    "const p = softmax(z)；对每一行 i：s = Σⱼ dP[i][j]·p[i][j]；然后 dZ[i][j] = p[i][j]·(dP[i][j] − s)。结果写进一个新的 Matrix。",
  ],
  text: {},
});
