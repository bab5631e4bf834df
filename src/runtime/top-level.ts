/**
 * The top level of a cell's JavaScript, read with sucrase's own parser (the
 * one its TypeScript transform runs; the worker bundles it anyway), so the
 * cell worker needs no second parser.
 *
 * Sucrase's parser builds no syntax tree: it records tokens, each tagged with
 * what the parser learned (an identifier's role as a top-level declaration, an
 * import binding…). What it does know is where each statement ends, ASI
 * included, because it parses statement by statement. `readTopLevel` drives
 * that loop itself (the same one `parseTopLevel` runs) and notes the token
 * range of each top-level statement; `transpile.ts` then reads each
 * statement's kind and parts off its tokens with the small helpers below.
 *
 * Node loads sucrase's CommonJS build, whose parser state lives on
 * `module.exports` and is replaced on every parse: an ES namespace of it holds
 * a stale copy, so `base` below reads it through the module object. The
 * worker bundles sucrase's ES build (trim-sucrase.ts points these imports at
 * it), whose namespace has no default export and whose bindings are live.
 */
import * as parserBase from "sucrase/dist/parser/traverser/base.js";
import { parseStatement } from "sucrase/dist/parser/traverser/statement.js";
import { eat, IdentifierRole, nextToken, type Token } from "sucrase/dist/parser/tokenizer/index.js";
import { TokenType as tt } from "sucrase/dist/parser/tokenizer/types.js";
import { ContextualKeyword } from "sucrase/dist/parser/tokenizer/keywords.js";
import type { Scope } from "sucrase/dist/types/parser/tokenizer/state";

const base = (Reflect.get(parserBase, "default") ?? parserBase) as typeof parserBase;

export { tt, ContextualKeyword, type Token };

/** One top-level statement: its tokens are `tokens[first]` up to (not including) `tokens[end]`. */
export interface Statement {
  first: number;
  end: number;
}

/** The parsed top level of a cell's JavaScript. */
export interface TopLevelCode {
  tokens: Token[];
  statements: Statement[];
  /** Sucrase's scopes (token ranges); the function scopes tell where `return` and `var` belong. */
  scopes: Scope[];
}

/** A syntax error sucrase's parser found, at a 0-based offset of the JavaScript. */
export interface ParseFailure {
  message: string;
  pos: number;
}

/** Parses `js` (JavaScript, no JSX) statement by statement; a syntax error comes back as data. */
export function readTopLevel(js: string): TopLevelCode | ParseFailure {
  try {
    base.initParser(js, false, false, false);
    nextToken();
    const statements: Statement[] = [];
    // The current token is pushed when the parser moves past it, so before
    // parseStatement the statement's first token will be tokens[length].
    while (!base.state.error && !eat(tt.eof)) {
      const first = base.state.tokens.length;
      parseStatement(true);
      statements.push({ first, end: base.state.tokens.length });
    }
    const { error, tokens, scopes } = base.state;
    if (error) return { message: String(error.message).replace(/\s*\(\d+:\d+\)$/, ""), pos: (error as { pos?: number }).pos ?? 0 };
    return { tokens, statements, scopes };
  } catch (e) {
    // The parser throws only on internal inconsistencies; report them at the start.
    return { message: e instanceof Error ? e.message : String(e), pos: 0 };
  }
}

// ---------------------------------------------------------------------------
// Token helpers.

const OPENERS = new Set([tt.parenL, tt.bracketL, tt.braceL, tt.dollarBraceL]);
const CLOSERS = new Set([tt.parenR, tt.bracketR, tt.braceR]);

/** The index of the token closing the bracket at `open` (`${` closes with `}`). */
export function closingIndex(tokens: readonly Token[], open: number, end: number): number {
  let depth = 0;
  for (let i = open; i < end; i++) {
    if (OPENERS.has(tokens[i].type)) depth++;
    else if (CLOSERS.has(tokens[i].type) && --depth === 0) return i;
  }
  return end - 1;
}

/** Splits `tokens[from..to)` at the given token type where no bracket is open. */
export function splitAtDepthZero(tokens: readonly Token[], from: number, to: number, separator: tt): Array<[number, number]> {
  const parts: Array<[number, number]> = [];
  let depth = 0;
  let start = from;
  for (let i = from; i < to; i++) {
    const type = tokens[i].type;
    if (OPENERS.has(type)) depth++;
    else if (CLOSERS.has(type)) depth--;
    else if (depth === 0 && type === separator) {
      parts.push([start, i]);
      start = i + 1;
    }
  }
  if (start < to) parts.push([start, to]);
  return parts;
}

