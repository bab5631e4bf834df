/**
 * Sharing a cell's code in a link. "Share" compresses the cell's current code
 * (deflate, base64url) into the URL's fragment — `#share-v1:<cell id>:<code>` —
 * which never reaches a server. Opening such a link shows the code in that
 * cell under a banner and runs nothing: the code is a stranger's, so it runs
 * only when the reader clicks Run, and it is not saved over the reader's own
 * edit unless they choose "Keep as my edit" (and confirm, when they have one).
 */
import { t } from "../i18n/message.ts";
import * as m from "../i18n/messages/site.ts";
import type { CellView } from "./cell-view.ts";
import { chapterScript } from "./chapter-script.ts";
import type { Notebook } from "./notebook.ts";
import { pageLang } from "./page-lang.ts";

/** Longest fragment payload (compressed, base64url): links past ~8 000 characters break in chats and mail. */
export const MAX_SHARED = 6000;
/** Largest code a link may unpack to (a small link must not inflate into megabytes). */
const MAX_CODE = 200_000;
const PREFIX = "#share-v1:";

const toBase64Url = (bytes: Uint8Array) =>
  btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join("")).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
function fromBase64Url(s: string): Uint8Array {
  const bin = atob(s.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit = Infinity): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new Error(`it unpacks to more than ${limit} bytes`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return out;
}

/** The fragment payload for `code`. */
export async function packCode(code: string): Promise<string> {
  return toBase64Url(await pipe(new TextEncoder().encode(code), new CompressionStream("deflate-raw")));
}

/** The code in a payload; throws with a reason when it is not one. */
export async function unpackCode(payload: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = fromBase64Url(payload);
  } catch {
    throw new Error("it is not base64url text");
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(await pipe(bytes, new DecompressionStream("deflate-raw"), MAX_CODE));
  } catch (err) {
    throw new Error(err instanceof Error && /unpacks/.test(err.message) ? err.message : "it is not compressed code");
  }
}

/** `{ cellId, payload }` of a share fragment, or null when the fragment is something else. */
export function parseShareHash(hash: string): { cellId: string; payload: string } | null {
  if (!hash.startsWith(PREFIX)) return null;
  const match = /^([A-Za-z0-9_-]{1,100}):([A-Za-z0-9_-]*)$/.exec(hash.slice(PREFIX.length));
  return match ? { cellId: match[1], payload: match[2] } : null;
}

function clearHash(): void {
  history.replaceState(history.state, "", location.pathname + location.search);
}

async function share(cell: CellView): Promise<void> {
  const lang = pageLang();
  const payload = await packCode(cell.code);
  if (payload.length > MAX_SHARED) {
    cell.notify(t(m.shareTooLong, lang, { n: payload.length, max: MAX_SHARED }));
    return;
  }
  const url = `${location.origin}${location.pathname}${PREFIX}${cell.id}:${payload}`;
  try {
    await navigator.clipboard.writeText(url);
    cell.notify(t(m.shareCopied, lang));
  } catch {
    // No clipboard (insecure context, permission refused): show the link to copy by hand.
    cell.notify(t(m.shareCopyHere, lang));
    const field = document.createElement("input");
    field.readOnly = true;
    field.value = url;
    field.className = "share-link";
    field.setAttribute("aria-label", t(m.shareLinkLabel, lang));
    cell.root.querySelector(".cell-notice")?.append(field);
    field.select();
  }
}

