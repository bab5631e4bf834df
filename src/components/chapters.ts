/**
 * Build-time: the chapters of an edition in course order, and each one's twin
 * in the other edition (same slug). A Chinese page exists only where its
 * `index.zh.mdx` does; until then the Chinese index links to the English page.
 */
import { getCollection, type CollectionEntry } from "astro:content";
import type { Lang } from "../i18n/lang.ts";

export type ChapterEntry = CollectionEntry<"chapters"> | CollectionEntry<"chaptersZh">;

/** Orders from 90 up are reference pages (cheat sheet, glossary), listed apart from the chapters. */
export const REFERENCE_FROM = 90;

export async function chaptersOf(lang: Lang): Promise<ChapterEntry[]> {
  const all: ChapterEntry[] = lang === "en" ? await getCollection("chapters") : await getCollection("chaptersZh");
  return all.sort((a, b) => a.data.order - b.data.order);
}

/** Slugs that exist in both editions. */
export async function twinSlugs(): Promise<Set<string>> {
  const zh = new Set((await getCollection("chaptersZh")).map((e) => e.id));
  return new Set((await getCollection("chapters")).map((e) => e.id).filter((id) => zh.has(id)));
}

/** The static paths of an edition's chapter pages, each with its neighbours and whether the other edition has it. */
export async function chapterPaths(lang: Lang) {
  const chapters = await chaptersOf(lang);
  const twins = await twinSlugs();
  return chapters.map((entry, i) => ({
    params: { chapter: entry.id },
    props: { entry, prev: chapters[i - 1], next: chapters[i + 1], hasTwin: twins.has(entry.id) },
  }));
}
