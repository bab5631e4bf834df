// Mistake: plain SGD with a small learning rate for 30 steps barely moves the model off chance (expect: accuracy-below)
import { mlp, train, SGD, type Rng, type ClassificationData, type Sequential } from "nn";

export function buildModel(rng: Rng): Sequential {
  return mlp([784, 32, 10], { rng, hidden: "relu" });
}

export async function trainModel(model: Sequential, data: ClassificationData, rng: Rng): Promise<void> {
  await train(model, {
    x: data.x, y: data.y, loss: "softmaxCrossEntropy",
    optimizer: new SGD({ lr: 0.01 }), steps: 30, batchSize: 32, rng,
  });
}
