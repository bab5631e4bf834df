import { mlp, train, Adam, type Rng, type ClassificationData, type Sequential } from "nn";

/** One hidden layer of 32 ReLU units: small and quick; about 90 % on the test digits. */
export function buildModel(rng: Rng): Sequential {
  return mlp([784, 32, 10], { rng, hidden: "relu" });
}

/** Three epochs of mini-batch Adam. */
export async function trainModel(model: Sequential, data: ClassificationData, rng: Rng): Promise<void> {
  await train(model, {
    x: data.x, y: data.y, loss: "softmaxCrossEntropy",
    optimizer: new Adam({ lr: 0.003 }), epochs: 3, batchSize: 32, rng,
  });
}
