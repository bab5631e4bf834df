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
import { errorMessage } from "../runtime/kernel-faults.ts";
import { pageLang } from "./page-lang.ts";
import { t } from "../i18n/message.ts";
import * as predictMsg from "../i18n/messages/predict.ts";

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

const show = (v: number | string | boolean | null): string => (typeof v === "number" ? formatControlValue(v, pageLang()) : String(v));

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
  #lang = pageLang();

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
      box.setCustomValidity(t(predictMsg.typeANumber, this.#lang));
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
    const lang = this.#lang;
    const mine = p(guess === null ? t(predictMsg.skipped, lang) : t(predictMsg.yourPrediction, lang, { value: show(guess) }), "predict-mine");
    if (!reveal) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "cell-btn";
      button.textContent = t(predictMsg.showAnswer, lang);
      button.addEventListener("click", () => void this.#show(guess, true));
      this.#reveal.replaceChildren(mine, button, this.#againButton());
      return;
    }
    this.#reveal.replaceChildren(mine, p(t(predictMsg.runningCell, lang, { cell: this.#cellId }), "predict-wait"));
    const nb = startNotebook();
    const ran = nb ? await nb.ensureRan(this.#cellId) : false;
    const out = ran && nb ? await nb.evaluate(this.#path) : null;
    const value = out?.status === "ok" && out.result ? plain(out.result) : null;
    if (value === null) {
      const why = !ran
        ? t(predictMsg.cellDidNotFinish, lang, { cell: this.#cellId })
        : out?.error
          ? `${out.error.name}: ${errorMessage(out.error, lang)}`
          : t(predictMsg.valueIs, lang, { path: this.#path, value: out?.result ? richToText(out.result) : "undefined" });
      this.#reveal.replaceChildren(mine, p(t(predictMsg.noAnswer, lang, { why }), "predict-error"), this.#againButton());
      return;
    }
    const computed = p(t(predictMsg.computed, lang, { value: show(value) }), "predict-answer");
    const verdict = this.#verdict(guess, value);
    this.#reveal.replaceChildren(mine, computed, ...(verdict ? [verdict] : []), this.#againButton());
    this.#root.dataset.state = "revealed";
    this.#why.hidden = false;
  }

  #verdict(guess: string | number | null, value: number | string | boolean): HTMLElement | null {
    if (guess === null) return null;
    if (typeof guess === "number" && typeof value === "number") {
      const { close, off } = judgeNumber(guess, value, this.#tolerance, this.#scale, this.#lang);
      return p(t(close ? predictMsg.close : predictMsg.far, this.#lang, { off }), close ? "predict-verdict ok" : "predict-verdict off");
    }
    const right = String(guess) === String(value);
    return p(t(right ? predictMsg.right : predictMsg.wrong, this.#lang), right ? "predict-verdict ok" : "predict-verdict off");
  }

  #againButton(): HTMLButtonElement {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "cell-btn";
    b.textContent = t(predictMsg.again, this.#lang);
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
