/**
 * The page scope: the global object every cell of a page shares. Installs the
 * transpiler's hidden helpers (declare a cell's top-level names on the global,
 * make `const` read-only between runs, resolve `import … from "nn"`) and the
 * globals a cell uses without importing them (`console`, `nn`, `Plot`,
 * `display`, the controls, the wrapped timers, ...).
 */
import { createCellConsole } from "./cell-console.ts";
import { createCellControls } from "./cell-controls.ts";
import { Interrupted } from "./interrupted.ts";
import type { KernelContext } from "./kernel-context.ts";
import { createCellOutput, emitLog, flushLogs } from "./kernel-output.ts";
import { clearTimer, wrapTimer } from "./kernel-timers.ts";
import { createPlot } from "./plot-spec.ts";
import { NN_MODULE } from "./protocol.ts";
import { HELPERS } from "./transpile.ts";

/** Installs the transpiler's helpers and the cell globals on the context's global object. */
export function installCellScope(ctx: KernelContext): void {
  installHelpers(ctx);
  installGlobals(ctx);
}

/** The hidden helpers transpiled cells call (non-enumerable, so a cell's scope listing does not show them). */
function installHelpers(ctx: KernelContext): void {
  const { g, nn, declared } = ctx;
  const importSync = (spec: unknown): unknown => {
    if (spec === NN_MODULE) return nn;
    throw new Error(`unknown module: ${JSON.stringify(String(spec))} (cells can import from "${NN_MODULE}")`);
  };
  const hidden = (name: string, value: unknown): void => {
    Object.defineProperty(g, name, { value, writable: true, configurable: true, enumerable: false });
  };
  hidden(HELPERS.declare, (names: string[]) => {
    for (const n of names) {
      const d = Object.getOwnPropertyDescriptor(g, n);
      if (!d) {
        Object.defineProperty(g, n, { value: undefined, writable: true, configurable: true, enumerable: true });
      } else if (declared.has(n) && !d.writable && d.configurable && !d.get && !d.set) {
        // A cell's own `const` from an earlier run: a re-run redefines it.
        Object.defineProperty(g, n, { value: d.value, writable: true, configurable: true, enumerable: true });
      } else if (!d.configurable && !d.writable && !d.set) {
        throw new TypeError(`cannot redefine the global "${n}"`);
      } else if (d.get && !d.set && d.configurable) {
        Object.defineProperty(g, n, { value: undefined, writable: true, configurable: true, enumerable: true });
      }
      declared.add(n);
    }
  });
  // `const` bindings are read-only between runs, as in a module: `j = 2` throws (cells run in strict mode).
  hidden(HELPERS.freeze, (names: string[]) => {
    for (const n of names) {
      const d = Object.getOwnPropertyDescriptor(g, n);
      if (d && d.configurable && "value" in d) Object.defineProperty(g, n, { value: d.value, writable: false, configurable: true, enumerable: true });
    }
  });
  hidden(HELPERS.define, (fns: Record<string, unknown>) => {
    for (const [k, v] of Object.entries(fns)) g[k] = v;
  });
  hidden(HELPERS.importSync, importSync);
  hidden(HELPERS.importAsync, (spec: unknown) => Promise.resolve().then(() => importSync(spec)));
}

/** The globals a cell uses without importing them. */
function installGlobals(ctx: KernelContext): void {
  const { g, nn } = ctx;
  const defineGlobal = (name: string, value: unknown): void => {
    Object.defineProperty(g, name, { value, writable: true, configurable: true, enumerable: false });
  };
  const { display, progress, progressBar } = createCellOutput(ctx);
  defineGlobal("console", createCellConsole((line) => emitLog(ctx, line), ctx.now));
  defineGlobal("nn", nn);
  defineGlobal("Plot", createPlot());
  defineGlobal("display", display);
  defineGlobal("progress", progress);
  defineGlobal("progressBar", progressBar);
  defineGlobal("Interrupted", Interrupted);
  const controls = createCellControls({
    current: () => (ctx.ambient === null && ctx.active ? ctx.active.controls : null),
    send: (control) => {
      const active = ctx.active;
      if (!active) return;
      flushLogs(ctx, active);
      ctx.post({ type: "control", runId: active.runId, control });
    },
  }, nn as unknown as Parameters<typeof createCellControls>[1]);
  for (const [name, fn] of Object.entries(controls)) defineGlobal(name, fn);
  const clear = clearTimer(ctx);
  defineGlobal("setTimeout", wrapTimer(ctx, "timeout"));
  defineGlobal("setInterval", wrapTimer(ctx, "interval"));
  defineGlobal("clearTimeout", clear);
  defineGlobal("clearInterval", clear);
}
