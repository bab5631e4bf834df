// Mistake: trainModel returns a model but never trains the one it was given, so it stays at chance (expect: accuracy-below)
import { mlp, type Rng, type ClassificationData, type Sequential } from "nn";

export function buildModel(rng: Rng): Sequential {
  return mlp([2, 32, 32, 3], { rng, hidden: "relu" });
}

export async function trainModel(model: Sequential, data: ClassificationData, rng: Rng): Promise<Sequential> {
  void data;
  return mlp([2, 32, 32, 3], { rng, hidden: "relu" }); // a new model: the grader measures the one it built
}
