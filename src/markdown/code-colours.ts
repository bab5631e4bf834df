/**
 * Lighter static code highlighting. Shiki writes every token as
 * `<span style="color:#A0111F;--shiki-dark:#FF9492">`: on a chapter page that
 * is thousands of spans and a large share of the HTML. This transformer, used
 * by every highlighted block, keeps the same colours with less markup:
 *
 * - adjacent tokens of the same colour are merged into one span (Shiki's own
 *   `mergeSameStyleTokens`);
 * - tokens in the block's default colour lose their span (the text inherits
 *   the colour from the <pre>);
 * - the others get two short classes, `l3 d7`: the index of their light and
 *   dark colour in the themes' palettes, styled by `codeColourCss` below.
 *   A token whose style holds anything else (italic, bold, a colour outside
 *   the palette) keeps its inline style, so nothing is ever lost.
 */
import { bundledThemes, type ShikiTransformer } from "shiki";

/** The theme pair of every highlighted block (high contrast keeps code text at WCAG AA in both schemes). */
export const codeThemes = { light: "github-light-high-contrast", dark: "github-dark-high-contrast" } as const;

type ThemeJson = { colors?: Record<string, string>; tokenColors?: { settings?: { foreground?: string } }[] };

/** Every colour a theme can give a token, upper-case, sorted: the class index is the position here. */
function palette(theme: ThemeJson): string[] {
  const all = new Set<string>();
  const fg = theme.colors?.["editor.foreground"];
  if (fg) all.add(fg.toUpperCase());
  for (const t of theme.tokenColors ?? []) if (t.settings?.foreground) all.add(t.settings.foreground.toUpperCase());
  return [...all].sort();
}

const lightTheme = (await bundledThemes[codeThemes.light]()).default as ThemeJson;
const darkTheme = (await bundledThemes[codeThemes.dark]()).default as ThemeJson;
const light = palette(lightTheme);
const dark = palette(darkTheme);
const lightFg = lightTheme.colors?.["editor.foreground"]?.toUpperCase();
const darkFg = darkTheme.colors?.["editor.foreground"]?.toUpperCase();

/** The CSS behind the classes (light by default, dark under prefers-color-scheme: dark). */
export const codeColourCss =
  light.map((c, i) => `.astro-code .l${i}{color:${c}}`).join("") +
  `@media (prefers-color-scheme: dark){${dark.map((c, i) => `.astro-code .d${i}{color:${c}}`).join("")}}`;

/** `color:#X;--shiki-dark:#Y` → [X, Y], or null when the style holds anything else. */
function colourPair(style: string): [string, string] | null {
  let lightColour: string | undefined, darkColour: string | undefined;
  for (const part of style.split(";")) {
    if (!part.trim()) continue;
    const at = part.indexOf(":");
    const key = part.slice(0, at).trim(), value = part.slice(at + 1).trim().toUpperCase();
    if (key === "color") lightColour = value;
    else if (key === "--shiki-dark") darkColour = value;
    else return null;
  }
  return lightColour && darkColour ? [lightColour, darkColour] : null;
}

export const lightCodeTransformer: ShikiTransformer = {
  name: "course-light-code",
  preprocess(_code, options) {
    options.mergeSameStyleTokens = true;
  },
  line(node) {
    node.children = node.children.flatMap((child) => {
      if (child.type !== "element" || child.tagName !== "span") return [child];
      const style = child.properties?.style;
      const pair = typeof style === "string" ? colourPair(style) : null;
      if (!pair) return [child];
      if (pair[0] === lightFg && pair[1] === darkFg) return child.children;
      const l = light.indexOf(pair[0]), d = dark.indexOf(pair[1]);
      if (l < 0 || d < 0) return [child];
      delete child.properties.style;
      child.properties.class = `l${l} d${d}`;
      return [child];
    });
  },
};
