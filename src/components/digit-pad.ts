/**
 * The digit pad's browser code (DigitPad.astro). The drawing stays on the page:
 * it is prepared here with nn's `preprocessDrawing` (pure, no kernel needed),
 * drawn as the 28×28 input, and only the 784 resulting numbers go to the
 * kernel, as the argument of the cell function the pad names. The call is
 * code the pad writes itself from numbers it formats; nothing the reader
 * types is run. One call is in flight at a time; while one runs, newer
 * strokes only mark the pad as changed, and the latest drawing is sent next.
 * While a cell runs (training), the pad waits instead of queueing behind it.
 */
import { DIGIT_SIDE } from "../nn/digits.ts";
import { preprocessDrawing } from "../nn/digits-preprocess.ts";
import type { Rich } from "../runtime/rich.ts";
import type { Notebook } from "./notebook.ts";
import { pageLang } from "./page-lang.ts";
import { t } from "../i18n/message.ts";
import * as padMsg from "../i18n/messages/digit-pad.ts";

const PEN = 20;        // stroke width on the 280-pixel pad: MNIST strokes are 2–3 of 28 pixels
const KEY_STEP = 10;   // pixels per arrow key press
const BUSY_RETRY_MS = 400;

/** The ten probabilities in a cell's result, or null when it is something else. */
export function readProbabilities(rich: Rich | undefined): number[] | null {
  if (!rich) return null;
  let values: number[] | null = null;
  if (rich.kind === "array" && rich.length === 10 && rich.items.every((r) => r.kind === "number")) {
    values = rich.items.map((r) => (r as { value: number }).value);
  } else if (rich.kind === "typed-array" && rich.length === 10) {
    values = rich.values.slice();
  }
  if (!values || values.some((v) => !Number.isFinite(v) || v < 0 || v > 1 + 1e-9)) return null;
  return values;
}

class DigitPad {
  #root: HTMLElement;
  #fn: string;
  #nb: Notebook;
  #canvas: HTMLCanvasElement;
  #ctx: CanvasRenderingContext2D;
  #preview: CanvasRenderingContext2D;
  #cursor: HTMLElement;
  #status: HTMLElement;
  #rows: HTMLElement[];
  #last: { x: number; y: number } | null = null;
  #key = { x: 140, y: 140, down: false };
  #inFlight = false;
  #dirty = false;
  #retry: ReturnType<typeof setTimeout> | undefined;
  #inked = false;
  #lang = pageLang();

  constructor(root: HTMLElement, nb: Notebook) {
    this.#root = root;
    this.#fn = root.dataset.digitPad!;
    this.#nb = nb;
    this.#canvas = root.querySelector<HTMLCanvasElement>(".digit-pad-canvas")!;
    this.#ctx = this.#canvas.getContext("2d", { willReadFrequently: true })!;
    this.#preview = root.querySelector<HTMLCanvasElement>(".digit-pad-preview")!.getContext("2d")!;
    this.#cursor = root.querySelector<HTMLElement>(".digit-pad-cursor")!;
    this.#status = root.querySelector<HTMLElement>(".digit-pad-status")!;
    this.#rows = [...root.querySelectorAll<HTMLElement>(".digit-pad-row")];
    this.#wirePointer();
    this.#wireKeys();
    root.querySelector<HTMLButtonElement>('[data-pad="clear"]')!.addEventListener("click", () => this.clear());
    this.#drawPreview(new Float64Array(DIGIT_SIDE * DIGIT_SIDE));
  }

  clear(): void {
    this.#ctx.clearRect(0, 0, this.#canvas.width, this.#canvas.height);
    this.#inked = false;
    this.#drawPreview(new Float64Array(DIGIT_SIDE * DIGIT_SIDE));
    this.#showProbabilities(null);
    this.#say(t(padMsg.cleared, this.#lang));
  }

  // ---- drawing ---------------------------------------------------------------

  /** Canvas coordinates of a pointer event (the canvas is scaled by CSS). */
  #at(e: PointerEvent): { x: number; y: number } {
    const r = this.#canvas.getBoundingClientRect();
    return { x: ((e.clientX - r.left) / r.width) * this.#canvas.width, y: ((e.clientY - r.top) / r.height) * this.#canvas.height };
  }

