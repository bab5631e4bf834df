/**
 * A notebook cell's chrome: its buttons, status line, notices and labels
 * (cell-view.ts, CellBox.astro, Cell.astro). Statuses are whole phrases per
 * language; a duration or a cell's label is a parameter.
 */
import { msg } from "../message.ts";

/** A run's wall time: "12 ms", "1.4 s". */
export const duration = msg<{ ms: number }>({
  en: ({ ms }) => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`),
  "zh-CN": ({ ms }) => (ms < 1000 ? `${Math.round(ms)} 毫秒` : `${(ms / 1000).toFixed(1)} 秒`),
});

/** A cell's name in sentences: its place on the page ("cell 3"), or its id when it is not on the page. */
export const cellLabel = msg<{ cell: number | string }>({
  en: ({ cell }) => `cell ${cell}`,
  "zh-CN": ({ cell }) => `单元格 ${cell}`,
});

/** Several cell labels in one sentence. */
export const cellList = msg<{ cells: readonly string[] }>({
  en: ({ cells }) => cells.join(", "),
  "zh-CN": ({ cells }) => cells.join("、"),
});

// ---- buttons and labels (CellBox.astro, Cell.astro) --------------------------------

export const run = msg({ en: "Run", "zh-CN": "运行" });
export const runTitle = msg({ en: "Run (Ctrl/Cmd+Enter; Shift+Enter runs and moves on)", "zh-CN": "运行（Ctrl/Cmd+Enter；Shift+Enter 运行并转到下一个单元格）" });
export const stop = msg({ en: "Stop", "zh-CN": "停止" });
export const reset = msg({ en: "Reset", "zh-CN": "重置" });
export const resetTitle = msg({ en: "Restore the original code", "zh-CN": "恢复原来的代码" });
export const modified = msg({ en: "modified", "zh-CN": "已修改" });
/** The section's accessible name: "Code cell 3 (first-cell)". */
export const codeCellLabel = msg<{ n: number; id: string }>({
  en: ({ n, id }) => `Code cell ${n} (${id})`,
  "zh-CN": ({ n, id }) => `代码单元格 ${n}（${id}）`,
});
/** The toolbar's accessible name, after the section's. */
export const toolbarLabel = msg<{ label: string }>({
  en: ({ label }) => `${label} controls`,
  "zh-CN": ({ label }) => `${label} 的操作`,
});
/** After a folded cell's summary. */
export const foldLines = msg<{ n: number }>({
  en: ({ n }) => `(${n} lines of code)`,
  "zh-CN": ({ n }) => `（${n} 行代码）`,
});
/** The editor's accessible name. */
export const codeOf = msg<{ cell: string }>({
  en: ({ cell }) => `Code of ${cell}`,
  "zh-CN": ({ cell }) => `${cell} 的代码`,
});
/** The group of a cell's controls. */
export const inputsOf = msg<{ cell: string }>({
  en: ({ cell }) => `Inputs of ${cell}`,
  "zh-CN": ({ cell }) => `${cell} 的输入`,
});
/** Read by screen readers on the static code. */
export const codeHint = msg({
  en: "Editable code. Ctrl+Enter (Cmd+Enter on a Mac) runs the cell; Shift+Enter runs it and moves to the next cell.",
  "zh-CN": "可编辑的代码。Ctrl+Enter（Mac 上为 Cmd+Enter）运行此单元格；Shift+Enter 运行并转到下一个单元格。",
});

// ---- statuses ---------------------------------------------------------------------

export const idle = msg({ en: "idle", "zh-CN": "尚未运行" });
export const queued = msg({ en: "queued", "zh-CN": "排队中" });
export const running = msg({ en: "running…", "zh-CN": "运行中…" });
export const done = msg({ en: "done", "zh-CN": "完成" });
export const error = msg({ en: "error", "zh-CN": "出错" });
export const stopped = msg({ en: "stopped", "zh-CN": "已停止" });
export const notRun = msg({ en: "not run", "zh-CN": "未运行" });
/** Ticks while the cell runs; `seconds` is already formatted ("1.2"). */
export const runningFor = msg<{ seconds: string }>({
  en: ({ seconds }) => `running ${seconds} s`,
  "zh-CN": ({ seconds }) => `运行中 ${seconds} 秒`,
});
export const waitingFor = msg<{ cell: string }>({
  en: ({ cell }) => `queued (waiting for ${cell})`,
  "zh-CN": ({ cell }) => `排队中（等待${cell}）`,
});
export const didNotFinish = msg<{ cell: string }>({
  en: ({ cell }) => `not run (${cell} did not finish)`,
  "zh-CN": ({ cell }) => `未运行（${cell}没有运行完）`,
});
export const doneIn = msg<{ time: string }>({
  en: ({ time }) => `done in ${time}`,
  "zh-CN": ({ time }) => `完成，用时 ${time}`,
});
export const errorAfter = msg<{ time: string }>({
  en: ({ time }) => `error after ${time}`,
  "zh-CN": ({ time }) => `出错，运行了 ${time}`,
});
export const stoppedAfter = msg<{ time: string }>({
  en: ({ time }) => `stopped after ${time}`,
  "zh-CN": ({ time }) => `已停止，运行了 ${time}`,
});
export const stoppedAfterTimeLimit = msg<{ time: string }>({
  en: ({ time }) => `stopped after ${time} (time limit)`,
  "zh-CN": ({ time }) => `已停止，运行了 ${time}（达到时间上限）`,
});
export const stoppedScopeReset = msg({ en: "stopped (scope reset)", "zh-CN": "已停止（作用域已重置）" });
export const stoppedTimeLimitScopeReset = msg({ en: "stopped (time limit; scope reset)", "zh-CN": "已停止（达到时间上限；作用域已重置）" });
export const stopping = msg({ en: "stopping…", "zh-CN": "正在停止…" });
export const restartingWorker = msg({ en: "restarting the worker…", "zh-CN": "正在重启内核…" });

// ---- notices above the code -------------------------------------------------------

export const stale = msg({ en: "Inputs changed above — Run to update.", "zh-CN": "上方的输入已改变——运行以更新。" });
export const staleEdit = msg({
  en: "The course has changed this cell since you edited it. Your version is shown.",
  "zh-CN": "在你修改之后，课程更新了这个单元格。这里显示的是你的版本。",
});
export const keepMine = msg({ en: "Keep mine", "zh-CN": "保留我的版本" });
export const useNewVersion = msg({ en: "Use the new version", "zh-CN": "使用新版本" });
export const editNotSaved = msg<{ reason: string }>({
  en: ({ reason }) => `Your edit could not be saved on this device (${reason}). Copy it somewhere safe before leaving the page.`,
  "zh-CN": ({ reason }) => `你的修改无法保存在这台设备上（${reason}）。离开页面前请把它复制到安全的地方。`,
});
export const controlsNotSaved = msg<{ reason: string }>({
  en: ({ reason }) => `Your control settings could not be saved on this device (${reason}).`,
  "zh-CN": ({ reason }) => `你的控件设置无法保存在这台设备上（${reason}）。`,
});
/** Why storage refused a save (storage.ts's reason codes; English shows the code itself, as it always has). */
export const saveFailure = msg<{ reason: "quota" | "unavailable" | "too-large" }>({
  en: ({ reason }) => reason,
  "zh-CN": ({ reason }) => ({ quota: "存储空间已满", unavailable: "浏览器不允许本地存储", "too-large": "代码太长" })[reason],
});
