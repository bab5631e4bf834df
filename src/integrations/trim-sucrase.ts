/**
 * The cell worker transpiles TypeScript with sucrase's "typescript" transform
 * only, without source maps (src/runtime/transpile.ts), but sucrase imports all
 * it has: RootTransformer every transform (JSX, Flow, CommonJS imports, Jest
 * hoisting, React display names and hot loading), and its entry the CommonJS
 * import processor, the source-map builder and a run-time checker of its own
 * options. This Vite plugin, used for the worker build only, swaps those modules
 * for stand-ins that throw if they are ever used — a transform or a source map
 * the course does not ask for fails loudly rather than silently — and skips the
 * options check (transpile.ts passes one fixed, valid set of options). Node
 * (tests, headless runs) keeps the whole package. `npm run bench` prints the
 * worker's gzip size.
 *
 * It also points the parser modules src/runtime/top-level.ts imports by path
 * (`sucrase/dist/parser/…`, sucrase's CommonJS build, which is what Node
 * loads) at the same modules of the ES build the transform uses, so the
 * worker carries one parser, not two.
 */
import type { Plugin } from "vite";

const UNUSED_TRANSFORMS = /^\.\/(CJSImportTransformer|FlowTransformer|JSXTransformer|JestHoistTransformer|ReactDisplayNameTransformer|ReactHotLoaderTransformer)(\.js)?$/;
const UNUSED_IN_ENTRY = /^\.\/(CJSImportProcessor|computeSourceMap|Options)(\.js)?$/;
const PREFIX = "\0sucrase-unused:";

function standIn(name: string): string {
  const message = JSON.stringify(`sucrase: ${name} is not part of the course's transpiler (only the typescript transform, without source maps)`);
  if (name === "Options") return "export function validateOptions() {}"; // one fixed, valid set of options (transpile.ts)
  return `export default function Unused${name}() { throw new Error(${message}); }`;
}

export function trimSucrase(): Plugin {
  return {
    name: "course-trim-sucrase",
    enforce: "pre",
    resolveId(source, importer, options) {
      if (!importer) return null;
      const parserModule = /^sucrase\/dist\/(parser\/.+)$/.exec(source);
      if (parserModule) return this.resolve(`sucrase/dist/esm/${parserModule[1]}`, importer, { ...options, skipSelf: true });
      const file = importer.replace(/\\/g, "/");
      const m = file.endsWith("/sucrase/dist/esm/transformers/RootTransformer.js")
        ? UNUSED_TRANSFORMS.exec(source)
        : file.endsWith("/sucrase/dist/esm/index.js")
          ? UNUSED_IN_ENTRY.exec(source)
          : null;
      return m ? PREFIX + m[1] : null;
    },
    load(id) {
      return id.startsWith(PREFIX) ? standIn(id.slice(PREFIX.length)) : null;
    },
  };
}
