import { mlp, train, Adam, type Rng, type ClassificationData, type Sequential } from "nn";

/** 两个各有 32 个 ReLU 单元的隐藏层：足以让边界绕过三条螺旋臂。 */
export function buildModel(rng: Rng): Sequential {
  return mlp([2, 32, 32, 3], { rng, hidden: "relu" });
}

/** 300 步全批量的 Adam：速度快，也不需要打乱顺序。 */
export async function trainModel(model: Sequential, data: ClassificationData, rng: Rng): Promise<void> {
  await train(model, {
    x: data.x, y: data.y, loss: "softmaxCrossEntropy",
    optimizer: new Adam({ lr: 0.01 }), steps: 300, rng,
  });
}
