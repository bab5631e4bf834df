/**
 * The runtime/UI message catalogue (src/i18n/messages/*.ts): every entry has
 * both languages, each says something, the Chinese is Chinese, and no
 * component or main-thread runtime file puts an English sentence in front of
 * a reader without going through the catalogue.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { LANGS } from "../../src/i18n/lang.ts";

const ROOT = join(import.meta.dirname, "../..");
const MESSAGES = join(ROOT, "src/i18n/messages");
const CJK = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/;

/**
 * Parameters to call a message with. By default every parameter is a Number
 * object: it prints as "1", compares and does arithmetic as 1 and has
 * toFixed/toLocaleString, so it stands in for numbers and strings alike.
 * Messages whose parameters are lists or closed sets of codes get theirs here.
 */
const SAMPLES: Record<string, object> = {
  "cell.cellList": { cells: ["cell 1", "cell 2"] },
  "cell.saveFailure": { reason: "quota" },
  "controls.pointsByClass": { n: 3, counts: [1, 2] },
  "controls.preset": { name: "spiral" },
  "output.pointsShown": { marks: [{ shown: 2000, total: 5000, mark: "dot" }] },
  "progress.storageReason": { reason: "full" },
};
const anyParams = new Proxy({}, { get: (_, key) => (typeof key === "symbol" ? undefined : new Number(1)) });

async function catalogue(): Promise<{ key: string; entry: Record<string, unknown> }[]> {
  const out: { key: string; entry: Record<string, unknown> }[] = [];
  for (const file of readdirSync(MESSAGES).filter((f) => f.endsWith(".ts")).sort()) {
    const mod = (await import(join(MESSAGES, file))) as Record<string, unknown>;
    for (const [name, entry] of Object.entries(mod)) out.push({ key: `${file.replace(/\.ts$/, "")}.${name}`, entry: entry as Record<string, unknown> });
  }
  return out;
}

/** One language's text of an entry (called with its sample parameters when it is a function). */
function text(key: string, entry: Record<string, unknown>, lang: string): unknown {
  const v = entry[lang];
  return typeof v === "function" ? v(SAMPLES[key] ?? anyParams) : v;
}

describe("the message catalogue", () => {
  it("has message files", () => {
    expect(readdirSync(MESSAGES).filter((f) => f.endsWith(".ts")).length).toBeGreaterThanOrEqual(8);
  });

  it("every entry has a non-empty text in every language, and the Chinese is Chinese", async () => {
    const entries = await catalogue();
    expect(entries.length).toBeGreaterThan(100);
    const bad: string[] = [];
    for (const { key, entry } of entries) {
      if (!entry || typeof entry !== "object") {
        bad.push(`${key}: not a message (export only msg(…) entries from a messages file)`);
        continue;
      }
      for (const lang of LANGS) {
        let s: unknown;
        try {
          s = text(key, entry, lang);
        } catch (e) {
          bad.push(`${key} [${lang}]: threw ${String(e)} (add sample parameters to SAMPLES)`);
          continue;
        }
        if (typeof s !== "string" || s.trim() === "") bad.push(`${key} [${lang}]: empty or not a string (${JSON.stringify(s)})`);
        // Chinese, or no words at all (a number's format such as "31%").
        else if (lang === "zh-CN" && !CJK.test(s) && /[A-Za-z]/.test(s)) bad.push(`${key} [zh-CN]: no Chinese in ${JSON.stringify(s)}`);
      }
      const extra = Object.keys(entry).filter((k) => !(LANGS as readonly string[]).includes(k));
      if (extra.length) bad.push(`${key}: unknown languages ${extra.join(", ")}`);
    }
    expect(bad).toEqual([]);
  });

  it("English and Chinese differ wherever a sentence is said", async () => {
    const same = (await catalogue()).filter(({ key, entry }) => text(key, entry, "en") === text(key, entry, "zh-CN")).map((e) => e.key);
    expect(same).toEqual([]);
  });
});

// ---- no English sentence outside the catalogue ----------------------------------------

/**
 * Where a string becomes something a reader sees or hears. Each pattern ends
 * where the shown expression starts: `=`/`:` (the rest of the statement) or
 * `(` (the first argument).
 */
