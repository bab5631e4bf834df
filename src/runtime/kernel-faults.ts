/**
 * The kernel's own errors as data. The kernel raises a `KernelFault`
 * (protocol.ts) on an ordinary Error whose message is the English sentence
 * (for Node, logs and the downloaded script); `toCellError` carries the fault
 * to the page, which words it in its language (src/i18n/messages/kernel.ts),
 * so no English sentence of the runtime's reaches a Chinese page. The same
 * goes for the note that ends a cut text (text-cap.ts): the page rewords it.
 */
import type { Lang } from "../i18n/lang.ts";
import { t } from "../i18n/message.ts";
import * as m from "../i18n/messages/kernel.ts";
import type { CellError, KernelFault } from "./protocol.ts";
import { CUT_NOTE } from "./text-cap.ts";

/** The fault as one sentence in `lang` (lowercase, like every runtime error). */
export function faultText(fault: KernelFault, lang: Lang): string {
  switch (fault.code) {
    case "send-failed":
      return t(m.sendFailed, lang, fault);
    case "asset-outside-run":
      return t(m.assetOutsideRun, lang, fault);
    case "asset-failed":
      return fault.detail || t(m.assetFailed, lang, fault);
  }
}

/** An Error carrying `fault`, its message the English sentence. */
export function faultError(fault: KernelFault): Error {
  return Object.assign(new Error(faultText(fault, "en")), { fault });
}

/**
 * The fault a thrown value carries, on itself or on an error it wraps (`cause`: the library's `digits` wraps a
 * failed load), or undefined.
 */
export function faultOf(thrown: unknown): KernelFault | undefined {
  let e = thrown;
  for (let depth = 0; depth < 4 && e && typeof e === "object"; depth++) {
    const fault = (e as { fault?: unknown }).fault;
    if (fault && typeof fault === "object" && typeof (fault as { code?: unknown }).code === "string") return fault as KernelFault;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** A cell error's message as the page shows it: a kernel fault in the page's language, else the error's own words. */
export function errorMessage(error: CellError, lang: Lang): string {
  return error.fault ? faultText(error.fault, lang) : error.message;
}

/** `text` with each note of a cut (text-cap.ts) in the page's language. */
export function wordCuts(text: string, lang: Lang): string {
  if (!text.includes("…")) return text;
  return text.replace(new RegExp(CUT_NOTE.source, "g"), (_all, n: string) => t(m.moreCharacters, lang, { n: Number(n.replaceAll(",", "")).toLocaleString(lang) }));
}
