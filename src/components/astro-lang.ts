/**
 * Build-time: the edition a page belongs to, from its URL. Components a
 * chapter uses (`<Exercise>`, `<Figure>`, cells) read it from `Astro.url`, so
 * a Chinese chapter's MDX is written exactly like its English twin.
 */
import { langOfPath, type Lang } from "../i18n/lang.ts";

export function langOfUrl(url: URL): Lang {
  const base = import.meta.env.BASE_URL.replace(/\/$/, "");
  const path = url.pathname.startsWith(base) ? url.pathname.slice(base.length) : url.pathname;
  return langOfPath(path || "/");
}
