/**
 * The type checker in a cell's editor: squiggles with the message on hover
 * and a count under the cell, completion with signatures and doc comments,
 * hover docs, and signature help while typing arguments. Everything asks the
 * checker's worker (client.ts); nothing here loads TypeScript itself. The
 * worker starts shortly after the editor's first focus, so a page that is
 * only read never downloads it.
 */
import { StateEffect, StateField, type Extension } from "@codemirror/state";
import { EditorView, ViewPlugin, hoverTooltip, showTooltip, type Tooltip, type ViewUpdate } from "@codemirror/view";
import { autocompletion, type Completion, type CompletionContext, type CompletionResult } from "@codemirror/autocomplete";
import { linter, type Diagnostic } from "@codemirror/lint";
import { ask, checkerReady, checkerStarted, scheduleChecker } from "./client.ts";
import type { CellDiagnostic, CheckRequest } from "./service.ts";
import { t } from "../../i18n/message.ts";
import * as tc from "../../i18n/messages/typecheck.ts";
import { pageLang } from "../page-lang.ts";

export interface TypecheckOptions {
  /** The cell's id. */
  id: string;
  /** The count ("2 type errors") goes right after this element. */
  anchor: HTMLElement;
  /** The cells whose names this one sees, in page order; undefined: it stands alone (an exercise). */
  above(): readonly { id: string; code: string }[] | undefined;
}

