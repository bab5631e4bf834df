/**
 * The browser worker's byte source for `digits()` (src/nn/digits.ts): a plain
 * `fetch` of the file the build copied into the site. Nothing is fetched until
 * a cell asks for the digits; a failed request is an error naming the URL and
 * the status, and the next call tries again.
 */
import type { DigitsSource } from "../nn/digits.ts";

/** Fetches `url`, or the URL a function gives when the data are asked for (so a bad base fails then, not at start-up). */
export function fetchDigitsSource(url: string | (() => string)): DigitsSource {
  return async () => {
    let res: Response;
    if (typeof url === "function") {
      try {
        url = url();
      } catch (e) {
        throw new Error(`no URL for the digits file: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    try {
      res = await fetch(url);
    } catch (e) {
      throw new Error(`fetching ${url} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (!res.ok) throw new Error(`${url} answered ${res.status} ${res.statusText}`.trim());
    return res.arrayBuffer();
  };
}
