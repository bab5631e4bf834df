// Mistake: a custom Dense layer whose backward forgets the bias gradient, caught before training (expect: gradient)
import { Dense, Activation, Sequential, Matrix, matmulTransA, matmulTransB, train, Adam, type Rng, type ClassificationData } from "nn";

/** Z = X·W + b, but backward only fills dW: db stays zero. */
class MyDense extends Dense {
  backward(dOut: Matrix): Matrix {
    const x = this.input as Matrix;
    matmulTransA(x, dOut, this.W.grad, true);
    // forgot: db = column sums of dOut
    return matmulTransB(dOut, this.W.value);
  }
}

export function buildModel(rng: Rng): Sequential {
  return new Sequential([
    new MyDense(784, 32, { rng, init: "he" }), new Activation("relu"),
    new Dense(32, 10, { rng }),
  ]);
}

export async function trainModel(model: Sequential, data: ClassificationData, rng: Rng): Promise<void> {
  await train(model, {
    x: data.x, y: data.y, loss: "softmaxCrossEntropy",
    optimizer: new Adam({ lr: 0.003 }), epochs: 3, batchSize: 32, rng,
  });
}
