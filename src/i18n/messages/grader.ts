/**
 * Every sentence of the grader's report (src/runtime/grader), in each edition.
 * Values (numbers, places such as `dW1[1][0]`, shapes, the learner's names)
 * arrive as typed parameters; an exercise's own strings (case labels,
 * stability notes) arrive already translated through its `zh-CN.ts`.
 */
import { msg } from "../message.ts";

type Fn = { fn: string };
type Input = { input: string };

// ---- format.ts -------------------------------------------------------------
export const kindNull = msg({ en: "null", "zh-CN": "null（空值）" });
export const kindUndefined = msg({ en: "undefined (did you forget to return?)", "zh-CN": "undefined（是不是忘了 return？）" });
export const kindArray = msg({ en: "an array", "zh-CN": "一个数组" });
export const kindObject = msg({ en: "an object", "zh-CN": "一个对象" });
export const kindObjectOf = msg<{ ctor: string }>({ en: (p) => `an object (${p.ctor})`, "zh-CN": (p) => `一个对象（${p.ctor}）` });
export const kindOther = msg<{ type: string }>({ en: (p) => `a ${p.type}`, "zh-CN": (p) => `一个 ${p.type} 类型的值` });
export const withinNoise = msg({ en: "to within rounding noise", "zh-CN": "（误差在舍入噪声范围内）" });
export const maxErrorParen = msg<{ error: string }>({ en: (p) => `(max relative error ${p.error})`, "zh-CN": (p) => `（最大相对误差 ${p.error}）` });

// ---- bands and problems ----------------------------------------------------
export const bandGood = msg({ en: "good", "zh-CN": "良好" });
export const bandAcceptable = msg({ en: "acceptable", "zh-CN": "可接受" });
export const bandSuspicious = msg({ en: "suspicious", "zh-CN": "可疑" });
export const bandWrong = msg({ en: "wrong", "zh-CN": "错误" });
export const causeNan = msg({ en: "it returns NaN", "zh-CN": "它返回了 NaN" });
export const causeInfinity = msg({ en: "it returns Infinity", "zh-CN": "它返回了 Infinity" });
export const causeShape = msg({ en: "it returns the wrong kind or shape of value", "zh-CN": "它返回的值类型或形状不对" });
export const causeException = msg({ en: "it throws an error", "zh-CN": "它抛出了错误" });
export const causeMissing = msg({ en: "a function is missing", "zh-CN": "缺少一个函数" });
export const causeMutated = msg({ en: "it changes its input", "zh-CN": "它修改了自己的输入" });
export const causeAccumulates = msg({ en: "it gives different results for the same input", "zh-CN": "同样的输入给出了不同的结果" });
export const causeTimeout = msg({ en: "it takes too long", "zh-CN": "它运行得太久" });
export const causeGradient = msg({ en: "the model's gradient check fails", "zh-CN": "模型的梯度检验没有通过" });
export const unstable = msg<{ why: string }>({ en: (p) => `not numerically stable: ${p.why}`, "zh-CN": (p) => `数值上不稳定：${p.why}` });

// ---- call.ts ---------------------------------------------------------------
export const threw = msg<Fn & Input & { error: string }>({ en: (p) => `${p.fn} threw ${p.error} (for ${p.input}).`, "zh-CN": (p) => `${p.fn} 抛出了 ${p.error}（输入为 ${p.input}）。` });
export const timeBudget = msg<Fn & Input & { s: number }>({
  en: (p) => `${p.fn} used up the ${p.s} s time budget for grading (last input: ${p.input}): is there a loop that runs far too often?`,
  "zh-CN": (p) => `${p.fn} 用完了评分的 ${p.s} 秒时间预算（最后的输入：${p.input}）：是不是有循环执行了太多次？`,
});
export const returnedPromise = msg<Fn>({ en: (p) => `${p.fn} returned a Promise: write a plain function, not an async one.`, "zh-CN": (p) => `${p.fn} 返回了一个 Promise：请写普通函数，不要写 async 函数。` });
export const changedLength = msg<Fn & Input & { arg: string; from: number; to: number }>({
  en: (p) => `${p.fn} changed the length of its input ${p.arg} from ${p.from} to ${p.to} (${p.input}): leave the inputs as they are.`,
  "zh-CN": (p) => `${p.fn} 把输入 ${p.arg} 的长度从 ${p.from} 改成了 ${p.to}（${p.input}）：不要修改输入。`,
});
export const changedArray = msg<Fn & Input & { arg: string; place: string; was: string; now: string }>({
  en: (p) => `${p.fn} changed its input ${p.arg}: ${p.place} was ${p.was} and became ${p.now} (${p.input}). Leave the inputs as they are and build the result in a new array (${p.arg}.slice() copies one).`,
  "zh-CN": (p) => `${p.fn} 修改了输入 ${p.arg}：${p.place} 原来是 ${p.was}，变成了 ${p.now}（${p.input}）。不要修改输入，把结果放进一个新数组（${p.arg}.slice() 可以复制一份）。`,
});
export const changedMatrix = msg<Fn & Input & { arg: string; place: string; was: string; now: string }>({
  en: (p) => `${p.fn} changed its input ${p.arg}: ${p.place} was ${p.was} and became ${p.now} (${p.input}). Leave the inputs as they are and write the result into a new Matrix (new Matrix(rows, cols) or ${p.arg}.clone()).`,
  "zh-CN": (p) => `${p.fn} 修改了输入 ${p.arg}：${p.place} 原来是 ${p.was}，变成了 ${p.now}（${p.input}）。不要修改输入，把结果写进一个新的 Matrix（new Matrix(rows, cols) 或 ${p.arg}.clone()）。`,
});
export const twiceDiffer = msg<Fn & Input & { diff: string }>({
  en: (p) => `calling ${p.fn} twice with the same input gave different results: ${p.diff} (${p.input}). It must not keep or add to anything between calls: everything it needs comes in through its arguments, and each result starts from fresh zeros.`,
  "zh-CN": (p) => `用同样的输入调用 ${p.fn} 两次，结果却不同：${p.diff}（${p.input}）。两次调用之间不能保留或累加任何东西：所需的一切都通过参数传入，每个结果都要从全新的零开始。`,
});
export const unreadable = msg<Fn & Input & { error: string }>({
  en: (p) => `what ${p.fn} returned could not be read: ${p.error} (${p.input}).`,
  "zh-CN": (p) => `无法读取 ${p.fn} 的返回值：${p.error}（${p.input}）。`,
});
export const notNumber = msg<Fn & Input & { kind: string }>({ en: (p) => `${p.fn} returned ${p.kind} for ${p.input}; it must return a number.`, "zh-CN": (p) => `${p.fn} 在 ${p.input} 时返回了${p.kind}；它必须返回一个数。` });
export const returnedNaN = msg<Fn & Input & { advice: string }>({ en: (p) => `${p.fn} returned NaN for ${p.input}: ${p.advice}.`, "zh-CN": (p) => `${p.fn} 在 ${p.input} 时返回了 NaN：${p.advice}。` });
export const returnedInf = msg<Fn & Input & { value: string; advice: string }>({ en: (p) => `${p.fn} returned ${p.value} for ${p.input}: ${p.advice}.`, "zh-CN": (p) => `${p.fn} 在 ${p.input} 时返回了 ${p.value}：${p.advice}。` });
export const adviceOverflow = msg({ en: "compute it in a way that does not overflow", "zh-CN": "换一种不会溢出的算法" });
export const adviceOverflowExp = msg({ en: "compute it in a way that does not overflow (Math.exp of a large number is Infinity)", "zh-CN": "换一种不会溢出的算法（Math.exp 作用于很大的数会得到 Infinity）" });
export const firstSecond = msg<{ a: string; b: string }>({ en: (p) => `${p.a} the first time, ${p.b} the second`, "zh-CN": (p) => `第一次是 ${p.a}，第二次是 ${p.b}` });
export const adviceNaN = msg({
  en: "NaN comes from 0/0, ∞ − ∞ or ∞/∞: is something overflowing, such as Math.exp of a large number?",
  "zh-CN": "NaN 来自 0/0、∞ − ∞ 或 ∞/∞：是不是有什么溢出了，比如对很大的数求 Math.exp？",
});
export const holdsWrongCount = msg<Input & { name: string; rows: number; cols: number; length: number }>({
  en: (p) => `${p.name} says it is ${p.rows}x${p.cols} but holds ${p.length} numbers (${p.input}).`,
  "zh-CN": (p) => `${p.name} 声称形状是 ${p.rows}x${p.cols}，却存了 ${p.length} 个数（${p.input}）。`,
});
export const notProperMatrix = msg<Input & { name: string; error: string }>({ en: (p) => `${p.name} is not a proper matrix: ${p.error} (${p.input}).`, "zh-CN": (p) => `${p.name} 不是一个合法的矩阵：${p.error}（${p.input}）。` });
export const notMatrix = msg<Fn & Input & { kind: string; name: string; rows: number; cols: number }>({
  en: (p) => `${p.fn} returned ${p.kind} for ${p.name}; it must be a Matrix of shape ${p.rows}x${p.cols} (${p.input}).`,
  "zh-CN": (p) => `${p.fn} 给 ${p.name} 返回了${p.kind}；它必须是形状为 ${p.rows}x${p.cols} 的 Matrix（${p.input}）。`,
});
export const wrongShapeTransposed = msg<{ name: string; shape: string; rows: number; cols: number; like: string }>({
  en: (p) => `${p.name} is ${p.shape} but must be ${p.rows}x${p.cols}, the shape of ${p.like}: it looks transposed (a gradient always has the shape of what it is the gradient of).`,
  "zh-CN": (p) => `${p.name} 的形状是 ${p.shape}，但必须是 ${p.rows}x${p.cols}，即 ${p.like} 的形状：看起来是转置了（梯度的形状总是与求梯度的对象相同）。`,
});
export const wrongShape = msg<Input & { name: string; shape: string; rows: number; cols: number; like: string }>({
  en: (p) => `${p.name} is ${p.shape} but must be ${p.rows}x${p.cols}, the shape of ${p.like} (${p.input}).`,
  "zh-CN": (p) => `${p.name} 的形状是 ${p.shape}，但必须是 ${p.rows}x${p.cols}，即 ${p.like} 的形状（${p.input}）。`,
});
export const transposedCause = msg<{ name: string }>({ en: (p) => `${p.name} is transposed`, "zh-CN": (p) => `${p.name} 被转置了` });
export const elementIs = msg<Input & { place: string; value: string; advice: string }>({ en: (p) => `${p.place} is ${p.value} (${p.input}): ${p.advice}`, "zh-CN": (p) => `${p.place} 是 ${p.value}（${p.input}）：${p.advice}` });
export const elementFirstSecond = msg<{ place: string; a: string; b: string }>({ en: (p) => `${p.place} was ${p.a} the first time and ${p.b} the second`, "zh-CN": (p) => `${p.place} 第一次是 ${p.a}，第二次是 ${p.b}` });
export const notObjectOf = msg<Fn & Input & { kind: string; names: string }>({
  en: (p) => `${p.fn} returned ${p.kind}; it must return an object { ${p.names} } (${p.input}).`,
  "zh-CN": (p) => `${p.fn} 返回了${p.kind}；它必须返回一个对象 { ${p.names} }（${p.input}）。`,
});
export const returnedNo = msg<Fn & Input & { name: string; names: string }>({
  en: (p) => `${p.fn} returned no ${p.name}: return an object { ${p.names} } (${p.input}).`,
  "zh-CN": (p) => `${p.fn} 的返回值里没有 ${p.name}：请返回一个对象 { ${p.names} }（${p.input}）。`,
});

