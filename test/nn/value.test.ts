import { describe, expect, it } from "vitest";
import { Value, value } from "../../src/nn/value.ts";
import { createRng } from "../../src/nn/rng.ts";

/** Relative error as src/ARCHITECTURE.md defines it. */
const relErr = (a: number, n: number) => Math.abs(a - n) / Math.max(Math.abs(a) + Math.abs(n), 1e-8);

/**
 * Checks d f / d x_i from backward() against central differences of the
 * forward value, at the given point.
 */
function check(f: (...xs: Value[]) => Value, point: number[], h = 1e-6): number {
  const xs = point.map((p, i) => new Value(p, `x${i}`));
  f(...xs).backward();
  let worst = 0;
  point.forEach((_, i) => {
    const at = (d: number) => f(...point.map((p, j) => new Value(j === i ? p + d : p))).data;
    const numeric = (at(h) - at(-h)) / (2 * h);
    worst = Math.max(worst, relErr(xs[i].grad, numeric));
  });
  return worst;
}

const rng = createRng(2024);
/** Random points away from 0 (relu's kink, log's domain edge) in [lo, hi]. */
const points = (n: number, lo = -3, hi = 3) =>
  Array.from({ length: n }, () => {
    let x = 0;
    while (Math.abs(x) < 0.05) x = rng.uniform(lo, hi);
    return x;
  });

describe("Value ops: value", () => {
  it("computes each op's forward value", () => {
    const a = value(2), b = value(-3);
    expect(a.add(b).data).toBe(-1);
    expect(a.sub(b).data).toBe(5);
    expect(a.mul(b).data).toBe(-6);
    expect(a.div(b).data).toBeCloseTo(-2 / 3, 15);
    expect(a.pow(3).data).toBe(8);
    expect(a.neg().data).toBe(-2);
    expect(a.exp().data).toBeCloseTo(Math.E ** 2, 12);
    expect(a.log().data).toBeCloseTo(Math.LN2, 15);
    expect(a.tanh().data).toBeCloseTo(Math.tanh(2), 15);
    expect(value(0).sigmoid().data).toBe(0.5);
    expect(b.relu().data).toBe(0);
    expect(a.relu().data).toBe(2);
  });
  it("accepts plain numbers as operands: a.mul(2), a.add(1), a.sub(1), a.div(4)", () => {
    const a = value(3);
    expect(a.mul(2).data).toBe(6);
    expect(a.add(1).data).toBe(4);
    expect(a.sub(1).data).toBe(2);
    expect(a.div(4).data).toBe(0.75);
  });
  it("sigmoid() stays finite and accurate at |x| = 1000", () => {
    expect(value(1000).sigmoid().data).toBe(1);
    expect(value(-1000).sigmoid().data).toBe(0);
    const s = value(-1000).sigmoid();
    s.backward();
    expect(Number.isFinite(s.children[0].grad)).toBe(true);
    expect(value(-30).sigmoid().data).toBeCloseTo(Math.exp(-30) / (1 + Math.exp(-30)), 25);
  });
});

