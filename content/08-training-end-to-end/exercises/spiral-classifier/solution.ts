import { mlp, train, Adam, type Rng, type ClassificationData, type Sequential } from "nn";

/** Two hidden layers of 32 ReLU units: enough to bend a boundary around three spiral arms. */
export function buildModel(rng: Rng): Sequential {
  return mlp([2, 32, 32, 3], { rng, hidden: "relu" });
}

/** 300 full-batch Adam steps: fast, and no shuffling needed. */
export async function trainModel(model: Sequential, data: ClassificationData, rng: Rng): Promise<void> {
  await train(model, {
    x: data.x, y: data.y, loss: "softmaxCrossEntropy",
    optimizer: new Adam({ lr: 0.01 }), steps: 300, rng,
  });
}