// ---- patterns.ts -----------------------------------------------------------
export const patZeros = msg({ en: "yours is 0 everywhere while the reference is not: is the body still a placeholder?", "zh-CN": "你的结果处处为 0，而参考值不是：函数体是不是还是占位代码？" });
export const patSign = msg({ en: "the sign is flipped", "zh-CN": "符号反了" });
export const patMissing1N = msg<{ n: number }>({
  en: (p) => `yours is exactly N = ${p.n} times the right value, N being the batch size: the loss is a mean over the batch, so divide by N`,
  "zh-CN": (p) => `你的结果恰好是正确值的 N = ${p.n} 倍（N 是批大小）：损失是对整批取平均，所以要除以 N`,
});
export const patExtra1N = msg<{ n: number }>({
  en: (p) => `yours is exactly 1/${p.n} of the right value, N = ${p.n} being the batch size: is 1/N applied twice?`,
  "zh-CN": (p) => `你的结果恰好是正确值的 1/${p.n}（批大小 N = ${p.n}）：是不是乘了两次 1/N？`,
});
export const patFactor2 = msg({ en: "yours is exactly twice the right value: a factor 2 too many", "zh-CN": "你的结果恰好是正确值的两倍：多了一个因子 2" });
export const patHalf = msg({ en: "yours is exactly half the right value: a factor 2 is missing", "zh-CN": "你的结果恰好是正确值的一半：少了一个因子 2" });
export const patSignFactor = msg<{ r: string }>({
  en: (p) => `the sign is flipped and a factor 2 is off (yours is ${p.r} times the right value)`,
  "zh-CN": (p) => `符号反了，而且差了一个因子 2（你的结果是正确值的 ${p.r} 倍）`,
});
export const patScaled = msg<{ r: string }>({ en: (p) => `yours is the right value times ${p.r} everywhere: a constant factor is off`, "zh-CN": (p) => `你的结果处处都是正确值乘以 ${p.r}：差了一个常数因子` });

