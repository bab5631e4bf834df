/**
 * The chrome of a cell's controls (controls-view.ts, runtime/controls.ts's
 * value text): the labels and values themselves are the cell's data; numbers
 * keep one format in both editions.
 */
import { msg } from "../message.ts";

export const on = msg({ en: "on", "zh-CN": "开" });
export const off = msg({ en: "off", "zh-CN": "关" });
/** A button control's count of presses. */
export const pressed = msg<{ n: number }>({
  en: ({ n }) => `pressed ${n}×`,
  "zh-CN": ({ n }) => `已按 ${n} 次`,
});
/** A drawing square's value, short. */
export const points = msg<{ n: number }>({
  en: ({ n }) => `${n} points`,
  "zh-CN": ({ n }) => `${n} 个点`,
});
/** A drawing square's value with its count per class. */
export const pointsByClass = msg<{ n: number; counts: readonly number[] }>({
  en: ({ n, counts }) => `${n} points (${counts.map((k, c) => `class ${c}: ${k}`).join(", ")})`,
  "zh-CN": ({ n, counts }) => `${n} 个点（${counts.map((k, c) => `类别 ${c}：${k}`).join("，")}）`,
});
export const className = msg<{ c: number }>({
  en: ({ c }) => `class ${c}`,
  "zh-CN": ({ c }) => `类别 ${c}`,
});
export const classOfNewPoints = msg({ en: "Class of new points", "zh-CN": "新点的类别" });
export const drawingArea = msg({ en: "drawing area", "zh-CN": "绘图区" });
/** The drawing square's accessible name; `label` is the control's own. */
export const drawingHelp = msg<{ label: string }>({
  en: ({ label }) => `${label}: click or tap to place a point of the chosen class; with the keyboard, arrow keys move the cross and Enter places a point`,
  "zh-CN": ({ label }) => `${label}：点击或轻触即可放置一个所选类别的点；用键盘时，方向键移动十字，Enter 放置一个点`,
});
export const startFrom = msg({ en: "Start from: ", "zh-CN": "从预设开始：" });
export const clear = msg({ en: "Clear", "zh-CN": "清空" });
/** The point presets of drawData / a drawing square. */
export const preset = msg<{ name: string }>({
  en: ({ name }) => ({ spiral: "spiral", moons: "moons", circles: "circles", xor: "XOR", gaussians: "Gaussians" })[name] ?? name,
  "zh-CN": ({ name }) => ({ spiral: "螺旋", moons: "双月", circles: "同心圆", xor: "异或（XOR）", gaussians: "高斯团" })[name] ?? name,
});
