/**
 * The controls a cell declared, drawn above its output as native, labelled
 * inputs (range, number, select, checkbox, button). Inputs are kept across
 * re-runs, keyed by label, so a slider being dragged is never replaced under
 * the pointer. Specs come from the worker and were checked with
 * `checkControl`; labels and options are inserted as text.
 */
import {
  acceptValue,
  formatControlValue,
  sliderPosition,
  sliderValue,
  type ControlSpec,
  type ControlValue,
  type ControlValues,
  type SliderSpec,
} from "../runtime/controls.ts";

/** "input": still dragging; "commit": released, typed, picked or pressed. */
export type ControlPhase = "input" | "commit";

interface Entry {
  spec: ControlSpec;
  row: HTMLElement;
  input: HTMLInputElement | HTMLSelectElement | HTMLButtonElement;
  shown: HTMLOutputElement | null;
  value: ControlValue;
  seen: boolean;
}

let uid = 0;

/** Positions of a slider's range input: one per step, or 1000 (log, or no step). */
function positions(spec: SliderSpec): number {
  if (spec.scale === "linear" && spec.step) return Math.max(1, Math.min(10_000, Math.round((spec.max - spec.min) / spec.step)));
  return 1000;
}

export class ControlsView {
  readonly box: HTMLElement;
  #entries = new Map<string, Entry>();
  #onChange: (label: string, value: ControlValue, phase: ControlPhase) => void;

  constructor(box: HTMLElement, groupLabel: string, onChange: (label: string, value: ControlValue, phase: ControlPhase) => void) {
    this.box = box;
    this.box.className = "cell-controls";
    this.box.setAttribute("role", "group");
    this.box.setAttribute("aria-label", groupLabel);
    this.box.hidden = true;
    this.#onChange = onChange;
  }

  /** The values shown now, by label. */
  get values(): ControlValues {
    return Object.fromEntries([...this.#entries].map(([k, e]) => [k, e.value]));
  }

  /** True when the control labelled `label` differs from its default. */
  isChanged(label: string): boolean {
    const e = this.#entries.get(label);
    return !!e && e.value !== e.spec.default;
  }

  /** True when any control differs from its default. */
  get changed(): boolean {
    return [...this.#entries.values()].some((e) => e.value !== e.spec.default);
  }

  /** A run starts: controls it does not declare again will go when it ends well. */
  beginRun(): void {
    for (const e of this.#entries.values()) e.seen = false;
  }

  /** Removes controls the finished run did not declare (only after a complete run). */
  endRun(complete: boolean): void {
    if (!complete) return;
    for (const [k, e] of this.#entries) {
      if (!e.seen) {
        e.row.remove();
        this.#entries.delete(k);
      }
    }
    this.box.hidden = this.#entries.size === 0;
  }

  /** Draws (or updates in place) one declared control. */
  declare(spec: ControlSpec): void {
    let e = this.#entries.get(spec.label);
    if (e && (e.spec.kind !== spec.kind || JSON.stringify({ ...e.spec, value: 0 }) !== JSON.stringify({ ...spec, value: 0 }))) {
      e.row.remove();
      this.#entries.delete(spec.label);
      e = undefined;
    }
    if (!e) {
      e = this.#build(spec);
      this.#entries.set(spec.label, e);
      this.box.append(e.row);
    }
    e.seen = true;
    e.spec = spec;
    // While the reader drags, the page's value is newer than the run's.
    if (document.activeElement !== e.input) this.#show(e, spec.value);
    this.box.hidden = false;
  }

  /** Puts every control back to its default (Reset). */
  resetAll(): void {
    for (const e of this.#entries.values()) this.#show(e, e.spec.default);
  }

  #show(e: Entry, v: ControlValue): void {
    e.value = v;
    const s = e.spec;
    if (s.kind === "slider") {
      const input = e.input as HTMLInputElement;
      input.value = String(Math.round(sliderPosition(s, v as number) * Number(input.max)));
      input.setAttribute("aria-valuetext", formatControlValue(v));
    } else if (s.kind === "number") {
      if ((e.input as HTMLInputElement).valueAsNumber !== v) (e.input as HTMLInputElement).value = String(v);
    } else if (s.kind === "select") {
      (e.input as HTMLSelectElement).selectedIndex = s.options.findIndex((o) => o === v);
    } else if (s.kind === "checkbox") {
      (e.input as HTMLInputElement).checked = v as boolean;
    }
    if (e.shown) e.shown.textContent = s.kind === "button" ? (v ? `pressed ${v}×` : "") : formatControlValue(v);
  }

  #build(spec: ControlSpec): Entry {
    const id = `ctl-${++uid}`;
    const row = document.createElement("div");
    row.className = `control control-${spec.kind}`;
    const label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = spec.label;
    let input: Entry["input"];
    let shown: HTMLOutputElement | null = document.createElement("output");
    shown.htmlFor.add(id);
    const entry: Entry = { spec, row, shown, input: null as unknown as Entry["input"], value: spec.value, seen: true };
    const emit = (v: ControlValue, phase: ControlPhase) => {
      const accepted = acceptValue(entry.spec, v);
      if (phase === "input" && accepted === entry.value) return;
      this.#show(entry, accepted);
      this.#onChange(entry.spec.label, accepted, phase);
    };
    switch (spec.kind) {
      case "slider": {
        const range = document.createElement("input");
        range.type = "range";
        range.min = "0";
        range.max = String(positions(spec));
        range.step = "1";
        const read = () => sliderValue(entry.spec as SliderSpec, Number(range.value) / Number(range.max));
        range.addEventListener("input", () => emit(read(), "input"));
        range.addEventListener("change", () => emit(read(), "commit"));
        input = range;
        break;
      }
      case "number": {
        const box = document.createElement("input");
        box.type = "number";
        if (spec.min !== null) box.min = String(spec.min);
        if (spec.max !== null) box.max = String(spec.max);
        box.step = spec.step !== null ? String(spec.step) : "any";
        box.inputMode = "decimal";
        box.addEventListener("change", () => {
          const v = box.valueAsNumber;
          // A value outside the range or not a number falls back to the default; show what the cell will get.
          emit(Number.isFinite(v) ? v : entry.spec.default, "commit");
          this.#show(entry, entry.value);
        });
        input = box;
        shown = null;
        break;
      }
      case "select": {
        const sel = document.createElement("select");
        for (const o of spec.options) sel.append(new Option(String(o), String(o)));
        sel.addEventListener("change", () => emit((entry.spec as Extract<ControlSpec, { kind: "select" }>).options[sel.selectedIndex], "commit"));
        input = sel;
        shown = null;
        break;
      }
      case "checkbox": {
        const box = document.createElement("input");
        box.type = "checkbox";
        box.addEventListener("change", () => emit(box.checked, "commit"));
        input = box;
        shown = null;
        break;
      }
      case "button": {
        const b = document.createElement("button");
        b.type = "button";
        b.className = "cell-btn";
        b.textContent = spec.label;
        b.addEventListener("click", () => emit((entry.value as number) + 1, "commit"));
        input = b;
        break;
      }
    }
    input.id = id;
    entry.input = input;
    entry.shown = shown;
    if (spec.kind === "button") row.append(input);
    else if (spec.kind === "checkbox") row.append(input, label);
    else row.append(label, input);
    if (shown) row.append(shown);
    this.#show(entry, spec.value);
    return entry;
  }
}