  #stroke(from: { x: number; y: number }, to: { x: number; y: number }): void {
    const c = this.#ctx;
    // The ink is the canvas's alpha channel; black on the white pad, in both colour schemes, like the digits.
    c.strokeStyle = "#000";
    c.lineWidth = PEN;
    c.lineCap = "round";
    c.lineJoin = "round";
    c.beginPath();
    c.moveTo(from.x, from.y);
    c.lineTo(to.x, to.y);
    c.stroke();
    this.#inked = true;
    this.#changed();
  }

  #wirePointer(): void {
    const cv = this.#canvas;
    cv.addEventListener("pointerdown", (e) => {
      e.preventDefault();
      cv.setPointerCapture(e.pointerId);
      this.#last = this.#at(e);
      this.#stroke(this.#last, this.#last);
    });
    cv.addEventListener("pointermove", (e) => {
      if (!this.#last) return;
      const p = this.#at(e);
      this.#stroke(this.#last, p);
      this.#last = p;
    });
    const end = (): void => {
      if (!this.#last) return;
      this.#last = null;
      this.#announce = true;
      this.#changed();
    };
    cv.addEventListener("pointerup", end);
    cv.addEventListener("pointercancel", end);
  }

  #wireKeys(): void {
    const cv = this.#canvas;
    const place = (): void => {
      const k = this.#key;
      this.#cursor.style.left = `${(k.x / cv.width) * 100}%`;
      this.#cursor.style.top = `${(k.y / cv.height) * 100}%`;
      if (k.down) this.#cursor.dataset.down = "";
      else delete this.#cursor.dataset.down;
    };
    cv.addEventListener("focus", () => {
      this.#cursor.hidden = false;
      place();
    });
    cv.addEventListener("blur", () => {
      this.#cursor.hidden = true;
      this.#key.down = false;
    });
    cv.addEventListener("keydown", (e) => {
      const k = this.#key;
      const moves: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
      if (e.key === " ") {
        e.preventDefault();
        if (!k.down) {
          k.down = true;
          this.#stroke(k, k);
        }
      } else if (moves[e.key]) {
        e.preventDefault();
        const [dx, dy] = moves[e.key];
        const from = { x: k.x, y: k.y };
        k.x = Math.min(cv.width - 1, Math.max(0, k.x + dx * KEY_STEP));
        k.y = Math.min(cv.height - 1, Math.max(0, k.y + dy * KEY_STEP));
        if (k.down) this.#stroke(from, k);
      } else if (e.key === "Delete" || e.key === "Backspace") {
        e.preventDefault();
        this.clear();
      }
      place();
    });
    cv.addEventListener("keyup", (e) => {
      if (e.key === " ") {
        this.#key.down = false;
        this.#announce = true;
        this.#changed();
        place();
      }
    });
  }

  // ---- what the network sees -------------------------------------------------

  /** The drawing as MNIST input: 784 values, 0..1. */
  #input(): Float64Array {
    const { width, height } = this.#canvas;
    const rgba = this.#ctx.getImageData(0, 0, width, height).data;
    const ink = new Float64Array(width * height);
    for (let k = 0; k < ink.length; k++) ink[k] = rgba[4 * k + 3] / 255;
    return preprocessDrawing(ink, width, height).data;
  }

  #drawPreview(pixels: Float64Array): void {
    const img = this.#preview.createImageData(DIGIT_SIDE, DIGIT_SIDE);
    for (let k = 0; k < pixels.length; k++) {
      const v = 255 - Math.round(255 * pixels[k]); // ink dark on paper, as in the chapter's mosaics
      img.data.set([v, v, v, 255], 4 * k);
    }
    this.#preview.putImageData(img, 0, 0);
  }

  #showProbabilities(p: number[] | null): void {
    const best = p ? p.indexOf(Math.max(...p)) : -1;
    this.#rows.forEach((row, d) => {
      const bar = row.querySelector<HTMLElement>(".digit-pad-bar > span")!;
      bar.style.width = p ? `${(100 * p[d]).toFixed(1)}%` : "0";
      row.querySelector(".digit-pad-p")!.textContent = p ? p[d].toFixed(3) : "–";
      if (d === best) row.dataset.best = "";
      else delete row.dataset.best;
    });
  }

  #say(text: string, tone?: "warn"): void {
    this.#status.textContent = text;
    if (tone) this.#status.dataset.tone = tone;
    else delete this.#status.dataset.tone;
  }

  // ---- asking the kernel -----------------------------------------------------

  /** Set at the end of a stroke: the next answer is announced in the status line (not every intermediate one). */
  #announce = false;

  #changed(): void {
    const pixels = this.#input();
    this.#drawPreview(pixels);
    this.#dirty = true;
    void this.#send();
  }

  async #send(): Promise<void> {
    if (this.#inFlight || !this.#dirty) return;
    clearTimeout(this.#retry);
    if (this.#nb.host.busy) {
      this.#say(t(padMsg.busy, this.#lang), "warn");
      this.#retry = setTimeout(() => void this.#send(), BUSY_RETRY_MS);
      return;
    }
    this.#dirty = false;
    if (!this.#inked) return;
    this.#inFlight = true;
    const pixels = Array.from(this.#input(), (v) => Math.round(v * 1000) / 1000);
    const announce = this.#announce;
    this.#announce = false;
    try {
      const outcome = await this.#nb.host.run({ cellId: `digit-pad-${this.#fn}`, code: `${this.#fn}(${JSON.stringify(pixels)})`, timeLimitMs: 10_000 }, () => {});
      if (outcome.status === "ok") {
        const p = readProbabilities(outcome.result);
        if (p) {
          this.#showProbabilities(p);
          const best = p.indexOf(Math.max(...p));
          if (announce || this.#status.dataset.tone) this.#say(t(padMsg.reads, this.#lang, { digit: best, p: p[best].toFixed(2) }));
        } else {
          this.#say(t(padMsg.notTen, this.#lang, { fn: this.#fn }), "warn");
        }
      } else if (outcome.status === "error") {
        const e = outcome.error;
        this.#say(e?.name === "ReferenceError"
          ? t(padMsg.notDefined, this.#lang, { fn: this.#fn, message: e.message })
          : t(padMsg.failed, this.#lang, { fn: this.#fn, name: e?.name ?? "Error", message: e?.message ?? "" }), "warn");
      }
    } finally {
      this.#inFlight = false;
    }
    if (this.#dirty) void this.#send();
  }
}

/** Brings every digit pad on the page to life (needs the page's notebook for its kernel). */
export function startDigitPads(nb: Notebook | null): void {
  if (!nb) return;
  for (const root of document.querySelectorAll<HTMLElement>("[data-digit-pad]")) {
    if (root.dataset.started) continue;
    root.dataset.started = "";
    new DigitPad(root, nb);
  }
}
