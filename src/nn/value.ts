/**
 * Scalar reverse-mode autograd, in the manner of micrograd (karpathy/micrograd).
 *
 * Every arithmetic step creates a new `Value` that remembers its inputs
 * (`children`) and the local derivative of its output with respect to each
 * input (`localGrads`), computed right next to the value itself. Backward is
 * then one generic rule, the chain rule, applied in reverse topological order:
 *
 *     child.grad += localGrad · node.grad
 *
 * Only primitives (add, mul, pow, exp, log, tanh, sigmoid, relu) carry a
 * hand-written derivative; neg, sub and div are built from them, so they
 * cannot get their gradients wrong on their own.
 *
 * Storing local derivatives as numbers (instead of micrograd's `_backward`
 * closures) is what lets `toGraph()` show the reader every factor of the
 * chain rule while stepping through the backward pass.
 */

/** Anything a `Value` op accepts as its other operand: a `Value` or a plain number (a constant). */
export type ValueLike = Value | number;

/** One node of an exported computational graph. */
export interface ValueGraphNode {
  /** Position in topological order (inputs first, the root last). */
  id: number;
  /** The label given with `new Value(x, label)` or `setLabel`, or `""`. */
  label: string;
  /** The operation that produced the node (`"+"`, `"*"`, `"tanh"`, ...), or `""` for a leaf. */
  op: string;
  /** Forward value. */
  data: number;
  /** The gradient currently stored on the node (0 until `backward()` has run). */
  grad: number;
}

/** An edge of an exported graph: `from` is an input of `to`. */
export interface ValueGraphEdge {
  /** Id of the input (child) node. */
  from: number;
  /** Id of the node computed from it. */
  to: number;
  /** Local derivative ∂to/∂from on this edge. */
  local: number;
}

/** What one step of the backward pass sends from a node to one of its inputs. */
export interface BackwardContribution {
  /** Id of the input receiving gradient. */
  to: number;
  /** Local derivative ∂node/∂input. */
  local: number;
  /** local × node grad: the amount added to the input's grad. */
  contribution: number;
  /** The input's accumulated grad after this addition. */
  gradAfter: number;
}

/** One step of the backward pass: a node passes its gradient on to its inputs. */
export interface BackwardStep {
  /** Id of the node whose gradient is being passed on. */
  node: number;
  /** Its op (repeated here so a step reads on its own). */
  op: string;
  /** The node's gradient, complete at this point (every consumer has already contributed). */
  grad: number;
  /** One entry per input, in operand order (an input used twice appears twice). */
  contributions: BackwardContribution[];
}

/** A serialisable picture of the graph under a `Value`, for drawing and stepping through backward. */
export interface ValueGraph {
  /** Id of the node `toGraph()` was called on. */
  root: number;
  /** Nodes in topological order (inputs first). */
  nodes: ValueGraphNode[];
  /** One edge per operand (so `a + a` has two edges from `a`). */
  edges: ValueGraphEdge[];
  /**
   * The backward pass from the root, seeded with d root/d root = 1 and
   * started from zero gradients, in the order it runs (reverse topological).
   * Leaves have no step: they have no inputs to pass gradient to.
   */
  steps: BackwardStep[];
}

/**
 * A scalar in a computational graph: its value, the gradient of the final
 * output with respect to it, and how it was computed.
 *
 * @example
 * const a = new Value(2, "a"), b = new Value(-3, "b");
 * const L = a.mul(b).add(10).tanh();
 * L.backward();   // a.grad = dL/da, b.grad = dL/db
 */
export class Value {
  /** The forward value. */
  data: number;
  /** dRoot/dThis, filled by `backward()`; accumulates over every use of this value. */
  grad = 0;
  /** Name shown in graphs and printouts (`""` if none). */
  label: string;
  /** The op that produced this value, or `""` for a leaf (an input or constant). */
  readonly op: string;
  /** The operands this value was computed from, in order. */
  readonly children: readonly Value[];
  /** ∂this/∂children[i], computed in the forward pass next to `data`. */
  readonly localGrads: readonly number[];

