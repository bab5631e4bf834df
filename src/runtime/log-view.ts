/**
 * The page's copy of one run's log, capped the same way the worker caps it.
 *
 * Feed it every `log` message of a run; it keeps the first `keepHead` lines,
 * the last `keepTail` lines and the number of lines dropped between them, so
 * a 100,000-line flood renders as a few hundred lines and one "N lines
 * dropped" marker.
 */
import type { LogLine, LogMessage } from "./protocol.ts";

/** A run's visible log. */
export class LogView {
  /** The first lines, in order. */
  head: LogLine[] = [];
  /** The last lines, in order (empty until the log overflows). */
  tail: LogLine[] = [];
  /** Lines dropped between `head` and `tail`. */
  dropped = 0;

  /** Adds a batch from the worker. */
  push(msg: Pick<LogMessage, "lines" | "total" | "keepHead" | "keepTail">): void {
    const all = this.head.concat(this.tail, msg.lines);
    if (msg.total <= msg.keepHead + msg.keepTail) {
      this.head = all;
      this.tail = [];
      this.dropped = 0;
      return;
    }
    this.head = all.slice(0, msg.keepHead);
    this.tail = all.slice(Math.max(msg.keepHead, all.length - msg.keepTail));
    this.dropped = msg.total - this.head.length - this.tail.length;
  }

  /** All visible lines with the drop marker's position: `[...head, gap, ...tail]`. */
  get lines(): (LogLine | { dropped: number })[] {
    return this.dropped > 0 ? [...this.head, { dropped: this.dropped }, ...this.tail] : [...this.head, ...this.tail];
  }
}
