/**
 * The controls a cell declared, drawn above its output as native, labelled
 * inputs (range, number, select, checkbox, button). Inputs are kept across
 * re-runs, keyed by label, so a slider being dragged is never replaced under
 * the pointer. Specs come from the worker and were checked with
 * `checkControl`; labels and options are inserted as text.
 */
import {
  acceptValue,
  decodePoints,
  encodePoints,
  formatControlValue,
  POINTS_LIMIT,
  type PointsSpec,
  sliderPosition,
  sliderValue,
  type ControlSpec,
  type ControlValue,
  type ControlValues,
  type SliderSpec,
} from "../runtime/controls.ts";
import type { Lang } from "../i18n/lang.ts";
import { t } from "../i18n/message.ts";
import * as controlMsg from "../i18n/messages/controls.ts";
import { pageLang } from "./page-lang.ts";

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
  /** The page's language, for the controls' own words (values stay numbers). */
  #lang = pageLang();

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
      input.setAttribute("aria-valuetext", formatControlValue(v, this.#lang));
    } else if (s.kind === "number") {
      if ((e.input as HTMLInputElement).valueAsNumber !== v) (e.input as HTMLInputElement).value = String(v);
    } else if (s.kind === "select") {
      (e.input as HTMLSelectElement).selectedIndex = s.options.findIndex((o) => o === v);
    } else if (s.kind === "checkbox") {
      (e.input as HTMLInputElement).checked = v as boolean;
    } else if (s.kind === "points") {
      drawPoints(e.row.querySelector("svg")!, decodePoints(v as string, s.classes) ?? []);
    }
    if (e.shown) {
      e.shown.textContent =
        s.kind === "button"
          ? v ? t(controlMsg.pressed, this.#lang, { n: v as number }) : ""
          : s.kind === "points" ? pointsSummary(v as string, s.classes, this.#lang) : formatControlValue(v, this.#lang);
    }
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
      case "points":
        input = document.createElement("button"); // replaced in #buildPoints
        break;
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
    if (spec.kind === "points") return this.#buildPoints(entry, spec, id, emit);
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

  /**
   * A drawing square for a dataset: click or tap places a point of the chosen
   * class; the keyboard moves a cross (arrow keys) and places a point (Enter);
   * presets and Clear are buttons. Commits 400 ms after the last change, so a
   * burst of clicks runs the cell once.
   */
  #buildPoints(entry: Entry, spec: PointsSpec, id: string, emit: (v: ControlValue, phase: ControlPhase) => void): Entry {
    const row = entry.row;
    const group = document.createElement("fieldset");
    group.className = "points-group";
    const legend = document.createElement("legend");
    legend.textContent = spec.label;
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", `0 0 ${BOX} ${BOX}`);
    svg.setAttribute("class", "points-area");
    svg.setAttribute("tabindex", "0");
    svg.setAttribute("role", "application");
    svg.setAttribute("aria-roledescription", t(controlMsg.drawingArea, this.#lang));
    svg.setAttribute("aria-label", t(controlMsg.drawingHelp, this.#lang, { label: spec.label }));
    svg.id = id;
    let cls = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const current = (): { x: number; y: number; c: number }[] => decodePoints(entry.value as string, spec.classes) ?? [];
    const change = (text: string) => {
      this.#show(entry, text);
      clearTimeout(timer);
      timer = setTimeout(() => emit(text, "commit"), 400);
    };
    const place = (x: number, y: number) => {
      const points = current();
      if (points.length >= 1000) return;
      points.push({ x, y, c: cls });
      change(encodePoints(points));
    };
    const toData = (px: number) => (px / BOX) * 2 * POINTS_LIMIT - POINTS_LIMIT;
    svg.addEventListener("pointerdown", (ev) => {
      const r = svg.getBoundingClientRect();
      const x = toData(((ev.clientX - r.left) / r.width) * BOX), y = -toData(((ev.clientY - r.top) / r.height) * BOX);
      place(Math.max(-POINTS_LIMIT, Math.min(POINTS_LIMIT, x)), Math.max(-POINTS_LIMIT, Math.min(POINTS_LIMIT, y)));
    });
    const cursor = { x: 0, y: 0 };
    svg.addEventListener("keydown", (ev) => {
      const d = 0.05;
      const moves: Record<string, [number, number]> = { ArrowLeft: [-d, 0], ArrowRight: [d, 0], ArrowUp: [0, d], ArrowDown: [0, -d] };
      if (moves[ev.key]) {
        cursor.x = Math.max(-POINTS_LIMIT, Math.min(POINTS_LIMIT, +(cursor.x + moves[ev.key][0]).toFixed(3)));
        cursor.y = Math.max(-POINTS_LIMIT, Math.min(POINTS_LIMIT, +(cursor.y + moves[ev.key][1]).toFixed(3)));
      } else if (ev.key === "Enter" || ev.key === " ") {
        place(cursor.x, cursor.y);
      } else return;
      ev.preventDefault();
      drawCursor(svg, cursor);
    });
    svg.addEventListener("focus", () => drawCursor(svg, cursor));
    svg.addEventListener("blur", () => drawCursor(svg, null));

    const tools = document.createElement("div");
    tools.className = "points-tools";
    const classes = document.createElement("div");
    classes.className = "points-classes";
    classes.setAttribute("role", "radiogroup");
    classes.setAttribute("aria-label", t(controlMsg.classOfNewPoints, this.#lang));
    for (let c = 0; c < spec.classes; c++) {
      const label = document.createElement("label");
      const radio = document.createElement("input");
      radio.type = "radio";
      radio.name = `${id}-class`;
      radio.checked = c === 0;
      radio.addEventListener("change", () => (cls = c));
      const swatch = document.createElement("span");
      swatch.className = `points-swatch points-c${c}`;
      swatch.setAttribute("aria-hidden", "true");
      label.append(radio, swatch, document.createTextNode(t(controlMsg.className, this.#lang, { c })));
      classes.append(label);
    }
    const presets = document.createElement("div");
    presets.className = "points-presets";
    presets.append(document.createTextNode(t(controlMsg.startFrom, this.#lang)));
    for (const name of spec.presets) {
      const b = document.createElement("button");
      b.type = "button";
      b.className = "cell-btn";
      b.textContent = t(controlMsg.preset, this.#lang, { name });
      b.addEventListener("click", () => {
        clearTimeout(timer);
        emit(`preset:${name}`, "commit");
      });
      presets.append(b);
    }
    const clear = document.createElement("button");
    clear.type = "button";
    clear.className = "cell-btn";
    clear.textContent = t(controlMsg.clear, this.#lang);
    clear.addEventListener("click", () => change(""));
    presets.append(clear);
    const shown = document.createElement("output");
    shown.htmlFor.add(id);
    tools.append(classes, presets, shown);
    group.append(legend, svg, tools);
    row.append(group);
    entry.input = svg as unknown as HTMLButtonElement;
    entry.shown = shown;
    this.#show(entry, spec.value);
    return entry;
  }
}

const SVG = "http://www.w3.org/2000/svg";
const BOX = 300;
const toBox = (v: number) => ((v + POINTS_LIMIT) / (2 * POINTS_LIMIT)) * BOX;

/** Redraws the points of a drawing square (circles coloured by class through CSS). */
function drawPoints(svg: SVGSVGElement, points: { x: number; y: number; c: number }[]): void {
  const layer = svg.querySelector("g.points-dots") ?? svg.appendChild(document.createElementNS(SVG, "g"));
  layer.setAttribute("class", "points-dots");
  const nodes = points.map((p) => {
    const dot = document.createElementNS(SVG, "circle");
    dot.setAttribute("cx", toBox(p.x).toFixed(1));
    dot.setAttribute("cy", toBox(-p.y).toFixed(1));
    dot.setAttribute("r", "4");
    dot.setAttribute("class", `points-c${p.c}`);
    return dot;
  });
  layer.replaceChildren(...nodes);
}

/** The keyboard cross of a drawing square, or none. */
function drawCursor(svg: SVGSVGElement, at: { x: number; y: number } | null): void {
  svg.querySelector("g.points-cursor")?.remove();
  if (!at) return;
  const g = document.createElementNS(SVG, "g");
  g.setAttribute("class", "points-cursor");
  const cx = toBox(at.x), cy = toBox(-at.y);
  for (const [x1, y1, x2, y2] of [[cx - 9, cy, cx + 9, cy], [cx, cy - 9, cx, cy + 9]]) {
    const line = document.createElementNS(SVG, "line");
    line.setAttribute("x1", String(x1));
    line.setAttribute("y1", String(y1));
    line.setAttribute("x2", String(x2));
    line.setAttribute("y2", String(y2));
    g.append(line);
  }
  svg.append(g);
}

function pointsSummary(text: string, classes: number, lang: Lang): string {
  const points = decodePoints(text, classes) ?? [];
  const counts = Array.from({ length: classes }, (_, c) => points.filter((p) => p.c === c).length);
  return t(controlMsg.pointsByClass, lang, { n: points.length, counts });
}
