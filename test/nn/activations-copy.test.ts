// Proposed addition to test/nn/activations.test.ts (A) with activations.patch applied.
import { describe, expect, it } from "vitest";
import { activation, tanh } from "../../src/nn/activations.ts";

describe("built-in activations: dfFromOutput", () => {
  it("is not carried into a modified copy ({ ...tanh, df }), so a layer uses the copy's own df", () => {
    expect(typeof tanh.dfFromOutput).toBe("function");
    expect(({ ...tanh, df: () => 1 } as { dfFromOutput?: unknown }).dfFromOutput).toBeUndefined();
    expect(({ ...activation("relu") } as { dfFromOutput?: unknown }).dfFromOutput).toBeUndefined();
  });
});
