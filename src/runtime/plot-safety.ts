/**
 * What the page lets a cell's plot turn into attributes. A plot description
 * is the cell's data; Observable Plot turns some of it into attributes of
 * SVG elements, and one of those runs code: a mark's `href` channel becomes
 * an `<a href>`, where a `javascript:` URL would run with the page's DOM and
 * storage. So, before Plot sees a description:
 *
 *  - every `href` value (an array, or a field name read from the data) is
 *    allow-listed: http(s), mailto, a fragment or a relative URL, resolved
 *    against the page; anything else becomes no link;
 *  - `className` keeps only class-name characters;
 *  - any other string option carrying `url(` or a script scheme (CSS paint
 *    that would fetch from elsewhere, a `style` with `url(...)`) is dropped;
 *  - mark counts and data lengths are clamped again on the page side
 *    (`plot-spec.ts` samples in the worker; the page checks, it does not trust).
 *
 * Text channels (`title`, `text`, `ariaLabel`, …) stay: Plot writes them as
 * text or plain attribute values, which cannot run anything. Pure, no DOM.
 */
import { MAX_MARKS, markPointLimit, type MarkData, type PlotData } from "./plot-spec.ts";

const SAFE_SCHEMES = new Set(["http:", "https:", "mailto:"]);
const SCRIPTY = /url\s*\(|^\s*(?:javascript|vbscript|data)\s*:/i;

/** `value` as a link the page may render, resolved against `base`, or null. */
export function safeUrl(value: unknown, base: string): string | null {
  if (typeof value !== "string" || value.length > 2048) return null;
  if (value.startsWith("#")) return value;
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return null;
  }
  return SAFE_SCHEMES.has(url.protocol) ? url.href : null;
}

/** A copy of `spec` that is safe to hand to Observable Plot (see the module comment). */
export function safePlotData(spec: PlotData, base: string): PlotData {
  const { marks, sampled, ...rest } = spec;
  const out: PlotData = { ...(scrub(rest, 0) as Record<string, unknown>), marks: [] };
  if (sampled) out.sampled = sampled;
  for (const m of marks.slice(0, MAX_MARKS)) out.marks.push(safeMark(m, base));
  return out;
}

function safeMark(m: MarkData, base: string): MarkData {
  const limit = markPointLimit(m.mark);
  const data = m.data === null ? null : m.data.slice(0, limit);
  const options = scrub(m.options, 0) as Record<string, unknown>;
  const href = m.options.href;
  if (Array.isArray(href)) options.href = href.slice(0, limit).map((v) => safeUrl(v, base));
  else if (typeof href === "string" && data) options.href = data.map((d) => safeUrl(field(d, href), base));
  for (const k of Object.keys(options)) if (Array.isArray(options[k]) && (options[k] as unknown[]).length > limit) options[k] = (options[k] as unknown[]).slice(0, limit);
  return { mark: m.mark, data, options };
}

function field(d: unknown, name: string): unknown {
  return d && typeof d === "object" && Object.hasOwn(d, name) ? (d as Record<string, unknown>)[name] : undefined;
}

/** Options with script-capable strings dropped and class names cleaned. */
function scrub(v: unknown, depth: number, key = ""): unknown {
  if (typeof v === "string") {
    if (key === "className") return v.replace(/[^\w -]/g, "");
    return SCRIPTY.test(v) ? undefined : v;
  }
  if (!v || typeof v !== "object" || v instanceof Date || depth > 8) return v;
  if (Array.isArray(v)) return v.map((x) => scrub(x, depth + 1, key));
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    if (k === "href" || k === "xlink:href" || k === "src") continue; // links only through the allow-listed channel
    const s = scrub(x, depth + 1, k);
    if (s !== undefined) out[k] = s;
  }
  return out;
}
