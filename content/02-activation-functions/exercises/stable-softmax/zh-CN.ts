import { defineExerciseText } from "../../../../src/i18n/exercise-text.ts";

export default defineExerciseText({
  title: "永不溢出的 Softmax",
  hints: [
    "给一行中的每个 logit 都加上同一个数，Softmax 的结果不变。选一个合适的数，让什么都不会溢出。",
    "在调用 Math.exp 之前减去每一行自己的最大值：最大的指数项变成 e⁰ = 1，分母至少为 1，于是既不会溢出，也不会出现 0/0。",
    "对每一行 i：m = 各个 j 上 z[i][j] 的最大值；e[j] = Math.exp(z[i][j] − m)；p[i][j] = e[j] / (e 之和)。把 p 写进一个新的 Matrix，保持 z 不变。",
  ],
  text: {
    "one row of ordinary logits": "一行普通的 logit",
    "a batch of ordinary logits": "一批普通的 logit",
    "large logits (around +1000)": "很大的 logit（+1000 左右）",
    "e^1000 overflows to Infinity, and Infinity / Infinity is NaN": "e^1000 溢出为 Infinity，而 Infinity / Infinity 是 NaN",
    "very negative logits (around −1000)": "绝对值很大的负 logit（−1000 左右）",
    "e^−1000 underflows to 0, and 0 / 0 is NaN": "e^−1000 下溢为 0，而 0 / 0 是 NaN",
    "rows at very different scales": "尺度相差悬殊的各行",
    "one maximum for the whole batch leaves the other rows at e^−2000 = 0, and 0 / 0 is NaN":
      "整个批量只用一个最大值，会让其他行落到 e^−2000 = 0，而 0 / 0 是 NaN",
    "rows spanning more than a thousand": "跨度超过一千的行",
    "a row spanning more than 709 overflows when shifted by anything but its own maximum":
      "跨度超过 709 的行，只要不是减去它自己的最大值，就会溢出",
    "rows of equal values": "各元素相等的行",
  },
});
