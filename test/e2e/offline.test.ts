/**
 * Offline after one visit (src/integrations/offline.ts, offline-client.ts):
 * the first visit installs the service worker and fills its precache; then
 * the network goes away — Chromium's offline mode, and the server refuses
 * every request — and the page still reloads, runs a cell, checks an
 * exercise and searches.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { hasBrowser, launch } from "./browser.ts";
import { serveStatic } from "./static-server.ts";

describe.skipIf(!hasBrowser)("offline after one visit (Chromium)", () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  beforeAll(async () => {
    server = await serveStatic("dist");
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("reloads, runs a cell, checks an exercise and searches with no network", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(server.url + "/how-this-notebook-works/");
    // The first visit: installed, precache filled, page controlled, and the reader told.
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 60_000 });
    await page.locator(".offline-ready").waitFor({ timeout: 30_000 });
    expect(await page.locator(".offline-ready").textContent()).toBe("Available offline");

    server.setDown(true);
    await context.setOffline(true);
    try {
      await page.reload();
      expect(await page.locator("h1").textContent()).toBe("How this notebook works");
      // Run: the cell runtime's script comes from the cache.
      const cell = page.locator('section.cell[data-cell-id="first-cell"]');
      await cell.locator('[data-action="run"]').click();
      await page.waitForFunction(
        () => /done|error/.test(document.querySelector('section.cell[data-cell-id="first-cell"] .cell-status')?.textContent ?? ""),
        null, { timeout: 30_000 },
      );
      expect(await cell.locator(".cell-status").textContent()).toMatch(/^done/);
      expect(await cell.locator(".cell-output").textContent()).toContain("[0.119203, 0.5, 0.880797]");
      // Check: the exercise's grader runs and reports (the starter fails with its teaching message).
      const ex = page.locator('section.exercise[data-exercise="00-how-this-notebook-works/square-derivative"]');
      await ex.locator('[data-action="run"]').click();
      await page.waitForFunction(
        (el) => /relative error/.test(el?.textContent ?? ""),
        await ex.locator(".exercise-result").elementHandle(), { timeout: 30_000 },
      );
      // Search: the index is cached too.
      await page.keyboard.press("/");
      await page.keyboard.type("gradient");
      await page.locator(".search-result").first().waitFor({ timeout: 15_000 });
      // A page not visited yet opens from the cache.
      await page.goto(server.url + "/glossary/");
      expect(await page.locator("h1").textContent()).toBe("Glossary");
    } finally {
      await context.setOffline(false);
      server.setDown(false);
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it("offers a new version and reloads into it only when asked, keeping the reader's edit", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url + "/how-this-notebook-works/");
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 60_000 });
    await page.locator(".offline-ready").waitFor({ timeout: 30_000 });
    // The reader edits a cell.
    const cell = page.locator('section.cell[data-cell-id="first-cell"]');
    await cell.locator(".cell-code").click();
    await cell.locator(".cm-content").waitFor();
    await cell.locator(".cm-content").focus();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.insertText("[7, 8, 9] // kept across the update");
    // A new build is deployed: sw.js changes; the browser's update check finds it.
    server.setOverride("/sw.js", readFileSync("dist/sw.js", "utf8") + "\n// the next build\n");
    try {
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
      const prompt = page.locator(".offline-update");
      await prompt.waitFor({ timeout: 30_000 });
      expect(await prompt.textContent()).toContain("A new version of the course is available.");
      // Nothing reloads by itself.
      await page.waitForTimeout(500);
      expect(await cell.locator(".cm-content").innerText()).toContain("kept across the update");
      await Promise.all([page.waitForEvent("load", { timeout: 30_000 }), prompt.locator(".offline-reload").click()]);
      await cell.locator(".cm-content").waitFor();
      expect(await cell.locator(".cm-content").innerText()).toContain("kept across the update");
      expect(await page.locator(".offline-update").isVisible()).toBe(false);
    } finally {
      server.setOverride("/sw.js", null);
    }
    await context.close();
  });

  it("says the runtime is missing offline, not that the worker crashed, when nothing was cached", async () => {
    // No service worker: the first visit's network drops before the cell runtime was fetched.
    const context = await browser.newContext({ serviceWorkers: "block" });
    const page = await context.newPage();
    // The page starts its kernel once idle after load (notebook.ts, #startKernelEarly): hold the runtime's
    // file until the network is gone, so the fetch fails offline however fast the machine is.
    let release = (): void => {};
    const held = new Promise<void>((r) => (release = r));
    await page.route(/\/_astro\/worker-[^/]*\.js$/, async (route) => {
      await held;
      await route.abort("internetdisconnected");
    });
    await page.goto(server.url + "/how-this-notebook-works/");
    await context.setOffline(true);
    release();
    try {
      const cell = page.locator('section.cell[data-cell-id="first-cell"]');
      await cell.locator('[data-action="run"]').click();
      await page.waitForFunction(() => /offline/.test(document.querySelector(".notebook-status")?.textContent ?? ""), null, { timeout: 30_000 });
      const said = await page.locator(".notebook-status").textContent();
      expect(said).toMatch(/^Could not load the cell runtime: this device is offline and has not saved it yet/);
      expect(said).not.toMatch(/crash/);
    } finally {
      await context.setOffline(false);
    }
    await context.close();
  });
});
