/**
 * Redraws of live outputs (`handle.update(...)` from a training loop), paced
 * by time and by animation frames rather than by the sender's steps.
 *
 * A training cell can send a new decision map and a new loss chart every few
 * milliseconds; drawing each one as it arrives queues up plot renders faster
 * than the main thread finishes them, and several renders in one task make the
 * page stutter. Here only the latest value of each output is kept, each output
 * is redrawn at most every `MIN_INTERVAL_MS`, and at most one output is drawn
 * per animation frame.
 *
 * The drawing itself runs in a task of its own just after the frame, not in
 * the frame's callback: the browser restyles, lays out and paints in the same
 * task as its animation-frame callbacks, so a figure built there made one task
 * of building the figure (Plot's code, 15–25 ms for chapter 8's decision map
 * with its 600 dots) and of rendering it (as long again). Built after the
 * frame, the figure is rendered by the next frame: two tasks, each about half.
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

/** Picks the first pending output whose interval has passed, and asks for another frame while any remain. */
function drainOne(now: number): void {
  frame = 0;
  for (const [key, draw] of pending) {
    if (now - (lastDrawn.get(key) ?? -Infinity) < MIN_INTERVAL_MS) continue;
    pending.delete(key);
    lastDrawn.set(key, now);
    afterFrame(draw);
    break;
  }
  if (pending.size) frame = requestAnimationFrame(drainOne);
}

/**
 * Runs `fn` in a new task: a message to ourselves, which the browser runs as soon as the frame is done
 * (`setTimeout(fn, 0)` may wait for its minimum delay).
 */
const channel = new MessageChannel();
const queued: (() => void)[] = [];
channel.port1.onmessage = () => queued.shift()?.();
function afterFrame(fn: () => void): void {
  queued.push(fn);
  channel.port2.postMessage(null);
}
