/**
 * The type checker: TypeScript 5's language service over an in-memory file
 * system (lib files, the nn declarations, the cell globals, the cells). Pure:
 * no DOM, no worker API, so the same code runs in the checker's Web Worker and
 * in Node tests. Every request carries the documents it is about (a page's
 * cells up to the one asked about, or one exercise), so the service holds no
 * state a client must keep in step; unchanged text keeps its version and the
 * language service reuses its work.
 */
import ts from "typescript5";
import { CELL_GLOBALS_DTS } from "../../runtime/cell-globals.ts";
import { CELL_ENV_DTS } from "./cell-env.ts";
import { CELL_LIB, type DeclarationFiles } from "./declarations.ts";
import { plainHint } from "./friendly.ts";
import type { Lang } from "../../i18n/lang.ts";
import { pageFiles, topLevelNames, type CellFile, type CheckDoc } from "./page-scope.ts";

/** What to check: one page's cells in page order, or one exercise on its own. */
export interface CheckRequest {
  /** `page`: cells share the scope of the cells above; `alone`: one document, nothing inherited (exercises). */
  scope: "page" | "alone";
  /** For `page`: the cells from the top down to and including `target`; for `alone`: just the target. */
  docs: CheckDoc[];
  target: string;
  /** The page's language, for the plain hints (TypeScript's own messages stay English). */
  lang?: Lang;
}

/** A type error (or warning) in the reader's code, positioned in the cell. */
export interface CellDiagnostic {
  from: number;
  to: number;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  severity: "error" | "warning";
  /** TypeScript's message (first line of the chain, then the rest indented). */
  message: string;
  /** One plain sentence on what to change, for the course's common cases. */
  hint: string | null;
  code: number;
}

export interface CompletionItem {
  name: string;
  kind: string;
  sortText: string;
  insertText?: string;
}

export interface Completions {
  /** Offset where the word being completed starts. */
  from: number;
  items: CompletionItem[];
}

export interface DocInfo {
  /** The signature or type, as TypeScript prints it. */
  signature: string;
  /** The TSDoc summary (and tags as plain text). */
  doc: string;
}

export interface QuickInfo extends DocInfo {
  from: number;
  to: number;
}

export interface SignatureHelp {
  /** Printed signature split around the active parameter, so a view can emphasise it. */
  before: string;
  active: string;
  after: string;
  doc: string;
  /** Which signature of an overloaded function (1-based) and how many there are; null when there is one. */
  overload: { k: number; n: number } | null;
}

export const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2023,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  moduleDetection: ts.ModuleDetectionKind.Force,
  strict: true,
  noEmit: true,
  allowImportingTsExtensions: true,
  skipLibCheck: true,
  types: [],
  baseUrl: "/",
  paths: { nn: ["/nn/cell.d.ts"] },
};

const ENV_FILES = { "/env/cell-env.d.ts": CELL_ENV_DTS, "/env/cell-globals.d.ts": CELL_GLOBALS_DTS };

export interface CheckService {
  diagnostics(req: CheckRequest): CellDiagnostic[];
  completions(req: CheckRequest, pos: number): Completions | null;
  completionInfo(req: CheckRequest, pos: number, name: string): DocInfo | null;
  quickInfo(req: CheckRequest, pos: number): QuickInfo | null;
  signatureHelp(req: CheckRequest, pos: number): SignatureHelp | null;
}

/**
 * A service over `declarations` (the nn and lib files from declarations.ts).
 *
 * Longer than the project's ~120-line guide on purpose: it is the five-method object of {@link CheckService}
 * written as one closure over a single TypeScript language service and its in-memory files, in the shape
 * TypeScript's own examples use; each method is a few lines that map a cell position to the service and back.
 * Splitting it would pass that shared state between files for no gain in reading.
 */
