/** LogBuffer (worker side) and LogView (page side) agree on what a capped log shows. */
import { describe, expect, it } from "vitest";
import { LogBuffer } from "../../src/runtime/log-buffer.ts";
import { LogView } from "../../src/runtime/log-view.ts";
import type { LogLine } from "../../src/runtime/protocol.ts";

const line = (i: number): LogLine => ({ level: "log", args: [{ kind: "number", value: i }] });
const num = (l: LogLine) => (l.args[0] as { value: number }).value;

/** Logs n lines, flushing every `every` lines, and returns what the page shows. */
function simulate(n: number, max: number, every: number) {
  const buf = new LogBuffer(max);
  const view = new LogView();
  let messages = 0;
  for (let i = 0; i < n; i++) {
    buf.push(line(i));
    if ((i + 1) % every === 0) {
      const m = buf.take();
      if (m) (view.push(m), messages++);
    }
  }
  const m = buf.take();
  if (m) (view.push(m), messages++);
  return { view, messages };
}

describe("LogBuffer + LogView", () => {
  it("under the cap everything arrives", () => {
    const { view } = simulate(50, 100, 7);
    expect(view.head.map(num)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(view.dropped).toBe(0);
  });

  for (const every of [1, 13, 333, 1_000_000]) {
    it(`over the cap: first 30 %, last 70 %, dropped count (flush every ${every})`, () => {
      const { view } = simulate(5000, 100, every);
      expect(view.head.map(num)).toEqual(Array.from({ length: 30 }, (_, i) => i));
      expect(view.tail.map(num)).toEqual(Array.from({ length: 70 }, (_, i) => 4930 + i));
      expect(view.dropped).toBe(4900);
      expect(view.lines[30]).toEqual({ dropped: 4900 });
    });
  }

  it("one flush of a 100,000-line flood sends at most maxLines lines", () => {
    const buf = new LogBuffer(1000);
    for (let i = 0; i < 100_000; i++) buf.push(line(i));
    const m = buf.take();
    expect(m?.lines).toHaveLength(1000);
    expect(m?.total).toBe(100_000);
    expect(buf.take()).toBeNull();
  });
});
