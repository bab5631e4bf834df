/**
 * The one place where text that crosses between the kernel and the page is
 * capped. The kernel passes every outgoing message through `capTexts`, and the
 * host passes every incoming message through it again (the page trusts no
 * size it did not check itself). It walks the whole message, so no field can
 * slip past: error messages and stacks, RegExp sources, object keys, symbol
 * descriptions, function names, BigInt digits, plot labels — all are strings
 * somewhere in the message.
 *
 * Each string keeps at most `maxString` characters (the rest becomes a
 * "… (N more characters)" suffix); once a message has used `maxTotal`
 * characters, later strings are cut to the suffix alone. Nesting deeper than
 * `maxDepth` and containers past `maxNodes` are dropped (replaced by null),
 * so the walk itself is linear in the size it keeps.
 */

/** Limits for {@link capTexts}. */
export interface TextCaps {
  /** Characters kept per string (10,000). */
  maxString: number;
  /** Characters kept per message, all strings together (300,000). */
  maxTotal: number;
  /** Nesting depth kept (32). */
  maxDepth: number;
  /** Values (strings, numbers, objects, …) kept per message (500,000). */
  maxNodes: number;
}

export const TEXT_CAPS: Readonly<TextCaps> = { maxString: 10_000, maxTotal: 300_000, maxDepth: 32, maxNodes: 500_000 };

/**
 * The note that ends a cut text, "… (N more characters)": the wire format on both sides, in English like a number's
 * digits. The page rewords it in its language (`wordCuts` in kernel-faults.ts), which finds it by {@link CUT_NOTE}.
 */
export function cutNote(more: number): string {
  return `… (${more.toLocaleString("en")} more characters)`;
}

/** Finds a {@link cutNote}; group 1 is the count as written. */
export const CUT_NOTE = /… \((\d{1,3}(?:,\d{3})*) more characters\)/;

/**
 * Truncates `s` to at most `keep` characters in all, saying how many were cut
 * (so cutting twice, in the kernel and again on the page, changes nothing).
 */
export function cutText(s: string, keep: number): string {
  if (s.length <= keep) return s;
  let head = Math.max(0, keep - 30);
  let note = cutNote(s.length - head);
  head = Math.max(0, keep - note.length);
  note = cutNote(s.length - head);
  return `${s.slice(0, head)}${note}`.slice(0, Math.max(keep, note.length));
}

/**
 * Caps every string in `value` (in place for arrays and plain objects; strings
 * are returned capped). Returns the capped value.
 */
export function capTexts<T>(value: T, caps: Readonly<TextCaps> = TEXT_CAPS): T {
  const budget = { chars: caps.maxTotal, nodes: caps.maxNodes };
  return walk(value, caps, budget, 0) as T;
}

function capString(s: string, caps: Readonly<TextCaps>, budget: { chars: number }): string {
  const keep = Math.min(caps.maxString, Math.max(0, budget.chars));
  const out = cutText(s, keep);
  budget.chars -= out.length;
  return out;
}

function walk(v: unknown, caps: Readonly<TextCaps>, budget: { chars: number; nodes: number }, depth: number): unknown {
  if (--budget.nodes < 0) return null;
  if (typeof v === "string") return capString(v, caps, budget);
  if (v === null || typeof v !== "object") return v;
  if (depth >= caps.maxDepth) return null;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      if (budget.nodes <= 0) {
        v.length = i;
        break;
      }
      v[i] = walk(v[i], caps, budget, depth + 1);
    }
    return v;
  }
  if (v instanceof Date || ArrayBuffer.isView(v) || v instanceof ArrayBuffer) return v;
  if (typeof MessagePort !== "undefined" && v instanceof MessagePort) return v;
  const o = v as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    const x = o[k];
    if (budget.nodes <= 0) {
      delete o[k];
      continue;
    }
    if (k.length > caps.maxString) {
      delete o[k];
      o[capString(k, caps, budget)] = walk(x, caps, budget, depth + 1);
    } else {
      budget.chars -= k.length;
      o[k] = walk(x, caps, budget, depth + 1);
    }
  }
  return o;
}
