import { Matrix } from "nn";

// The mean softmax cross-entropy of logits Z (N×C, one example per row)
// against one-hot labels Y (N×C): the average over the rows of
//   −Σⱼ Yᵢⱼ · log softmax(Zᵢ)ⱼ.
// It must stay finite for logits like ±1000.
export function crossEntropy(Z: Matrix, Y: Matrix): number {
  let total = 0;
  // TODO: add each row's loss to total, computed with log-sum-exp.
  return total / Z.rows;
}
