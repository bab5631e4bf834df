import { defineExerciseText } from "../../../../src/i18n/exercise-text.ts";

export default defineExerciseText({
  title: "一个数字分类器，在它从未见过的数字上评分",
  hints: [
    "起始代码训练得太少，用的优化器又慢得像在爬。本章用的是什么？",
    "一个由几十个 ReLU 单元组成的隐藏层就够了；用 α 约为 0.003 的 Adam，小批量大小 32，在这 4,000 个数字上遍历两三轮。把 rng 传给 train，小批量的顺序才会打乱。",
    "mlp([784, 32, 10], { rng, hidden: \"relu\" })，然后 await train(model, { x: data.x, y: data.y, loss: \"softmaxCrossEntropy\", optimizer: new Adam({ lr: 0.003 }), epochs: 3, batchSize: 32, rng })。",
  ],
  text: {},
});
