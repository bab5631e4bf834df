/**
 * Build time: serves `virtual:typecheck-declarations`, the declaration files
 * the checker's worker loads (see declarations.ts), generated from src/nn on
 * every build so the editor's types are always the library's.
 */
import { fileURLToPath } from "node:url";
import { readdirSync } from "node:fs";
import { join } from "node:path";

const ID = "virtual:typecheck-declarations";
const RESOLVED = `\0${ID}`;

/** A Vite plugin (typed loosely so this file does not depend on Vite's types). */
export function typecheckDeclarations(): { name: string; enforce: "pre"; resolveId(id: string): string | undefined; load(this: { addWatchFile(f: string): void }, id: string): Promise<string | undefined> } {
  const nnDir = fileURLToPath(new URL("../../nn/", import.meta.url));
  let cached: Promise<string> | null = null;
  return {
    name: "typecheck-declarations",
    enforce: "pre",
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    async load(id) {
      if (id !== RESOLVED) return undefined;
      for (const f of readdirSync(nnDir)) if (f.endsWith(".ts")) this.addWatchFile(join(nnDir, f));
      cached ??= (async () => {
        // Loaded on demand: the compiler is only needed when the worker is bundled.
        const { libDeclarations, nnDeclarations } = await import("./declarations.ts");
        const { cellNn } = await import("../../runtime/cell-nn.ts");
        const files = { ...libDeclarations(), ...nnDeclarations(nnDir, Object.keys(cellNn)) };
        return `export default ${JSON.stringify(files)};\n`;
      })();
      return cached;
    },
  };
}
