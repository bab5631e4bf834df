// 新的 Value 运算 softplus(x) = ln(1 + eˣ) 把它的局部导数存放在值的旁边；
// 于是它的反向步骤是
//   input.grad += softplusLocal(x) * node.grad
// 请写出这个局部导数。它必须对每个 x 都成立，即使 x = ±800。
export function softplusLocal(x: number): number {
  // TODO：ln(1 + eˣ) 在 x 处的导数。
  return 0;
}
