// Mistake: one hidden layer of 4 tanh units and a few plain SGD steps underfit the spirals (expect: accuracy-below)
import { mlp, train, SGD, type Rng, type ClassificationData, type Sequential } from "nn";

export function buildModel(rng: Rng): Sequential {
  return mlp([2, 4, 3], { rng, hidden: "tanh" });
}

export async function trainModel(model: Sequential, data: ClassificationData, rng: Rng): Promise<void> {
  await train(model, {
    x: data.x, y: data.y, loss: "softmaxCrossEntropy",
    optimizer: new SGD({ lr: 0.05 }), steps: 50, rng,
  });
}
