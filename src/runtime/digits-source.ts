/**
 * The page's fetch of the digits file the build copied into the site, for
 * `digits()` (src/nn/digits.ts): the kernel asks the page for it with an
 * `asset-request` (browser.ts). Nothing is fetched until a cell asks for the
 * digits; a failed request is an error naming the URL and the status, and the
 * next call tries again.
 */
import type { DigitsSource } from "../nn/digits.ts";

/** Fetches `url` (absolute). */
export function fetchDigitsSource(url: string): DigitsSource & (() => Promise<ArrayBuffer>) {
  return async () => {
    let res: Response;
    try {
      res = await fetch(url);
    } catch (e) {
      throw new Error(`fetching ${url} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (!res.ok) throw new Error(`${url} answered ${res.status} ${res.statusText}`.trim());
    return res.arrayBuffer();
  };
}
