/** The page shell and the course index: header, footer, chapter frame, language switch. */
import { msg } from "../message.ts";

export const siteName = msg({ en: "How Networks Learn", "zh-CN": "神经网络如何学习" });
export const skipToContent = msg({ en: "Skip to content", "zh-CN": "跳到正文" });
export const siteNav = msg({ en: "Site", "zh-CN": "站点" });
export const chapters = msg({ en: "Chapters", "zh-CN": "章节" });
/** The header's chapter menu on chapter pages (ChapterMenu.astro): its lists' names and the link to the index. */
export const chapterMenuList = msg({ en: "Chapters of the course", "zh-CN": "课程章节" });
export const chapterMenuIndex = msg({ en: "All chapters and your progress", "zh-CN": "全部章节与学习进度" });
export const footer = msg({
  en: "Every number on these pages is computed by code you can run and edit. Your edits and progress stay on this device.",
  "zh-CN": "本站每一个数字都由你可以运行、修改的代码算出。你的修改和学习进度只保存在这台设备上。",
});
export const onThisPage = msg({ en: "On this page", "zh-CN": "本页目录" });
export const chapterKicker = msg<{ n: number }>({ en: ({ n }) => `Chapter ${n}`, "zh-CN": ({ n }) => `第 ${n} 章` });
export const reference = msg({ en: "Reference", "zh-CN": "参考" });
export const pagerLabel = msg({ en: "Chapters", "zh-CN": "章节导航" });
export const previous = msg({ en: "Previous", "zh-CN": "上一章" });
export const next = msg({ en: "Next", "zh-CN": "下一章" });
/** The link to the same page in the other edition, read in the target language. */
export const switchTo = msg({ en: "English", "zh-CN": "简体中文" });
export const switchLabel = msg({ en: "Read this page in English", "zh-CN": "阅读本页的简体中文版" });
/** Shown once on English pages to readers whose browser prefers Chinese (in Chinese, for them). */
export const offer = msg({ en: "This course is also available in English.", "zh-CN": "本课程有简体中文版。" });
export const offerSwitch = msg({ en: "Read in English", "zh-CN": "切换到中文" });
export const offerDismiss = msg({ en: "No thanks", "zh-CN": "不用了" });
export const notYetTranslated = msg({ en: "(not yet in English)", "zh-CN": "（暂无中文版，链接到英文版）" });
export const indexTitle = msg({ en: "Chapters", "zh-CN": "章节" });
export const indexHeading = msg({ en: "How neural networks learn", "zh-CN": "神经网络如何学习" });
export const indexDescription = msg({
  en: "A hands-on course on how neural networks learn: activations, derivatives, losses, backpropagation, gradient descent and optimisers, with code you run in the page.",
  "zh-CN": "一门动手的课程，讲神经网络如何学习：激活函数、导数、损失函数、反向传播、梯度下降与优化器，每段代码都能在页面里直接运行。",
});
export const indexLede = msg({
  en: "A course you can run. Every formula comes with TypeScript you can edit and re-run in the page, every derivative is checked numerically, and the exercises grade themselves.",
  "zh-CN": "一门可以运行的课程：每个公式都配有可在页面里修改、重新运行的 TypeScript 代码，每个导数都经过数值检验，练习会自动评分。",
});
export const exercisesPassedLabel = msg<{ title: string }>({
  en: ({ title }) => `Exercises passed in “${title}”`,
  "zh-CN": ({ title }) => `“${title}”中已通过的练习`,
});
export const yourProgress = msg({ en: "Your progress", "zh-CN": "你的学习进度" });
export const progressIntro = msg({
  en: "Progress is kept in this browser only. Save it to a file to move it to another device or browser.",
  "zh-CN": "进度只保存在这个浏览器里。把它导出成文件，就能搬到另一台设备或另一个浏览器上。",
});
