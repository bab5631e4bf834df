/**
 * Twin pages share their anchors: every heading of a Chinese chapter carries
 * the id of the English heading at the same place (`## 反向传播 {#…}`), so a
 * link, a bookmark or the language switch lands on the same section in either
 * edition, and the cheat sheet and glossary link both editions the same way.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";

const ZH = join("dist", "zh");
const slugs = existsSync(ZH) ? readdirSync(ZH, { withFileTypes: true }).filter((d) => d.isDirectory() && existsSync(join(ZH, d.name, "index.html"))).map((d) => d.name) : [];

function anchors(file: string): string[] {
  const { document } = parseHTML(readFileSync(file, "utf8"));
  return [...document.querySelectorAll("main :is(h2, h3, h4, h5, h6)[id], main [id^='cell-']")].map((el) => `${el.tagName.toLowerCase()}#${el.id}`);
}

describe("twin pages share their anchors", () => {
  it.each(slugs)("/zh/%s/ has the anchors of its English twin, in order", (slug) => {
    const en = join("dist", slug, "index.html");
    expect(existsSync(en), `${en} is missing`).toBe(true);
    expect(anchors(join(ZH, slug, "index.html"))).toEqual(anchors(en));
  });
});
