// Mistake: mini-batches without the rng to shuffle them, so train rejects and the Promise fails (expect: exception)
import { mlp, train, Adam, type Rng, type ClassificationData, type Sequential } from "nn";

export function buildModel(rng: Rng): Sequential {
  return mlp([784, 32, 10], { rng, hidden: "relu" });
}

export async function trainModel(model: Sequential, data: ClassificationData, rng: Rng): Promise<void> {
  void rng;
  await train(model, {
    x: data.x, y: data.y, loss: "softmaxCrossEntropy",
    optimizer: new Adam({ lr: 0.003 }), epochs: 3, batchSize: 32,
  });
}
