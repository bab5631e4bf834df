/**
 * Predictions kept on this device and how a number guess is judged; control
 * values kept per cell. Storage is a Map-backed fake.
 */
import { describe, expect, it } from "vitest";
import { clearPrediction, judgeNumber, loadPrediction, savePrediction } from "../../src/components/predictions.ts";
import { controlsKey, loadControls, saveControls } from "../../src/runtime/storage.ts";

const memory = () => {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k), m };
};

describe("judgeNumber(guess, actual, tolerance, scale)", () => {
  it("linear: relative error within the tolerance", () => {
    expect(judgeNumber(-0.5, -0.72, 0.25)).toEqual({ close: false, off: "31 %" });
    expect(judgeNumber(-0.7, -0.72, 0.25).close).toBe(true);
  });
  it("log: distance in powers of ten; a wrong sign is never close", () => {
    expect(judgeNumber(1e-10, 1.1e-11, 1)).toMatchObject({ close: false });
    expect(judgeNumber(1e-10, 1.1e-11, 1, "log")).toEqual({ close: true, off: "1.0 powers of ten" });
    expect(judgeNumber(-1e-10, 1.1e-11, 1, "log")).toEqual({ close: false, off: "a different sign" });
  });
});

describe("predictions and control values in storage", () => {
  it("saves, loads and forgets a prediction; corrupt data reads as none", () => {
    const s = memory();
    expect(savePrediction(s, "ch/a", { guess: 3, at: 1 })).toBe(true);
    expect(loadPrediction(s, "ch/a")).toEqual({ guess: 3, at: 1 });
    clearPrediction(s, "ch/a");
    expect(loadPrediction(s, "ch/a")).toBeNull();
    s.setItem("hnl:predictions:v1", "{not json");
    expect(loadPrediction(s, "ch/a")).toBeNull();
    s.setItem("hnl:predictions:v1", JSON.stringify({ "ch/a": { guess: { evil: 1 }, at: 1 } }));
    expect(loadPrediction(s, "ch/a")).toBeNull();
  });
  it("keeps only label → number/string/boolean control values; an empty set removes the record", () => {
    const s = memory();
    saveControls(s, "ch", "c", { lr: 0.5, act: "relu", on: true });
    expect(loadControls(s, "ch", "c")).toEqual({ lr: 0.5, act: "relu", on: true });
    s.setItem(controlsKey("ch", "c"), JSON.stringify({ lr: { x: 1 }, ok: 2, bad: null }));
    expect(loadControls(s, "ch", "c")).toEqual({ ok: 2 });
    saveControls(s, "ch", "c", {});
    expect(s.m.has(controlsKey("ch", "c"))).toBe(false);
  });
});
