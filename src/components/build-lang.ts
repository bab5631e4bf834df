/**
 * The language a build-time component writes in: its `lang` prop when the
 * page passes one, else the edition of the page's URL (`/zh/…` is Chinese),
 * so a component that MDX renders from a chapter's components map is in the
 * chapter's language without the chapter saying so. The browser-side twin is
 * `pageLang()` (page-lang.ts), which reads `<html lang>`.
 */
import { langOfPath, type Lang } from "../i18n/lang.ts";

export function buildLang(explicit: Lang | undefined, url: URL): Lang {
  if (explicit) return explicit;
  const base = import.meta.env.BASE_URL.replace(/\/$/, "");
  const path = base && url.pathname.startsWith(base) ? url.pathname.slice(base.length) : url.pathname;
  return langOfPath(path || "/");
}