/** The first token of `tokens[from..to)` of the given type where no bracket is open, or -1. */
export function findAtDepthZero(tokens: readonly Token[], from: number, to: number, type: tt): number {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const t = tokens[i].type;
    if (OPENERS.has(t)) depth++;
    else if (CLOSERS.has(t)) depth--;
    else if (depth === 0 && t === type) return i;
  }
  return -1;
}

/**
 * Whether `tokens[from..to)`, one expression, is an assignment (`a = 1`,
 * `({ a } = o)`, `x += 2`) rather than something whose value is worth showing.
 * Enclosing parentheses do not count (`(a = 1)` is an assignment); at the
 * outermost level, a comma makes a sequence, and an arrow or a `?` before
 * the first `=` means the `=` belongs to the arrow's body or a branch.
 */
export function isAssignment(tokens: readonly Token[], from: number, to: number): boolean {
  while (to - from >= 2 && tokens[from].type === tt.parenL && closingIndex(tokens, from, to) === to - 1) {
    from++;
    to--;
  }
  if (findAtDepthZero(tokens, from, to, tt.comma) >= 0) return false;
  let depth = 0;
  for (let i = from; i < to; i++) {
    const t = tokens[i].type;
    if (OPENERS.has(t)) depth++;
    else if (CLOSERS.has(t)) depth--;
    else if (depth === 0 && (t === tt.arrow || t === tt.question)) return false;
    else if (depth === 0 && (t === tt.eq || t === tt.assign)) return true;
  }
  return false;
}

/** Whether the token is a binding of the top-level scope (let/const/var/class/function name, or inside a pattern). */
export function isTopLevelBinding(token: Token): boolean {
  return token.identifierRole === IdentifierRole.TopLevelDeclaration || token.identifierRole === IdentifierRole.ObjectShorthandTopLevelDeclaration;
}

/** Whether the token names a binding an import declaration creates. */
export function isImportBinding(token: Token): boolean {
  return token.identifierRole === IdentifierRole.ImportDeclaration;
}

/** Whether a name token is the given contextual keyword (`from`, `as`, `async`…). */
export function isContextual(token: Token | undefined, keyword: ContextualKeyword): boolean {
  return token !== undefined && token.type === tt.name && token.contextualKeyword === keyword;
}

/**
 * Whether token `i` lies inside a function body, parameter list or class
 * static block — anywhere a `return` or a `var` does not reach the top level.
 */
export function insideFunction(code: TopLevelCode, i: number): boolean {
  const { scopes, tokens } = code;
  for (const s of scopes) {
    if (s.startTokenIndex > i || i >= s.endTokenIndex) continue;
    if (s.startTokenIndex === 0 && s.endTokenIndex === tokens.length) continue; // the program itself
    if (s.isFunctionScope) return true;
    const before = tokens[s.startTokenIndex - 1];
    if (tokens[s.startTokenIndex]?.type === tt.braceL && before?.type === tt._static) return true;
  }
  return false;
}

/**
 * The tokens of a compound top-level statement (a block, `if`, a loop, `try`,
 * `switch`, a label…) that name a `var` hoisting to the top level: every `var`
 * outside a function. Sucrase's identifier roles say which names are `var`s,
 * with two slips this corrects:
 *  - it tags a `var` in a for-head as block-scoped, like a `let` there (its
 *    parser asks whether the keyword was `var` after moving past it), so the
 *    names of a `for (var …` head count whatever their tag;
 *  - it tags a `var` that is the whole body of an `if`, `else`, loop or label
 *    as a top-level declaration (no brace opened a scope), which in a compound
 *    statement only a `var` can be: a `let`, `const` or `class` there is a
 *    syntax error.
 * A function's or class's own name is left out: in strict code a function
 * declared in a block stays in it, and a class expression's name (which
 * sucrase tags block-scoped, even in a for-head) is the class's own.
 */
export function hoistedVars(code: TopLevelCode, statement: Statement): number[] {
  const { tokens } = code;
  const found: number[] = [];
  let varHeadEnd = -1;
  for (let i = statement.first; i < statement.end; i++) {
    if (tokens[i].type === tt._for) varHeadEnd = Math.max(varHeadEnd, varForHeadEnd(tokens, i));
    if (isVarName(tokens[i], i < varHeadEnd) && !isFunctionOrClassName(tokens, i) && !insideFunction(code, i)) found.push(i);
  }
  return found;
}

/** Whether a token tagged as sucrase tags it names a `var` (see {@link hoistedVars}). */
function isVarName(token: Token, inVarForHead: boolean): boolean {
  switch (token.identifierRole) {
    case IdentifierRole.FunctionScopedDeclaration:
    case IdentifierRole.ObjectShorthandFunctionScopedDeclaration:
    case IdentifierRole.TopLevelDeclaration:
    case IdentifierRole.ObjectShorthandTopLevelDeclaration:
      return true;
    case IdentifierRole.BlockScopedDeclaration:
    case IdentifierRole.ObjectShorthandBlockScopedDeclaration:
      return inVarForHead;
    default:
      return false;
  }
}

