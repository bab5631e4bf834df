/**
 * Shared set-up for the end-to-end suites: serve dist/ on loopback and launch
 * Chromium once per suite. Call inside a `describe`.
 */
import { afterAll, beforeAll } from "vitest";
import type { Browser } from "playwright-core";
import { launch } from "./browser.ts";
import { serveStatic } from "./static-server.ts";

/** Registers the suite's hooks; the getters work inside tests. `browserArgs` go to Chromium. */
export function useSite(browserArgs: string[] = []): { browser: () => Browser; url: () => string } {
  let browser: Browser | undefined;
  let server: Awaited<ReturnType<typeof serveStatic>> | undefined;
  beforeAll(async () => {
    server = await serveStatic("dist");
    browser = await launch(browserArgs);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return { browser: () => browser!, url: () => server!.url };
}
