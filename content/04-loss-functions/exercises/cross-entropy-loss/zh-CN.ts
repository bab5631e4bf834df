import { defineExerciseText } from "../../../../src/i18n/exercise-text.ts";

export default defineExerciseText({
  title: "数值稳定地计算 Softmax 交叉熵",
  hints: [
    "只有正确类别的概率起作用：一行的损失是 −log p_c。再对各行取平均。计算 log p_c 时，始终不要构造出 p_c 本身。",
    "log p_c = z_c − logsumexp(z)，而 logsumexp(z) = m + log Σⱼ e^(zⱼ − m)，其中 m 是该行的最大值：既不会上溢，也不会出现 log 0。",
    "对每一行：m = max_j z[j]；lse = m + Math.log(Σ_j Math.exp(z[j] − m))；loss += Σ_j y[j] · (lse − z[j])。最后返回 loss / Z.rows。",
  ],
  text: {
    "a batch of ordinary logits": "一批普通的 logit",
    "one row of ordinary logits": "一行普通的 logit",
    "large logits (around +1000)": "很大的 logit（+1000 附近）",
    "e^1000 overflows to Infinity, and a probability formed before the log loses the small ones":
      "e^1000 会上溢为 Infinity，而在取对数之前先算出概率，会丢掉那些很小的概率",
    "very negative logits (around −1000)": "绝对值很大的负 logit（−1000 附近）",
    "e^−1000 underflows to 0, and log 0 is −Infinity": "e^−1000 会下溢为 0，而 log 0 是 −Infinity",
    "rows at very different scales": "尺度相差悬殊的各行",
    "rows around +1000 and −1000 in one batch: each row needs its own shift":
      "同一个批中有在 +1000 附近的行，也有在 −1000 附近的行：每一行都需要减去它自己的偏移量",
    "confidently wrong (correct class 800 or more below the best)":
      "很有把握地答错（正确类别比最高的 logit 低 800 以上）",
    "the correct class's probability rounds to 0, so −log p must be computed as log Σ e^z − z_c, never from p (log(p + ε) caps it near −log ε)":
      "正确类别的概率舍入后为 0，所以 −log p 必须按 log Σ e^z − z_c 来计算，绝不能由 p 算出（log(p + ε) 会把它截断在 −log ε 附近）",
  },
});
