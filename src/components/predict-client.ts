/**
 * Brings "Predict, then run" checkpoints to life (Predict.astro). Commit or
 * Skip saves the prediction, makes sure the named cell has run (running the
 * cells above it first, like Run), reads the value it computed from the
 * page's scope and shows it next to the guess with the author's one sentence
 * on why. Everything shown is text; the guess is the reader's data.
 */
import { formatControlValue } from "../runtime/controls.ts";
import { richToText, type Rich } from "../runtime/rich.ts";
import { pageStorage } from "./local-storage.ts";
import { startNotebook } from "./notebook.ts";
import { clearPrediction, judgeNumber, loadPrediction, savePrediction } from "./predictions.ts";

let started = false;

/** Wires every checkpoint on the page (idempotent). */
export function startPredictions(): void {
  if (started) return;
  started = true;
  const chapter = document.querySelector<HTMLElement>("[data-chapter]")?.dataset.chapter ?? "page";
  for (const aside of document.querySelectorAll<HTMLElement>("aside.predict[data-predict]")) new Checkpoint(aside, chapter);
}

const p = (text: string, className?: string): HTMLParagraphElement => {
  const node = document.createElement("p");
  node.textContent = text;
  if (className) node.className = className;
  return node;
};

/** A computed value as a plain number or string (null when it is neither). */
function plain(r: Rich): number | string | boolean | null {
  if (r.kind === "number") return r.value;
  if (r.kind === "string") return r.value;
  if (r.kind === "boolean") return r.value;
  return null;
}

const show = (v: number | string | boolean | null): string => (typeof v === "number" ? formatControlValue(v) : String(v));

class Checkpoint {
  #root: HTMLElement;
  #key: string;
  #form: HTMLFormElement;
  #reveal: HTMLElement;
  #why: HTMLElement;
  #cellId: string;
  #path: string;
  #tolerance: number;
  #scale: "linear" | "log";
  #store = pageStorage();

  constructor(root: HTMLElement, chapter: string) {
    this.#root = root;
    this.#key = `${chapter}/${root.dataset.predict}`;
    this.#form = root.querySelector("form")!;
    this.#reveal = root.querySelector(".predict-reveal")!;
    this.#why = root.querySelector(".predict-why")!;
    this.#cellId = root.dataset.cell!;
    this.#path = root.dataset.value!;
    this.#tolerance = Number(root.dataset.tolerance) || 0.2;
    this.#scale = root.dataset.scale === "log" ? "log" : "linear";
    for (const b of root.querySelectorAll<HTMLButtonElement>("button")) b.disabled = false;
    this.#form.addEventListener("submit", (e) => {
      e.preventDefault();
      const guess = this.#readGuess();
      if (guess === null) return;
      savePrediction(this.#store, this.#key, { guess, at: Date.now() });
      void this.#show(guess, true);
    });
    root.querySelector('[data-predict-action="skip"]')!.addEventListener("click", () => {
      savePrediction(this.#store, this.#key, { guess: null, at: Date.now() });
      void this.#show(null, true);
    });
    const saved = loadPrediction(this.#store, this.#key);
    if (saved) void this.#show(saved.guess, false);
  }

  #readGuess(): string | number | null {
    const radio = this.#form.querySelector<HTMLInputElement>("input[type=radio]:checked");
    if (this.#form.querySelector("input[type=radio]")) {
      if (!radio) {
        this.#form.reportValidity();
        return null;
      }
      return radio.value;
    }
    const box = this.#form.querySelector<HTMLInputElement>("input[type=number]")!;
    if (!Number.isFinite(box.valueAsNumber)) {
      box.setCustomValidity("Type a number (or press Skip).");
      box.reportValidity();
      box.addEventListener("input", () => box.setCustomValidity(""), { once: true });
      return null;
    }
    return box.valueAsNumber;
  }

  /** The prediction, then (now, or on request after a reload) the computed answer. */
  async #show(guess: string | number | null, reveal: boolean): Promise<void> {
    this.#form.hidden = true;
    this.#root.dataset.state = "committed";
    const mine = p(guess === null ? "You skipped the prediction." : `Your prediction: ${show(guess)}`, "predict-mine");
    if (!reveal) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "cell-btn";
      button.textContent = "Show the computed answer";
      button.addEventListener("click", () => void this.#show(guess, true));
      this.#reveal.replaceChildren(mine, button, this.#againButton());
      return;
    }
    this.#reveal.replaceChildren(mine, p(`Running the cell “${this.#cellId}”…`, "predict-wait"));
    const nb = startNotebook();
    const ran = nb ? await nb.ensureRan(this.#cellId) : false;
    const out = ran && nb ? await nb.evaluate(this.#path) : null;
    const value = out?.status === "ok" && out.result ? plain(out.result) : null;
    if (value === null) {
      const why = !ran ? `the cell “${this.#cellId}” did not finish` : out?.error ? `${out.error.name}: ${out.error.message}` : `${this.#path} is ${out?.result ? richToText(out.result) : "undefined"}`;
      this.#reveal.replaceChildren(mine, p(`No answer to show: ${why}. Run the cell above and try again.`, "predict-error"), this.#againButton());
      return;
    }
    const computed = p(`The cell computed: ${show(value)}`, "predict-answer");
    const verdict = this.#verdict(guess, value);
    this.#reveal.replaceChildren(mine, computed, ...(verdict ? [verdict] : []), this.#againButton());
    this.#root.dataset.state = "revealed";
    this.#why.hidden = false;
  }

  #verdict(guess: string | number | null, value: number | string | boolean): HTMLElement | null {
    if (guess === null) return null;
    if (typeof guess === "number" && typeof value === "number") {
      const { close, off } = judgeNumber(guess, value, this.#tolerance, this.#scale);
      return p(close ? `Close: off by ${off}.` : `Off by ${off}: worth a second look.`, close ? "predict-verdict ok" : "predict-verdict off");
    }
    const right = String(guess) === String(value);
    return p(right ? "Right." : "Not this time.", right ? "predict-verdict ok" : "predict-verdict off");
  }

  #againButton(): HTMLButtonElement {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "cell-btn";
    b.textContent = "Predict again";
    b.addEventListener("click", () => {
      clearPrediction(this.#store, this.#key);
      this.#reveal.replaceChildren();
      this.#why.hidden = true;
      this.#form.hidden = false;
      this.#form.reset();
      delete this.#root.dataset.state;
      this.#form.querySelector<HTMLElement>("input")?.focus();
    });
    return b;
  }
}