// ---- grad-verdict.ts and the gradient check kinds -----------------------------------
export const gradAllNoise = msg<{ names: string }>({
  en: (p) => `${p.names}: every element matches central differences to within rounding noise (good).`,
  "zh-CN": (p) => `${p.names}：每个元素都与中心差分在舍入噪声范围内一致（良好）。`,
});
export const gradAll = msg<{ names: string; error: string; band: string }>({
  en: (p) => `${p.names}: every element matches central differences (max relative error ${p.error}, ${p.band}).`,
  "zh-CN": (p) => `${p.names}：每个元素都与中心差分一致（最大相对误差 ${p.error}，${p.band}）。`,
});
export const gradUnfinished = msg<{ problems: string }>({ en: (p) => `the gradient check could not finish: ${p.problems}.`, "zh-CN": (p) => `梯度检验没能完成：${p.problems}。` });
export const gradTransposed = msg<{ name: string }>({
  en: (p) => `${p.name} is the transpose of the right gradient (swap the order of the product, or transpose the other factor)`,
  "zh-CN": (p) => `${p.name} 是正确梯度的转置（交换乘积的顺序，或者把另一个因子转置）`,
});
export const gradWorst = msg<{ place: string; yours: string; numeric: string; error: string; band: string }>({
  en: (p) => `${p.place}: yours is ${p.yours}, central differences give ${p.numeric} (relative error ${p.error}, ${p.band}).`,
  "zh-CN": (p) => `${p.place}：你的值是 ${p.yours}，中心差分给出 ${p.numeric}（相对误差 ${p.error}，${p.band}）。`,
});
export const gradRightOne = msg<{ good: string; bad: string; goodMany: boolean }>({
  en: (p) => `${p.good} ${p.goodMany ? "are" : "is"} right; ${p.bad} is not.`,
  "zh-CN": (p) => `${p.good} 是对的；${p.bad} 不对。`,
});
export const gradRightMany = msg<{ good: string; bad: string; goodMany: boolean; errors: string }>({
  en: (p) => `${p.good} ${p.goodMany ? "are" : "is"} right; ${p.bad} are not (max relative error ${p.errors}).`,
  "zh-CN": (p) => `${p.good} 是对的；${p.bad} 不对（最大相对误差 ${p.errors}）。`,
});
export const batchOf = msg<{ n: number }>({ en: (p) => `batch of ${p.n}`, "zh-CN": (p) => `批大小 ${p.n}` });
export const batchInput = msg<{ n: number; shapes: string }>({ en: (p) => `batch of ${p.n}: ${p.shapes}`, "zh-CN": (p) => `批大小 ${p.n}：${p.shapes}` });
export const forgotUpstream = msg({
  en: "yours is the local derivative alone; multiply it by the upstream gradient dOut, element by element (the chain rule)",
  "zh-CN": "你只算了局部导数；还要逐元素乘以上游梯度 dOut（链式法则）",
});
export const batchHintRows = msg({ en: "It works for one example but not for a batch: every row of x needs its own gradient row.", "zh-CN": "单个样本是对的，整批却不对：x 的每一行都需要自己的一行梯度。" });
export const batchHintSum = msg({ en: "It works for one example but not for a batch: sum each example's contribution over the rows of the batch.", "zh-CN": "单个样本是对的，整批却不对：要把批中每个样本（每一行）的贡献加起来。" });
export const backwardLabel = msg<Fn>({ en: (p) => `${p.fn}: numerical gradient vs yours (dX)`, "zh-CN": (p) => `${p.fn}：数值梯度与你的结果（dX）` });
export const backwardSummary = msg<Fn & { agreement: string }>({ en: (p) => `${p.fn} matches central differences for every element ${p.agreement}`, "zh-CN": (p) => `${p.fn} 的每个元素都与中心差分一致${p.agreement}` });
export const modelLabel = msg<{ names: string }>({ en: (p) => `${p.names}: numerical gradient vs yours`, "zh-CN": (p) => `${p.names}：数值梯度与你的结果` });
export const modelSummary = msg<{ names: string; agreement: string }>({ en: (p) => `${p.names} match central differences ${p.agreement}`, "zh-CN": (p) => `${p.names} 与中心差分一致${p.agreement}` });

// ---- check-derivative.ts ---------------------------------------------------
export const rangeAnd = msg<{ a: string; b: string }>({ en: (p) => `${p.a} and ${p.b}`, "zh-CN": (p) => `${p.a} 和 ${p.b}` });
export const rangeNegative = msg<{ ranges: string }>({ en: (p) => `${p.ranges} and its negative`, "zh-CN": (p) => `${p.ranges} 及其相反数区间` });
export const rangeNegatives = msg<{ ranges: string }>({ en: (p) => `${p.ranges} and their negatives`, "zh-CN": (p) => `${p.ranges} 及其相反数区间` });
export const checkFailed = msg<{ problems: string }>({ en: (p) => `the check itself failed: ${p.problems}.`, "zh-CN": (p) => `检查本身出错了：${p.problems}。` });
export const derivPassed = msg<Fn & { n: number; ranges: string; error: string; band: string }>({
  en: (p) => `${p.fn} matches central differences at ${p.n} random points in ${p.ranges} (max relative error ${p.error}, ${p.band}).`,
  "zh-CN": (p) => `${p.fn} 在 ${p.ranges}${/[\u4e00-\u9fff]$/.test(p.ranges) ? "" : " "}中的 ${p.n} 个随机点上都与中心差分一致（最大相对误差 ${p.error}，${p.band}）。`,
});
export const derivWrongAt = msg<{ k: number; n: number }>({ en: (p) => `, wrong at ${p.k} of ${p.n} points`, "zh-CN": (p) => `，${p.n} 个点中有 ${p.k} 个不对` });
export const derivFailed = msg<Fn & { z: string; yours: string; formula: string; numeric: string; error: string; band: string; why: string }>({
  en: (p) => `${p.fn}(${p.z}): yours is ${p.yours}, central differences of ${p.formula} give ${p.numeric} (relative error ${p.error}, ${p.band})${p.why}.`,
  "zh-CN": (p) => `${p.fn}(${p.z})：你的值是 ${p.yours}，对 ${p.formula} 做中心差分得到 ${p.numeric}（相对误差 ${p.error}，${p.band}）${p.why}。`,
});
export const derivLabel = msg<Fn & { v: string }>({ en: (p) => `${p.fn}(${p.v}): numerical gradient vs yours`, "zh-CN": (p) => `${p.fn}(${p.v})：数值梯度与你的结果` });
export const derivSummary = msg<Fn & { n: number; agreement: string }>({
  en: (p) => `${p.fn} matches central differences at ${p.n} random points ${p.agreement}`,
  "zh-CN": (p) => `${p.fn} 在 ${p.n} 个随机点上与中心差分一致${p.agreement}`,
});

// ---- check-value.ts --------------------------------------------------------
export const describeLength = msg<{ name: string; n: number }>({ en: (p) => `${p.name} of length ${p.n}`, "zh-CN": (p) => `长度为 ${p.n} 的 ${p.name}` });
export const aFunctionOfX = msg({ en: "a function of x", "zh-CN": "一个关于 x 的函数" });
export const notLabel = msg<Fn & Input & { kind: string; known: string }>({ en: (p) => `${p.fn} returned ${p.kind} for ${p.input}; it must return one of ${p.known}.`, "zh-CN": (p) => `${p.fn} 在 ${p.input} 时返回了${p.kind}；它必须返回 ${p.known} 之一。` });
export const unknownLabel = msg<Fn & Input & { label: string; known: string }>({ en: (p) => `${p.fn} returned ${p.label} for ${p.input}; it must return one of ${p.known}.`, "zh-CN": (p) => `${p.fn} 在 ${p.input} 时返回了 ${p.label}；它必须返回 ${p.known} 之一。` });
export const labelRight = msg<Input & { label: string }>({ en: (p) => `${p.label}, as the reference says (${p.input}).`, "zh-CN": (p) => `${p.label}，与参考答案一致（${p.input}）。` });
export const labelWrong = msg<Input & { yours: string; want: string }>({ en: (p) => `yours is ${p.yours}, the reference says ${p.want} (${p.input}).`, "zh-CN": (p) => `你的答案是 ${p.yours}，参考答案是 ${p.want}（${p.input}）。` });
export const valueRight = msg<{ error: string }>({ en: (p) => `matches the reference (max relative error ${p.error}, good).`, "zh-CN": (p) => `与参考值一致（最大相对误差 ${p.error}，良好）。` });
export const valueWrong = msg<{ place: string; yours: string; want: string; error: string; band: string }>({
  en: (p) => `${p.place}: yours is ${p.yours}, the reference gives ${p.want} (relative error ${p.error}, ${p.band}).`,
  "zh-CN": (p) => `${p.place}：你的值是 ${p.yours}，参考值是 ${p.want}（相对误差 ${p.error}，${p.band}）。`,
});
export const valueBatchHint = msg({ en: "It works for a single row but not for a batch: treat each row on its own.", "zh-CN": "单独一行是对的，整批却不对：要对每一行分别处理。" });
export const theReferenceOutput = msg({ en: "the reference output", "zh-CN": "参考输出" });
export const valueLabel = msg<Fn>({ en: (p) => `${p.fn}: reference vs yours`, "zh-CN": (p) => `${p.fn}：参考值与你的结果` });
export const valueSummary = msg<Fn & { agreement: string }>({ en: (p) => `${p.fn} matches the reference on every case ${p.agreement}`, "zh-CN": (p) => `${p.fn} 在每种情形下都与参考值一致${p.agreement}` });

