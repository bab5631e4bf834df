// 一个使用 Sigmoid 激活函数的神经元：x 是它的输入，w 为每个输入各配一个权重，b 是它的偏置。
// 返回它的输出 a = σ(w·x + b)，其中 σ(z) = 1 / (1 + e^(−z))。
export function neuron(x: number[], w: number[], b: number): number {
  // TODO：先求加权和 z，再求它的 Sigmoid 值。
  return 0;
}
