/**
 * The page-level notebook: its bar (Run all, Stop, Restart), the "running cell
 * k of n" line, and the warnings it gives when the shared scope was lost
 * (notebook.ts, NotebookBar.astro).
 */
import { msg } from "../message.ts";

export const barLabel = msg({ en: "Notebook controls", "zh-CN": "笔记本操作" });
export const runAll = msg({ en: "Run all", "zh-CN": "全部运行" });
export const stop = msg({ en: "Stop", "zh-CN": "停止" });
export const restart = msg({ en: "Restart", "zh-CN": "重启" });
export const restartTitle = msg({ en: "Forget everything the cells defined", "zh-CN": "清除各单元格定义的一切" });
export const progressLabel = msg({ en: "Cells run so far", "zh-CN": "已运行的单元格" });

/** While Run all (or a run with the cells above) works; `cell` is the cell's label ("cell 3"). */
export const runningCell = msg<{ cell: string; k: number; n: number; id: string }>({
  en: ({ cell, k, n, id }) => `Running ${cell} (${k} of ${n}): ${id}`,
  "zh-CN": ({ cell, k, n, id }) => `正在运行${cell}（第 ${k} 个，共 ${n} 个）：${id}`,
});

// ---- the scope was reset -------------------------------------------------------------

export const resetByStop = msg({ en: "Stop had to restart the worker", "zh-CN": "停止时不得不重启内核" });
export const resetByTimeLimit = msg({
  en: "A cell hit its time limit, so the worker was restarted",
  "zh-CN": "有单元格达到了时间上限，内核已重启",
});
export const resetByCrash = msg({ en: "The worker crashed and was restarted", "zh-CN": "内核崩溃，已重启" });
export const resetByRestart = msg({ en: "The notebook was restarted", "zh-CN": "笔记本已重启" });
/** `why` is one of the reasons above, or a crash's own sentence (runtime.ts). */
export const scopeReset = msg<{ why: string }>({
  en: ({ why }) => `${why}: the shared scope was reset.`,
  "zh-CN": ({ why }) => `${why}：共享作用域已重置。`,
});
export const scopeResetRerun = msg<{ why: string; cells: string }>({
  en: ({ why, cells }) => `${why}: the shared scope was reset. Re-run ${cells} (Run on any cell re-runs the cells above it).`,
  "zh-CN": ({ why, cells }) => `${why}：共享作用域已重置。请重新运行${cells}（运行任一单元格都会先重新运行它上方的单元格）。`,
});

/** An error from a timer or promise that no cell on the page owns. */
export const uncaught = msg<{ name: string; message: string }>({
  en: ({ name, message }) => `Uncaught ${name}: ${message}`,
  "zh-CN": ({ name, message }) => `未捕获的 ${name}：${message}`,
});
export const sharedProcess = msg({
  en: "This browser runs cells in the page's own process: a cell that runs out of memory can close the tab.",
  "zh-CN": "这个浏览器在页面自己的进程中运行单元格：耗尽内存的单元格可能会让标签页关闭。",
});
