import { defineExerciseText } from "../../../../src/i18n/exercise-text.ts";

export default defineExerciseText({
  title: "在模型从未见过的点上达到 95 %",
  hints: [
    "起始代码里的模型既太小，训练的时间又太短。本章的哪些工具能让模型很快拟合一条扭曲的边界？",
    "对三条螺旋来说，两个各有几十个 ReLU 单元的隐藏层就够了；朴素的 SGD 在这个学习率下慢如爬行，Adam 则不然。全批量的步子（不设 batchSize）很快，也不需要打乱顺序。",
    "mlp([2, 32, 32, 3], { rng, hidden: \"relu\" })，然后 await train(model, { x: data.x, y: data.y, loss: \"softmaxCrossEntropy\", optimizer: new Adam({ lr: 0.01 }), steps: 300, rng })。",
  ],
  text: {},
});