// ---- check-update.ts -------------------------------------------------------
export const stepsAgainst = msg<{ k: number }>({ en: (p) => `${p.k} steps against the reference`, "zh-CN": (p) => `与参考实现对比 ${p.k} 步` });
export const stepInput = msg<{ t: number; k: number; rows: number; cols: number; hyper: string }>({
  en: (p) => `step ${p.t} of ${p.k}, w ${p.rows}x${p.cols}, ${p.hyper}`,
  "zh-CN": (p) => `第 ${p.t} 步（共 ${p.k} 步），w 为 ${p.rows}x${p.cols}，${p.hyper}`,
});
export const staleState = msg<{ state: string }>({
  en: (p) => `w is stepped with the ${p.state} passed in, not the one just updated: update ${p.state} first, then step w with the new value`,
  "zh-CN": (p) => `更新 w 时用的是传入的 ${p.state}，而不是刚更新过的：先更新 ${p.state}，再用新值更新 w`,
});
export const wStill = msg({ en: "w does not move: is the step applied to w?", "zh-CN": "w 没有变化：步长有没有作用到 w 上？" });
export const knownFactor = msg<{ r: string; text: string }>({ en: (p) => `your step is ${p.r} times the right one: ${p.text}`, "zh-CN": (p) => `你的步长是正确步长的 ${p.r} 倍：${p.text}` });
export const wrongStep = msg<{ text: string }>({ en: (p) => `the step you take is wrong: ${p.text}`, "zh-CN": (p) => `你走的这一步不对：${p.text}` });
export const laterStep = msg<{ t: number; state: string }>({
  en: (p) => ` Step 1 matched but step ${p.t} does not: is ${p.state} carried over from one step to the next and updated before w?`,
  "zh-CN": (p) => `第 1 步对了，第 ${p.t} 步却不对：${p.state} 有没有从上一步带到下一步，并且在更新 w 之前先更新？`,
});
export const afterStep = msg<{ t: number; k: number; place: string; yours: string; want: string; error: string; band: string; why: string }>({
  en: (p) => `after step ${p.t} of ${p.k}, ${p.place} is ${p.yours} but the reference gives ${p.want} (relative error ${p.error}, ${p.band}).${p.why}`,
  "zh-CN": (p) => `第 ${p.t} 步（共 ${p.k} 步）之后，${p.place} 是 ${p.yours}，参考实现给出 ${p.want}（相对误差 ${p.error}，${p.band}）。${p.why}`,
});
export const stepsMatch = msg<{ k: number; hyper: string; error: string }>({
  en: (p) => `the weights match the reference after each of ${p.k} steps (${p.hyper}; max relative error ${p.error}, good).`,
  "zh-CN": (p) => `${p.k} 步中每一步之后的权重都与参考实现一致（${p.hyper}；最大相对误差 ${p.error}，良好）。`,
});
export const reducesLossOn = msg<{ label: string }>({ en: (p) => `reduces the loss on ${p.label}`, "zh-CN": (p) => `在${p.label}上降低损失` });
export const problemStep = msg<{ label: string; t: number; hyper: string }>({ en: (p) => `${p.label}, step ${p.t}, ${p.hyper}`, "zh-CN": (p) => `${p.label}，第 ${p.t} 步，${p.hyper}` });
export const problemHyper = msg<{ label: string; hyper: string }>({ en: (p) => `${p.label}, ${p.hyper}`, "zh-CN": (p) => `${p.label}，${p.hyper}` });
export const diverged = msg<{ from: string; to: string; t: number }>({
  en: (p) => `the loss went from ${p.from} to ${p.to} in ${p.t} steps: the updates go uphill or overshoot (is the step subtracted from w?).`,
  "zh-CN": (p) => `损失在 ${p.t} 步内从 ${p.from} 变成了 ${p.to}：更新在往上坡走，或者步子迈过了头（步长是从 w 中减去的吗？）。`,
});
export const lossReduced = msg<{ steps: number; from: string; to: string; ref: string }>({
  en: (p) => `${p.steps} steps took the loss from ${p.from} to ${p.to} (the reference reaches ${p.ref}).`,
  "zh-CN": (p) => `${p.steps} 步把损失从 ${p.from} 降到了 ${p.to}（参考实现达到 ${p.ref}）。`,
});
export const lossTooHigh = msg<{ steps: number; from: string; to: string; need: string; ref: string }>({
  en: (p) => `${p.steps} steps took the loss from ${p.from} only to ${p.to}; it must fall below ${p.need} (the reference reaches ${p.ref}).`,
  "zh-CN": (p) => `${p.steps} 步只把损失从 ${p.from} 降到了 ${p.to}；它必须降到 ${p.need} 以下（参考实现达到 ${p.ref}）。`,
});
export const updateLabel = msg({ en: "w after each step: reference vs yours", "zh-CN": "每一步之后的 w：参考值与你的结果" });
export const updateSummary = msg<Fn & { agreement: string }>({
  en: (p) => `${p.fn} matches the reference step by step ${p.agreement} and reduces the loss`,
  "zh-CN": (p) => `${p.fn} 每一步都与参考实现一致${p.agreement}，并且降低了损失`,
});

