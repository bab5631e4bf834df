/**
 * "Predict, then run" checkpoints (Predict.astro, predict-client.ts,
 * predictions.ts). The question and the one-sentence why are the chapter's
 * prose; the guess and the computed value are shown as numbers.
 */
import { msg } from "../message.ts";

export const kicker = msg({ en: "Predict, then run", "zh-CN": "先预测，再运行" });
export const yourPredictionLegend = msg({ en: "Your prediction", "zh-CN": "你的预测" });
export const yourGuess = msg({ en: "Your guess", "zh-CN": "你的猜测" });
export const commit = msg({ en: "Commit and run", "zh-CN": "提交并运行" });
export const skip = msg({ en: "Skip, just show me", "zh-CN": "跳过，直接看结果" });
export const typeANumber = msg({ en: "Type a number (or press Skip).", "zh-CN": "请输入一个数（或按“跳过”）。" });

export const skipped = msg({ en: "You skipped the prediction.", "zh-CN": "你跳过了预测。" });
export const yourPrediction = msg<{ value: string }>({
  en: ({ value }) => `Your prediction: ${value}`,
  "zh-CN": ({ value }) => `你的预测：${value}`,
});
export const showAnswer = msg({ en: "Show the computed answer", "zh-CN": "显示计算结果" });
export const runningCell = msg<{ cell: string }>({
  en: ({ cell }) => `Running the cell “${cell}”…`,
  "zh-CN": ({ cell }) => `正在运行单元格“${cell}”…`,
});
export const cellDidNotFinish = msg<{ cell: string }>({
  en: ({ cell }) => `the cell “${cell}” did not finish`,
  "zh-CN": ({ cell }) => `单元格“${cell}”没有运行完`,
});
/** The value read from the scope was not a plain number or string; `value` is what it was. */
export const valueIs = msg<{ path: string; value: string }>({
  en: ({ path, value }) => `${path} is ${value}`,
  "zh-CN": ({ path, value }) => `${path} 的值是 ${value}`,
});
export const noAnswer = msg<{ why: string }>({
  en: ({ why }) => `No answer to show: ${why}. Run the cell above and try again.`,
  "zh-CN": ({ why }) => `无法显示答案：${why}。请运行上方的单元格后再试。`,
});
export const computed = msg<{ value: string }>({
  en: ({ value }) => `The cell computed: ${value}`,
  "zh-CN": ({ value }) => `单元格算出的是：${value}`,
});
export const close = msg<{ off: string }>({
  en: ({ off }) => `Close: off by ${off}.`,
  "zh-CN": ({ off }) => `很接近：相差 ${off}。`,
});
export const far = msg<{ off: string }>({
  en: ({ off }) => `Off by ${off}: worth a second look.`,
  "zh-CN": ({ off }) => `相差 ${off}：值得再想一想。`,
});
export const right = msg({ en: "Right.", "zh-CN": "答对了。" });
export const wrong = msg({ en: "Not this time.", "zh-CN": "这次没猜中。" });
export const again = msg({ en: "Predict again", "zh-CN": "重新预测" });

/** How far a guess was: relative error in percent. */
export const offPercent = msg<{ percent: number }>({
  en: ({ percent }) => `${percent} %`,
  "zh-CN": ({ percent }) => `${percent}%`,
});
/** How far a guess was on a log scale; `decades` is formatted ("1.0"). */
export const offDecades = msg<{ decades: string }>({
  en: ({ decades }) => `${decades} powers of ten`,
  "zh-CN": ({ decades }) => `${decades} 个数量级`,
});
export const offLessThanTenth = msg({ en: "less than 0.05 powers of ten", "zh-CN": "不到 0.05 个数量级" });
export const offSign = msg({ en: "a different sign", "zh-CN": "符号不同" });
