/**
 * MathML as a tree, for the build-time passes over KaTeX's output
 * (`mathml-core.ts`, `inline-breaks.ts`, `../fonts/math-characters.ts`): parsed and
 * written back as XML with KaTeX's character references left as they are.
 */
import { parseDocument } from "htmlparser2";
import render from "dom-serializer";
import type { AnyNode, Document, Element } from "domhandler";

export type { Element };

export const parseMathml = (xml: string): Document => parseDocument(xml, { xmlMode: true, decodeEntities: false });
export const renderMathml = (nodes: AnyNode | AnyNode[]): string => render(nodes, { xmlMode: true, decodeEntities: false, selfClosingTags: false });

export const isElement = (n: AnyNode): n is Element => n.type === "tag";
/** An element's child elements. */
export const kids = (e: Element | Document): Element[] => e.children.filter(isElement);
/** The text a node draws: its text, without a formula's TeX annotation. */
export const textOf = (n: AnyNode): string =>
  n.type === "text" ? n.data : isElement(n) && n.name === "annotation" ? "" : "children" in n ? n.children.map(textOf).join("") : "";
/** `el` and every element inside it, in document order. */
export function* elementsOf(n: AnyNode): Generator<Element> {
  if (isElement(n)) yield n;
  if ("children" in n) for (const child of n.children) yield* elementsOf(child);
}