// ---- check-train.ts --------------------------------------------------------
export const pieceThrew = msg<{ what: string; error: string }>({ en: (p) => `${p.what} threw ${p.error}.`, "zh-CN": (p) => `${p.what}抛出了 ${p.error}。` });
export const theModelsOutput = msg({ en: "the model's output", "zh-CN": "模型的输出" });
export const rowsTimesLogits = msg<{ rows: number; classes: number }>({ en: (p) => `${p.rows} rows × ${p.classes} logits (one per class)`, "zh-CN": (p) => `${p.rows} 行 × ${p.classes} 个 logit（每个类别一个）` });
export const trainingTimeout = msg<Fn & { s: number }>({
  en: (p) => `${p.fn} did not finish training within the ${p.s} s time budget for grading: train for fewer steps, or with a smaller model or larger batches.`,
  "zh-CN": (p) => `${p.fn} 没能在评分的 ${p.s} 秒时间预算内训练完：减少训练步数，或者用更小的模型、更大的批。`,
});
export const promiseRejected = msg<Fn & { error: string }>({
  en: (p) => `${p.fn} failed: its Promise rejected with ${p.error}. Read the message, fix the call, and make sure every promise inside it is awaited.`,
  "zh-CN": (p) => `${p.fn} 失败了：它的 Promise 以 ${p.error} 被拒绝。读一读错误信息，改正调用，并确保里面每个 promise 都被 await。`,
});
export const trainInput = msg({ en: "training", "zh-CN": "训练" });
export const gradCheckFailed = msg<{ rows: number }>({
  en: (p) => `the gradient check of the untrained model (softmax cross-entropy on ${p.rows} training rows) failed`,
  "zh-CN": (p) => `未训练模型的梯度检验（在 ${p.rows} 行训练数据上的 softmax 交叉熵）没有通过`,
});
export const gradCheckFor = msg<{ params: string }>({ en: (p) => ` for ${p.params}`, "zh-CN": (p) => `，出错的参数：${p.params}` });
export const paramError = msg<{ name: string; shape: string; error: string; band: string }>({
  en: (p) => `${p.name} (${p.shape}, max relative error ${p.error}, ${p.band})`,
  "zh-CN": (p) => `${p.name}（${p.shape}，最大相对误差 ${p.error}，${p.band}）`,
});
export const worstElement = msg<{ place: string; analytic: string; numeric: string }>({
  en: (p) => ` Worst element: ${p.place}, backward gives ${p.analytic} but central differences give ${p.numeric}.`,
  "zh-CN": (p) => `误差最大的元素：${p.place}，backward 给出 ${p.analytic}，中心差分给出 ${p.numeric}。`,
});
export const gradProblems = msg<{ problems: string }>({ en: (p) => ` Problems: ${p.problems}.`, "zh-CN": (p) => `问题：${p.problems}。` });
export const trainingStopped = msg<{ head: string; param: string }>({
  en: (p) => `${p.head} Training stopped before it began: a layer's backward is wrong (check the one that owns ${p.param}), and no amount of training fixes a wrong gradient.`,
  "zh-CN": (p) => `${p.head}训练还没开始就停止了：某一层的 backward 有错（检查 ${p.param} 所在的那一层），再多的训练也修正不了错误的梯度。`,
});
export const theseParams = msg({ en: "these parameters", "zh-CN": "这些参数" });
export const fullStop = msg({ en: ".", "zh-CN": "。" });
export const modelShape = msg({ en: "the model's shape", "zh-CN": "模型的形状" });
export const notModel = msg<{ fn: string; kind: string; inputs: number; classes: number }>({
  en: (p) => `${p.fn} returned ${p.kind}; it must return a model with forward, backward and parameters, such as mlp([${p.inputs}, …, ${p.classes}], { rng }).`,
  "zh-CN": (p) => `${p.fn} 返回了${p.kind}；它必须返回一个带有 forward、backward 和 parameters 的模型，例如 mlp([${p.inputs}, …, ${p.classes}], { rng })。`,
});
export const untrainedOn = msg<{ rows: number; inputs: number }>({ en: (p) => `the untrained model on ${p.rows} points of ${p.inputs} inputs`, "zh-CN": (p) => `未训练的模型（${p.rows} 个点，每个 ${p.inputs} 个输入）` });
export const shapeRight = msg<{ rows: number; inputs: number; classes: number }>({
  en: (p) => `the untrained model maps ${p.rows}×${p.inputs} inputs to ${p.rows}×${p.classes} logits, one per class.`,
  "zh-CN": (p) => `未训练的模型把 ${p.rows}×${p.inputs} 的输入映射成 ${p.rows}×${p.classes} 的 logit，每个类别一个。`,
});
export const gradBeforeTraining = msg({ en: "gradient check before training", "zh-CN": "训练前的梯度检验" });
export const theGradCheck = msg({ en: "the gradient check (model.forward / model.backward)", "zh-CN": "梯度检验（model.forward / model.backward）" });
export const gradCheckTimeout = msg<{ s: number }>({
  en: (p) => `the gradient check of your model used up the ${p.s} s time budget: is the model very large?`,
  "zh-CN": (p) => `你的模型的梯度检验用完了 ${p.s} 秒的时间预算：模型是不是太大了？`,
});
export const trainingRows = msg<{ rows: number }>({ en: (p) => `${p.rows} training rows`, "zh-CN": (p) => `${p.rows} 行训练数据` });
export const backwardMatches = msg<{ params: number; checked: number; sampled: string }>({
  en: (p) => `backward matches central differences for all ${p.params} parameters (${p.checked} elements${p.sampled}) of the untrained model.`,
  "zh-CN": (p) => `未训练模型全部 ${p.params} 个参数的 backward 都与中心差分一致（共 ${p.checked} 个元素${p.sampled}）。`,
});
export const sampledPerParam = msg<{ n: number }>({ en: (p) => `, at most ${p.n} per parameter drawn at random`, "zh-CN": (p) => `，每个参数最多随机抽取 ${p.n} 个` });
export const accuracyOn = msg<{ n: number }>({ en: (p) => `accuracy on ${p.n} held-out points`, "zh-CN": (p) => `在 ${p.n} 个留出点上的准确率` });
export const fitThrew = msg<Fn & { error: string }>({ en: (p) => `${p.fn} threw ${p.error} while training.`, "zh-CN": (p) => `${p.fn} 在训练时抛出了 ${p.error}。` });
export const divergedAdvice = msg({ en: "training diverged: lower the learning rate.", "zh-CN": "训练发散了：调低学习率。" });
export const trainedOnHeld = msg({ en: "the trained model on the held-out points", "zh-CN": "训练后的模型（在留出点上）" });
export const trainedOnTrain = msg({ en: "the trained model on the training set", "zh-CN": "训练后的模型（在训练集上）" });
export const heldWhere = msg<{ n: number; seed: number }>({
  en: (p) => `${p.n} points drawn from seed ${p.seed} (a separate fork, never seen in training)`,
  "zh-CN": (p) => `由种子 ${p.seed} 抽取的 ${p.n} 个点（独立的分支，训练时从未见过）`,
});
export const accuracyPassed = msg<{ acc: string; where: string; need: string; train: string }>({
  en: (p) => `after training, ${p.acc} of ${p.where} are classified correctly (at least ${p.need}; training accuracy ${p.train}).`,
  "zh-CN": (p) => `训练之后，${p.where}中有 ${p.acc} 分类正确（要求至少 ${p.need}；训练集准确率 ${p.train}）。`,
});
export const underfits = msg<{ train: string }>({
  en: (p) => `It does not even fit the training set (${p.train} there): it underfits. Give it more capacity (wider or deeper layers, ReLU), a better optimiser such as Adam, or more steps.`,
  "zh-CN": (p) => `它连训练集都拟合不好（训练集上只有 ${p.train}）：欠拟合。给它更大的容量（更宽或更深的层、ReLU）、更好的优化器（如 Adam），或者更多训练步数。`,
});
export const overfits = msg<{ train: string }>({
  en: (p) => `It fits the training set (${p.train}) but not new points: it overfits. Use a smaller model, weight decay or fewer steps.`,
  "zh-CN": (p) => `它拟合了训练集（${p.train}），却不能推广到新的点：过拟合。换更小的模型、加权重衰减，或者减少训练步数。`,
});
export const accuracyFailed = msg<{ acc: string; where: string; need: string; advice: string }>({
  en: (p) => `after training, only ${p.acc} of ${p.where} are classified correctly; at least ${p.need} is needed. ${p.advice}`,
  "zh-CN": (p) => `训练之后，${p.where}中只有 ${p.acc} 分类正确；至少需要 ${p.need}。${p.advice}`,
});
export const trainLabel = msg({ en: "the untrained model's gradients: numerical gradient vs backward", "zh-CN": "未训练模型的梯度：数值梯度与 backward 的结果" });
export const trainSummary = msg<{ acc: string; need: string }>({
  en: (p) => `held-out accuracy ${p.acc} (at least ${p.need} needed), after a gradient check of the untrained model`,
  "zh-CN": (p) => `留出集准确率 ${p.acc}（至少需要 ${p.need}），此前未训练的模型已通过梯度检验`,
});

