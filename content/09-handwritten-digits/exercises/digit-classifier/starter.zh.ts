import { mlp, train, SGD, type Rng, type ClassificationData, type Sequential } from "nn";

// 搭建并训练一个数字分类器：输入 784 个像素，输出 10 个 logit。它必须正确认出
// 2,000 个测试数字中的至少 87 %。按现在的写法，训练量远远不够。

/** 构建一个未训练的模型：784 个输入，10 个输出（logit）。 */
export function buildModel(rng: Rng): Sequential {
  return mlp([784, 16, 10], { rng, hidden: "relu" });
}

/** 用传入的数字训练模型。 */
export async function trainModel(model: Sequential, data: ClassificationData, rng: Rng): Promise<void> {
  // TODO：选择优化器、学习率、批大小和训练时长。
  await train(model, {
    x: data.x, y: data.y, loss: "softmaxCrossEntropy",
    optimizer: new SGD({ lr: 0.01 }), steps: 20, batchSize: 32, rng,
  });
}
