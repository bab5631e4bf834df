/**
 * The cell worker transpiles TypeScript with sucrase's "typescript" transform
 * only (src/runtime/transpile.ts), but sucrase's RootTransformer imports every
 * transform it has — JSX, Flow, CommonJS imports, Jest hoisting, React display
 * names and hot loading — so all of them ship in the worker bundle. This Vite
 * plugin, used for the worker build only, swaps those six modules for a class
 * that throws if it is ever constructed: a transform the course does not ask
 * for would fail loudly rather than silently. Node (tests, headless runs) keeps
 * the whole package. `npm run bench` prints the worker's gzip size.
 */
import type { Plugin } from "vite";

const UNUSED = /^\.\/(CJSImportTransformer|FlowTransformer|JSXTransformer|JestHoistTransformer|ReactDisplayNameTransformer|ReactHotLoaderTransformer)(\.js)?$/;
const PREFIX = "\0sucrase-unused:";

export function trimSucrase(): Plugin {
  return {
    name: "course-trim-sucrase",
    enforce: "pre",
    resolveId(source, importer) {
      if (!importer || !/[\\/]sucrase[\\/]dist[\\/]esm[\\/]transformers[\\/]RootTransformer\.js$/.test(importer)) return null;
      const m = UNUSED.exec(source);
      return m ? PREFIX + m[1] : null;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const name = id.slice(PREFIX.length);
      return `export default class Unused${name} { constructor() { throw new Error(${JSON.stringify(`sucrase: the ${name} is not part of the course's transpiler (only the typescript transform is)`)}); } }`;
    },
  };
}
