/** The digit pad of chapter 9 (DigitPad.astro, digit-pad.ts). */
import { msg } from "../message.ts";

export const title = msg({ en: "Draw a digit", "zh-CN": "写一个数字" });
export const padLabel = msg({ en: "Drawing pad for one digit", "zh-CN": "写一个数字的画板" });
export const help = msg({
  en: "Draw with the mouse, a finger or a pen. Keyboard: arrow keys move the pen, hold Space to draw, Delete clears.",
  "zh-CN": "用鼠标、手指或触控笔书写。键盘：方向键移动笔，按住空格键书写，Delete 键清空。",
});
export const clear = msg({ en: "Clear", "zh-CN": "清空" });
export const previewLabel = msg({ en: "The 28 × 28 input the network sees", "zh-CN": "网络看到的 28 × 28 输入" });
export const previewCaption = msg({ en: "What the network sees: 28 × 28", "zh-CN": "网络看到的：28 × 28" });
export const probsLabel = msg({ en: "Probability of each digit", "zh-CN": "每个数字的概率" });
export const start = msg({ en: "Run the cells above (or Run all), then draw a digit.", "zh-CN": "先运行上方的单元格（或点“全部运行”），再写一个数字。" });
export const cleared = msg({ en: "Cleared. Draw a digit.", "zh-CN": "已清空。请写一个数字。" });
export const busy = msg({
  en: "The notebook is running a cell; the probabilities follow when it finishes.",
  "zh-CN": "笔记本正在运行单元格；运行完后再显示概率。",
});
export const reads = msg<{ digit: number; p: string }>({
  en: ({ digit, p }) => `The network reads a ${digit} (probability ${p}).`,
  "zh-CN": ({ digit, p }) => `网络认为这是 ${digit}（概率 ${p}）。`,
});
export const notTen = msg<{ fn: string }>({
  en: ({ fn }) => `${fn} did not return ten probabilities.`,
  "zh-CN": ({ fn }) => `${fn} 没有返回十个概率。`,
});
export const notDefined = msg<{ fn: string; message: string }>({
  en: ({ fn, message }) => `Run the cells above first: ${fn} or the model it uses is not defined yet (${message}).`,
  "zh-CN": ({ fn, message }) => `请先运行上方的单元格：${fn} 或它用到的模型还没有定义（${message}）。`,
});
export const failed = msg<{ fn: string; name: string; message: string }>({
  en: ({ fn, name, message }) => `${fn} failed: ${name}: ${message}`,
  "zh-CN": ({ fn, name, message }) => `${fn} 出错：${name}: ${message}`,
});
