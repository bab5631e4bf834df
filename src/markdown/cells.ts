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
 * edits and as the cell's anchor `#cell-<id>`), `timeout` (seconds, for long
 * training cells), `silent` (do not display the last expression),
 * `fold="one-line summary"` (show the summary and fold the code away, for
 * long helper cells that come before the idea). Anything else fails the
 * build: a typo in cell metadata must not silently lose a reader's saved
 * edits or a time limit.
 */
import { defineMdastPlugin, type PluginFactoryContext } from "satteri";

/** Parsed cell metadata. */
export interface CellMeta {
  id: string;
  timeoutSeconds?: number;
  silent: boolean;
  /** One-line summary shown instead of the code, which is folded away until the reader opens it. */
  fold?: string;
}

const KNOWN = ["id", "timeout", "silent", "fold"];
const ID = /^[a-z0-9][a-z0-9-]*$/;
/** Ids whose anchor `cell-<id>` is already an element id of the page (the editor's hint in cell-view.ts). */
const RESERVED_IDS = ["code-hint"];
const MAX_FOLD = 120;

/**
 * Splits an info string into words; a value may be double-quoted to hold
 * spaces (`fold="plotting helpers"`). Throws on an unterminated quote.
 */
function words(meta: string): { key: string; value?: string }[] {
  const out: { key: string; value?: string }[] = [];
  let i = 0;
  while (i < meta.length) {
    while (i < meta.length && /\s/.test(meta[i])) i++;
    if (i >= meta.length) break;
    let j = i;
    while (j < meta.length && !/[\s=]/.test(meta[j])) j++;
    const key = meta.slice(i, j);
    if (meta[j] !== "=") {
      out.push({ key });
      i = j;
      continue;
    }
    j++;
    if (meta[j] === '"') {
      const end = meta.indexOf('"', j + 1);
      if (end === -1) throw new Error(`cell metadata: unterminated quote in ${key}=${meta.slice(j)}`);
      out.push({ key, value: meta.slice(j + 1, end) });
      i = end + 1;
    } else {
      let k = j;
      while (k < meta.length && !/\s/.test(meta[k])) k++;
      out.push({ key, value: meta.slice(j, k) });
      i = k;
    }
  }
  return out;
}

/**
 * Parses the info string after the language (`cell id=x timeout=60 silent`).
 * Returns null when the block is not a cell; throws on bad metadata.
 */
export function parseCellMeta(lang: string | null | undefined, meta: string | null | undefined): CellMeta | null {
  const parts = words(meta ?? "");
  if (!parts.some((w) => w.key === "cell" && w.value === undefined)) return null;
  if (lang !== "ts" && lang !== "typescript") {
    throw new Error(`cell metadata: cells must be TypeScript (\`\`\`ts cell …), got language ${JSON.stringify(lang ?? "")}`);
  }
  const out: Partial<CellMeta> & { silent: boolean } = { silent: false };
  for (const { key, value } of parts) {
    if (key === "cell" && value === undefined) continue;
    if (!KNOWN.includes(key)) throw new Error(`cell metadata: unknown key ${JSON.stringify(key)} (known: ${KNOWN.join(", ")})`);
    if (key === "silent") {
      if (value !== undefined) throw new Error(`cell metadata: silent takes no value, got ${JSON.stringify(value)}`);
      out.silent = true;
    } else if (key === "id") {
      if (!value || !ID.test(value)) throw new Error(`cell metadata: bad id ${JSON.stringify(value ?? "")} (use lowercase letters, digits and dashes)`);
      if (RESERVED_IDS.includes(value)) throw new Error(`cell metadata: id ${JSON.stringify(value)} is reserved (its anchor cell-${value} is taken)`);
      out.id = value;
    } else if (key === "timeout") {
      const seconds = Number(value);
      if (!value || !Number.isFinite(seconds) || seconds <= 0) throw new Error(`cell metadata: bad timeout ${JSON.stringify(value ?? "")} (seconds, > 0)`);
      out.timeoutSeconds = seconds;
    } else if (key === "fold") {
      const summary = (value ?? "").trim();
      if (!summary || summary.length > MAX_FOLD) {
        throw new Error(`cell metadata: fold needs a one-line summary in quotes, up to ${MAX_FOLD} characters (fold="plotting helpers"), got ${JSON.stringify(value ?? "")}`);
      }
      out.fold = summary;
    }
  }
  if (!out.id) throw new Error(`cell metadata: a cell needs an id (\`\`\`ts cell id=my-cell)`);
  return out as CellMeta;
}

function attr(name: string, value: string | number | boolean) {
  return { type: "mdxJsxAttribute" as const, name, value: typeof value === "string" ? value : JSON.stringify(value) };
}

/** The mdast plugin: each cell code block becomes `<Cell id code timeout silent fold index />`. */
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
      if (meta.fold) attributes.push(attr("fold", meta.fold));
      return { type: "mdxJsxFlowElement", name: "Cell", attributes, children: [] };
    },
  });
}