describe("Value ops: gradient vs central differences (≤ 1e-7 at random points)", () => {
  const unary: [string, (x: Value) => Value, number, number][] = [
    ["neg()", (x) => x.neg(), -3, 3],
    ["exp()", (x) => x.exp(), -3, 3],
    ["log()", (x) => x.log(), 0.1, 5],
    ["tanh()", (x) => x.tanh(), -3, 3],
    ["sigmoid()", (x) => x.sigmoid(), -6, 6],
    ["relu()", (x) => x.relu(), -3, 3],
    ["pow(2)", (x) => x.pow(2), -3, 3],
    ["pow(3)", (x) => x.pow(3), -3, 3],
    ["pow(-1)", (x) => x.pow(-1), -3, 3],
    ["pow(0.5)", (x) => x.pow(0.5), 0.1, 5],
    ["pow(-2.5)", (x) => x.pow(-2.5), 0.2, 5],
    ["add(3)", (x) => x.add(3), -3, 3],
    ["mul(-2)", (x) => x.mul(-2), -3, 3],
    ["sub(1.5)", (x) => x.sub(1.5), -3, 3],
    ["div(0.7)", (x) => x.div(0.7), -3, 3],
  ];
  for (const [name, f, lo, hi] of unary) {
    it(`${name}`, () => {
      for (const x of points(20, lo, hi)) expect(check(f, [x])).toBeLessThanOrEqual(1e-7);
    });
  }
  const binary: [string, (a: Value, b: Value) => Value][] = [
    ["a.add(b)", (a, b) => a.add(b)],
    ["a.sub(b)", (a, b) => a.sub(b)],
    ["a.mul(b)", (a, b) => a.mul(b)],
    ["a.div(b)", (a, b) => a.div(b)],
  ];
  for (const [name, f] of binary) {
    it(`${name} w.r.t. both operands`, () => {
      for (let k = 0; k < 20; k++) expect(check(f, points(2))).toBeLessThanOrEqual(1e-7);
    });
  }
  it("the check above catches a wrong local derivative (sanity of the test itself)", () => {
    // A square whose local derivative forgets the factor 2.
    const badSquare = (x: Value) => new Value(x.data * x.data, "", "sq", [x], [x.data]);
    expect(check(badSquare, [1.3])).toBeGreaterThan(0.1);
  });
  it("a composite expression (a neuron with tanh, then a squared error)", () => {
    const neuron = (x1: Value, x2: Value, w1: Value, w2: Value, b: Value) =>
      x1.mul(w1).add(x2.mul(w2)).add(b).tanh().sub(0.5).pow(2);
    for (let k = 0; k < 20; k++) expect(check(neuron, points(5, -1.5, 1.5))).toBeLessThanOrEqual(1e-7);
  });
  it("micrograd's test_more_ops: known values and gradients", () => {
    // karpathy/micrograd test/test_engine.py, checked there against PyTorch.
    const f = (a: Value, b: Value) => {
      let c = a.add(b);
      let d = a.mul(b).add(b.pow(3));
      c = c.add(c.add(1));
      c = c.add(value(1).add(c).add(a.neg()));
      d = d.add(d.mul(2).add(b.add(a).relu()));
      d = d.add(value(3).mul(d).add(b.sub(a).relu()));
      const e = c.sub(d);
      const sq = e.pow(2);
      return sq.div(2).add(value(10).div(sq));
    };
    const a = value(-4), b = value(2);
    const g = f(a, b);
    g.backward();
    expect(g.data).toBeCloseTo(24.70408163265306, 12);
    expect(a.grad).toBeCloseTo(138.83381924198252, 10);
    expect(b.grad).toBeCloseTo(645.5772594752186, 10);
    expect(check(f, [-4, 2])).toBeLessThanOrEqual(1e-7);
  });
});

describe("Value.backward()", () => {
  it("accumulates where a value is reused: b = a + a gives a.grad = 2", () => {
    const a = value(3, "a");
    const b = a.add(a);
    b.backward();
    expect(a.grad).toBe(2);
  });
  it("a · a gives 2a; a diamond a→(b, c)→d sums both paths", () => {
    const a = value(-1.5);
    a.mul(a).backward();
    expect(a.grad).toBe(-3);
    const x = value(0.7);
    const d = x.mul(2).add(x.exp()); // d/dx = 2 + e^x
    d.backward();
    expect(x.grad).toBeCloseTo(2 + Math.exp(0.7), 14);
  });
  it("relu'(0) is 0", () => {
    const a = value(0);
    a.relu().backward();
    expect(a.grad).toBe(0);
  });
  it("adds to existing grads on a second call; zeroGrad() resets the whole graph", () => {
    const a = value(2), b = value(5);
    const c = a.mul(b);
    c.backward();
    expect(a.grad).toBe(5);
    c.zeroGrad();
    expect([a.grad, b.grad, c.grad]).toEqual([0, 0, 0]);
    c.backward();
    expect([a.grad, b.grad, c.grad]).toEqual([5, 2, 1]);
    c.backward();
    expect(a.grad).toBe(10);
  });
  it("handles a chain 200 000 ops deep without recursion", () => {
    const x = value(1);
    let s = x;
    for (let i = 0; i < 200_000; i++) s = s.add(x);
    s.backward();
    expect(s.data).toBe(200_001);
    expect(x.grad).toBe(200_001);
  });
  it("topologicalOrder() lists inputs before outputs, each node once", () => {
    const a = value(1), b = value(2);
    const c = a.mul(b), d = c.add(a), e = d.mul(c);
    const order = e.topologicalOrder();
    expect(order.length).toBe(new Set(order).size);
    expect(order.at(-1)).toBe(e);
    for (const v of order) for (const ch of v.children) expect(order.indexOf(ch)).toBeLessThan(order.indexOf(v));
    expect(order).toHaveLength(5);
  });
});

