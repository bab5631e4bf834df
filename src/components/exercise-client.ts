/**
 * Exercises on a page: Check runs the reader's code in a grader worker of its
 * own (fresh for every check, so old definitions cannot mask a mistake and a
 * time-out never resets the notebook's scope), then asks it for a grading run
 * (src/runtime/grader) whose report comes back typed, shows it, and records
 * progress on this device.
 */
import type { KernelHost } from "../runtime/host.ts";
import { createBrowserHost } from "../runtime/browser.ts";
import { errorText, type GradeReport } from "../runtime/grader/report.ts";
import { CellView, type CellHost } from "./cell-view.ts";
import { lineDiff } from "./line-diff.ts";
import { exerciseState, loadProgress, recordAttempt } from "./progress.ts";
import { pageStorage } from "./local-storage.ts";
import { EditSaver } from "./edit-saver.ts";


const STATE_TEXT = { "not-tried": "not tried", tried: "tried", passed: "passed ✓" } as const;

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
    this.#timeLimitMs = Number(root.dataset.timeLimit) || 10_000;
    this.#result = root.querySelector(".exercise-result")!;
    this.#stateBadge = root.querySelector(".exercise-state")!;
    this.#solutionButton = root.querySelector('[data-exercise-action="solution"]')!;
    this.cell = new CellView(root.querySelector<HTMLElement>("section.exercise-cell")!, this);
    this.#edits = new EditSaver<CellView>(this.#store, chapter, (cell, reason) => cell.notify(`Your answer could not be saved on this device (${reason}).`));
    this.#wireHelp();
    this.#showState(exerciseState(loadProgress(this.#store), this.key));
    const saved = this.#edits.load(this.cell);
    if (saved && saved.code !== this.cell.original) {
      this.cell.setModified(true);
      void this.cell.setCode(saved.code);
      if (saved.stale) this.cell.notify("This exercise's starter code has changed since you edited it. Your version is shown; Reset loads the new one.");
    }
  }

  label(): string {
    return "your answer";
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
    this.#result.replaceChildren(el("p", "exercise-pending", "Checking…"));
    const seed = randomSeed();
    try {
      await host.reset(); // a fresh scope: definitions from an earlier attempt must not count
      const ran = await host.run({ cellId: this.cell.id, code: this.cell.code, silent: true, timeLimitMs: this.#timeLimitMs }, (e) => this.cell.handle(e));
      if (ran.status !== "ok") {
        this.cell.finish(ran);
        return this.#verdict(false, seed, this.#runProblem(ran.status, ran.reason, errorText(ran.error)));
      }
      this.cell.setState("running");
      const graded = await host.run(
        { cellId: "grader", code: "", grade: { exerciseId: this.key, seed, lang: "en" }, timeLimitMs: this.#timeLimitMs },
        (e) => {
          if (e.type === "log" || e.type === "display" || e.type === "update") this.cell.handle(e); // the reader's own output while being graded
        },
      );
      this.cell.finish(graded);
      if (graded.status !== "ok" || !graded.report) {
        return this.#verdict(false, seed, this.#runProblem(graded.status, graded.reason, errorText(graded.error), true));
      }
      this.#verdict(graded.report.passed, seed, graded.report);
    } finally {
      this.#checking = false;
    }
  }

  #runProblem(status: string, reason: string | undefined, message: string | undefined, grading = false): string {
    if (status === "terminated" && reason === "time-limit") {
      return `Time-out: ${grading ? "your function" : "your code"} did not finish within ${this.#timeLimitMs / 1000} s. Is there a loop that never ends?`;
    }
    if (status === "terminated" || status === "stopped" || status === "cancelled") return "The check was stopped before it finished.";
    if (grading) return `The grader could not finish: ${message ?? "unknown error"}.`;
    return `Your code did not run: ${message ?? "see the error above"}. Fix it and check again.`;
  }

  #verdict(passed: boolean, seed: number, report: GradeReport | string): void {
    const { entry, saved } = recordAttempt(this.#store, this.key, passed, seed);
    this.#showState(entry.state);
    this.#result.replaceChildren(...renderReport(report, seed));
    if (!saved.ok) this.#result.append(el("p", "exercise-note", `Progress could not be saved: ${saved.reason}.`));
  }

  #showState(state: "not-tried" | "tried" | "passed"): void {
    this.#stateBadge.dataset.state = state;
    this.#stateBadge.textContent = STATE_TEXT[state];
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
        hintButton.textContent = left ? `Show another hint (${shown + 1} of ${hints.length})` : "All hints shown";
        hintButton.disabled = left === 0;
      });
    }
    const solution = this.root.querySelector<HTMLElement>(".exercise-solution")!;
    this.#solutionButton.addEventListener("click", () => {
      solution.hidden = !solution.hidden;
      this.#solutionButton.textContent = solution.hidden ? "Show the solution" : "Hide the solution";
    });
    const compare = this.root.querySelector<HTMLElement>(".exercise-compare")!;
    const compareButton = this.root.querySelector<HTMLButtonElement>('[data-exercise-action="compare"]')!;
    const source = (this.root.querySelector("template.exercise-solution-source") as HTMLTemplateElement).content.textContent ?? "";
    compareButton.addEventListener("click", () => {
      compare.hidden = !compare.hidden;
      compareButton.textContent = compare.hidden ? "Compare with my code" : "Hide the comparison";
      if (!compare.hidden) compare.replaceChildren(renderComparison(this.cell.code, source));
    });
  }
}

