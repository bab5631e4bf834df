import { Matrix, addRowVector, map, matmul, softmax } from "nn";
import { matmulTransA, matmulTransB, mul, scale, sub, sumColumns } from "nn";

// 反向传播，一次一步；每个梯度都与它的参数形状相同。
export function twoLayerBackward(
  x: Matrix, y: Matrix, W1: Matrix, b1: Matrix, W2: Matrix, b2: Matrix,
) {
  const N = x.rows;
  // 前向传播。
  const a1 = map(addRowVector(matmul(x, W1), b1), Math.tanh);
  const p = softmax(addRowVector(matmul(a1, W2), b2));
  // Softmax 加交叉熵，在整批上取平均：dL/dz2 = (p − y)/N。
  const dZ2 = scale(sub(p, y), 1 / N);
  const dW2 = matmulTransA(a1, dZ2); // a1ᵀ·dZ2
  const db2 = sumColumns(dZ2); // b2 加到了每一行上：在整批上求和
  const dA1 = matmulTransB(dZ2, W2); // dZ2·W2ᵀ
  const dZ1 = mul(dA1, map(a1, (a) => 1 - a * a)); // tanh′ = 1 − a1²
  const dW1 = matmulTransA(x, dZ1);
  const db1 = sumColumns(dZ1);
  return { dW1, db1, dW2, db2 };
}
