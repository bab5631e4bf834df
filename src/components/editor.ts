/**
 * The cell editor: CodeMirror 6 with TypeScript highlighting, line numbers,
 * bracket matching, undo and the notebook's keys. Loaded lazily (dynamic
 * import) the first time a reader focuses or runs a cell, so a chapter page
 * stays light until someone edits.
 */
import { EditorState, StateEffect, StateField, Prec, RangeSetBuilder } from "@codemirror/state";
import { EditorView, Decoration, keymap, lineNumbers, highlightActiveLine, drawSelection, type DecorationSet } from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { bracketMatching, indentOnInput, syntaxHighlighting, HighlightStyle } from "@codemirror/language";
import { closeBrackets, closeBracketsKeymap } from "@codemirror/autocomplete";
import { javascript } from "@codemirror/lang-javascript";
import { tags as t } from "@lezer/highlight";
import { showTypeErrors, typecheckExtensions, type TypecheckOptions } from "./typecheck/editor-support.ts";
import type { Lang } from "../i18n/lang.ts";
import { t as tr } from "../i18n/message.ts";
import * as editorMsg from "../i18n/messages/editor.ts";
import { pageLang } from "./page-lang.ts";

/** CodeMirror's own phrases (screen-reader announcements, popup labels) in the page's language. */
function phrases(lang: Lang): Record<string, string> {
  return Object.fromEntries(Object.values(editorMsg).map((m) => [m.en, tr(m, lang)]));
}

/** What a cell needs from its editor. */
export interface EditorHandle {
  getCode(): string;
  setCode(code: string): void;
  /** Focuses the editor; with `at` (viewport coordinates of a click) the caret goes where the reader clicked. */
  focus(at?: { x: number; y: number }): void;
  /** Types `text` at the caret (keys pressed while the editor was loading). */
  insert(text: string): void;
  /** Highlights one line (1-based) as the place an error happened; `null` clears it. */
  markError(line: number | null): void;
  /**
   * Puts the current code's type errors (if any) first in `output` when the
   * checker answers; a later call drops a pending answer. Does nothing when
   * the checker has not started on this page and `start` is false: unedited
   * course code type-checks, so a plain Run need not load it.
   */
  showTypeErrors(output: HTMLElement, start: boolean): void;
  destroy(): void;
}

export interface EditorOptions {
  /** Accessible name of the editing area. */
  label: string;
  onChange(code: string): void;
  /** Ctrl/Cmd+Enter. */
  onRun(): void;
  /** Shift+Enter: run, then move to the next cell. */
  onRunAndNext(): void;
  /** Type checking (squiggles, completion, hover docs), when the cell wants it. */
  typecheck?: TypecheckOptions;
}

// Colours come from CSS variables (site.css) so light and dark schemes both
// keep AA contrast; CodeMirror's default palette does not in dark mode.
const highlight = HighlightStyle.define([
  { tag: [t.keyword, t.controlKeyword, t.moduleKeyword, t.definitionKeyword, t.operatorKeyword], color: "var(--code-keyword)" },
  { tag: [t.string, t.special(t.string), t.regexp], color: "var(--code-string)" },
  { tag: [t.number, t.bool, t.null, t.atom], color: "var(--code-number)" },
  { tag: [t.comment, t.lineComment, t.blockComment], color: "var(--code-comment)", fontStyle: "italic" },
  { tag: [t.function(t.variableName), t.function(t.propertyName)], color: "var(--code-function)" },
  { tag: [t.typeName, t.className, t.namespace], color: "var(--code-type)" },
  { tag: [t.definition(t.variableName)], color: "var(--code-def)" },
]);

const setErrorLine = StateEffect.define<number | null>();
const errorLine = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(deco, tr) {
    deco = deco.map(tr.changes);
    for (const e of tr.effects) {
      if (!e.is(setErrorLine)) continue;
      if (e.value === null || e.value < 1 || e.value > tr.state.doc.lines) return Decoration.none;
      const line = tr.state.doc.line(e.value);
      const b = new RangeSetBuilder<Decoration>();
      b.add(line.from, line.from, Decoration.line({ class: "cm-error-line" }));
      return b.finish();
    }
    // Editing the code clears a stale error mark.
    return tr.docChanged ? Decoration.none : deco;
  },
  provide: (f) => EditorView.decorations.from(f),
});

/** Mounts an editor in `parent` with `code`. */
export function createEditor(parent: HTMLElement, code: string, opts: EditorOptions): EditorHandle {
  const notebookKeys = Prec.highest(
    keymap.of([
      { key: "Mod-Enter", run: () => (opts.onRun(), true) },
      { key: "Shift-Enter", run: () => (opts.onRunAndNext(), true) },
    ]),
  );
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: code,
      extensions: [
        notebookKeys,
        lineNumbers(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        closeBrackets(),
        highlightActiveLine(),
        syntaxHighlighting(highlight),
        javascript({ typescript: true }),
        errorLine,
        opts.typecheck ? typecheckExtensions(opts.typecheck) : [],
        keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, indentWithTab]),
        EditorView.contentAttributes.of({ "aria-label": opts.label }),
        EditorState.phrases.of(phrases(pageLang())),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) opts.onChange(u.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    getCode: () => view.state.doc.toString(),
    setCode(next) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: next } });
    },
    focus(at) {
      view.focus();
      const pos = at ? view.posAtCoords(at) : null;
      if (pos !== null) view.dispatch({ selection: { anchor: pos } });
    },
    insert: (text) => view.dispatch(view.state.replaceSelection(text)),
    markError: (line) => view.dispatch({ effects: setErrorLine.of(line) }),
    showTypeErrors: (output, start) => {
      if (opts.typecheck) showTypeErrors(opts.typecheck, view.state.doc.toString(), output, start);
    },
    destroy: () => view.destroy(),
  };
}