/** The grader's report as DOM (text only). */
function renderReport(report: GradeReport | string, seed: number): HTMLElement[] {
  if (typeof report === "string") {
    return [el("p", "exercise-headline fail", report), el("p", "exercise-note", `Seed ${seed}.`)];
  }
  const out: HTMLElement[] = [el("p", `exercise-headline ${report.passed ? "pass" : "fail"}`, report.headline)];
  const list = el("ul", "exercise-parts");
  for (const part of report.parts) {
    const li = el("li", part.passed ? "pass" : "fail");
    li.append(el("span", "exercise-mark", part.passed ? "✓ " : "✗ "), el("strong", undefined, part.name), document.createTextNode(`: ${part.message}`));
    const details: string[] = [];
    if (part.where?.param) details.push(`parameter ${part.where.param}${part.where.index ? ` at [${part.where.index.join(", ")}]` : ""}`);
    if (part.where?.input) details.push(`input ${part.where.input}`);
    if (part.maxError !== undefined) details.push(`max relative error ${part.maxError.toExponential(2)}${part.band ? ` (${part.band})` : ""}`);
    if (details.length) li.append(el("span", "exercise-detail", ` — ${details.join("; ")}`));
    list.append(li);
  }
  out.push(list);
  if (report.comparison && report.comparison.analytic.length) {
    // What the plot compares, as text above it ("numerical gradient vs yours", "reference vs yours").
    out.push(el("p", "exercise-note", report.comparison.label), comparisonPlot(report.comparison));
  }
  out.push(el("p", "exercise-note", `Checked at fresh random points from seed ${report.seed ?? seed}; every check draws new ones.`));
  return out;
}

/** Analytic against numeric values: on the diagonal when they agree. */
function comparisonPlot(c: NonNullable<GradeReport["comparison"]>): HTMLElement {
  const box = el("div", "out-plot");
  box.setAttribute("role", "img");
  const against = c.reference ?? "numerical gradient";
  box.setAttribute("aria-label", `${c.label}: your values against the ${against}; points on the diagonal agree`);
  const points = c.analytic.map((a, i) => ({ numeric: c.numeric[i], analytic: a }));
  const lo = Math.min(...c.numeric, ...c.analytic), hi = Math.max(...c.numeric, ...c.analytic);
  void import("./render-plot.ts").then(({ renderPlot }) => {
    box.replaceChildren(
      renderPlot({
        width: 360,
        height: 240,
        grid: true,
        x: { label: against === "reference" ? "reference" : "numerical gradient (central differences)" },
        y: { label: "yours" },
        marks: [
          { mark: "line", data: [{ v: lo }, { v: hi }], options: { x: "v", y: "v", stroke: "currentColor", strokeOpacity: 0.4 } },
          { mark: "dot", data: points, options: { x: "numeric", y: "analytic", r: 2.5, fill: "currentColor" } },
        ],
      }),
    );
  });
  return box;
}

function renderComparison(mine: string, solution: string): HTMLElement {
  const table = el("table", "exercise-diff");
  table.append(el("caption", undefined, "Your code (left) and the solution (right); changed lines are marked"));
  const head = el("tr");
  head.append(el("th", undefined, "Your code"), el("th", undefined, "Solution"));
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
