/**
 * Finds and launches a Chromium with playwright-core (test tools cannot
 * download browsers here). The one lookup every browser test and bench uses:
 *   1. CHROMIUM_PATH, when set (a missing file there is an error, not a skip);
 *   2. a system Chromium or Chrome at the usual places;
 *   3. the Chromium that the `@sparticuz/chromium` devDependency ships inside
 *      its npm package (Linux x64/arm64), unpacked to the temp directory on
 *      first use — so a fresh machine with only Node and npm runs the e2e tests.
 * E2E_PACKAGED_CHROMIUM=1 skips 1 and 2 (the fresh-machine script uses it to
 * prove step 3 on a machine that has a system browser too).
 * Without any of them the e2e suites skip with a message; under CI=true a
 * missing browser is an error, so CI never skips.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

const SYSTEM = [
  "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome", "/Applications/Chromium.app/Contents/MacOS/Chromium",
];

/** A system browser: CHROMIUM_PATH or a well-known path, or null. */
export function findSystemChromium(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`e2e: CHROMIUM_PATH points at a missing file: ${fromEnv}`);
    return fromEnv;
  }
  return SYSTEM.find((p) => existsSync(p)) ?? null;
}

/** The Chromium shipped by @sparticuz/chromium, unpacked; null where the package or its platform is missing. */
export async function packagedChromium(): Promise<string | null> {
  if (process.platform !== "linux" || !["x64", "arm64"].includes(process.arch)) return null;
  try {
    const pkg = (await import("@sparticuz/chromium")).default;
    const path = await pkg.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const chromiumPath = (process.env.E2E_PACKAGED_CHROMIUM === "1" ? null : findSystemChromium()) ?? (await packagedChromium());
if (!chromiumPath) {
  const msg =
    "e2e: no Chromium found (looked at CHROMIUM_PATH, " + SYSTEM.join(", ") + " and the @sparticuz/chromium package). " +
    "Install one with `apt-get install chromium` or set CHROMIUM_PATH.";
  if (process.env.CI) throw new Error(msg + " CI must not skip the browser tests.");
  console.warn(msg + " Skipping the end-to-end tests.");
}

/** Path of the Chromium the tests use, or null. */
export function findChromium(): string | null {
  return chromiumPath;
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
