import { mlp, train, SGD, type Rng, type ClassificationData, type Sequential } from "nn";

// Build and train a classifier for the three spirals: it must classify at least 95 % of
// 300 fresh points correctly. As written, the model is deliberately weak.

/** Builds an untrained model: 2 inputs, 3 outputs (logits). */
export function buildModel(rng: Rng): Sequential {
  // TODO: a model that can bend its boundary around three spiral arms.
  return mlp([2, 8, 3], { rng, hidden: "tanh" });
}

/** Trains the model on the data it is given. */
export async function trainModel(model: Sequential, data: ClassificationData, rng: Rng): Promise<void> {
  // TODO: choose the optimiser, the learning rate, the batch size and how long to train.
  await train(model, {
    x: data.x, y: data.y, loss: "softmaxCrossEntropy",
    optimizer: new SGD({ lr: 0.1 }), epochs: 10, batchSize: 32, rng,
  });
}
