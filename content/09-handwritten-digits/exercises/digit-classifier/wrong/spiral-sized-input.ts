// Mistake: chapter 8's model, with 2 inputs, cannot take 784 pixels (expect: exception)
import { mlp, train, Adam, type Rng, type ClassificationData, type Sequential } from "nn";

export function buildModel(rng: Rng): Sequential {
  return mlp([2, 32, 10], { rng, hidden: "relu" });
}

export async function trainModel(model: Sequential, data: ClassificationData, rng: Rng): Promise<void> {
  await train(model, {
    x: data.x, y: data.y, loss: "softmaxCrossEntropy",
    optimizer: new Adam({ lr: 0.003 }), epochs: 3, batchSize: 32, rng,
  });
}
