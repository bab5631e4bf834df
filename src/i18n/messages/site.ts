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

export const shareButton = msg({ en: "Share", "zh-CN": "分享" });
export const shareButtonTitle = msg({ en: "Copy a link that carries this cell's code", "zh-CN": "复制一个带有此单元代码的链接" });
export const shareCopied = msg({
  en: "Link copied: it carries this cell's code as it is now. Whoever opens it sees the code first and runs it only if they choose to.",
  "zh-CN": "链接已复制：它带有此单元当前的代码。打开链接的人会先看到代码，只有自己点击才会运行。",
});
export const shareCopyHere = msg({
  en: "Copy this link (the clipboard is not available here):",
  "zh-CN": "请复制这个链接（此处无法使用剪贴板）：",
});
export const shareLinkLabel = msg({ en: "Link to this cell's code", "zh-CN": "此单元代码的链接" });
export const shareTooLong = msg<{ n: number; max: number }>({
  en: ({ n, max }) => `this cell's code is too long to share in a link: ${n} characters compressed, the limit is ${max}`,
  "zh-CN": ({ n, max }) => `此单元的代码太长，无法放进链接：压缩后 ${n} 个字符，上限为 ${max}`,
});
export const sharedBanner = msg({
  en: "Shared code — not run. Run to execute it, Discard to return to yours.",
  "zh-CN": "分享的代码——尚未运行。点击「运行」执行它，点击「丢弃」恢复你自己的代码。",
});
export const sharedRun = msg({ en: "Run", "zh-CN": "运行" });
export const sharedKeep = msg({ en: "Keep as my edit", "zh-CN": "保存为我的修改" });
export const sharedDiscard = msg({ en: "Discard", "zh-CN": "丢弃" });
export const sharedReplaceAsk = msg({
  en: "Replace your saved edit of this cell with the shared code? Your edit will be lost.",
  "zh-CN": "用分享的代码替换你保存的此单元修改吗？你的修改将会丢失。",
});
export const sharedUnknownCell = msg<{ id: string }>({
  en: ({ id }) => `the shared link names a cell this page does not have: ${id}`,
  "zh-CN": ({ id }) => `分享链接指向的单元在本页不存在：${id}`,
});
export const sharedDamaged = msg<{ reason: string }>({
  en: ({ reason }) => `the shared link is damaged, its code could not be read: ${reason}`,
  "zh-CN": ({ reason }) => `分享链接已损坏，无法读取其中的代码：${reason}`,
});

export const resetAsk = msg({
  en: "Discard your edit of this cell and restore the course's code?",
  "zh-CN": "丢弃你对此单元的修改，恢复课程原来的代码吗？",
});
export const resetConfirm = msg({ en: "Discard my edit", "zh-CN": "丢弃我的修改" });
export const replaceConfirm = msg({ en: "Replace my edit", "zh-CN": "替换我的修改" });
export const askCancel = msg({ en: "Cancel", "zh-CN": "取消" });

export const themeLabel = msg({ en: "Theme", "zh-CN": "主题" });
export const themeSystem = msg({ en: "System", "zh-CN": "跟随系统" });
export const themeLight = msg({ en: "Light", "zh-CN": "浅色" });
export const themeDark = msg({ en: "Dark", "zh-CN": "深色" });

export const importedWork = msg<{ exercises: number; edits: number; keptMine: number }>({
  en: ({ exercises, edits, keptMine }) =>
    `Imported progress for ${exercises} ${exercises === 1 ? "exercise" : "exercises"} and ${edits} cell ${edits === 1 ? "edit" : "edits"}` +
    (keptMine ? `; kept ${keptMine} of your own ${keptMine === 1 ? "edit" : "edits"}, saved later than the file's.` : "."),
  "zh-CN": ({ exercises, edits, keptMine }) =>
    `已导入 ${exercises} 个练习的进度和 ${edits} 处代码修改` + (keptMine ? `；保留了你自己的 ${keptMine} 处修改（它们比文件中的更新）。` : "。"),
});

export const headingLink = msg<{ heading: string }>({
  en: ({ heading }) => `Link to the section “${heading}”`,
  "zh-CN": ({ heading }) => `指向“${heading}”一节的链接`,
});

export const downloadButton = msg({ en: "Download code", "zh-CN": "下载代码" });
export const downloadTitle = msg({
  en: "Save every cell of this chapter, with your edits, as one TypeScript file that runs under Node",
  "zh-CN": "把本章所有代码单元（含你的修改）保存为一个可在 Node 下运行的 TypeScript 文件",
});
