/**
 * Exercises on a page: Check runs the reader's code in a grader worker of its
 * own (fresh for every check, so old definitions cannot mask a mistake and a
 * time-out never resets the notebook's scope), then asks it for a grading run
 * (src/runtime/grader) whose report comes back typed, shows it, and records
 * progress on this device.
 */
import type { KernelHost } from "../runtime/host.ts";
import { createBrowserHost } from "../runtime/browser.ts";
import { isLang, type Lang } from "../i18n/lang.ts";
import { t } from "../i18n/message.ts";
import * as M from "../i18n/messages/exercise.ts";
import { bandName } from "../runtime/grader/format.ts";
import { errorText, type GradeReport } from "../runtime/grader/report.ts";
import { CellView, type CellHost } from "./cell-view.ts";
import { lineDiff } from "./line-diff.ts";
import { exerciseState, loadProgress, recordAttempt } from "./progress.ts";
import { pageStorage } from "./local-storage.ts";
import { EditSaver } from "./edit-saver.ts";
import { pageLang } from "./page-lang.ts";

const STATE_TEXT = { "not-tried": M.stateNotTried, tried: M.stateTried, passed: M.statePassed } as const;

/** Why storage refused an edit, in words. */
function reasonText(reason: string, lang: Lang): string {
  if (reason === "quota") return t(M.reasonQuota, lang);
  if (reason === "too-large") return t(M.reasonTooLarge, lang);
  return t(M.reasonUnavailable, lang);
}


let graderHost: KernelHost | null = null;
/** One grader worker per page, created on the first Check. */
function grader(): KernelHost {
  return (graderHost ??= createBrowserHost({ timeLimitMs: 10_000 }));
}

