/**
 * What the kernel itself says inside a cell's output: a message it could not
 * send, a file it could not load, a text it cut. The kernel reports each as
 * data (`KernelFault` in runtime/protocol.ts, the cut note of runtime/text-cap.ts);
 * the page words it here in its own language (runtime/kernel-faults.ts). A
 * fault that carries the platform's or the page's own words (`detail`) shows
 * them as they are.
 */
import { msg } from "../message.ts";

export const sendFailed = msg<{ messageType: string; detail: string }>({
  en: ({ messageType, detail }) => `could not send a ${messageType} message: ${detail}`,
  "zh-CN": ({ messageType, detail }) => `无法发送 ${messageType} 消息：${detail}`,
});
export const assetOutsideRun = msg<{ asset: string }>({
  en: ({ asset }) => `${asset}: files load only while a cell runs`,
  "zh-CN": ({ asset }) => `${asset}：只有在单元格运行期间才能加载文件`,
});
export const assetFailed = msg<{ asset: string }>({
  en: ({ asset }) => `${asset}: the page could not load the file`,
  "zh-CN": ({ asset }) => `${asset}：页面无法加载这个文件`,
});
/** Ends a text the runtime cut to its size limit; `n` is already written with the page's digit grouping. */
export const moreCharacters = msg<{ n: string }>({
  en: ({ n }) => `… (${n} more characters)`,
  "zh-CN": ({ n }) => `……（另有 ${n} 个字符）`,
});
