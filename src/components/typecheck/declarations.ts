/**
 * Build time (Node): the declaration files the in-browser type checker needs,
 * as one map from virtual path to text.
 *
 *  - `/nn/*.d.ts`: emitted from src/nn by the TypeScript 5 compiler, so the
 *    editor's types and doc comments are the library's own and never drift;
 *  - `/nn/cell.d.ts`: what `import … from "nn"` means in a cell: every export
 *    of the library that the runtime's cell namespace (cell-nn.ts) carries,
 *    plus the library's types;
 *  - `/lib/lib.*.d.ts`: the ECMAScript library the cells run against (ES2023,
 *    the project's target), with the files it references.
 *
 * The order of the map is fixed (sorted), so a build is reproducible.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import ts from "typescript5";
import { CELL_ENV_DTS } from "./cell-env.ts";

/** The ECMAScript library cells are checked against. */
export const CELL_LIB = "es2023";

/** Path → declaration text. */
export type DeclarationFiles = Record<string, string>;

/**
 * Declarations of the nn library at `nnDir` (its index.ts is the entry).
 * `cellExports` are the value names a cell's `nn` module really has; values
 * the library exports beyond them (runtime-owned hooks) are left out of
 * `/nn/cell.d.ts`.
 */
export function nnDeclarations(nnDir: string, cellExports: readonly string[]): DeclarationFiles {
  const entry = join(nnDir, "index.ts");
  const options: ts.CompilerOptions = {
    declaration: true,
    emitDeclarationOnly: true,
    allowImportingTsExtensions: true,
    target: ts.ScriptTarget.ES2023,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    skipLibCheck: true,
    types: [],
    lib: [`lib.${CELL_LIB}.d.ts`],
    rootDir: nnDir,
    outDir: "/nn",
  };
  // The library sees the same host globals (timers, performance) as the cells.
  const envPath = join(nnDir, "__cell-env__.d.ts");
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, ...rest) =>
    name === envPath ? ts.createSourceFile(name, CELL_ENV_DTS, lang) : getSourceFile(name, lang, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name === envPath || fileExists(name);
  const program = ts.createProgram([entry, envPath], options, host);
  const out: DeclarationFiles = {};
  const emitted = program.emit(undefined, (name, text) => {
    out[name] = text;
  });
  // Only what the declarations depend on: the bodies are type-checked by the project's own tsc against the full
  // host libraries, while this program sees only the cells' ECMAScript library (a body may use the host's
  // WebAssembly, Blob or DecompressionStream without that reaching any exported type).
  const problems = [...program.getSyntacticDiagnostics(), ...program.getOptionsDiagnostics(), ...program.getDeclarationDiagnostics(), ...emitted.diagnostics];
  if (problems.length) {
    throw new Error(`nn declarations: ${ts.formatDiagnostics(problems, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => nnDir, getNewLine: () => "\n" })}`);
  }

  // The cell module: the library's exports minus values a cell does not get.
  const checker = program.getTypeChecker();
  const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
  const cell = new Set(cellExports);
  const names: string[] = [];
  for (const sym of checker.getExportsOfModule(moduleSymbol)) {
    const target = sym.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(sym) : sym;
    const isValue = (target.flags & ts.SymbolFlags.Value) !== 0;
    if (isValue && !cell.has(sym.name)) continue;
    names.push(sym.name);
  }
  const missing = cellExports.filter((n) => !names.includes(n));
  if (missing.length) throw new Error(`nn declarations: the cell module exports ${missing.join(", ")}, which the library does not declare`);
  names.sort();
  out["/nn/cell.d.ts"] =
    `/** The nn library as cells import it. */\nexport {\n${names.map((n) => `  ${n},\n`).join("")}} from "./index.ts";\n`;
  return sortKeys(out);
}

/** The TypeScript library files for `lib` and everything they reference, under /lib/. */
export function libDeclarations(lib = CELL_LIB): DeclarationFiles {
  const dir = dirname(createRequire(import.meta.url).resolve("typescript5/lib/lib.d.ts"));
  const out: DeclarationFiles = {};
  const visit = (name: string): void => {
    const file = `lib.${name}.d.ts`;
    if (`/lib/${file}` in out) return;
    const text = readFileSync(join(dir, file), "utf8");
    out[`/lib/${file}`] = text;
    for (const ref of ts.preProcessFile(text, true, true).libReferenceDirectives) visit(ref.fileName.toLowerCase());
  };
  visit(lib);
  return sortKeys(out);
}

function sortKeys(files: DeclarationFiles): DeclarationFiles {
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