/** What to check for `code`, this cell's current text. */
function request(opts: TypecheckOptions, code: string): CheckRequest {
  const above = opts.above();
  const docs = [...(above ?? []).map((c) => ({ id: c.id, code: c.code })), { id: opts.id, code }];
  return { scope: above ? "page" : "alone", docs, target: opts.id, lang: pageLang() };
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** "2 type errors", "1 type error". */
export function countText(list: readonly CellDiagnostic[]): string {
  return t(tc.count, pageLang(), { n: list.length });
}

/** The type errors a run starts with, each with its line and column, in the style of runtime errors. */
export function renderTypeErrors(list: readonly CellDiagnostic[]): HTMLElement {
  const box = el("div", "out-typecheck");
  box.setAttribute("role", "alert");
  const lang = pageLang();
  for (const d of list) {
    const text = `${t(tc.typeErrorAt, lang, { line: d.line, column: d.column })}${d.message}${d.hint ? `\n${d.hint}` : ""}`;
    box.append(el("pre", "out-error", text));
  }
  box.append(el("p", "out-typecheck-note", t(tc.ranAnyway, lang)));
  return box;
}

/** Asks an editor's linter to check again although its text did not change (the checker started, a cell above changed). */
const recheck = StateEffect.define<null>();
function recheckView(view: EditorView): void {
  view.dispatch({ effects: recheck.of(null) });
}

/** Editors on this page that check types: a change in one may change what the cells below it see. */
const live = new Set<EditorView>();
// When the checker starts, every open editor checks its code.
void checkerReady().then(() => {
  for (const v of live) recheckView(v);
});
let relintTimer: ReturnType<typeof setTimeout> | undefined;
function relintOthers(changed: EditorView): void {
  clearTimeout(relintTimer);
  relintTimer = setTimeout(() => {
    for (const v of live) if (v !== changed && checkerStarted()) recheckView(v);
  }, 700);
}

const TYPE: Record<string, string> = {
  function: "function",
  "local function": "function",
  method: "method",
  property: "property",
  getter: "property",
  setter: "property",
  class: "class",
  "local class": "class",
  interface: "interface",
  type: "type",
  enum: "enum",
  keyword: "keyword",
  const: "constant",
  let: "variable",
  var: "variable",
  "local var": "variable",
  alias: "variable",
  parameter: "variable",
  module: "namespace",
};

function docNode(signature: string, doc: string): HTMLElement {
  const box = el("div", "cm-ts-doc");
  box.append(el("pre", "cm-ts-signature", signature));
  if (doc) box.append(el("p", "cm-ts-summary", doc));
  return box;
}

function diagnosticNode(d: CellDiagnostic): HTMLElement {
  const box = el("div", "cm-ts-diagnostic");
  box.append(el("p", undefined, d.message));
  if (d.hint) box.append(el("p", "cm-ts-hint", d.hint));
  return box;
}

// ---- signature help: a tooltip at the cursor while it is inside a call's parentheses

const setSignature = StateEffect.define<Tooltip | null>();
const signatureField = StateField.define<Tooltip | null>({
  create: () => null,
  update(tip, tr) {
    for (const e of tr.effects) if (e.is(setSignature)) return e.value;
    if (tip && tr.docChanged) return { ...tip, pos: tr.changes.mapPos(tip.pos) };
    return tip;
  },
  provide: (f) => showTooltip.from(f),
});

function signaturePlugin(opts: TypecheckOptions): Extension {
  return ViewPlugin.fromClass(
    class {
      timer: ReturnType<typeof setTimeout> | undefined;
      seq = 0;
      view: EditorView;
      constructor(view: EditorView) {
        this.view = view;
      }
      waitingForChecker = false;
      update(u: ViewUpdate) {
        if (!u.docChanged && !u.selectionSet) return;
        if (!checkerStarted()) {
          // Typed before the checker started (it starts a second after the first focus): look once it is up,
          // so a call typed quickly still gets its signature.
          if (!this.waitingForChecker) {
            this.waitingForChecker = true;
            void checkerReady().then(() => {
              this.waitingForChecker = false;
              if (this.view.hasFocus) void this.refresh();
            });
          }
          return;
        }
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.refresh(), 120);
      }
      async refresh() {
        const view = this.view;
        const seq = ++this.seq;
        const pos = view.state.selection.main.head;
        const doc = view.state.doc;
        let help = null;
        try {
          help = await ask({ method: "signatureHelp", req: request(opts, doc.toString()), pos });
        } catch {
          help = null;
        }
        if (seq !== this.seq || view.state.doc !== doc) return;
        const current = view.state.field(signatureField);
        if (!help) {
          if (current) view.dispatch({ effects: setSignature.of(null) });
          return;
        }
        const h = help;
        view.dispatch({
          effects: setSignature.of({
            pos,
            above: true,
            create: () => {
              const dom = el("div", "cm-ts-signature-help");
              const sig = el("pre", "cm-ts-signature");
              sig.append(document.createTextNode(h.before), el("strong", undefined, h.active), document.createTextNode(h.after));
              dom.append(sig);
              if (h.overload) dom.append(el("p", "cm-ts-overload", t(tc.overload, pageLang(), h.overload)));
              if (h.doc) dom.append(el("p", "cm-ts-summary", h.doc));
              return { dom };
            },
          }),
        });
      }
      destroy() {
        clearTimeout(this.timer);
      }
    },
  );
}

