/**
 * What an exercise block says around the grader's report: its labels and
 * buttons, its states, and what it says when a check cannot finish
 * (`components/Exercise.astro`, `components/exercise-client.ts`).
 */
import { msg } from "../message.ts";

export const kicker = msg({ en: "Exercise", "zh-CN": "练习" });
export const stateNotTried = msg({ en: "not tried", "zh-CN": "未尝试" });
export const stateTried = msg({ en: "tried", "zh-CN": "已尝试" });
export const statePassed = msg({ en: "passed ✓", "zh-CN": "已通过 ✓" });
export const cellLabel = msg<{ title: string }>({ en: (p) => `Your answer to “${p.title}”`, "zh-CN": (p) => `你对「${p.title}」的解答` });
  /** How the notebook names the exercise's cell in its messages. */
export const cellName = msg({ en: "your answer", "zh-CN": "你的解答" });
export const check = msg({ en: "Check", "zh-CN": "检查" });
export const checkTitle = msg({ en: "Check your answer (Ctrl/Cmd+Enter)", "zh-CN": "检查你的解答（Ctrl/Cmd+Enter）" });
export const checking = msg({ en: "Checking…", "zh-CN": "正在检查……" });
export const firstHint = msg<{ n: number }>({ en: (p) => `Show a hint (1 of ${p.n})`, "zh-CN": (p) => `显示提示（第 1 条，共 ${p.n} 条）` });
export const nextHint = msg<{ k: number; n: number }>({ en: (p) => `Show another hint (${p.k} of ${p.n})`, "zh-CN": (p) => `再显示一条提示（第 ${p.k} 条，共 ${p.n} 条）` });
export const allHints = msg({ en: "All hints shown", "zh-CN": "提示已全部显示" });
export const showSolution = msg({ en: "Show the solution", "zh-CN": "显示参考答案" });
export const hideSolution = msg({ en: "Hide the solution", "zh-CN": "隐藏参考答案" });
export const solutionLocked = msg({ en: "Available after your first check", "zh-CN": "第一次检查之后可用" });
export const oneSolution = msg({ en: "One solution", "zh-CN": "一种解法" });
export const compare = msg({ en: "Compare with my code", "zh-CN": "与我的代码对比" });
export const hideCompare = msg({ en: "Hide the comparison", "zh-CN": "隐藏对比" });
export const compareCaption = msg({ en: "Your code (left) and the solution (right); changed lines are marked", "zh-CN": "你的代码（左）与参考答案（右）；不同的行已标出" });
export const yourCode = msg({ en: "Your code", "zh-CN": "你的代码" });
export const solution = msg({ en: "Solution", "zh-CN": "参考答案" });
export const starterChanged = msg({
  en: "This exercise's starter code has changed since you edited it. Your version is shown; Reset loads the new one.",
  "zh-CN": "你编辑之后，这道练习的初始代码已经更新。这里显示的是你的版本；点「重置」可载入新版本。",
});
export const notSaved = msg<{ reason: string }>({ en: (p) => `Your answer could not be saved on this device (${p.reason}).`, "zh-CN": (p) => `你的解答无法保存在这台设备上（${p.reason}）。` });
export const progressNotSaved = msg<{ reason: string }>({ en: (p) => `Progress could not be saved: ${p.reason}.`, "zh-CN": (p) => `学习进度无法保存：${p.reason}。` });
export const reasonQuota = msg({ en: "the browser's storage is full", "zh-CN": "浏览器的存储空间已满" });
export const reasonUnavailable = msg({ en: "storage is not available", "zh-CN": "存储不可用" });
export const reasonTooLarge = msg({ en: "the code is too large to save", "zh-CN": "代码太长，无法保存" });
export const timeoutCode = msg<{ s: number }>({
  en: (p) => `Time-out: your code did not finish within ${p.s} s. Is there a loop that never ends?`,
  "zh-CN": (p) => `超时：你的代码在 ${p.s} 秒内没有运行完。是不是有一个永远不会结束的循环？`,
});
export const timeoutFunction = msg<{ s: number }>({
  en: (p) => `Time-out: your function did not finish within ${p.s} s. Is there a loop that never ends?`,
  "zh-CN": (p) => `超时：你的函数在 ${p.s} 秒内没有运行完。是不是有一个永远不会结束的循环？`,
});
export const stopped = msg({ en: "The check was stopped before it finished.", "zh-CN": "检查在完成之前被停止了。" });
export const graderFailed = msg<{ message: string }>({ en: (p) => `The grader could not finish: ${p.message}.`, "zh-CN": (p) => `评分程序没能完成：${p.message}。` });
export const unknownError = msg({ en: "unknown error", "zh-CN": "未知错误" });
export const codeFailed = msg<{ message: string }>({ en: (p) => `Your code did not run: ${p.message}. Fix it and check again.`, "zh-CN": (p) => `你的代码没能运行：${p.message}。改正后再检查一次。` });
export const seeAbove = msg({ en: "see the error above", "zh-CN": "见上方的错误信息" });
export const syntaxErrorAt = msg<{ place: string; message: string }>({ en: (p) => `syntax error at ${p.place}: ${p.message}`, "zh-CN": (p) => `${p.place}有语法错误：${p.message}` });
export const syntaxError = msg<{ message: string }>({ en: (p) => `syntax error: ${p.message}`, "zh-CN": (p) => `语法错误：${p.message}` });
export const errorAt = msg<{ place: string; message: string }>({ en: (p) => `${p.place}: ${p.message}`, "zh-CN": (p) => `${p.place}：${p.message}` });
export const line = msg<{ line: number }>({ en: (p) => `line ${p.line}`, "zh-CN": (p) => `第 ${p.line} 行` });
export const lineColumn = msg<{ line: number; column: number }>({ en: (p) => `line ${p.line}, column ${p.column}`, "zh-CN": (p) => `第 ${p.line} 行第 ${p.column} 列` });
export const seedNote = msg<{ seed: number }>({ en: (p) => `Seed ${p.seed}.`, "zh-CN": (p) => `随机种子 ${p.seed}。` });
export const freshPoints = msg<{ seed: number }>({
  en: (p) => `Checked at fresh random points from seed ${p.seed}; every check draws new ones.`,
  "zh-CN": (p) => `本次检查使用由种子 ${p.seed} 新抽取的随机点；每次检查都会重新抽取。`,
});
export const detailParam = msg<{ param: string }>({ en: (p) => `parameter ${p.param}`, "zh-CN": (p) => `参数 ${p.param}` });
export const detailParamAt = msg<{ param: string; index: string }>({ en: (p) => `parameter ${p.param} at [${p.index}]`, "zh-CN": (p) => `参数 ${p.param} 的 [${p.index}] 处` });
export const detailInput = msg<{ input: string }>({ en: (p) => `input ${p.input}`, "zh-CN": (p) => `输入 ${p.input}` });
export const detailError = msg<{ error: string }>({ en: (p) => `max relative error ${p.error}`, "zh-CN": (p) => `最大相对误差 ${p.error}` });
export const detailErrorBand = msg<{ error: string; band: string }>({ en: (p) => `max relative error ${p.error} (${p.band})`, "zh-CN": (p) => `最大相对误差 ${p.error}（${p.band}）` });
export const detailsJoin = msg({ en: "; ", "zh-CN": "；" });
export const plotLabel = msg<{ label: string; against: string }>({
  en: (p) => `${p.label}: your values against the ${p.against}; points on the diagonal agree`,
  "zh-CN": (p) => `${p.label}：你的值与${p.against}的对比；落在对角线上的点表示一致`,
});
export const axisNumeric = msg({ en: "numerical gradient (central differences)", "zh-CN": "数值梯度（中心差分）" });
export const axisReference = msg({ en: "reference", "zh-CN": "参考值" });
export const againstNumeric = msg({ en: "numerical gradient", "zh-CN": "数值梯度" });
export const againstReference = msg({ en: "reference", "zh-CN": "参考值" });
export const axisYours = msg({ en: "yours", "zh-CN": "你的值" });
