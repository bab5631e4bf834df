/**
 * Finds and launches the system Chromium with playwright-core (test tools
 * cannot download browsers here). Without a browser the e2e suites skip with
 * a message; under CI=true a missing browser is an error, so CI never skips.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

/** Path of a usable Chromium, or null. */
export function findChromium(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`e2e: CHROMIUM_PATH points at a missing file: ${fromEnv}`);
    return fromEnv;
  }
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

const chromiumPath = findChromium();
if (!chromiumPath) {
  const msg =
    "e2e: no Chromium found (looked at CHROMIUM_PATH and " + CANDIDATES.join(", ") + "). " +
    "Install one with `apt-get install chromium` or set CHROMIUM_PATH.";
  if (process.env.CI) throw new Error(msg + " CI must not skip the browser tests.");
  console.warn(msg + " Skipping the end-to-end tests.");
}

/** True when the e2e suites can run. */
export const hasBrowser = chromiumPath !== null;

/** Launches headless Chromium with the flags this sandbox needs (plus `extraArgs`). */
export function launch(extraArgs: string[] = []): Promise<Browser> {
  if (!chromiumPath) throw new Error("e2e: no browser");
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-quic",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      ...extraArgs,
    ],
  });
}
