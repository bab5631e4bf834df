/**
 * Waiting for a saved edit instead of sleeping past the save debounce: the
 * page stores each edit under `hnl:edit:v1:<chapter>:<cell>` (src/runtime/storage.ts);
 * these helpers wait until the stored code holds the expected text.
 */
import type { Page } from "playwright-core";

/** Resolves once some stored edit of the page's origin contains `text` (single-line text: the code is stored as JSON). */
export async function waitForSavedEdit(page: Page, text: string, timeout = 10_000): Promise<void> {
  await page.waitForFunction(
    (t) => Object.keys(localStorage).some((k) => k.startsWith("hnl:edit:v1:") && (localStorage.getItem(k) ?? "").includes(t)),
    text,
    { timeout, polling: 50 },
  );
}
