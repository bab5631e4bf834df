import { defineExerciseText } from "../../../../src/i18n/exercise-text.ts";

export default defineExerciseText({
  title: "更新量与权重之比",
  hints: [
    "两个范数，一次除法：这次变化有多长？要用衡量权重本身的同一种方式来量。",
    "‖A‖ 是 A 的全部元素平方和的平方根。分别对 after − before 和 before 求它，再相除。",
    "let change = 0, size = 0；对每个 k：const d = after.data[k] - before.data[k]; change += d * d; size += before.data[k] ** 2；最后 return Math.sqrt(change) / Math.sqrt(size)。",
  ],
  text: {
    "a 3×4 weight matrix, a healthy step (about 1e-3)": "一个 3×4 的权重矩阵，健康的一步（约 1e-3）",
    "a 64×64 weight matrix": "一个 64×64 的权重矩阵",
    "a bias row": "一行偏置",
    "a tiny step (about 1e-6)": "极小的一步（约 1e-6）",
    "a huge step (about 0.3)": "极大的一步（约 0.3）",
    "weights of size about 1e-4": "大小约为 1e-4 的权重",
  },
});
