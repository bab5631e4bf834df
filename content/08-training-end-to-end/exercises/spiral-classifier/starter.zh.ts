import { mlp, train, SGD, type Rng, type ClassificationData, type Sequential } from "nn";

// 为三条螺旋构建并训练一个分类器：它必须把 300 个新的点中至少 95 % 分对。
// 按照现在的写法，这个模型是故意设计得很弱的。

/** 构建一个未经训练的模型：2 个输入，3 个输出（logit）。 */
export function buildModel(rng: Rng): Sequential {
  // TODO：一个能让边界绕过三条螺旋臂的模型。
  return mlp([2, 8, 3], { rng, hidden: "tanh" });
}

/** 在给定的数据上训练模型。 */
export async function trainModel(model: Sequential, data: ClassificationData, rng: Rng): Promise<void> {
  // TODO：选择优化器、学习率、批大小，以及训练多久。
  await train(model, {
    x: data.x, y: data.y, loss: "softmaxCrossEntropy",
    optimizer: new SGD({ lr: 0.1 }), epochs: 10, batchSize: 32, rng,
  });
}
