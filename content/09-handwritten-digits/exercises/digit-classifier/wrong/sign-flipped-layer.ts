// Mistake: a custom Dense layer whose backward returns −dX, flipping every gradient below it (expect: gradient)
import { Dense, Activation, Sequential, Matrix, scale, train, Adam, type Rng, type ClassificationData } from "nn";

/** Z = X·W + b; backward passes the wrong sign on to the layers below. */
class FlippedDense extends Dense {
  backward(dOut: Matrix): Matrix {
    return scale(super.backward(dOut), -1);
  }
}

export function buildModel(rng: Rng): Sequential {
  return new Sequential([
    new Dense(784, 32, { rng, init: "he" }), new Activation("relu"),
    new FlippedDense(32, 10, { rng }),
  ]);
}

export async function trainModel(model: Sequential, data: ClassificationData, rng: Rng): Promise<void> {
  await train(model, {
    x: data.x, y: data.y, loss: "softmaxCrossEntropy",
    optimizer: new Adam({ lr: 0.003 }), epochs: 3, batchSize: 32, rng,
  });
}
