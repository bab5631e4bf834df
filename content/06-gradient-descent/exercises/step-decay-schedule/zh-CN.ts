import { defineExerciseText } from "../../../../src/i18n/exercise-text.ts";

export default defineExerciseText({
  title: "阶梯衰减的学习率调度",
  hints: [
    "学习率先保持 dropEvery 步不变，然后乘以 factor，再保持不变：数一数到第 t 步为止已经下降了几次。",
    "到第 t 步为止的下降次数是 ⌊t / dropEvery⌋（Math.floor），每下降一次，学习率就乘一次 factor：lr0 · factor^drops。",
    "return lr0 * Math.pow(factor, Math.floor(t / dropEvery));",
  ],
  text: {
    "before the first drop": "第一次下降之前",
    "exactly at a drop": "恰好在下降的那一步",
    "one step before a drop": "下降前的一步",
    "many drops later": "下降多次之后",
  },
});