/** Word characters before the cursor, or the spots where a list of names makes sense with nothing typed. */
function wantsCompletion(ctx: CompletionContext): boolean {
  if (ctx.explicit) return true;
  if (ctx.matchBefore(/[\w$]+$/)) return true;
  if (ctx.matchBefore(/\.$/)) return true;
  // Right after `{` or `,` inside an import's braces.
  const line = ctx.state.doc.lineAt(ctx.pos);
  return /^\s*import\s+(type\s+)?\{[^}]*[{,]\s*$/.test(line.text.slice(0, ctx.pos - line.from));
}

/** The extensions for one editor. */
export function typecheckExtensions(opts: TypecheckOptions): Extension[] {
  const count = el("p", "cell-typecheck");
  count.hidden = true;
  const showCount = (list: readonly CellDiagnostic[]): void => {
    count.hidden = list.length === 0;
    count.textContent = list.length ? countText(list) : "";
    if (!count.isConnected) opts.anchor.after(count);
  };

  const lint = linter(
    async (view) => {
      if (!checkerStarted()) return [];
      const doc = view.state.doc;
      let list: CellDiagnostic[];
      try {
        list = await ask({ method: "diagnostics", req: request(opts, doc.toString()) });
      } catch {
        return [];
      }
      if (view.state.doc !== doc) return [];
      showCount(list);
      return list.map(
        (d): Diagnostic => ({
          from: d.from,
          to: Math.max(d.to, Math.min(d.from + 1, doc.length)),
          severity: d.severity,
          source: "TypeScript",
          message: d.hint ? `${d.message}\n${d.hint}` : d.message,
          renderMessage: () => diagnosticNode(d),
        }),
      );
    },
    { delay: 400, needsRefresh: (u) => u.transactions.some((tr) => tr.effects.some((e) => e.is(recheck))) },
  );

  const completion = autocompletion({
    activateOnTyping: true,
    override: [
      async (ctx: CompletionContext): Promise<CompletionResult | null> => {
        // Ctrl+Space asks for the checker at once; typing waits until it has started (a second after the
        // first focus), then answers, so `Matrix.` typed quickly still gets its members.
        if (!wantsCompletion(ctx)) return null;
        if (!checkerStarted() && !ctx.explicit) {
          scheduleChecker();
          await checkerReady();
          if (ctx.aborted) return null;
        }
        const code = ctx.state.doc.toString();
        let res;
        try {
          res = await ask({ method: "completions", req: request(opts, code), pos: ctx.pos });
        } catch {
          return null;
        }
        if (!res || ctx.aborted) return null;
        const options: Completion[] = res.items.map((item) => ({
          label: item.name,
          type: TYPE[item.kind] ?? "variable",
          apply: item.insertText,
          // TypeScript's ranking (sortText "11" before "15") as CodeMirror boosts.
          boost: -Math.min(99, Number.parseInt(item.sortText, 10) || 0),
          info: async () => {
            const info = await ask({ method: "completionInfo", req: request(opts, code), pos: ctx.pos, name: item.name }).catch(() => null);
            return info ? docNode(info.signature, info.doc) : null;
          },
        }));
        return { from: res.from, options, validFor: /^[\w$]*$/ };
      },
    ],
  });

  const hover = hoverTooltip(async (view, pos) => {
    if (!checkerStarted()) return null;
    const q = await ask({ method: "quickInfo", req: request(opts, view.state.doc.toString()), pos }).catch(() => null);
    if (!q) return null;
    return { pos: q.from, end: q.to, above: true, create: () => ({ dom: docNode(q.signature, q.doc) }) };
  });

  const lifecycle = ViewPlugin.fromClass(
    class {
      view: EditorView;
      constructor(view: EditorView) {
        this.view = view;
        live.add(view);
        // An editor mounted after the checker started (a restored edit, a later cell) checks at once.
        if (checkerStarted()) setTimeout(() => recheckView(view), 0);
      }
      update(u: ViewUpdate) {
        if (u.docChanged) relintOthers(u.view);
        if (u.focusChanged && u.view.hasFocus) scheduleChecker();
      }
      destroy() {
        live.delete(this.view);
      }
    },
  );

  return [lint, completion, hover, signatureField, signaturePlugin(opts), lifecycle];
}

const pendingRun = new WeakMap<HTMLElement, number>();
let runs = 0;

/**
 * Checks `code` for a run and puts its type errors first in `output`. The run
 * does not wait: the block appears when the checker answers (it may still be
 * loading), and stays first even if the run's log arrives later.
 */
export function showTypeErrors(opts: TypecheckOptions, code: string, output: HTMLElement, start: boolean): void {
  const run = ++runs;
  pendingRun.set(output, run);
  if (!checkerStarted() && !start) return;
  scheduleChecker();
  void checkerReady()
    .then(() => ask({ method: "diagnostics", req: request(opts, code) }))
    .catch(() => [])
    .then((list) => {
      if (!list.length || pendingRun.get(output) !== run) return;
      const block = renderTypeErrors(list);
      output.prepend(block);
      const keepFirst = new MutationObserver(() => {
        if (!block.isConnected || pendingRun.get(output) !== run) keepFirst.disconnect();
        else if (output.firstChild !== block) output.prepend(block);
      });
      keepFirst.observe(output, { childList: true });
    });
}
