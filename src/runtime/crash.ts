/**
 * Why a kernel died or could not start, as data. The worker adapters
 * (kernel-frame.ts, node-worker.ts, host.ts's webWorkerLike) report a cause;
 * the host words it in the page's language (src/i18n/messages/runtime.ts), so
 * no English sentence crosses from the kernel's side to a Chinese page.
 * `detail` is the platform's own words (a browser's or Node's error message),
 * shown as they are.
 */
import type { Lang } from "../i18n/lang.ts";
import { t } from "../i18n/message.ts";
import * as m from "../i18n/messages/runtime.ts";

export type CrashCause =
  | { code: "out-of-memory" }
  | { code: "frame-silent" }
  | { code: "kernel-silent" }
  | { code: "load-failed"; status: number; url: string }
  | { code: "could-not-start" }
  | { code: "exited"; exitCode: number }
  | { code: "post-failed"; detail: string }
  /** The worker failed; `detail` is the platform's message when it gave one. */
  | { code: "failed"; detail?: string };

/** The cause as one sentence in `lang` (lowercase, like every runtime error). */
export function crashText(cause: CrashCause, lang: Lang): string {
  switch (cause.code) {
    case "out-of-memory":
      return t(m.outOfMemory, lang);
    case "frame-silent":
      return t(m.frameSilent, lang);
    case "kernel-silent":
      return t(m.kernelSilent, lang);
    case "load-failed":
      return t(m.loadFailed, lang, cause);
    case "could-not-start":
      return t(m.couldNotStart, lang);
    case "exited":
      return t(m.exited, lang, cause);
    case "post-failed":
      return t(m.postFailed, lang, cause);
    case "failed":
      return cause.detail || t(m.workerFailed, lang);
  }
}
