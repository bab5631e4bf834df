/**
 * The words around a cell's output: table captions, error places, progress
 * bars, dropped lines and sampled plots (render-output.ts, render-plot.ts,
 * cell-view.ts). What the cell itself printed or threw is the cell's data and
 * is never translated; numbers keep one format in both editions ("2,000").
 */
import { msg } from "../message.ts";

const n = (v: number): string => v.toLocaleString("en");

export const matrixCaption = msg<{ rows: number; cols: number; truncated: boolean }>({
  en: ({ rows, cols, truncated }) => `Matrix ${rows}×${cols}${truncated ? " (first and last rows/columns)" : ""}`,
  "zh-CN": ({ rows, cols, truncated }) => `矩阵 ${rows}×${cols}${truncated ? "（只显示开头和末尾的行与列）" : ""}`,
});
export const rowHeader = msg({ en: "row", "zh-CN": "行" });
/** Read by screen readers in a matrix's gap row (the leading space separates it from "⋮"). */
export const rowsNotShown = msg<{ from: number; to: number }>({
  en: ({ from, to }) => ` rows ${from} to ${to} not shown`,
  "zh-CN": ({ from, to }) => ` 第 ${from} 到 ${to} 行未显示`,
});
export const modelCaption = msg<{ name: string; layers: number; params: number }>({
  en: ({ name, layers, params }) => `${name}: ${layers} layers, ${n(params)} parameters`,
  "zh-CN": ({ name, layers, params }) => `${name}：${layers} 层，${n(params)} 个参数`,
});
export const layerHeader = msg({ en: "layer", "zh-CN": "层" });
export const paramsHeader = msg({ en: "parameters", "zh-CN": "参数" });
export const drawing = msg({ en: "drawing…", "zh-CN": "正在绘图…" });
export const plotLabel = msg({ en: "plot output of this cell", "zh-CN": "此单元格输出的图" });

/** Where an error happened: " (cell 2, line 3, column 7)"; `cell` is absent for the cell's own code. */
export const errorPlace = msg<{ cell?: string; line: number; column?: number }>({
  en: ({ cell, line, column }) => ` (${cell ? `${cell}, ` : ""}line ${line}${column !== undefined ? `, column ${column}` : ""})`,
  "zh-CN": ({ cell, line, column }) => `（${cell ? `${cell}，` : ""}第 ${line} 行${column !== undefined ? `，第 ${column} 列` : ""}）`,
});
/** A thrown value that is not an Error (`throw 42`); `value` is the value as text. */
export const nonErrorThrown = msg<{ value: string }>({
  en: ({ value }) => `${value} (a non-Error value was thrown)`,
  "zh-CN": ({ value }) => `${value}（抛出的不是 Error 对象）`,
});
/** One frame of an error's stack. */
export const errorFrame = msg<{ fn: string; cell: string; line: number }>({
  en: ({ fn, cell, line }) => `    at ${fn} (${cell}, line ${line})`,
  "zh-CN": ({ fn, cell, line }) => `    在 ${fn}（${cell}，第 ${line} 行）`,
});

export const progressLabel = msg({ en: "progress", "zh-CN": "进度" });
/** A progress bar's text; `label` is the cell's own (data), `eta` the time part below or "". */
export const progressText = msg<{ label: string; percent: string; done: number; total: number; eta: string }>({
  en: ({ label, percent, done, total, eta }) => `${label ? `${label}: ` : ""}${percent}% (${done}/${total})${eta}`,
  "zh-CN": ({ label, percent, done, total, eta }) => `${label ? `${label}：` : ""}${percent}%（${done}/${total}）${eta}`,
});
export const progressElapsed = msg<{ seconds: string }>({
  en: ({ seconds }) => ` · ${seconds} s`,
  "zh-CN": ({ seconds }) => ` · ${seconds} 秒`,
});
export const progressEta = msg<{ seconds: number }>({
  en: ({ seconds }) => ` · about ${seconds} s left`,
  "zh-CN": ({ seconds }) => ` · 还需约 ${seconds} 秒`,
});

export const linesDropped = msg<{ n: number }>({
  en: (p) => `… ${n(p.n)} lines dropped …`,
  "zh-CN": (p) => `… 省略了 ${n(p.n)} 行 …`,
});
/** Under a plot whose marks were sampled to what the page can draw: one part per sampled mark. */
export const pointsShown = msg<{ marks: readonly { shown: number; total: number; mark: string }[] }>({
  en: ({ marks }) => marks.map((s) => `showing ${n(s.shown)} of ${n(s.total)} points (${s.mark})`).join("; "),
  "zh-CN": ({ marks }) => marks.map((s) => `显示 ${n(s.total)} 个点中的 ${n(s.shown)} 个（${s.mark}）`).join("；"),
});
