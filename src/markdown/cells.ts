/**
 * Turns fenced code marked as a cell into the `<Cell>` component.
 *
 * Authors write plain fenced TypeScript (react.dev style), so a chapter reads
 * well as Markdown and its code can be checked in CI:
 *
 *     ```ts cell id=forward-pass timeout=600 silent
 *     const z = x * w + b;
 *     ```
 *
 * Keys: `id` (required, unique in the chapter, used to save the reader's
 * edits), `timeout` (seconds, for long training cells), `silent` (do not
 * display the last expression). Anything else fails the build: a typo in
 * cell metadata must not silently lose a reader's saved edits or a time limit.
 */
import { defineMdastPlugin, type PluginFactoryContext } from "satteri";

/** Parsed cell metadata. */
export interface CellMeta {
  id: string;
  timeoutSeconds?: number;
  silent: boolean;
}

const KNOWN = ["id", "timeout", "silent"];
const ID = /^[a-z0-9][a-z0-9-]*$/;

/**
 * Parses the info string after the language (`cell id=x timeout=60 silent`).
 * Returns null when the block is not a cell; throws on bad metadata.
 */
export function parseCellMeta(lang: string | null | undefined, meta: string | null | undefined): CellMeta | null {
  const words = (meta ?? "").trim().split(/\s+/).filter(Boolean);
  if (!words.includes("cell")) return null;
  if (lang !== "ts" && lang !== "typescript") {
    throw new Error(`cell metadata: cells must be TypeScript (\`\`\`ts cell …), got language ${JSON.stringify(lang ?? "")}`);
  }
  const out: Partial<CellMeta> & { silent: boolean } = { silent: false };
  for (const word of words) {
    if (word === "cell") continue;
    const eq = word.indexOf("=");
    const key = eq === -1 ? word : word.slice(0, eq);
    const value = eq === -1 ? undefined : word.slice(eq + 1);
    if (!KNOWN.includes(key)) throw new Error(`cell metadata: unknown key ${JSON.stringify(key)} (known: ${KNOWN.join(", ")})`);
    if (key === "silent") {
      if (value !== undefined) throw new Error(`cell metadata: silent takes no value, got ${JSON.stringify(value)}`);
      out.silent = true;
    } else if (key === "id") {
      if (!value || !ID.test(value)) throw new Error(`cell metadata: bad id ${JSON.stringify(value ?? "")} (use lowercase letters, digits and dashes)`);
      out.id = value;
    } else if (key === "timeout") {
      const seconds = Number(value);
      if (!value || !Number.isFinite(seconds) || seconds <= 0) throw new Error(`cell metadata: bad timeout ${JSON.stringify(value ?? "")} (seconds, > 0)`);
      out.timeoutSeconds = seconds;
    }
  }
  if (!out.id) throw new Error(`cell metadata: a cell needs an id (\`\`\`ts cell id=my-cell)`);
  return out as CellMeta;
}

function attr(name: string, value: string | number | boolean) {
  return { type: "mdxJsxAttribute" as const, name, value: typeof value === "string" ? value : JSON.stringify(value) };
}

/** The mdast plugin: each cell code block becomes `<Cell id code timeout silent index />`. */
export function cellsPlugin(doc: PluginFactoryContext) {
  const seen = new Set<string>();
  const file = doc.fileURL?.pathname ?? "a chapter";
  let index = 0;
  return defineMdastPlugin({
    name: "course-cells",
    code(node) {
      let meta: CellMeta | null;
      try {
        meta = parseCellMeta(node.lang, node.meta);
      } catch (err) {
        throw new Error(`${(err as Error).message} in ${file}`);
      }
      if (!meta) return;
      if (seen.has(meta.id)) throw new Error(`cell metadata: duplicate cell id ${JSON.stringify(meta.id)} in ${file}`);
      seen.add(meta.id);
      const attributes = [attr("id", meta.id), attr("code", node.value), attr("index", String(index++))];
      if (meta.timeoutSeconds) attributes.push(attr("timeout", String(meta.timeoutSeconds)));
      if (meta.silent) attributes.push(attr("silent", "true"));
      return { type: "mdxJsxFlowElement", name: "Cell", attributes, children: [] };
    },
  });
}
