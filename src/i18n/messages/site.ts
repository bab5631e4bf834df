/** Messages of the site around the chapters: search, the 404 page, offline, sharing. */
import { msg } from "../message.ts";

export const searchOpen = msg({ en: "Search", "zh-CN": "搜索" });
export const searchLabel = msg({ en: "Search the course", "zh-CN": "搜索课程" });
export const searchClose = msg({ en: "Close", "zh-CN": "关闭" });
export const searchHint = msg({
  en: "Type a word or a phrase; results link to the section that holds it. Press / anywhere to search.",
  "zh-CN": "输入词语或短语，结果会链接到它所在的小节。在页面任意处按 / 即可搜索。",
});
export const searchLoading = msg({ en: "Loading the search index…", "zh-CN": "正在加载搜索索引……" });
export const searchCount = msg<{ n: number; query: string }>({
  en: ({ n, query }) => (n === 0 ? `no results for “${query}”` : `${n} ${n === 1 ? "page" : "pages"} found for “${query}”`),
  "zh-CN": ({ n, query }) => (n === 0 ? `没有找到“${query}”` : `找到 ${n} 个包含“${query}”的页面`),
});
export const searchUnavailable = msg<{ reason: string }>({
  en: ({ reason }) => `search is unavailable: the index could not be loaded (${reason}). It is built by \`npm run build\`, and offline it works once the site has been cached.`,
  "zh-CN": ({ reason }) => `搜索暂不可用：无法加载搜索索引（${reason}）。索引由 \`npm run build\` 生成；离线时需先缓存本站才能使用。`,
});
export const searchSections = msg({ en: "Sections", "zh-CN": "小节" });

export const notFoundTitle = msg({ en: "Page not found", "zh-CN": "找不到页面" });
export const notFoundText = msg({
  en: "There is no page at this address. It may have moved, or the link may have a typo.",
  "zh-CN": "这个地址没有页面。它可能已经移动，或者链接有拼写错误。",
});
export const notFoundHome = msg({ en: "Go to the list of chapters", "zh-CN": "前往章节列表" });
export const notFoundSearch = msg({ en: "or search the course (press /).", "zh-CN": "或者搜索课程（按 /）。" });
