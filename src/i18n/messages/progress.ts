/**
 * Course progress on the index page (course-progress.ts; the page's own
 * buttons read `exportButton`, `importButton`, `resetButton`, `chapterProgress`).
 * Progress is per exercise and shared by both editions.
 */
import { msg } from "../message.ts";

/** Under a chapter's progress bar. */
export const chapterProgress = msg<{ passed: number; total: number; tried: number }>({
  en: ({ passed, total, tried }) => `${passed} of ${total} ${total === 1 ? "exercise" : "exercises"} passed${tried ? `, ${tried} tried` : ""}`,
  "zh-CN": ({ passed, total, tried }) => `${total} 道练习中通过 ${passed} 道${tried ? `，尝试过 ${tried} 道` : ""}`,
});
export const exportButton = msg({ en: "Export progress", "zh-CN": "导出进度" });
export const importButton = msg({ en: "Import progress", "zh-CN": "导入进度" });
export const resetButton = msg({ en: "Reset progress", "zh-CN": "重置进度" });
export const exported = msg({ en: "Progress exported.", "zh-CN": "进度已导出。" });
export const imported = msg<{ n: number }>({
  en: ({ n }) => `Imported progress for ${n} exercise${n === 1 ? "" : "s"}.`,
  "zh-CN": ({ n }) => `已导入 ${n} 道练习的进度。`,
});
export const importNotSaved = msg<{ reason: string }>({
  en: ({ reason }) => `Could not save the imported progress: ${reason}.`,
  "zh-CN": ({ reason }) => `无法保存导入的进度：${reason}。`,
});
export const notAProgressFile = msg({
  en: "import: this file is not a How Networks Learn progress file (expected JSON with kind \"how-networks-learn-progress\", v 1)",
  "zh-CN": "导入失败：这个文件不是本课程的进度文件（应为 JSON，其中 kind 为 \"how-networks-learn-progress\"，v 为 1）",
});
export const confirmReset = msg({
  en: "Forget which exercises you have tried and passed on this device? Your code edits are kept.",
  "zh-CN": "要清除这台设备上记录的练习尝试与通过情况吗？你修改过的代码会保留。",
});
export const resetDone = msg({ en: "Progress reset.", "zh-CN": "进度已重置。" });
/** Why storage refused to save progress (progress.ts's reason codes). */
export const storageReason = msg<{ reason: "unavailable" | "full" | "refused" }>({
  en: ({ reason }) => ({ unavailable: "storage is not available", full: "storage is full", refused: "storage refused the write" })[reason],
  "zh-CN": ({ reason }) => ({ unavailable: "无法使用本地存储", full: "存储空间已满", refused: "浏览器拒绝了写入" })[reason],
});
