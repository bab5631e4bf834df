/**
 * The search dialog (SiteSearch.astro): opened from the header button or with
 * `/`, it queries the Pagefind index built with the site (src/integrations/
 * search-index.ts). Pagefind picks the index of the page's language from
 * `<html lang>`. Results link to the section a match is in. The index's
 * excerpts are HTML with <mark> around matches; they are parsed in an inert
 * document and copied as text, never inserted as markup.
 */
import { t } from "../i18n/message.ts";
import * as m from "../i18n/messages/site.ts";
import { pageLang } from "./page-lang.ts";

interface SubResult { title: string; url: string; excerpt: string }
interface ResultData { url: string; excerpt: string; meta: { title?: string }; sub_results: SubResult[] }
interface Pagefind {
  init(): Promise<void>;
  debouncedSearch(query: string, options?: object, ms?: number): Promise<{ results: { data(): Promise<ResultData> }[] } | null>;
}

const MAX_RESULTS = 8;
const MAX_SECTIONS = 3;

let pagefind: Promise<Pagefind> | null = null;
function loadPagefind(base: string): Promise<Pagefind> {
  pagefind ??= (async () => {
    const url = `${base}pagefind/pagefind.js`;
    const mod = (await import(/* @vite-ignore */ url)) as Pagefind;
    await mod.init();
    return mod;
  })();
  pagefind.catch(() => (pagefind = null)); // a later try (back online) loads it again
  return pagefind;
}

/** The excerpt's text with its <mark>ed matches, built from text nodes. */
export function excerptNodes(excerpt: string): Node[] {
  const doc = new DOMParser().parseFromString(`<body>${excerpt}</body>`, "text/html");
  return [...doc.body.childNodes].map((n) => {
    if (n.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = n.textContent;
      return mark;
    }
    return document.createTextNode(n.textContent ?? "");
  });
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function renderResult(data: ResultData): HTMLLIElement {
  const li = el("li", "search-result");
  const subs = data.sub_results.filter((s) => s.url.includes("#")).slice(0, MAX_SECTIONS);
  const title = el("a", "search-result-title", data.meta.title ?? data.url);
  title.href = subs[0]?.url ?? data.url;
  const excerpt = el("p", "search-excerpt");
  excerpt.append(...excerptNodes(subs[0]?.excerpt ?? data.excerpt));
  li.append(title, excerpt);
  if (subs.length > 1) {
    const list = el("ul", "search-sections");
    for (const s of subs.slice(1)) {
      const item = el("li", "");
      const a = el("a", "", s.title);
      a.href = s.url;
      item.append(a);
      list.append(item);
    }
    li.append(list);
  }
  return li;
}

/** True when `/` should not open search: the reader is typing somewhere. */
function typingIn(target: EventTarget | null): boolean {
  const e = target as HTMLElement | null;
  return !!e && (e.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(e.tagName));
}

export function setupSearch(root: HTMLElement): void {
  const lang = pageLang();
  const base = root.dataset.base ?? "/";
  const dialog = root.querySelector<HTMLDialogElement>("dialog")!;
  const open = root.querySelector<HTMLButtonElement>(".search-open")!;
  const close = root.querySelector<HTMLButtonElement>(".search-close")!;
  const input = root.querySelector<HTMLInputElement>("input[type=search]")!;
  const status = root.querySelector<HTMLElement>(".search-status")!;
  const results = root.querySelector<HTMLOListElement>(".search-results")!;
  let asked = 0;

  const show = () => {
    if (!dialog.open) dialog.showModal();
    input.focus();
    input.select();
    void loadPagefind(base).catch(() => {});
  };
  open.addEventListener("click", show);
  close.addEventListener("click", () => dialog.close());
  dialog.addEventListener("click", (e) => { if (e.target === dialog) dialog.close(); }); // the backdrop
  document.addEventListener("keydown", (e) => {
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || dialog.open || typingIn(e.target)) return;
    e.preventDefault();
    show();
  });
  // Enter follows the first result.
  root.querySelector("form")!.addEventListener("submit", (e) => {
    e.preventDefault();
    results.querySelector<HTMLAnchorElement>("a")?.click();
  });
  // Following a result to a section of this same page: close the dialog so the section shows.
  results.addEventListener("click", (e) => { if ((e.target as Element).closest("a")) dialog.close(); });

  input.addEventListener("input", async () => {
    const query = input.value.trim();
    const mine = ++asked;
    if (!query) { results.replaceChildren(); status.textContent = ""; return; }
    status.textContent = t(m.searchLoading, lang);
    try {
      const pf = await loadPagefind(base);
      const found = await pf.debouncedSearch(query, {}, 150);
      if (!found || mine !== asked) return; // a newer query superseded this one
      const data = await Promise.all(found.results.slice(0, MAX_RESULTS).map((r) => r.data()));
      if (mine !== asked) return;
      results.replaceChildren(...data.map(renderResult));
      status.textContent = t(m.searchCount, lang, { n: found.results.length, query });
    } catch (err) {
      if (mine !== asked) return;
      results.replaceChildren();
      const reason = err instanceof Error ? err.message : String(err);
      status.textContent = t(m.searchUnavailable, lang, { reason: reason.slice(0, 120) });
    }
  });
}
