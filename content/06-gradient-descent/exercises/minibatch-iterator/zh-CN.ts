import { defineExerciseText } from "../../../../src/i18n/exercise-text.ts";

export default defineExerciseText({
  title: "会打乱顺序的小批量迭代器",
  hints: [
    "每一轮分两步：先用 rng 把下标 0…n−1 排成一个随机顺序，再把这个顺序切成一段段连续的、长为 batchSize 的片段。",
    "每一轮开始时都重新抽一个排列（rng.permutation(n)，或者借助 rng.int 对 [0, 1, …, n − 1] 做 Fisher–Yates 洗牌）；最后一段即使比 batchSize 短也要保留：slice(start, Math.min(start + batchSize, n))。",
    "for (let e = 0; e < epochs; e++) { const order = Array.from(rng.permutation(n)); for (let start = 0; start < n; start += batchSize) batches.push(order.slice(start, start + batchSize)); } return batches;",
  ],
  text: {
    "B divides n": "B 能整除 n",
    "B does not divide n": "B 不能整除 n",
    "B larger than n": "B 大于 n",
    "B = 1": "B = 1",
  },
});
