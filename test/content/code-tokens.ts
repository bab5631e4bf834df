/**
 * Code compared as the two editions must share it: the same tokens, except
 * comments (dropped) and the text of string literals and of the literal parts
 * of template literals (each replaced by a placeholder; `${…}` expressions are
 * kept and compared). Uses TypeScript's own scanner, so anything TypeScript
 * reads as one token is one token here.
 */
import ts from "typescript5";

/** Tokens that end an operand: a `/` after them divides, anywhere else it starts a regular expression. */
const OPERAND_END = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.Identifier, ts.SyntaxKind.NumericLiteral, ts.SyntaxKind.BigIntLiteral, ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral, ts.SyntaxKind.TemplateTail, ts.SyntaxKind.RegularExpressionLiteral,
  ts.SyntaxKind.CloseParenToken, ts.SyntaxKind.CloseBracketToken, ts.SyntaxKind.CloseBraceToken,
  ts.SyntaxKind.ThisKeyword, ts.SyntaxKind.SuperKeyword, ts.SyntaxKind.TrueKeyword, ts.SyntaxKind.FalseKeyword,
  ts.SyntaxKind.NullKeyword, ts.SyntaxKind.PlusPlusToken, ts.SyntaxKind.MinusMinusToken,
]);

/** The tokens of `source`, comments dropped and literal text replaced by placeholders. */
export function codeTokens(source: string): string[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, /* skipTrivia */ true, ts.LanguageVariant.Standard, source);
  const out: string[] = [];
  // Brace depth at which each open template's `${` began: its `}` continues the template.
  const templates: number[] = [];
  let depth = 0;
  let previous = ts.SyntaxKind.Unknown;
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if ((kind === ts.SyntaxKind.SlashToken || kind === ts.SyntaxKind.SlashEqualsToken) && !OPERAND_END.has(previous)) {
      kind = scanner.reScanSlashToken();
    }
    if (kind === ts.SyntaxKind.CloseBraceToken && templates.length && templates[templates.length - 1] === depth) {
      kind = scanner.reScanTemplateToken(false);
    }
    switch (kind) {
      case ts.SyntaxKind.StringLiteral:
        out.push('"…"');
        break;
      case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
        out.push("`…`");
        break;
      case ts.SyntaxKind.TemplateHead:
        out.push("`…${");
        templates.push(depth);
        break;
      case ts.SyntaxKind.TemplateMiddle:
        out.push("}…${");
        break;
      case ts.SyntaxKind.TemplateTail:
        out.push("}…`");
        templates.pop();
        break;
      case ts.SyntaxKind.OpenBraceToken:
        depth++;
        out.push("{");
        break;
      case ts.SyntaxKind.CloseBraceToken:
        depth--;
        out.push("}");
        break;
      default:
        out.push(scanner.getTokenText());
    }
    previous = kind;
  }
  return out;
}

/** Whether two sources are the same code (see {@link codeTokens}), and where they first differ. */
export function sameCode(a: string, b: string): { equal: boolean; firstDifference?: string } {
  const ta = codeTokens(a), tb = codeTokens(b);
  const n = Math.max(ta.length, tb.length);
  for (let k = 0; k < n; k++) {
    if (ta[k] !== tb[k]) {
      const around = (t: string[]): string => t.slice(Math.max(0, k - 4), k + 3).join(" ");
      return { equal: false, firstDifference: `token ${k}: ${ta[k] ?? "(end)"} vs ${tb[k] ?? "(end)"} (… ${around(ta)} … / … ${around(tb)} …)` };
    }
  }
  return { equal: true };
}
