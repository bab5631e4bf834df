/**
 * The 404 page (src/pages/404.astro) as README's `npm run preview` serves it:
 * a missing address answers 404 with the page in the site's style, in English,
 * or in Chinese under /zh/.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { hasBrowser, launch } from "./browser.ts";

/** A free loopback port. */
function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    }).on("error", fail);
  });
}

describe.skipIf(!hasBrowser)("404 page under npm run preview", () => {
  let preview: ChildProcess;
  let browser: Browser;
  let url = "";

  beforeAll(async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    // `detached` puts npm and astro in their own process group, so afterAll stops both.
    preview = spawn("npm", ["run", "preview", "--", "--port", String(port), "--host", "127.0.0.1"], { detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let log = "";
    preview.stdout!.on("data", (d) => (log += d));
    preview.stderr!.on("data", (d) => (log += d));
    const deadline = Date.now() + 60_000;
    for (;;) {
      const up = await fetch(url + "/").then((r) => r.ok, () => false);
      if (up) break;
      if (Date.now() > deadline) throw new Error(`npm run preview did not answer on ${url}:\n${log}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    if (preview?.pid && preview.exitCode === null) process.kill(-preview.pid, "SIGTERM");
  });

  it("answers a missing address with status 404 and the site's page", async () => {
    const res = await fetch(url + "/no-such-chapter/");
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('class="site-header"');
    expect(html).toContain("Page not found");
  });

  it("shows the English text, or the Chinese one under /zh/", async () => {
    const page = await browser.newPage();
    const shown = async (path: string) => {
      const res = await page.goto(url + path);
      expect(res?.status()).toBe(404);
      return page.locator("main h1:visible").allTextContents();
    };
    expect(await shown("/no-such-chapter/")).toEqual(["Page not found"]);
    expect(await shown("/zh/no-such-chapter/")).toEqual(["找不到页面"]);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("zh-CN");
    await expect(page.locator("main a:visible").textContent()).resolves.toBe("前往章节列表");
    await page.close();
  });
});
