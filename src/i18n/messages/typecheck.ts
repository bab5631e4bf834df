/**
 * The type checker's own words (components/typecheck): the count under a
 * cell, the heading of each type error and the plain hint after TypeScript's
 * message. TypeScript's messages themselves stay in English, as every
 * compiler's do: they are what tools and searches use.
 */
import { msg } from "../message.ts";

export const count = msg<{ n: number }>({
  en: ({ n }) => `${n} type ${n === 1 ? "error" : "errors"}`,
  "zh-CN": ({ n }) => `${n} 个类型错误`,
});
/** Before TypeScript's message, in a run's output. */
export const typeErrorAt = msg<{ line: number; column: number }>({
  en: ({ line, column }) => `Type error (line ${line}, column ${column}): `,
  "zh-CN": ({ line, column }) => `类型错误（第 ${line} 行，第 ${column} 列）：`,
});
/** Under a signature tooltip of an overloaded function. */
export const overload = msg<{ k: number; n: number }>({
  en: ({ k, n }) => `overload ${k} of ${n}`,
  "zh-CN": ({ k, n }) => `重载 ${k}/${n}`,
});
export const ranAnyway = msg({
  en: "The cell ran anyway; TypeScript found the problems above before it ran.",
  "zh-CN": "单元格照常运行了；上面的问题是 TypeScript 在运行前发现的。",
});

// ---- plain hints (friendly.ts) ------------------------------------------------------

export const textForNumber = msg({
  en: "A number is expected here, but this is text: remove the quotes (write 0.2, not \"0.2\"), or convert it with Number(…).",
  "zh-CN": "这里需要一个数，但给的是文本：去掉引号（写 0.2，而不是 \"0.2\"），或用 Number(…) 转换。",
});
export const listForNumber = msg({
  en: "A single number is expected here, not a list of numbers: pick one entry, e.g. with [i].",
  "zh-CN": "这里需要单个数，而不是一列数：取出其中一项，例如用 [i]。",
});
export const matrixForNumber = msg({
  en: "A single number is expected here, but this is a whole Matrix: read one entry with m.get(row, col), or reduce it (e.g. with a loss function).",
  "zh-CN": "这里需要单个数，但给的是整个 Matrix：用 m.get(row, col) 读出一项，或把它归约成一个数（例如用损失函数）。",
});
export const arrayForMatrix = msg({
  en: "nn functions take a Matrix, not a plain array: wrap the numbers with Matrix.from(…) (a list of rows).",
  "zh-CN": "nn 的函数接受 Matrix，而不是普通数组：用 Matrix.from(…)（按行排列的列表）把这些数包起来。",
});
export const numberForMatrix = msg({
  en: "A Matrix is expected here, not a single number: make one with Matrix.from([[x]]) or Matrix.full(rows, cols, x).",
  "zh-CN": "这里需要一个 Matrix，而不是单个数：用 Matrix.from([[x]]) 或 Matrix.full(rows, cols, x) 创建一个。",
});
export const missingArgument = msg<{ name: string }>({
  en: ({ name }) => `The call is missing an argument: add a value for ${name}. Hover over the function's name to see what it takes.`,
  "zh-CN": ({ name }) => `这次调用少了一个参数：为 ${name} 补上一个值。把鼠标停在函数名上可以看到它需要哪些参数。`,
});
export const extraArguments = msg({
  en: "The call has more arguments than the function takes: remove the extra ones.",
  "zh-CN": "这次调用的参数比函数接受的多：删掉多余的参数。",
});
export const noSuchExport = msg({
  en: "nn has no export by that name: check the spelling; inside import { … } from \"nn\", Ctrl+Space lists every export.",
  "zh-CN": "nn 没有这个名字的导出：检查拼写；在 import { … } from \"nn\" 的花括号里按 Ctrl+Space 可以列出所有导出。",
});
export const undefinedName = msg({
  en: "Nothing above this line defines that name: check its spelling, or define it in this cell or a cell above (cells see the names of the cells above them).",
  "zh-CN": "这一行之前没有定义这个名字：检查拼写，或在本单元格或上方的单元格中定义它（每个单元格都能看到它上方单元格里的名字）。",
});
export const constReassigned = msg({
  en: "This name was declared with const (or imported), so it cannot be reassigned: declare it with let where it is defined, or use a new name.",
  "zh-CN": "这个名字是用 const 声明的（或是导入的），不能重新赋值：在定义它的地方改用 let 声明，或者换一个新名字。",
});