describe("Value.toGraph()", () => {
  // L = (a·b + c)·f, the classic micrograd walkthrough.
  const build = () => {
    const a = value(2, "a"), b = value(-3, "b"), c = value(10, "c"), f = value(-2, "f");
    const e = a.mul(b).setLabel("e");
    const d = e.add(c).setLabel("d");
    const L = d.mul(f).setLabel("L");
    return { a, b, c, f, e, d, L };
  };
  it("exports nodes {id, label, op, data, grad} in topological order and one edge per operand", () => {
    const { L } = build();
    const g = L.toGraph();
    expect(g.nodes).toHaveLength(7);
    expect(g.edges).toHaveLength(6);
    expect(g.root).toBe(6);
    expect(g.nodes[g.root]).toEqual({ id: 6, label: "L", op: "*", data: -8, grad: 0 });
    for (const n of g.nodes) expect(Object.keys(n).sort()).toEqual(["data", "grad", "id", "label", "op"]);
    for (const e of g.edges) expect(e.from).toBeLessThan(e.to);
    const byLabel = (l: string) => g.nodes.find((n) => n.label === l)!.id;
    expect(g.edges).toContainEqual({ from: byLabel("d"), to: byLabel("L"), local: -2 });
    expect(g.edges).toContainEqual({ from: byLabel("f"), to: byLabel("L"), local: 4 });
    expect(JSON.parse(JSON.stringify(g))).toEqual(g); // plain data, crosses the worker boundary
  });
  it("lists backward steps in reverse topological order with local derivatives and accumulated grads", () => {
    const { L, a, b, c, f, d, e } = build();
    const g = L.toGraph();
    expect(g.steps.map((s) => g.nodes[s.node].label)).toEqual(["L", "d", "e"]);
    expect(g.steps[0]).toEqual({
      node: g.root, op: "*", grad: 1,
      contributions: [
        { to: g.nodes.find((n) => n.label === "d")!.id, local: -2, contribution: -2, gradAfter: -2 },
        { to: g.nodes.find((n) => n.label === "f")!.id, local: 4, contribution: 4, gradAfter: 4 },
      ],
    });
    // The simulated final grads equal what backward() computes, and toGraph() changed no grad.
    expect([a, b, c, d, e, f, L].every((v) => v.grad === 0)).toBe(true);
    const last = new Map<number, number>();
    for (const s of g.steps) for (const k of s.contributions) last.set(k.to, k.gradAfter);
    L.backward();
    const after = L.toGraph();
    for (const n of after.nodes) if (n.id !== after.root) expect(last.get(n.id)).toBe(n.grad);
    expect([a.grad, b.grad, c.grad, f.grad]).toEqual([6, -4, -2, 4]);
  });
  it("shows both contributions when a value is reused (b = a + a)", () => {
    const a = value(3, "a");
    const g = a.add(a).toGraph();
    expect(g.edges).toEqual([{ from: 0, to: 1, local: 1 }, { from: 0, to: 1, local: 1 }]);
    expect(g.steps[0].contributions.map((c) => c.gradAfter)).toEqual([1, 2]);
  });
});

describe("Value errors", () => {
  it("log of a non-positive value: log: input must be > 0, got -1", () => {
    expect(() => value(-1).log()).toThrow("log: input must be > 0, got -1");
    expect(() => value(0).log()).toThrow("log: input must be > 0, got 0");
  });
  it("division by zero, bad exponents and bad operands name the bad value", () => {
    expect(() => value(1).div(0)).toThrow(/div: division by zero/);
    expect(() => value(0).pow(-1)).toThrow(/pow: 0 cannot be raised to the negative power -1/);
    expect(() => value(-2).pow(0.5)).toThrow(/pow: negative base -2 needs an integer exponent, got 0.5/);
    expect(() => value(2).pow(value(2) as unknown as number)).toThrow(/pow: exponent must be a finite number, got Value/);
    expect(() => value(2).add("3" as unknown as number)).toThrow(/add: operand must be a number or Value, got "3"/);
    expect(() => new Value("x" as unknown as number)).toThrow(/value: data must be a number/);
  });
  it("toString() shows label, data and grad", () => {
    const a = value(2, "a");
    a.mul(3).backward();
    expect(String(a)).toBe("Value(a: data=2, grad=3)");
  });
});
