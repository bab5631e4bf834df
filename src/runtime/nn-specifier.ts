/**
 * Node: lets modules loaded by Node's own loader (the exercise files the
 * headless grader imports) write `import { Matrix } from "nn"`, exactly as
 * cells do. Vite (astro.config.mjs) and vitest (vitest.config.ts) map the
 * specifier with an alias; Node's loader gets this synchronous resolve hook.
 * Both map it to the library's public entry, so an exercise and the kernel
 * share one instance of the library (`instanceof Matrix` holds across them).
 */
import { registerHooks } from "node:module";

/** The file `"nn"` stands for. */
export const NN_ENTRY = new URL("../nn/index.ts", import.meta.url).href;

let registered = false;

/** Installs the hook in this thread (once). */
export function registerNnSpecifier(): void {
  if (registered) return;
  registered = true;
  registerHooks({
    resolve(specifier, context, nextResolve) {
      return nextResolve(specifier === "nn" ? NN_ENTRY : specifier, context);
    },
  });
}
