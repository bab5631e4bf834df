/**
 * Redraws of live outputs (`handle.update(...)` from a training loop), paced
 * by time and by animation frames rather than by the sender's steps.
 *
 * A training cell can send a new decision map and a new loss chart every few
 * milliseconds; drawing each one as it arrives queues up plot renders faster
 * than the main thread finishes them, and several renders in one task make the
 * page stutter. Here only the latest value of each output is kept, each output
 * is redrawn at most every `MIN_INTERVAL_MS`, and at most one output is drawn
 * per animation frame, so every redraw is its own short task.
 */
const MIN_INTERVAL_MS = 100;

const pending = new Map<object, () => void>();
const lastDrawn = new WeakMap<object, number>();
let frame = 0;

/** Redraws `key` with `draw` soon; a later call for the same key before then replaces this one. */
export function scheduleRedraw(key: object, draw: () => void): void {
  pending.set(key, draw);
  if (!frame) frame = requestAnimationFrame(drainOne);
}

/** Draws the first pending output whose interval has passed, and asks for another frame while any remain. */
function drainOne(now: number): void {
  frame = 0;
  for (const [key, draw] of pending) {
    if (now - (lastDrawn.get(key) ?? -Infinity) < MIN_INTERVAL_MS) continue;
    pending.delete(key);
    lastDrawn.set(key, now);
    draw();
    break;
  }
  if (pending.size) frame = requestAnimationFrame(drainOne);
}
