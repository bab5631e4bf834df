/**
 * The worker side of log capping: one buffer per run.
 *
 * Lines are batched (the kernel flushes about every 16 ms) and capped: past
 * `maxLines` only the first `keepHead` and the last `keepTail` lines survive.
 * A line that can no longer be visible is dropped here, before it is ever
 * posted, so a 100,000-iteration `console.log` loop costs one or two messages
 * of at most `maxLines` lines. The page mirrors the trimming with `LogView`.
 */
import type { LogLine, LogMessage } from "./protocol.ts";

/** Per-run capped log batch. */
export class LogBuffer {
  readonly keepHead: number;
  readonly keepTail: number;
  /** Lines logged so far (including dropped ones). */
  total = 0;
  #head: LogLine[] = [];
  #tail: LogLine[] = [];

  /** `maxLines` ≥ 2; 30 % of it is kept from the start of a flood, the rest from its end. */
  constructor(maxLines: number) {
    const max = Math.max(2, Math.floor(maxLines));
    this.keepHead = Math.max(1, Math.floor(max * 0.3));
    this.keepTail = max - this.keepHead;
  }

  /** True when lines are waiting to be sent. */
  get pending(): boolean {
    return this.#head.length > 0 || this.#tail.length > 0;
  }

  /** Adds a line (already converted to rich values). */
  push(line: LogLine): void {
    const index = this.total++;
    if (index < this.keepHead) {
      this.#head.push(line);
      return;
    }
    this.#tail.push(line);
    // Trim in chunks so a flood costs amortised O(1) per line.
    if (this.#tail.length >= this.keepTail * 2) this.#tail.splice(0, this.#tail.length - this.keepTail);
  }

  /** Takes the pending lines as a message body (without type/runId), or null when there are none. */
  take(): Pick<LogMessage, "lines" | "total" | "keepHead" | "keepTail"> | null {
    if (!this.pending) return null;
    const tail = this.#tail.length > this.keepTail ? this.#tail.slice(-this.keepTail) : this.#tail;
    const lines = this.#head.concat(tail);
    this.#head = [];
    this.#tail = [];
    return { lines, total: this.total, keepHead: this.keepHead, keepTail: this.keepTail };
  }
}
