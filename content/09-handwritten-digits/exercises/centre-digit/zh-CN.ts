import { defineExerciseText } from "../../../../src/i18n/exercise-text.ts";

export default defineExerciseText({
  title: "把数字归一化并居中",
  hints: [
    "分两步：先让最亮的像素等于 1，再移动整幅图，让它的平衡点落在 28 × 28 画面的正中。",
    "行方向的质心是 Σ i·x[i][j] / Σ x[i][j]（列方向把 i 换成 j）。把每个像素平移 round(13.5 − 质心) 行和列，写进一个新矩阵，落到画面外的部分丢弃。空白图像没有质心：返回一张空白图像。",
    "const out = new Matrix(28, 28)；求出 max、total，以及 i·v 与 j·v 之和；total 为 0 时返回 out；dr = Math.round(13.5 − rows / total)，dc 同理；对 out 的每个 (i, j)，当 (i − dr, j − dc) 在画面内时，读取 img 在该处的值并除以 max。",
  ],
  text: {
    "a faint digit off the centre": "一个偏离中心的浅色数字",
    "a digit far in a corner": "一个远在角落里的数字",
    "stray ink at the left edge, shifted out of the field": "左边缘的零星墨迹，平移后移出画面",
    "a stroke that still reaches the right edge after centring": "居中后仍延伸到右边缘的笔画",
    "another digit, anywhere": "另一个数字，位置任意",
    "a blank image": "一张空白图像",
  },
});