// ---- check-batches.ts ------------------------------------------------------
export const batchesInput = msg<{ n: number; b: number; epochs: number; label: string }>({
  en: (p) => `n = ${p.n}, batchSize = ${p.b}, epochs = ${p.epochs}, ${p.label}`,
  "zh-CN": (p) => `n = ${p.n}，batchSize = ${p.b}，epochs = ${p.epochs}，${p.label}`,
});
export const notBatchList = msg<Fn & Input & { kind: string }>({
  en: (p) => `${p.fn} returned ${p.kind} (${p.input}); it must return a list of batches, each a list of example indices, such as [[3, 0], [1, 2]].`,
  "zh-CN": (p) => `${p.fn} 返回了${p.kind}（${p.input}）；它必须返回一个由批组成的列表，每个批是样本下标的列表，例如 [[3, 0], [1, 2]]。`,
});
export const tooManyBatches = msg<Fn & Input & { cap: number }>({
  en: (p) => `${p.fn} gave more than ${p.cap} batches (${p.input}), far more than the epochs need: does a loop never end?`,
  "zh-CN": (p) => `${p.fn} 给出了超过 ${p.cap} 个批（${p.input}），远多于这些轮次所需：是不是有循环停不下来？`,
});
export const batchNotList = msg<Input & { j: number; kind: string }>({
  en: (p) => `batch ${p.j} is ${p.kind} (${p.input}); each batch must be a list of example indices such as [3, 0, 7].`,
  "zh-CN": (p) => `第 ${p.j} 个批是${p.kind}（${p.input}）；每个批都必须是样本下标的列表，例如 [3, 0, 7]。`,
});
export const batchNotIndex = msg<Input & { j: number; value: string; last: number }>({
  en: (p) => `batch ${p.j} holds ${p.value}, not an example index (${p.input}): the indices are the whole numbers 0…${p.last}.`,
  "zh-CN": (p) => `第 ${p.j} 个批里有 ${p.value}，它不是样本下标（${p.input}）：下标是整数 0…${p.last}。`,
});
export const someMore = msg<{ shown: string; n: number }>({ en: (p) => `${p.shown} … (${p.n} in all)`, "zh-CN": (p) => `${p.shown} …（共 ${p.n} 个）` });
export const noBatches = msg({ en: "no batches", "zh-CN": "没有批" });
export const oneBatchOf = msg<{ n: number }>({ en: (p) => `one batch of ${p.n}`, "zh-CN": (p) => `一个大小为 ${p.n} 的批` });
export const runThen = msg<{ run: number; size: number; rest: number }>({ en: (p) => `${p.run} × ${p.size}, then ${p.rest}`, "zh-CN": (p) => `${p.run} × ${p.size}，然后是 ${p.rest}` });
export const manyBatches = msg<{ shown: string; n: number }>({ en: (p) => `${p.shown}, … (${p.n} batches)`, "zh-CN": (p) => `${p.shown}, …（共 ${p.n} 个批）` });
export const epochN = msg<{ e: number }>({ en: (p) => `epoch ${p.e}`, "zh-CN": (p) => `第 ${p.e} 轮` });
export const dropsLast = msg<{ e: string; k: number; b: number; missing: string; rest: number; n: number; want: number }>({
  en: (p) => `${p.e} has ${p.k} batches of ${p.b}, and indices ${p.missing} are in none of them: the last, smaller batch of ${p.rest} = ${p.n} mod ${p.b} examples was dropped. Keep it, so that every example is used once per epoch (an epoch of ${p.n} in batches of ${p.b} has ⌈${p.n}/${p.b}⌉ = ${p.want} batches).`,
  "zh-CN": (p) => `${p.e}有 ${p.k} 个大小为 ${p.b} 的批，下标 ${p.missing} 不在任何一个批里：最后那个较小的批（${p.rest} = ${p.n} mod ${p.b} 个样本）被丢掉了。要保留它，让每个样本在每一轮都恰好用到一次（${p.n} 个样本按每批 ${p.b} 个切分，一轮有 ⌈${p.n}/${p.b}⌉ = ${p.want} 个批）。`,
});
export const padsLast = msg<{ e: string; b: number; only: string; repeated: string }>({
  en: (p) => `in ${p.e} the last batch has ${p.b} indices, but ${p.only}, so indices ${p.repeated} appear twice: the last batch was padded. Let it be smaller instead (slice to Math.min(start + batchSize, n)).`,
  "zh-CN": (p) => `${p.e}的最后一个批有 ${p.b} 个下标，但${p.only}，所以下标 ${p.repeated} 出现了两次：最后一个批被补齐了。应该让它小一些（切片到 Math.min(start + batchSize, n)）。`,
});
export const onlyN = msg<{ n: number }>({ en: (p) => `the epoch has only ${p.n} examples`, "zh-CN": (p) => `这一轮只有 ${p.n} 个样本` });
export const onlyRest = msg<{ rest: number; n: number; b: number }>({ en: (p) => `only ${p.rest} = ${p.n} mod ${p.b} examples are left for it`, "zh-CN": (p) => `留给它的只有 ${p.rest} = ${p.n} mod ${p.b} 个样本` });
export const outsideIndices = msg<{ e: string; values: string; one: boolean; last: number; missing: string }>({
  en: (p) => `${p.e} holds ${p.values}, which ${p.one ? "is not an example index" : "are not example indices"}: with n = ${p.last + 1} the indices go from 0 to ${p.last}${p.missing ? `, and ${p.missing} missing.` : "."}`,
  "zh-CN": (p) => `${p.e}里有 ${p.values}，${p.one ? "它不是" : "它们不是"}样本下标：n = ${p.last + 1} 时下标从 0 到 ${p.last}${p.missing ? `，而且缺少 ${p.missing}。` : "。"}`,
});
export const missingOne = msg<{ values: string }>({ en: (p) => `${p.values} is`, "zh-CN": (p) => `${p.values}` });
export const missingMany = msg<{ values: string }>({ en: (p) => `${p.values} are`, "zh-CN": (p) => `${p.values}` });
export const missingIndices = msg<{ e: string; one: boolean; values: string; last: number; stopsShort: boolean }>({
  en: (p) => `${p.e} never uses ${p.one ? "index" : "indices"} ${p.values}: every example 0…${p.last} must be in exactly one batch of each epoch.` +
    (p.stopsShort ? ` Does a loop stop one short (i < n − 1 instead of i < n)? The indices go from 0 to n − 1 = ${p.last}, inclusive.` : ""),
  "zh-CN": (p) => `${p.e}从没用到下标 ${p.values}：每个样本 0…${p.last} 在每一轮都必须恰好出现在一个批里。` +
    (p.stopsShort ? `是不是循环少走了一次（写成了 i < n − 1 而不是 i < n）？下标从 0 到 n − 1 = ${p.last}，两端都包含。` : ""),
});
export const repeatedIndices = msg<{ e: string; one: boolean; values: string; last: number }>({
  en: (p) => `${p.e} uses ${p.one ? "index" : "indices"} ${p.values} more than once: every example must be in exactly one batch of each epoch. Shuffle a permutation of 0…${p.last} (each index once), then cut it into slices.`,
  "zh-CN": (p) => `${p.e}多次用到下标 ${p.values}：每个样本在每一轮都必须恰好出现在一个批里。先打乱 0…${p.last} 的一个排列（每个下标一次），再切成若干段。`,
});
export const lastShouldHave = msg<{ n: number }>({ en: (p) => `the last batch of the epoch should have the remaining ${p.n}`, "zh-CN": (p) => `这一轮的最后一个批应该包含剩下的 ${p.n} 个` });
export const othersShouldHave = msg<{ b: number }>({ en: (p) => `every batch but the last should have batchSize = ${p.b}`, "zh-CN": (p) => `除最后一个外，每个批都应该有 batchSize = ${p.b} 个` });
export const wrongBatchSize = msg<{ e: string; j: number; size: number; which: string; yours: string; want: string }>({
  en: (p) => `in ${p.e}, batch ${p.j} has ${p.size} indices, but ${p.which} (sizes: yours ${p.yours}; expected ${p.want}).`,
  "zh-CN": (p) => `${p.e}的第 ${p.j} 个批有 ${p.size} 个下标，但${p.which}（批大小：你的是 ${p.yours}；应为 ${p.want}）。`,
});
export const countsDiffer = msg<{ a: number; b: number }>({ en: (p) => `${p.a} batches the first time, ${p.b} the second`, "zh-CN": (p) => `第一次有 ${p.a} 个批，第二次有 ${p.b} 个` });
export const batchDiffers = msg<{ j: number; a: string; b: string }>({ en: (p) => `batch ${p.j} was [${p.a}] the first time and [${p.b}] the second`, "zh-CN": (p) => `第 ${p.j} 个批第一次是 [${p.a}]，第二次是 [${p.b}]` });
export const oneEpochOnly = msg<Fn & { k: number; epochs: number; total: number }>({
  en: (p) => `${p.fn} returned ${p.k} batch${p.k === 1 ? "" : "es"}, one epoch's worth, but epochs = ${p.epochs}: return the batches of every epoch, one epoch after the other (${p.epochs} × ${p.k} = ${p.total} batches).`,
  "zh-CN": (p) => `${p.fn} 返回了 ${p.k} 个批，只够一轮，但 epochs = ${p.epochs}：要一轮接一轮地返回每一轮的批（${p.epochs} × ${p.k} = ${p.total} 个批）。`,
});
export const wrongCount = msg<Fn & { got: number; epochs: number; n: number; b: number; total: number; yours: string; want: string }>({
  en: (p) => `${p.fn} returned ${p.got} batch${p.got === 1 ? "" : "es"}, but ${p.epochs} epochs of ${p.n} examples in batches of ${p.b} make ${p.epochs} × ⌈${p.n}/${p.b}⌉ = ${p.total} batches (sizes: yours ${p.yours}; each epoch should be ${p.want}).`,
  "zh-CN": (p) => `${p.fn} 返回了 ${p.got} 个批，但 ${p.n} 个样本、每批 ${p.b} 个、共 ${p.epochs} 轮，应该是 ${p.epochs} × ⌈${p.n}/${p.b}⌉ = ${p.total} 个批（批大小：你的是 ${p.yours}；每一轮应为 ${p.want}）。`,
});
export const inOrder = msg<{ e: string; last: number }>({
  en: (p) => `${p.e} visits the examples in order 0, 1, 2, …, ${p.last}: shuffle them first (a new random permutation of 0…${p.last} from rng each epoch, e.g. rng.permutation(n) or a Fisher–Yates shuffle with rng.int), then cut it into batches.`,
  "zh-CN": (p) => `${p.e}按 0, 1, 2, …, ${p.last} 的顺序访问样本：要先打乱（每一轮都用 rng 生成 0…${p.last} 的一个新的随机排列，例如 rng.permutation(n)，或用 rng.int 做 Fisher–Yates 洗牌），再切成批。`,
});
export const sameEpochs = msg<{ e: string; prev: string }>({
  en: (p) => `${p.e} has exactly the same batches, in the same order, as ${p.prev}: draw a fresh shuffle at the start of every epoch, not once before the loop.`,
  "zh-CN": (p) => `${p.e}的批与${p.prev}完全相同，顺序也一样：要在每一轮开始时重新洗牌，而不是在循环之前只洗一次。`,
});
export const unseeded = msg<Fn & { diff: string }>({
  en: (p) => `two calls with generators made from the same seed gave different batches (${p.diff}), and ${p.fn} never drew a number from rng: shuffle with rng (rng.int, rng.shuffle or rng.permutation), not Math.random, so that a seed repeats the same batches.`,
  "zh-CN": (p) => `用同一个种子生成的随机数生成器调用两次，得到的批却不同（${p.diff}），而且 ${p.fn} 从没从 rng 中取过数：要用 rng 洗牌（rng.int、rng.shuffle 或 rng.permutation），不要用 Math.random，这样同一个种子才能重复出同样的批。`,
});
export const keepsState = msg<Fn & Input & { diff: string }>({
  en: (p) => `two calls with generators made from the same seed gave different batches: ${p.diff} (${p.input}). ${p.fn} must not keep anything between calls (such as an order shuffled in a previous call): start every call from 0…n−1 and draw only from its rng.`,
  "zh-CN": (p) => `用同一个种子生成的随机数生成器调用两次，得到的批却不同：${p.diff}（${p.input}）。${p.fn} 在两次调用之间不能保留任何东西（比如上一次调用打乱的顺序）：每次调用都从 0…n−1 开始，只从它的 rng 中取随机数。`,
});
export const batchesPassed = msg<{ epochs: number; k: number; sizes: string; last: number }>({
  en: (p) => `${p.epochs} epochs of ${p.k} batch${p.k === 1 ? "" : "es"} (sizes ${p.sizes}): each covers 0…${p.last} once, shuffled afresh, and the seed repeats them.`,
  "zh-CN": (p) => `${p.epochs} 轮，每轮 ${p.k} 个批（批大小 ${p.sizes}）：每一轮都恰好覆盖 0…${p.last} 一次、重新洗牌，并且同一个种子能重复出它们。`,
});
export const noCase = msg<{ label: string; n: string; b: string; divides: boolean }>({
  en: (p) => `case "${p.label}": no n in [${p.n}] and batch size in [${p.b}] with ${p.divides ? "B dividing n" : "B not dividing n"}`,
  "zh-CN": (p) => `情形「${p.label}」：在 [${p.n}] 中找不到 n、在 [${p.b}] 中找不到批大小，使得 ${p.divides ? "B 整除 n" : "B 不整除 n"}`,
});
export const batchesLabel = msg<Fn>({ en: (p) => `${p.fn}: expected batch sizes vs yours`, "zh-CN": (p) => `${p.fn}：应有的批大小与你的结果` });
export const batchesSummary = msg({
  en: "every epoch covers 0…n−1 once in batches of batchSize with the rest last, shuffled afresh each epoch and repeatable from the seed",
  "zh-CN": "每一轮都按 batchSize 分批、余下的放在最后，恰好覆盖 0…n−1 一次，每轮重新洗牌，并且可由种子重复",
});

