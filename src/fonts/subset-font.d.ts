/** The part of `subset-font` (harfbuzz's subsetter) that `subset-math-font.ts` uses; the package ships no types. */
declare module "subset-font" {
  export default function subsetFont(
    font: Uint8Array,
    text: string,
    options?: { targetFormat?: "sfnt" | "woff" | "woff2"; keepFeatures?: string[]; noLayoutClosure?: boolean },
  ): Promise<Uint8Array>;
}

/** The part of `fontverter` (woff2 ⇄ sfnt) the math font's build test uses; the package ships no types. */
declare module "fontverter" {
  export function convert(font: Uint8Array, to: "sfnt" | "woff" | "woff2"): Promise<Uint8Array>;
}
