// 预激活 z 是加权和再加上偏置（只加一次）；输出为 σ(z)。
export function neuron(x: number[], w: number[], b: number): number {
  let z = b;
  for (let i = 0; i < x.length; i++) z += w[i] * x[i];
  return 1 / (1 + Math.exp(-z));
}