/** For `tokens[i]`, a `for`: the index of its head's `)` if the head declares with `var` (`for (var`, `for await (var`), else -1. */
function varForHeadEnd(tokens: readonly Token[], i: number): number {
  const open = isContextual(tokens[i + 1], ContextualKeyword._await) ? i + 2 : i + 1;
  if (tokens[open]?.type !== tt.parenL || tokens[open + 1]?.type !== tt._var) return -1;
  return closingIndex(tokens, open, tokens.length);
}

/** Whether token `i` is the name of a function or class (`function f`, `function* f`, `class C`). */
function isFunctionOrClassName(tokens: readonly Token[], i: number): boolean {
  const before = tokens[i - 1];
  return before?.type === tt._function || before?.type === tt._class || (before?.type === tt.star && tokens[i - 2]?.type === tt._function);
}

/** The index of the token opening the bracket that `tokens[close]` closes. */
export function openingIndex(tokens: readonly Token[], close: number): number {
  let depth = 0;
  for (let i = close; i >= 0; i--) {
    if (CLOSERS.has(tokens[i].type)) depth++;
    else if (OPENERS.has(tokens[i].type) && --depth === 0) return i;
  }
  return 0;
}

/** Tokens after which `(` or `[` continues an expression (a call, an index) rather than opening a new one. */
const CALLEE_ENDS = new Set([tt.name, tt.parenR, tt.bracketR, tt._this, tt._super, tt._import]);

/**
 * The first assignment (`=`, `+=`, `++`, `--`) to a call, such as
 * `m.get(0) = 5` or `f()++`, as the offset where its target starts; -1 if
 * none. The spec makes it an early error in strict code and acorn rejected
 * it, but V8 compiles it and throws only when the line runs (after the lines
 * before it have run), so the transpiler reports it itself.
 */
export function assignmentToCall(js: string, tokens: readonly Token[]): number {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i].type;
    // Sucrase's tokenizer does not always tell a prefix `++` from a postfix one; a postfix one follows its operand on the same line.
    const incDec = t === tt.preIncDec || t === tt.postIncDec;
    const postfix = incDec && i > 0 && !js.slice(tokens[i - 1].end, tokens[i].start).includes("\n") && CALLEE_ENDS.has(tokens[i - 1].type);
    if ((t === tt.eq || t === tt.assign || postfix) && i > 0 && tokens[i - 1].type === tt.parenR) {
      const open = openingIndex(tokens, i - 1);
      if (open > 0 && CALLEE_ENDS.has(tokens[open - 1].type)) return tokens[chainStart(tokens, open - 1)].start;
    } else if (incDec && !postfix && i + 1 < tokens.length) {
      // `++f()`: the operand is a call if its chain ends with `)` right before the statement or expression goes on.
      let j = i + 1;
      while (j + 1 < tokens.length && (tokens[j + 1].type === tt.dot || tokens[j + 1].type === tt.parenL || tokens[j + 1].type === tt.bracketL || tokens[j].type === tt.dot)) {
        j = OPENERS.has(tokens[j + 1].type) ? closingIndex(tokens, j + 1, tokens.length) : j + 1;
      }
      if (tokens[j].type === tt.parenR && j > i + 1 && CALLEE_ENDS.has(tokens[openingIndex(tokens, j) - 1]?.type)) return tokens[i + 1].start;
    }
  }
  return -1;
}

/** The first token of the member/call chain that ends at `tokens[end]` (`a.b(c)[d]` → `a`; `new F()` → `new`). */
function chainStart(tokens: readonly Token[], end: number): number {
  let j = end;
  for (;;) {
    const t = tokens[j].type;
    if (t === tt.parenR || t === tt.bracketR) {
      const open = openingIndex(tokens, j);
      if (open > 0 && CALLEE_ENDS.has(tokens[open - 1].type)) j = open - 1;
      else return open;
    } else if (j >= 2 && (tokens[j - 1].type === tt.dot || tokens[j - 1].type === tt.questionDot)) {
      j -= 2;
    } else {
      return j > 0 && tokens[j - 1].type === tt._new ? j - 1 : j;
    }
  }
}

/** The value of a string literal token's text (`"nn"`, `'nn'`, escapes included). */
export function stringValue(text: string): string {
  if (text.startsWith("'")) text = `"${text.slice(1, -1).replace(/\\'/g, "'").replace(/"/g, '\\"')}"`;
  try {
    return JSON.parse(text) as string;
  } catch {
    return text.slice(1, -1);
  }
}