// ---- check-init.ts ---------------------------------------------------------
export const fans = msg<{ fanIn: number; fanOut: number }>({ en: (p) => `fanIn = ${p.fanIn}, fanOut = ${p.fanOut}`, "zh-CN": (p) => `fanIn = ${p.fanIn}，fanOut = ${p.fanOut}` });
export const fanInByOut = msg({ en: "fanIn × fanOut", "zh-CN": "fanIn × fanOut（输入数 × 输出数）" });
export const initUnseeded = msg<{ input: string }>({
  en: (p) => `two calls with generators made from the same seed gave different matrices (${p.input}): draw every entry from rng (rng.normal()), not Math.random, so that a seed repeats the same weights.`,
  "zh-CN": (p) => `用同一个种子生成的随机数生成器调用两次，得到的矩阵却不同（${p.input}）：每个元素都要从 rng 中抽取（rng.normal()），不要用 Math.random，这样同一个种子才能重复出同样的权重。`,
});
export const initUnseededCause = msg({ en: "the weights are not drawn from rng", "zh-CN": "权重不是从 rng 中抽取的" });
export const aMatrix = msg<{ fanIn: number; fanOut: number }>({ en: (p) => `a ${p.fanIn}×${p.fanOut} matrix`, "zh-CN": (p) => `一个 ${p.fanIn}×${p.fanOut} 的矩阵` });
export const allZero = msg<{ fans: string }>({ en: (p) => `every entry of W is 0 (${p.fans}).`, "zh-CN": (p) => `W 的每个元素都是 0（${p.fans}）。` });
export const allZeroCause = msg({ en: "the weights are all 0: draw them at random", "zh-CN": "权重全是 0：要随机抽取" });
export const notCentred = msg<{ mean: string; noise: string; n: number }>({
  en: (p) => `the entries of W average ${p.mean}; they must be centred on 0 (± ${p.noise} is the noise for ${p.n} entries).`,
  "zh-CN": (p) => `W 的元素平均值是 ${p.mean}；它们必须以 0 为中心（对 ${p.n} 个元素来说，± ${p.noise} 是噪声范围）。`,
});
export const wrongVariance = msg<{ variance: string; formula: string; want: string; fans: string }>({
  en: (p) => `the entries of W have variance ${p.variance}, but ${p.formula} = ${p.want} (${p.fans}).`,
  "zh-CN": (p) => `W 的元素方差是 ${p.variance}，但 ${p.formula} = ${p.want}（${p.fans}）。`,
});
export const varianceCause = msg<{ ratio: string; formula: string }>({ en: (p) => `your weights' variance is ${p.ratio} times ${p.formula}`, "zh-CN": (p) => `你的权重方差是 ${p.formula} 的 ${p.ratio} 倍` });
export const varianceRight = msg<{ mean: string; variance: string; formula: string; want: string; n: number }>({
  en: (p) => `mean ${p.mean} and variance ${p.variance}, as ${p.formula} = ${p.want} asks (${p.n} entries).`,
  "zh-CN": (p) => `均值 ${p.mean}，方差 ${p.variance}，符合 ${p.formula} = ${p.want} 的要求（${p.n} 个元素）。`,
});
export const aStack = msg<{ depth: number; first: number; last: number }>({
  en: (p) => `a stack of ${p.depth} ReLU layers (widths ${p.first} to ${p.last})`,
  "zh-CN": (p) => `${p.depth} 层 ReLU 堆叠（宽度从 ${p.first} 到 ${p.last}）`,
});
export const stackDrift = msg<{ first: string; last: string; depth: number; all: string }>({
  en: (p) => `the mean square of the pre-activations went from ${p.first} at layer 1 to ${p.last} at layer ${p.depth} (${p.all}).`,
  "zh-CN": (p) => `预激活的均方值从第 1 层的 ${p.first} 变成了第 ${p.depth} 层的 ${p.last}（${p.all}）。`,
});
export const stackShrinks = msg<{ factor: string; depth: number }>({
  en: (p) => `the signal shrinks by a factor of ${p.factor} through ${p.depth} ReLU layers: the scale does not make up for the half of the inputs a ReLU zeroes`,
  "zh-CN": (p) => `信号经过 ${p.depth} 层 ReLU 缩小了 ${p.factor} 倍：这个尺度没有弥补 ReLU 置零的那一半输入`,
});
export const stackGrows = msg<{ factor: string; depth: number }>({
  en: (p) => `the signal grows by a factor of ${p.factor} through ${p.depth} ReLU layers: the scale does not make up for the half of the inputs a ReLU zeroes`,
  "zh-CN": (p) => `信号经过 ${p.depth} 层 ReLU 放大了 ${p.factor} 倍：这个尺度没有正确弥补 ReLU 置零的那一半输入`,
});
export const stackSteady = msg<{ depth: number; first: string; last: string }>({
  en: (p) => `the mean square of the pre-activations stays steady through ${p.depth} layers: ${p.first} at layer 1, ${p.last} at layer ${p.depth}.`,
  "zh-CN": (p) => `预激活的均方值在 ${p.depth} 层中保持稳定：第 1 层为 ${p.first}，第 ${p.depth} 层为 ${p.last}。`,
});
export const initLabel = msg<Fn>({ en: (p) => `${p.fn}: variance of the weights, reference vs yours`, "zh-CN": (p) => `${p.fn}：权重的方差，参考值与你的结果` });
export const initSummary = msg<Fn & { formula: string }>({
  en: (p) => `${p.fn} draws weights of variance ${p.formula} that keep a deep ReLU stack's signal steady`,
  "zh-CN": (p) => `${p.fn} 抽取的权重方差为 ${p.formula}，能让深层 ReLU 堆叠中的信号保持稳定`,
});

