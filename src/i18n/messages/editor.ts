/**
 * The code editor's own words (CodeMirror's "phrases": what it announces to
 * screen readers and labels in its popups), keyed by CodeMirror's English
 * phrase in `editorPhrases` (editor.ts installs them with EditorState.phrases).
 */
import { msg } from "../message.ts";

export const completions = msg({ en: "Completions", "zh-CN": "补全建议" });
export const selectionDeleted = msg({ en: "Selection deleted", "zh-CN": "已删除选中内容" });
export const controlCharacter = msg({ en: "Control character", "zh-CN": "控制字符" });
export const diagnostics = msg({ en: "Diagnostics", "zh-CN": "诊断" });
export const noDiagnostics = msg({ en: "No diagnostics", "zh-CN": "没有诊断信息" });
export const close = msg({ en: "close", "zh-CN": "关闭" });
export const foldedCode = msg({ en: "folded code", "zh-CN": "已折叠的代码" });
export const unfold = msg({ en: "unfold", "zh-CN": "展开" });