/** Opens a shared link's code in its cell, under the banner, without running or saving it. */
async function openShared(nb: Notebook, hash: string): Promise<void> {
  const parsed = parseShareHash(hash);
  if (!parsed) return;
  const lang = pageLang();
  const cell = nb.cells.find((c) => c.id === parsed.cellId);
  if (!cell) {
    nb.announce(t(m.sharedUnknownCell, lang, { id: parsed.cellId }));
    return;
  }
  let code: string;
  try {
    code = await unpackCode(parsed.payload);
  } catch (err) {
    cell.notify(t(m.sharedDamaged, lang, { reason: (err as Error).message }));
    return;
  }
  nb.holdSaves(cell, true);
  await cell.setCode(code);
  cell.setModified(code !== cell.original);
  cell.root.dataset.shared = "true";
  const endShared = () => {
    nb.holdSaves(cell, false);
    delete cell.root.dataset.shared;
    cell.notify(null);
    clearHash();
  };
  const banner = () => cell.notify(t(m.sharedBanner, lang), [
    { label: t(m.sharedRun, lang), run: () => nb.run(cell) },
    {
      label: t(m.sharedKeep, lang),
      run: () => {
        const keep = () => {
          endShared();
          nb.codeChanged(cell, cell.code); // saves it as the reader's edit
        };
        const saved = nb.savedEdit(cell);
        if (saved === null || saved === cell.code) return keep();
        cell.notify(t(m.sharedReplaceAsk, lang), [
          { label: t(m.replaceConfirm, lang), run: keep },
          { label: t(m.askCancel, lang), run: banner },
        ]);
      },
    },
    {
      label: t(m.sharedDiscard, lang),
      run: () => {
        endShared();
        const mine = nb.savedEdit(cell) ?? cell.original;
        void cell.setCode(mine).then(() => cell.setModified(mine !== cell.original));
      },
    },
  ]);
  banner();
  cell.root.scrollIntoView({ block: "start" });
}

/**
 * Reset asks first when it would discard an edit (or shared code): the click is caught
 * before the cell's own handler and let through only after "Discard my edit".
 */
function guardReset(nb: Notebook, cell: CellView, reset: HTMLButtonElement): void {
  let confirmed = false;
  reset.addEventListener("click", (e) => {
    if (confirmed) { confirmed = false; return; }
    const shared = cell.root.dataset.shared === "true";
    if (cell.code === cell.original && !shared) return;
    e.stopImmediatePropagation();
    const lang = pageLang();
    cell.notify(t(m.resetAsk, lang), [
      {
        label: t(m.resetConfirm, lang),
        run: () => {
          if (shared) { nb.holdSaves(cell, false); delete cell.root.dataset.shared; clearHash(); }
          confirmed = true;
          reset.click();
        },
      },
      { label: t(m.askCancel, lang), run: () => cell.notify(null) },
    ]);
  }, { capture: true });
}

/** A button of a cell's toolbar or the notebook bar, named by its data attribute (`data-action`, `data-notebook`). */
function barButton(data: Record<string, string>, label: string, title: string, onClick: () => void): HTMLButtonElement {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "cell-btn";
  Object.assign(button.dataset, data);
  button.textContent = label;
  button.title = title;
  button.addEventListener("click", onClick);
  return button;
}

/** Adds "Download code" to the notebook bar: the chapter's cells with the reader's edits as one runnable .ts file. */
function installDownload(nb: Notebook): void {
  const restart = document.querySelector('[data-notebook="restart"]');
  if (!restart) return;
  const lang = pageLang();
  const button = barButton({ notebook: "download" }, t(m.downloadButton, lang), t(m.downloadTitle, lang), () => {
    const title = document.querySelector("main h1")?.textContent?.trim() ?? nb.chapter;
    const text = chapterScript({ title, slug: nb.chapter, cells: nb.cells.map((c) => ({ id: c.id, code: c.code })), date: new Date().toISOString().slice(0, 10) });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([text], { type: "text/typescript" }));
    a.download = `${nb.chapter}.cells.ts`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  });
  restart.after(button);
}

/** Adds Share to every notebook cell's toolbar and opens a shared link, if the page was opened with one. */
export function installShare(nb: Notebook): void {
  const lang = pageLang();
  for (const cell of nb.cells) {
    const toolbar = cell.root.querySelector(".cell-toolbar");
    const reset = toolbar?.querySelector('[data-action="reset"]');
    if (!toolbar || !reset) continue;
    reset.after(barButton({ action: "share" }, t(m.shareButton, lang), t(m.shareButtonTitle, lang), () => void share(cell)));
    guardReset(nb, cell, reset as HTMLButtonElement);
  }
  installDownload(nb);
  void openShared(nb, location.hash);
  addEventListener("hashchange", () => void openShared(nb, location.hash));
}
