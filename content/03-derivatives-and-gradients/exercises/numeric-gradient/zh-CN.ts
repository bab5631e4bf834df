import { defineExerciseText } from "../../../../src/i18n/exercise-text.ts";

export default defineExerciseText({
  title: "用中心差分计算数值梯度",
  hints: [
    "每次只移动 x 的一个元素，分别加上 +h 和 −h，各计算一次 f，然后把这个元素原样放回。",
    "梯度的第 k 个元素是 (f(x[k] 加上 h 后的 x) − f(x[k] 减去 h 后的 x)) / (2h)，其中 h = 1e-5。前向差分 (f(x + h) − f(x)) / h 只能精确到 h 左右。",
    "const g = new Matrix(x.rows, x.cols); 对每个 k：const v = x.data[k]; x.data[k] = v + h; const fp = f(x); x.data[k] = v - h; const fm = f(x); x.data[k] = v; g.data[k] = (fp - fm) / (2 * h);",
  ],
  text: {
    "the starter's test function, a matrix of 2 to 4 rows": "起始代码里的测试函数，2 到 4 行的矩阵",
    "a fresh function, a non-square matrix": "一个新生成的函数，非方阵",
    "a fresh function with strong curvature": "一个曲率很大的新生成函数",
    "a row of 3 to 5 numbers": "一行 3 到 5 个数",
    "a single number (1×1)": "单独一个数（1×1）",
    "the starter's testFunction": "起始代码里的 testFunction",
  },
});