  /**
   * Creates a leaf `new Value(2, "a")`. The last three arguments are for the
   * op methods, which create the inner nodes of a graph.
   * @throws if `data` is not a number.
   */
  constructor(data: number, label = "", op = "", children: readonly Value[] = [], localGrads: readonly number[] = []) {
    if (typeof data !== "number") throw new Error(`value: data must be a number, got ${describeOperand(data)}`);
    if (children.length !== localGrads.length) {
      throw new Error(`value: ${children.length} children but ${localGrads.length} local derivatives`);
    }
    this.data = data;
    this.label = label;
    this.op = op;
    this.children = children;
    this.localGrads = localGrads;
  }

  /** Sets the label and returns this value, for chaining: `a.mul(b).setLabel("e")`. */
  setLabel(label: string): this {
    this.label = label;
    return this;
  }

  // ---- primitives: value and local derivative side by side ----

  /** this + other. ∂/∂this = 1, ∂/∂other = 1. */
  add(other: ValueLike): Value {
    const o = toValue(other, "add");
    return new Value(this.data + o.data, "", "+", [this, o], [1, 1]);
  }

  /** this · other. ∂/∂this = other, ∂/∂other = this. */
  mul(other: ValueLike): Value {
    const o = toValue(other, "mul");
    return new Value(this.data * o.data, "", "*", [this, o], [o.data, this.data]);
  }

  /**
   * this^n for a constant exponent n. d/dthis = n · this^(n−1).
   * @throws if n is not a finite number, for 0 to a negative power, or for a
   * negative base with a non-integer exponent (the result would not be real).
   */
  pow(n: number): Value {
    if (typeof n !== "number" || !Number.isFinite(n)) {
      throw new Error(`pow: exponent must be a finite number, got ${describeOperand(n)}`);
    }
    const x = this.data;
    if (x === 0 && n < 0) throw new Error(`pow: 0 cannot be raised to the negative power ${n}`);
    if (x < 0 && !Number.isInteger(n)) throw new Error(`pow: negative base ${x} needs an integer exponent, got ${n}`);
    return new Value(x ** n, "", `^${n}`, [this], [n * x ** (n - 1)]);
  }

  /** e^this. d/dthis = e^this (the output itself). */
  exp(): Value {
    const e = Math.exp(this.data);
    return new Value(e, "", "exp", [this], [e]);
  }

  /**
   * Natural logarithm. d/dthis = 1/this.
   * @throws if this ≤ 0, e.g. `log: input must be > 0, got -1`.
   */
  log(): Value {
    const x = this.data;
    if (!(x > 0)) throw new Error(`log: input must be > 0, got ${x}`);
    return new Value(Math.log(x), "", "log", [this], [1 / x]);
  }

  /** Hyperbolic tangent. d/dthis = 1 − tanh². */
  tanh(): Value {
    const t = Math.tanh(this.data);
    return new Value(t, "", "tanh", [this], [1 - t * t]);
  }

  /** Logistic sigmoid σ(x) = 1/(1+e^−x), computed without overflow for large |x|. d/dthis = σ(1 − σ). */
  sigmoid(): Value {
    const x = this.data;
    // For x < 0 use e^x/(1+e^x): e^−x would overflow for x ≪ 0.
    const s = x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    return new Value(s, "", "sigmoid", [this], [s * (1 - s)]);
  }

  /** max(0, this). d/dthis = 1 for this > 0 and 0 otherwise — 0 at exactly 0, like the library's relu. */
  relu(): Value {
    const x = this.data;
    return new Value(x > 0 ? x : 0, "", "relu", [this], [x > 0 ? 1 : 0]);
  }

  // ---- composites: built from primitives, so no gradient code of their own ----

  /** −this, as this · (−1). */
  neg(): Value {
    return this.mul(-1);
  }

  /** this − other, as this + (−other). */
  sub(other: ValueLike): Value {
    return this.add(toValue(other, "sub").neg());
  }

  /**
   * this / other, as this · other^−1.
   * @throws on division by zero: `div: division by zero (…/0)`.
   */
  div(other: ValueLike): Value {
    const o = toValue(other, "div");
    if (o.data === 0) throw new Error(`div: division by zero (${this.data}/0)`);
    return this.mul(o.pow(-1));
  }

  // ---- the graph ----

