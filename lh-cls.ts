import { serveStatic } from "./test/e2e/static-server.ts";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { findChromium } from "./test/e2e/browser.ts";
const a = await serveStatic(process.env.DIST ?? "dist", { production: true });
const { stdout } = await promisify(execFile)(process.execPath, ["/tmp/lh/node_modules/lighthouse/cli/index.js", a.url + (process.argv[2] ?? "/backpropagation/"), "--quiet", "--output=json", "--output-path=stdout", "--only-categories=performance", "--chrome-flags=--headless=new --no-sandbox --disable-gpu"], { env: { ...process.env, CHROME_PATH: findChromium()! }, maxBuffer: 1 << 28 });
const r = JSON.parse(stdout);
console.log("CLS", r.audits["cumulative-layout-shift"].displayValue, "perf", r.categories.performance.score);
for (const id of ["layout-shifts", "layout-shift-elements"]) {
  const items = r.audits[id]?.details?.items ?? [];
  for (const i of items.slice(0, 8)) console.log(id, JSON.stringify({ score: i.score, node: i.node?.snippet?.slice(0, 120), sel: i.node?.selector, causes: i.subItems?.items?.map((s: any) => s.cause + " " + (s.extra?.snippet ?? s.extra?.url ?? "")).slice(0, 3) }));
}
await a.close(); process.exit(0);