export function createCheckService(declarations: DeclarationFiles): CheckService {
  const files = new Map<string, { text: string; version: number; snapshot: ts.IScriptSnapshot }>();
  const put = (path: string, text: string): void => {
    const old = files.get(path);
    if (old && old.text === text) return;
    files.set(path, { text, version: (old?.version ?? 0) + 1, snapshot: ts.ScriptSnapshot.fromString(text) });
  };
  for (const [p, t] of Object.entries({ ...declarations, ...ENV_FILES })) put(p, t);
  const fixedRoots = Object.keys(ENV_FILES);
  let roots: string[] = [...fixedRoots];
  const dirs = (): Set<string> => {
    const s = new Set<string>();
    for (const p of files.keys()) for (let i = p.lastIndexOf("/"); i > 0; i = p.lastIndexOf("/", i - 1)) s.add(p.slice(0, i));
    return s;
  };
  let dirCache: Set<string> | null = null;

  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => COMPILER_OPTIONS,
    getScriptFileNames: () => roots,
    getScriptVersion: (f) => String(files.get(f)?.version ?? 0),
    getScriptSnapshot: (f) => files.get(f)?.snapshot,
    getCurrentDirectory: () => "/",
    getDefaultLibFileName: () => `/lib/lib.${CELL_LIB}.d.ts`,
    fileExists: (f) => files.has(f),
    readFile: (f) => files.get(f)?.text,
    directoryExists: (d) => d === "/" || (dirCache ??= dirs()).has(d.replace(/\/$/, "")),
    getDirectories: () => [],
    useCaseSensitiveFileNames: () => true,
  };
  const service = ts.createLanguageService(host, ts.createDocumentRegistry(true, "/"));

  /** Puts the request's documents in place; returns the target's file. */
  const sync = (req: CheckRequest): CellFile => {
    // A page's cells share one folder; an exercise is checked on its own.
    const docs = req.scope === "page" ? req.docs : req.docs.filter((d) => d.id === req.target);
    const { cells, scopes } = pageFiles(req.scope === "page" ? "/page" : "/alone", docs);
    for (const c of cells) put(c.path, c.text);
    for (const [p, t] of scopes) put(p, t);
    const target = cells.find((c) => c.id === req.target);
    if (!target) throw new Error(`unknown cell: ${req.target}`);
    roots = [...fixedRoots, ...cells.map((c) => c.path), ...scopes.keys()];
    dirCache = null;
    return target;
  };

  const text = (parts: readonly ts.SymbolDisplayPart[] | undefined): string => ts.displayPartsToString((parts ?? []) as ts.SymbolDisplayPart[]);
  const docText = (doc: readonly ts.SymbolDisplayPart[] | undefined, tags: readonly ts.JSDocTagInfo[] | undefined): string => {
    const body = text(doc);
    const tagLines = (tags ?? []).filter((t) => ["param", "returns", "throws", "example"].includes(t.name)).map((t) => `@${t.name} ${text(t.text)}`);
    return [body, ...tagLines].filter(Boolean).join("\n");
  };

  return {
    diagnostics(req) {
      const file = sync(req);
      const sf = service.getProgram()?.getSourceFile(file.path);
      if (!sf) return [];
      const all = [...service.getSyntacticDiagnostics(file.path), ...service.getSemanticDiagnostics(file.path)];
      const out: CellDiagnostic[] = [];
      let own: Set<string> | null = null;
      for (const d of all) {
        if (d.start === undefined || d.start >= file.codeLength) continue;
        if (d.category !== ts.DiagnosticCategory.Error && d.category !== ts.DiagnosticCategory.Warning) continue;
        const from = d.start;
        const to = Math.min(file.codeLength, from + (d.length ?? 0));
        const { line, character } = sf.getLineAndCharacterOfPosition(from);
        let message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
        let code = d.code;
        // A const from a cell above reaches this cell as an import of the
        // generated scope; say what the reader wrote, not how it is wired.
        const viaScope = /^Cannot assign to '(.+)' because it is an import\.$/.exec(message);
        if (code === 2632 && viaScope && !(own ??= new Set(topLevelNames(file.text.slice(0, file.codeLength)).map((n) => n.name))).has(viaScope[1])) {
          code = 2588;
          message = `Cannot assign to '${viaScope[1]}' because it is a constant.`;
        }
        const related = (d.relatedInformation ?? []).map((r) => ts.flattenDiagnosticMessageText(r.messageText, "\n"));
        out.push({
          from,
          to,
          line: line + 1,
          column: character + 1,
          severity: d.category === ts.DiagnosticCategory.Error ? "error" : "warning",
          message,
          hint: plainHint({ code, message, related }, req.lang),
          code,
        });
      }
      return out.sort((a, b) => a.from - b.from);
    },

    completions(req, pos) {
      const file = sync(req);
      const res = service.getCompletionsAtPosition(file.path, pos, { includeCompletionsWithInsertText: true, includeCompletionsForImportStatements: false });
      if (!res) return null;
      const code = file.text.slice(0, file.codeLength);
      let from = pos;
      while (from > 0 && /[\w$]/.test(code[from - 1])) from--;
      if (res.optionalReplacementSpan && res.optionalReplacementSpan.start <= pos) from = Math.min(from, res.optionalReplacementSpan.start);
      const items = res.entries
        .filter((e) => !e.name.startsWith("__"))
        .map((e) => ({ name: e.name, kind: e.kind, sortText: e.sortText, ...(e.insertText && e.insertText !== e.name ? { insertText: e.insertText } : {}) }));
      return { from, items };
    },

    completionInfo(req, pos, name) {
      const file = sync(req);
      const d = service.getCompletionEntryDetails(file.path, pos, name, {}, undefined, {}, undefined);
      if (!d) return null;
      return { signature: text(d.displayParts), doc: docText(d.documentation, d.tags) };
    },

    quickInfo(req, pos) {
      const file = sync(req);
      if (pos > file.codeLength) return null;
      const q = service.getQuickInfoAtPosition(file.path, pos);
      if (!q) return null;
      return { from: q.textSpan.start, to: q.textSpan.start + q.textSpan.length, signature: text(q.displayParts), doc: docText(q.documentation, q.tags) };
    },

    signatureHelp(req, pos) {
      const file = sync(req);
      const h = service.getSignatureHelpItems(file.path, pos, undefined);
      if (!h || !h.items.length) return null;
      const item = h.items[h.selectedItemIndex] ?? h.items[0];
      const params = item.parameters.map((p) => text(p.displayParts));
      const sep = text(item.separatorDisplayParts);
      const i = Math.min(h.argumentIndex, params.length - 1);
      const prefix = text(item.prefixDisplayParts);
      const suffix = text(item.suffixDisplayParts);
      const active = i >= 0 ? params[i] : "";
      const before = prefix + params.slice(0, Math.max(0, i)).map((p) => p + sep).join("");
      const after = (i >= 0 && i < params.length - 1 ? sep + params.slice(i + 1).join(sep) : "") + suffix;
      const paramDoc = i >= 0 ? text(item.parameters[i].documentation) : "";
      const doc = [text(item.documentation), paramDoc && `${item.parameters[i].name}: ${paramDoc}`].filter(Boolean).join("\n");
      return { before, active, after, doc, overload: h.items.length > 1 ? { k: h.selectedItemIndex + 1, n: h.items.length } : null };
    },
  };
}
