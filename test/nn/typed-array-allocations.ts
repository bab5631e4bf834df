/**
 * Counts typed-array buffers allocated while a function runs: every
 * `new Float64Array(...)`, `Float64Array.from(...)`, `.slice()`, `.map()` and
 * the same for Float32Array and Int32Array. Views (`subarray`) share a buffer
 * and are not counted. Used by the zero-allocation test of the training step
 * and by the nn bench.
 *
 * It works by swapping the global constructors for counting subclasses while
 * `fn` runs (library code looks `Float64Array` up on the global object at call
 * time) and by wrapping the prototype methods that copy.
 */
type TypedCtor = Float64ArrayConstructor | Float32ArrayConstructor | Int32ArrayConstructor;
const NAMES = ["Float64Array", "Float32Array", "Int32Array"] as const;
const COPYING = ["slice", "map", "filter", "toSorted", "toReversed", "with"] as const;

export async function countTypedArrays<T>(fn: () => T | Promise<T>): Promise<{ count: number; bytes: number; result: T }> {
  let count = 0, bytes = 0;
  const g = globalThis as unknown as Record<string, TypedCtor>;
  const saved: { name: string; ctor: TypedCtor; methods: [string, unknown][] }[] = [];
  for (const name of NAMES) {
    const Orig = g[name];
    const Counting = class extends (Orig as Float64ArrayConstructor) {
      // Arrays made before the swap still pass `x instanceof Float64Array`.
      static [Symbol.hasInstance](v: unknown): boolean {
        return v instanceof (Orig as Float64ArrayConstructor);
      }
      constructor(...args: unknown[]) {
        super(...(args as []));
        // A view onto an existing buffer allocates no storage.
        if (!(args[0] instanceof ArrayBuffer)) { count++; bytes += this.byteLength; }
      }
    };
    const methods: [string, unknown][] = [];
    const proto = Orig.prototype as unknown as Record<string, (...a: unknown[]) => ArrayBufferView>;
    for (const m of COPYING) {
      const original = proto[m];
      if (typeof original !== "function") continue;
      methods.push([m, original]);
      proto[m] = function (this: ArrayBufferView, ...a: unknown[]) {
        const r = original.apply(this, a);
        count++; bytes += r.byteLength;
        return r;
      };
    }
    saved.push({ name, ctor: Orig, methods });
    g[name] = Counting as unknown as TypedCtor;
  }
  try {
    const result = await fn();
    return { count, bytes, result };
  } finally {
    for (const { name, ctor, methods } of saved) {
      g[name] = ctor;
      const proto = ctor.prototype as unknown as Record<string, unknown>;
      for (const [m, f] of methods) proto[m] = f;
    }
  }
}
