/**
 * Code compared as a program, not as text: a TypeScript source's tokens with
 * comments dropped and the contents of string and template literals replaced
 * by a placeholder (`${…}` expressions are kept). Two editions of a cell or
 * an exercise file must have equal token streams, so every number a Chinese
 * reader sees is computed by the program the English reader runs.
 */
import ts from "typescript5";

const TEXT = new Set([
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TemplateHead,
  ts.SyntaxKind.TemplateMiddle,
  ts.SyntaxKind.TemplateTail,
  ts.SyntaxKind.JsxText,
]);

export function codeTokens(source: string): string[] {
  const file = ts.createSourceFile("code.ts", source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    // A doc comment (/** … */) is a JSDoc node among its declaration's children: a comment, so not a token.
    if (node.kind >= ts.SyntaxKind.FirstJSDocNode && node.kind <= ts.SyntaxKind.LastJSDocNode) return;
    const children = node.getChildren(file);
    if (children.length > 0) return children.forEach(visit);
    if (node.kind === ts.SyntaxKind.EndOfFileToken) return;
    out.push(TEXT.has(node.kind) ? `‹${ts.SyntaxKind[node.kind]}›` : node.getText(file));
  };
  visit(file);
  return out;
}

/** Whether two sources are the same program; if not, where they first differ (with a few tokens of context). */
export function sameCode(a: string, b: string): { equal: boolean; firstDifference?: string } {
  const ta = codeTokens(a), tb = codeTokens(b);
  const n = Math.max(ta.length, tb.length);
  for (let i = 0; i < n; i++) {
    if (ta[i] === tb[i]) continue;
    const around = (t: string[]) => t.slice(Math.max(0, i - 4), i + 3).join(" ");
    return { equal: false, firstDifference: `token ${i}: ${JSON.stringify(ta[i] ?? "(end)")} vs ${JSON.stringify(tb[i] ?? "(end)")} — “${around(ta)}” vs “${around(tb)}”` };
  }
  return { equal: true };
}
