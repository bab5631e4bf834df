/**
 * Long inline formulas get line-break points (src/markdown/inline-breaks.ts):
 * drawn as pieces after the outer row's relations and binary operators, read
 * whole by assistive technology.
 */
import { describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import { typeset } from "../../src/markdown/katex.ts";
import { breakLongInline } from "../../src/markdown/inline-breaks.ts";

const LONG = "(XW_1 + b_1)W_2 + b_2 = X(W_1W_2) + (b_1W_2 + b_2)";
const parse = (html: string) => parseHTML(`<!doctype html><html><body>${html}</body></html>`).document;
const shown = (el: Element) => [...el.querySelectorAll("mi, mn, mo, mtext")].map((t) => t.textContent).join("");

describe("line breaks in long inline formulas", () => {
  it("leaves a short formula as it is", () => {
    const short = typeset("a = b + c", false);
    expect(breakLongInline(short)).toBe(short);
  });

  it("draws a long one as pieces ending at top-level operators, after a closing bracket too, never after a unary sign", () => {
    const doc = parse(breakLongInline(typeset(LONG, false)));
    const pieces = [...doc.querySelectorAll(".math-pieces > math")];
    expect(pieces.map(shown)).toEqual(["(XW1+", "b1)W2+", "b2=", "X(W1W2)+", "(b1W2+", "b2)"]);
    expect(pieces.slice(0, -1).every((p) => p.querySelector("mrow > mo:last-child")?.getAttribute("form") === "infix")).toBe(true);
    const signed = parse(breakLongInline(typeset("a_1 + a_2 + a_3 + a_4 + a_5 = -b_1 - b_2 - b_3 - b_4", false)));
    expect([...signed.querySelectorAll(".math-pieces > math")].map(shown)).toContain("−b1−");
  });

  it("keeps the whole formula, with its TeX, for assistive technology and hides the pieces from it", () => {
    const doc = parse(breakLongInline(typeset(LONG, false)));
    const whole = doc.querySelector(".katex > math.visually-hidden")!;
    expect(shown(whole)).toBe(shown(doc.querySelector(".math-pieces")!));
    expect(whole.querySelector("annotation")?.textContent).toBe(LONG);
    expect(doc.querySelector(".math-pieces")?.getAttribute("aria-hidden")).toBe("true");
    expect(doc.querySelectorAll(".math-pieces annotation").length).toBe(0);
  });
});
