/**
 * What the runtime itself says when a kernel dies or cannot start
 * (host.ts, kernel-frame.ts). The kernel and its frame report a typed
 * cause (`CrashCause` in runtime/crash.ts); the host words it in the page's
 * language. A cause that carries the browser's or Node's own words
 * (`detail`) shows them as they are, like any error message of the platform.
 */
import { msg } from "../message.ts";

export const outOfMemory = msg({
  en: "the cell ran out of memory (the kernel's process stopped)",
  "zh-CN": "单元格耗尽了内存（内核所在的进程已停止）",
});
export const frameSilent = msg({
  en: "the cell runtime did not start (its frame never answered)",
  "zh-CN": "单元格运行环境没有启动（它的框架一直没有应答）",
});
export const loadFailed = msg<{ status: number; url: string }>({
  en: ({ status, url }) => `could not load the cell runtime (${status} for ${url})`,
  "zh-CN": ({ status, url }) => `无法加载单元格运行环境（${url} 返回 ${status}）`,
});
export const couldNotStart = msg({ en: "the worker could not start", "zh-CN": "内核无法启动" });
export const workerFailed = msg({ en: "the worker failed", "zh-CN": "内核出错" });
export const exited = msg<{ exitCode: number }>({
  en: ({ exitCode }) => `the worker exited with code ${exitCode}`,
  "zh-CN": ({ exitCode }) => `内核已退出，退出码 ${exitCode}`,
});
export const kernelSilent = msg({
  en: "the kernel stopped answering (it did not acknowledge the run), so it was restarted",
  "zh-CN": "内核停止了应答（没有确认这次运行），因此已重启",
});
export const postFailed = msg<{ detail: string }>({
  en: ({ detail }) => `could not post to the worker: ${detail}`,
  "zh-CN": ({ detail }) => `无法向内核发送消息：${detail}`,
});
export const startFailed = msg<{ detail: string }>({
  en: ({ detail }) => `could not start the worker: ${detail}`,
  "zh-CN": ({ detail }) => `无法启动内核：${detail}`,
});
/** Under the cell whose run the crash ended; `reason` is one of the sentences above. */
export const crashedScopeReset = msg<{ reason: string }>({
  en: ({ reason }) => `${reason}; the scope was reset`,
  "zh-CN": ({ reason }) => `${reason}；作用域已重置`,
});
