import { defineExerciseText } from "../../../../src/i18n/exercise-text.ts";

export default defineExerciseText({
  title: "tanh 的导数",
  hints: [
    "tanh′ 可以用 tanh 本身来表示，所以你根本不必亲手对指数函数求导。",
    "d/dz tanh(z) = 1 − tanh²(z)。Math.tanh 对任何 z 都是精确的，而 z > 709 时 e^z 会溢出成 Infinity。",
    "const t = Math.tanh(z); return 1 - t * t;",
  ],
  text: {
    "tanh": "tanh",
    "z in [−3, 3]": "z 位于 [−3, 3]",
    "saturated z (|z| from 4 to 9.5)": "饱和区的 z（|z| 从 4 到 9.5）",
    "huge |z| (710 to 1000) beside saturated ones": "巨大的 |z|（710 到 1000），夹杂饱和区的点",
  },
});
