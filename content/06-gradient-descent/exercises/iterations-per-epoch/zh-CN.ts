import { defineExerciseText } from "../../../../src/i18n/exercise-text.ts";

export default defineExerciseText({
  title: "一次训练要更新多少次？",
  hints: [
    "先只数一轮：如果最后一批可以小一些，要多少批才能把每个样本都用上一次？",
    "一轮做 ⌈n / B⌉ 次迭代：⌊n / B⌋ 个满批，B 不能整除 n 时再加一批。每一轮都重新开始，所以再乘以轮数。",
    "return epochs * Math.ceil(n / batchSize);",
  ],
  text: {
    "B divides n": "B 能整除 n",
    "one example left over": "余下一个样本",
    "B − 1 examples left over": "余下 B − 1 个样本",
    "a rest of about a third of a batch": "余下大约三分之一批",
    "B larger than n": "B 大于 n",
    "a batch of 1 (plain SGD)": "批大小为 1（朴素 SGD）",
  },
});
