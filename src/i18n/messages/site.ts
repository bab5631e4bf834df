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

export const offlineReady = msg({ en: "Available offline", "zh-CN": "可离线使用" });
export const offlineReadyTitle = msg({
  en: "This course is saved on this device: its pages, cells and search work without a network.",
  "zh-CN": "本课程已保存在此设备上：没有网络时，页面、代码单元和搜索也能使用。",
});
export const updateAvailable = msg({
  en: "A new version of the course is available. Your edits are saved.",
  "zh-CN": "课程有新版本。你的修改已保存。",
});
export const updateReload = msg({ en: "Reload", "zh-CN": "重新加载" });
export const updateLater = msg({ en: "Later", "zh-CN": "稍后" });
/** The cell runtime's script could not be fetched and the network is down. */
export const runtimeOffline = msg({
  en: "could not load the cell runtime: this device is offline and has not saved it yet (open the page once while online, then it works offline)",
  "zh-CN": "无法加载代码运行环境：此设备处于离线状态，且尚未保存它（联网时打开一次本页，之后即可离线使用）",
});
