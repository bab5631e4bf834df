import { defineExerciseText } from "../../../../src/i18n/exercise-text.ts";

export default defineExerciseText({
  title: "二元函数的两个偏导数",
  hints: [
    "求 ∂f/∂x 时把 y 当作常数（求 ∂f/∂y 时把 x 当作常数），然后逐项求导。",
    "x²y 分别给出 2xy 和 x²。对 sin(xy) 要用链式法则：它的导数是 cos(xy) 乘以内层 xy 的导数，而 xy 对 x 的导数是 y，对 y 的导数是 x。",
    "dfdx = 2*x*y + y*Math.cos(x*y);  dfdy = x*x + x*Math.cos(x*y)。",
  ],
  text: {},
});
