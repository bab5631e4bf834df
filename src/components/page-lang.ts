/** The edition the page is in, from `<html lang>` (set at build time by Base.astro). */
import { DEFAULT_LANG, isLang, type Lang } from "../i18n/lang.ts";

export function pageLang(): Lang {
  const lang = typeof document === "undefined" ? undefined : document.documentElement.lang;
  return isLang(lang) ? lang : DEFAULT_LANG;
}