  /**
   * Every value this one depends on (itself included), inputs before the
   * values computed from them. Iterative, so graphs of any depth work.
   */
  topologicalOrder(): Value[] {
    const order: Value[] = [];
    const seen = new Set<Value>([this]);
    // Explicit stack of (node, next child to visit): a recursive DFS would
    // overflow the call stack on a long chain (e.g. a sum of 100 000 terms).
    const nodes: Value[] = [this];
    const next: number[] = [0];
    while (nodes.length > 0) {
      const top = nodes.length - 1;
      const node = nodes[top];
      const i = next[top];
      if (i < node.children.length) {
        next[top] = i + 1;
        const child = node.children[i];
        if (!seen.has(child)) {
          seen.add(child);
          nodes.push(child);
          next.push(0);
        }
      } else {
        order.push(node);
        nodes.pop();
        next.pop();
      }
    }
    return order;
  }

  /**
   * Backpropagation: sets this.grad = 1 and, visiting nodes in reverse
   * topological order (so a node's grad is complete before it is passed on),
   * adds local derivative × grad into each input's grad. A value used twice
   * receives both contributions (`b = a + a` gives a.grad = 2).
   *
   * Gradients of inputs add to what they already held: call `zeroGrad()`
   * first when running backward again on the same graph.
   */
  backward(): void {
    const order = this.topologicalOrder();
    this.grad = 1;
    for (let k = order.length - 1; k >= 0; k--) {
      const node = order[k];
      const g = node.grad;
      const { children, localGrads } = node;
      for (let i = 0; i < children.length; i++) children[i].grad += localGrads[i] * g;
    }
  }

  /** Sets grad = 0 on every value in this graph (this one and everything it depends on). */
  zeroGrad(): void {
    for (const v of this.topologicalOrder()) v.grad = 0;
  }

  /**
   * Exports the graph under this value as plain data for drawing: nodes,
   * edges with their local derivatives, and the backward pass as ordered
   * steps (each with the gradient passed to every input and the input's
   * accumulated gradient afterwards), so a reader can step through it.
   * The steps are simulated from zero gradients and do not change any `grad`.
   */
  toGraph(): ValueGraph {
    const order = this.topologicalOrder();
    const id = new Map<Value, number>();
    order.forEach((v, i) => id.set(v, i));
    const nodes: ValueGraphNode[] = order.map((v, i) => ({ id: i, label: v.label, op: v.op, data: v.data, grad: v.grad }));
    const edges: ValueGraphEdge[] = [];
    for (const v of order) {
      v.children.forEach((c, i) => edges.push({ from: id.get(c)!, to: id.get(v)!, local: v.localGrads[i] }));
    }
    const grads = new Float64Array(order.length);
    grads[order.length - 1] = 1;
    const steps: BackwardStep[] = [];
    for (let k = order.length - 1; k >= 0; k--) {
      const v = order[k];
      if (v.children.length === 0) continue;
      const g = grads[k];
      const contributions = v.children.map((c, i) => {
        const to = id.get(c)!;
        const contribution = v.localGrads[i] * g;
        grads[to] += contribution;
        return { to, local: v.localGrads[i], contribution, gradAfter: grads[to] };
      });
      steps.push({ node: k, op: v.op, grad: g, contributions });
    }
    return { root: order.length - 1, nodes, edges, steps };
  }

  /** `Value(a: data=2, grad=0.5)` — label shown when there is one. */
  toString(): string {
    return `Value(${this.label ? `${this.label}: ` : ""}data=${fmt(this.data)}, grad=${fmt(this.grad)})`;
  }
}

/** Shorthand for `new Value(data, label)`. */
export function value(data: number, label = ""): Value {
  return new Value(data, label);
}

function toValue(x: ValueLike, op: string): Value {
  if (x instanceof Value) return x;
  if (typeof x === "number") return new Value(x);
  throw new Error(`${op}: operand must be a number or Value, got ${describeOperand(x)}`);
}

function describeOperand(x: unknown): string {
  if (x === null) return "null";
  if (typeof x === "object") return (x as object).constructor?.name ?? "object";
  return typeof x === "string" ? JSON.stringify(x) : String(x);
}

function fmt(x: number): string {
  return String(+x.toPrecision(6));
}