function randomSeed(): number {
  const a = new Uint32Array(1);
  crypto.getRandomValues(a);
  return a[0] % 1_000_000_000;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** One exercise block. */
class ExerciseView implements CellHost {
  readonly key: string;
  readonly root: HTMLElement;
  readonly cell: CellView;
  readonly lang: Lang;
  #store = pageStorage();
  #edits: EditSaver<CellView>;
  #timeLimitMs: number;
  #result: HTMLElement;
  #stateBadge: HTMLElement;
  #solutionButton: HTMLButtonElement;
  #checking = false;

  constructor(root: HTMLElement, chapter: string) {
    this.root = root;
    this.key = root.dataset.exercise!;
    this.lang = isLang(root.dataset.lang) ? root.dataset.lang : pageLang();
    this.#timeLimitMs = Number(root.dataset.timeLimit) || 10_000;
    this.#result = root.querySelector(".exercise-result")!;
    this.#stateBadge = root.querySelector(".exercise-state")!;
    this.#solutionButton = root.querySelector('[data-exercise-action="solution"]')!;
    this.cell = new CellView(root.querySelector<HTMLElement>("section.exercise-cell")!, this);
    // Edits are kept per edition: the starters differ in their comments and strings.
    const editionChapter = this.lang === "en" ? chapter : `${chapter}@${this.lang}`;
    this.#edits = new EditSaver<CellView>(this.#store, editionChapter, (cell, reason) => cell.notify(t(M.notSaved, this.lang, { reason: reasonText(reason, this.lang) })));
    this.#wireHelp();
    this.#showState(exerciseState(loadProgress(this.#store), this.key));
    const saved = this.#edits.load(this.cell);
    if (saved && saved.code !== this.cell.original) {
      this.cell.setModified(true);
      void this.cell.setCode(saved.code);
      if (saved.stale) this.cell.notify(t(M.starterChanged, this.lang));
    }
  }

  label(): string {
    return t(M.cellName, this.lang);
  }

  run(): void {
    void this.check();
  }

  stop(): void {
    void graderHost?.stop();
  }

  codeChanged(_cell: CellView, code: string): void {
    this.cell.setModified(code !== this.cell.original);
    this.#edits.changed(this.cell);
  }

  reset(): void {
    this.#edits.clear(this.cell);
    this.cell.setModified(false);
    this.cell.notify(null);
    void this.cell.setCode(this.cell.original);
  }

  /** Runs the reader's code, then the grader, in a fresh grader worker. */
  async check(): Promise<void> {
    if (this.#checking) return;
    this.#checking = true;
    this.#edits.flush(this.cell);
    const host = grader();
    this.cell.beginRun();
    this.cell.setState("queued");
    this.#result.replaceChildren(el("p", "exercise-pending", t(M.checking, this.lang)));
    const seed = randomSeed();
    try {
      await host.reset(); // a fresh scope: definitions from an earlier attempt must not count
      const ran = await host.run({ cellId: this.cell.id, code: this.cell.code, silent: true, timeLimitMs: this.#timeLimitMs }, (e) => this.cell.handle(e));
      if (ran.status !== "ok") {
        this.cell.finish(ran);
        return this.#verdict(false, seed, this.#runProblem(ran.status, ran.reason, errorText(ran.error, this.lang)));
      }
      this.cell.setState("running");
      const graded = await host.run(
        { cellId: "grader", code: "", grade: { exerciseId: this.key, seed, lang: this.lang }, timeLimitMs: this.#timeLimitMs },
        (e) => {
          if (e.type === "log" || e.type === "display" || e.type === "update") this.cell.handle(e); // the reader's own output while being graded
        },
      );
      this.cell.finish(graded);
      if (graded.status !== "ok" || !graded.report) {
        return this.#verdict(false, seed, this.#runProblem(graded.status, graded.reason, errorText(graded.error, this.lang), true));
      }
      this.#verdict(graded.report.passed, seed, graded.report);
    } finally {
      this.#checking = false;
    }
  }

  #runProblem(status: string, reason: string | undefined, message: string | undefined, grading = false): string {
    const lang = this.lang;
    if (status === "terminated" && reason === "time-limit") return t(grading ? M.timeoutFunction : M.timeoutCode, lang, { s: this.#timeLimitMs / 1000 });
    if (status === "terminated" || status === "stopped" || status === "cancelled") return t(M.stopped, lang);
    if (grading) return t(M.graderFailed, lang, { message: message ?? t(M.unknownError, lang) });
    return t(M.codeFailed, lang, { message: message ?? t(M.seeAbove, lang) });
  }

  #verdict(passed: boolean, seed: number, report: GradeReport | string): void {
    const { entry, saved } = recordAttempt(this.#store, this.key, passed, seed);
    this.#showState(entry.state);
    this.#result.replaceChildren(...renderReport(report, seed, this.lang));
    if (!saved.ok) this.#result.append(el("p", "exercise-note", t(M.progressNotSaved, this.lang, { reason: reasonText(saved.reason, this.lang) })));
  }

  #showState(state: "not-tried" | "tried" | "passed"): void {
    this.#stateBadge.dataset.state = state;
    this.#stateBadge.textContent = t(STATE_TEXT[state], this.lang);
    this.root.dataset.state = state;
    if (state !== "not-tried") {
      this.#solutionButton.disabled = false;
      this.#solutionButton.removeAttribute("title");
    }
  }

  #wireHelp(): void {
    const hintButton = this.root.querySelector<HTMLButtonElement>('[data-exercise-action="hint"]');
    const hints = [...this.root.querySelectorAll<HTMLElement>(".exercise-hints li")];
    if (hintButton) {
      hintButton.disabled = false;
      hintButton.addEventListener("click", () => {
        const next = hints.find((h) => h.hidden);
        if (!next) return;
        next.hidden = false;
        const left = hints.filter((h) => h.hidden).length;
        const shown = hints.length - left;
        hintButton.textContent = left ? t(M.nextHint, this.lang, { k: shown + 1, n: hints.length }) : t(M.allHints, this.lang);
        hintButton.disabled = left === 0;
      });
    }
    const solution = this.root.querySelector<HTMLElement>(".exercise-solution")!;
    this.#solutionButton.addEventListener("click", () => {
      solution.hidden = !solution.hidden;
      this.#solutionButton.textContent = t(solution.hidden ? M.showSolution : M.hideSolution, this.lang);
    });
    const compare = this.root.querySelector<HTMLElement>(".exercise-compare")!;
    const compareButton = this.root.querySelector<HTMLButtonElement>('[data-exercise-action="compare"]')!;
    const source = (this.root.querySelector("template.exercise-solution-source") as HTMLTemplateElement).content.textContent ?? "";
    compareButton.addEventListener("click", () => {
      compare.hidden = !compare.hidden;
      compareButton.textContent = t(compare.hidden ? M.compare : M.hideCompare, this.lang);
      if (!compare.hidden) compare.replaceChildren(renderComparison(this.cell.code, source, this.lang));
    });
  }
}

/** The grader's report as DOM (text only). */
function renderReport(report: GradeReport | string, seed: number, lang: Lang): HTMLElement[] {
  if (typeof report === "string") {
    return [el("p", "exercise-headline fail", report), el("p", "exercise-note", t(M.seedNote, lang, { seed }))];
  }
  const out: HTMLElement[] = [el("p", `exercise-headline ${report.passed ? "pass" : "fail"}`, report.headline)];
  const list = el("ul", "exercise-parts");
  for (const part of report.parts) {
    const li = el("li", part.passed ? "pass" : "fail");
    li.append(el("span", "exercise-mark", part.passed ? "✓ " : "✗ "), el("strong", undefined, part.name), document.createTextNode(`${lang === "en" ? ": " : "："}${part.message}`));
    const details: string[] = [];
    const w = part.where;
    if (w?.param) details.push(w.index ? t(M.detailParamAt, lang, { param: w.param, index: w.index.join(", ") }) : t(M.detailParam, lang, { param: w.param }));
    if (w?.input) details.push(t(M.detailInput, lang, { input: w.input }));
    if (part.maxError !== undefined) {
      const error = part.maxError.toExponential(2);
      details.push(part.band ? t(M.detailErrorBand, lang, { error, band: bandName(part.band, lang) }) : t(M.detailError, lang, { error }));
    }
    if (details.length) li.append(el("span", "exercise-detail", ` — ${details.join(t(M.detailsJoin, lang))}`));
    list.append(li);
  }
  out.push(list);
  if (report.comparison && report.comparison.analytic.length) {
    // What the plot compares, as text above it ("numerical gradient vs yours", "reference vs yours").
    out.push(el("p", "exercise-note", report.comparison.label), comparisonPlot(report.comparison, lang));
  }
  out.push(el("p", "exercise-note", t(M.freshPoints, lang, { seed: report.seed ?? seed })));
  return out;
}

/** Analytic against numeric values: on the diagonal when they agree. */
function comparisonPlot(c: NonNullable<GradeReport["comparison"]>, lang: Lang): HTMLElement {
  const box = el("div", "out-plot");
  box.setAttribute("role", "img");
  const against = c.reference ?? "numerical gradient";
  box.setAttribute("aria-label", t(M.plotLabel, lang, { label: c.label, against: t(against === "reference" ? M.againstReference : M.againstNumeric, lang) }));
  const points = c.analytic.map((a, i) => ({ numeric: c.numeric[i], analytic: a }));
  const lo = Math.min(...c.numeric, ...c.analytic), hi = Math.max(...c.numeric, ...c.analytic);
  void import("./render-plot.ts").then(({ renderPlot }) => {
    box.replaceChildren(
      renderPlot({
        width: 360,
        height: 240,
        grid: true,
        x: { label: t(against === "reference" ? M.axisReference : M.axisNumeric, lang) },
        y: { label: t(M.axisYours, lang) },
        marks: [
          { mark: "line", data: [{ v: lo }, { v: hi }], options: { x: "v", y: "v", stroke: "currentColor", strokeOpacity: 0.4 } },
          { mark: "dot", data: points, options: { x: "numeric", y: "analytic", r: 2.5, fill: "currentColor" } },
        ],
      }),
    );
  });
  return box;
}

function renderComparison(mine: string, solution: string, lang: Lang): HTMLElement {
  const table = el("table", "exercise-diff");
  table.append(el("caption", undefined, t(M.compareCaption, lang)));
  const head = el("tr");
  head.append(el("th", undefined, t(M.yourCode, lang)), el("th", undefined, t(M.solution, lang)));
  table.append(head);
  for (const row of lineDiff(mine, solution)) {
    const tr = el("tr", row.same ? "same" : "changed");
    tr.append(el("td", row.left === null ? "gap" : undefined, row.left ?? ""), el("td", row.right === null ? "gap" : undefined, row.right ?? ""));
    table.append(tr);
  }
  return table;
}

/** Starts every exercise on the page (once). */
export function startExercises(): void {
  const chapter = document.querySelector<HTMLElement>("[data-chapter]")?.dataset.chapter ?? "course";
  const w = window as unknown as { __exercises?: ExerciseView[] };
  if (w.__exercises) return;
  w.__exercises = [...document.querySelectorAll<HTMLElement>("section.exercise[data-exercise]")].map((root) => new ExerciseView(root, chapter));
}
