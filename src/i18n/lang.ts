/**
 * The course's two editions. English keeps the site's original URLs; the
 * Chinese twin lives under `/zh/` with the same slugs, so a page's other
 * edition is found by adding or removing one prefix.
 */
export const LANGS = ["en", "zh-CN"] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = "en";

/** URL prefix of each edition (after the site's base). */
export const LANG_PREFIX: Record<Lang, string> = { en: "", "zh-CN": "/zh" };

/** The edition's name in its own language, for the language switch. */
export const LANG_NAME: Record<Lang, string> = { en: "English", "zh-CN": "简体中文" };

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGS as readonly string[]).includes(value);
}

/** The edition a path (without the site's base) belongs to. */
export function langOfPath(path: string): Lang {
  return /^\/zh(\/|$)/.test(path) ? "zh-CN" : "en";
}

/** The same page in `lang`: `/backpropagation/` ⇄ `/zh/backpropagation/` (paths without the site's base). */
export function pathInLang(path: string, lang: Lang): string {
  const bare = path.replace(/^\/zh(?=\/|$)/, "") || "/";
  return LANG_PREFIX[lang] + bare;
}

/** The other edition. */
export function otherLang(lang: Lang): Lang {
  return lang === "en" ? "zh-CN" : "en";
}