// ---- grade.ts --------------------------------------------------------------
export const definesName = msg<{ name: string }>({ en: (p) => `defines ${p.name}`, "zh-CN": (p) => `定义了 ${p.name}` });
export const missingHeadline = msg<{ name: string }>({ en: (p) => `missing: define a function named ${p.name}`, "zh-CN": (p) => `缺少定义：请定义一个名为 ${p.name} 的函数` });
export const missingMessage = msg<{ name: string }>({
  en: (p) => `missing: define a function named ${p.name} (and run its cell before grading).`,
  "zh-CN": (p) => `缺少定义：请定义一个名为 ${p.name} 的函数（并在评分前运行它所在的单元格）。`,
});
export const notFunction = msg<{ name: string; kind: string }>({
  en: (p) => `${p.name} is ${p.kind}, not a function: define it as function ${p.name}(…) { … }.`,
  "zh-CN": (p) => `${p.name} 是${p.kind}，不是函数：请写成 function ${p.name}(…) { … }。`,
});
export const timeLimitPart = msg({ en: "time limit", "zh-CN": "时间限制" });
export const timeoutHeadline = msg<{ message: string }>({ en: (p) => `time-out: ${p.message}`, "zh-CN": (p) => `超时：${p.message}` });
export const graderPart = msg({ en: "grader", "zh-CN": "评分程序" });
export const graderBug = msg<{ error: string }>({
  en: (p) => `the grader itself failed (${p.error}): this is a bug in the exercise, not in your answer.`,
  "zh-CN": (p) => `评分程序本身出错了（${p.error}）：这是练习的 bug，不是你的答案的问题。`,
});
export const passedOne = msg<{ seed: number; summary: string }>({ en: (p) => `Passed the check (seed ${p.seed}): ${p.summary}.`, "zh-CN": (p) => `通过了检查（种子 ${p.seed}）：${p.summary}。` });
export const passedAll = msg<{ n: number; seed: number; summary: string }>({ en: (p) => `Passed all ${p.n} checks (seed ${p.seed}): ${p.summary}.`, "zh-CN": (p) => `通过了全部 ${p.n} 项检查（种子 ${p.seed}）：${p.summary}。` });
export const noCheckRan = msg({ en: "Not passed: no check ran.", "zh-CN": "未通过：没有运行任何检查。" });
export const failedCount = msg<{ failed: number; total: number }>({ en: (p) => ` (${p.failed} of ${p.total} checks failed)`, "zh-CN": (p) => `（${p.total} 项检查中有 ${p.failed} 项未通过）` });
export const failedHeadline = msg<{ name: string; more: string; cause: string }>({ en: (p) => `${p.name}${p.more}: ${p.cause}`, "zh-CN": (p) => `${p.name}${p.more}：${p.cause}` });
export const firstAt = msg<{ place: string }>({ en: (p) => ` (first at ${p.place})`, "zh-CN": (p) => `（首先出现在 ${p.place}）` });
export const differsNumeric = msg<{ place: string }>({ en: (p) => `yours differs from the numerical gradient${p.place}`, "zh-CN": (p) => `你的结果与数值梯度不一致${p.place}` });
export const differsReference = msg<{ place: string }>({ en: (p) => `yours differs from the reference${p.place}`, "zh-CN": (p) => `你的结果与参考值不一致${p.place}` });