const SINKS: RegExp[] = [
  /\.(?:textContent|title|placeholder|alt)\s*=(?!=)/g,
  /setAttribute\(\s*"(?:aria-label|aria-roledescription|aria-valuetext|title|placeholder|alt)"\s*,/g,
  /\b(?:textContent|label):(?!:)/g,
  /\b(?:createTextNode|setCustomValidity|confirm|alert|say|#say|#note|notify)\(/g,
  /\bel\(\s*"[a-z0-9]+"\s*,\s*[^,()]*,/g,
  // A cell's status line and the notebook's progress line.
  /\bsetState\(\s*"[a-z]+"\s*,/g,
  /#showProgress\(/g,
];

/**
 * The expression starting at `from`: up to the first `,` `)` `]` `}` or `;`
 * outside brackets and strings (a call's first argument, an assignment's value).
 */
function expressionAt(code: string, from: number): string {
  let depth = 0;
  for (let i = from; i < code.length; i++) {
    const c = code[i];
    if (c === '"' || c === "'" || c === "`") {
      for (i++; i < code.length && code[i] !== c; i++) if (code[i] === "\\") i++;
      continue;
    }
    if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") {
      if (depth === 0) return code.slice(from, i);
      depth--;
    } else if ((c === "," || c === ";") && depth === 0) return code.slice(from, i);
  }
  return code.slice(from);
}

/** String literals of an expression that can be shown: not compared against, `${…}` parts removed. */
function literals(expr: string): string[] {
  const shown = expr.replace(/(?:===|!==)\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/g, "").replace(/("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')\s*(?:===|!==)/g, "");
  const out: string[] = [];
  for (const m of shown.matchAll(/"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\]|\\.)*)`/g)) {
    out.push((m[1] ?? m[2] ?? m[3] ?? "").replace(/\$\{[^}]*\}/g, ""));
  }
  return out;
}

/** Reader-visible English: a word of three Latin letters or more. */
const ENGLISH = /[A-Za-z]{3,}/;

/** Literals that may stay, each with its reason. Keyed "file: literal". */
const ALLOWED: Record<string, string> = {
  "src/runtime/kernel-frame.ts: cell runtime (no content)": "title of an aria-hidden, unfocusable frame: no reader ever meets it (axe wants frames titled)",
  "src/components/render-output.ts: <cell>": "stands for an anonymous function in a stack frame, like a compiler's notation",
  "src/components/digit-pad.ts: Error": "an error's name (the platform's word) when a thrown value has none",
  "src/components/render-output.ts: plot: ": "prefixes Plot's own error message, as an error's name would",
};

/** Files another catalogue area owns and converts (remove once its branch is merged). */
const OTHER_AREAS = new Set(["src/components/exercise-client.ts"]);

function scanFiles(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : d.name.endsWith(".ts") ? [join(dir, d.name)] : []));
  const components = walk(join(ROOT, "src/components"));
  const runtime = ["host.ts", "browser.ts", "kernel-frame.ts", "log-view.ts", "crash.ts", "storage.ts"].map((f) => join(ROOT, "src/runtime", f));
  return [...components, ...runtime].map((f) => relative(ROOT, f)).filter((f) => !OTHER_AREAS.has(f));
}

/** English literals that reach a sink in `source`, as "file: literal". */
export function englishAtSinks(file: string, source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  const found: string[] = [];
  for (const sink of SINKS) {
    for (const m of code.matchAll(sink)) {
      for (const lit of literals(expressionAt(code, m.index + m[0].length))) if (ENGLISH.test(lit)) found.push(`${file}: ${lit}`);
    }
  }
  return found.filter((f) => !(f in ALLOWED));
}

describe("reader-visible text comes from the catalogue", () => {
  it("no component or main-thread runtime file puts an English literal in front of a reader", () => {
    const files = scanFiles();
    expect(files.length).toBeGreaterThan(20);
    const found = files.flatMap((f) => englishAtSinks(f, readFileSync(join(ROOT, f), "utf8")));
    expect(found).toEqual([]);
  });

  it("finds a planted violation of each kind", () => {
    const planted = [
      `status.textContent = "running";`,
      `node.textContent = ok ? t(m.done, lang) : "failed";`,
      `b.title = \`Run \${name}\`;`,
      `box.setAttribute("aria-label", "Inputs");`,
      `Object.assign(p, { textContent: "lines dropped" });`,
      `label.append(document.createTextNode("Start from: "));`,
      `this.#say("Cleared. Draw a digit.");`,
      `cell.notify("Your edit was not saved", []);`,
      `[{ label: "Keep mine", run }]`,
      `box.append(el("p", "note", "The cell ran anyway"));`,
      `input.placeholder = "Type here";`,
      `if (!confirm("Forget everything?")) return;`,
      `rest.setState("skipped", \`(\${label} did not finish)\`);`,
      `this.#showProgress(\`Running \${label}\`, k, n);`,
    ];
    for (const line of planted) expect(englishAtSinks("planted.ts", line), line).toHaveLength(1);
    // And what the catalogue produces passes.
    expect(englishAtSinks("fine.ts", `status.textContent = t(cellMsg.doneIn, lang, { time });\nb.textContent = p ? p[d].toFixed(3) : "–";`)).toEqual([]);
  });

  it("the allow-list names only literals that still exist", () => {
    for (const key of Object.keys(ALLOWED)) {
      const [file, lit] = [key.slice(0, key.indexOf(": ")), key.slice(key.indexOf(": ") + 2)];
      expect(readFileSync(join(ROOT, file), "utf8"), key).toContain(lit);
    }
  });
});
