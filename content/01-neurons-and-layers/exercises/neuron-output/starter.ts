// One neuron with a sigmoid activation: x holds its inputs, w one weight per input, b its bias.
// Return its output a = σ(w·x + b), with σ(z) = 1 / (1 + e^(−z)).
export function neuron(x: number[], w: number[], b: number): number {
  // TODO: the weighted sum z, then the sigmoid of it.
  return 0;
}
