/**
 * A page's shared scope as TypeScript files.
 *
 * At run time every cell's top-level names land on one global object, so a
 * cell sees what the cells above it defined. For the type checker each cell
 * is its own module file holding the cell's code verbatim (so positions in
 * the editor are positions in the file), followed by a generated tail:
 *
 *     <the cell's code>
 *     import { model, Dense } from "./3.scope";                 // names from the cells above
 *     declare let step: typeof import("./3.scope").step;       // `let`/`var` ones stay assignable
 *     export { loss, plotLoss };                               // what this cell declares
 *
 * and `3.scope.ts` re-exports every name from the *last* cell above that
 * declared it (a redefinition in a later cell wins, as when the notebook runs
 * top to bottom). A name the cell declares itself shadows the inherited one,
 * exactly as re-running a cell redefines it.
 */
import ts from "typescript5";

/** One cell's code. */
export interface CheckDoc {
  id: string;
  code: string;
}

/** A top-level name a cell declares. */
export interface TopLevelName {
  name: string;
  /** `let`/`var`: later cells may assign to it. */
  mutable: boolean;
  /** Already exported by the cell's own code (`export const …`). */
  exported: boolean;
}

const hasExport = (node: ts.Node): boolean =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

function bindingNames(name: ts.BindingName, out: string[]): void {
  if (ts.isIdentifier(name)) out.push(name.text);
  else for (const el of name.elements) if (!ts.isOmittedExpression(el)) bindingNames(el.name, out);
}

/** The names a cell's top level declares, in order, each once. */
export function topLevelNames(code: string): TopLevelName[] {
  const sf = ts.createSourceFile("cell.ts", code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const found = new Map<string, TopLevelName>();
  const add = (name: string, mutable: boolean, exported: boolean): void => {
    const prev = found.get(name);
    found.set(name, { name, mutable: mutable || (prev?.mutable ?? false), exported: exported || (prev?.exported ?? false) });
  };
  for (const s of sf.statements) {
    const exported = hasExport(s);
    if (ts.isVariableStatement(s)) {
      const mutable = (s.declarationList.flags & ts.NodeFlags.Const) === 0;
      for (const d of s.declarationList.declarations) {
        const names: string[] = [];
        bindingNames(d.name, names);
        for (const n of names) add(n, mutable, exported);
      }
    } else if (
      (ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s) || ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s) || ts.isEnumDeclaration(s)) &&
      s.name
    ) {
      add(s.name.text, false, exported);
    } else if (ts.isModuleDeclaration(s) && ts.isIdentifier(s.name)) {
      add(s.name.text, false, exported);
    } else if (ts.isImportDeclaration(s) && s.importClause) {
      const c = s.importClause;
      if (c.name) add(c.name.text, false, false);
      if (c.namedBindings && ts.isNamespaceImport(c.namedBindings)) add(c.namedBindings.name.text, false, false);
      if (c.namedBindings && ts.isNamedImports(c.namedBindings)) for (const e of c.namedBindings.elements) add(e.name.text, false, false);
    } else if (ts.isImportEqualsDeclaration(s)) {
      add(s.name.text, false, exported);
    } else if (ts.isExportDeclaration(s) && !s.moduleSpecifier && s.exportClause && ts.isNamedExports(s.exportClause)) {
      for (const e of s.exportClause.elements) {
        const local = (e.propertyName ?? e.name).text;
        const prev = found.get(local);
        if (prev) prev.exported = true;
      }
    }
  }
  return [...found.values()];
}

/** Where a cell's file lives in the checker's file system. */
export interface CellFile {
  id: string;
  path: string;
  /** The cell's code followed by the generated tail. */
  text: string;
  /** Length of the cell's own code: diagnostics past it belong to the tail. */
  codeLength: number;
}

const safe = (id: string): string => id.replace(/[^A-Za-z0-9_-]/g, "_");

/**
 * The files for a page's cells in page order: one module per cell plus one
 * scope module per cell that has cells above it. `dir` keeps different pages
 * (or an exercise) apart, e.g. `/page` or `/exercise/dense-forward`.
 */
export function pageFiles(dir: string, docs: readonly CheckDoc[]): { cells: CellFile[]; scopes: Map<string, string> } {
  const cells: CellFile[] = [];
  const scopes = new Map<string, string>();
  /** name → the cell (its module specifier) that last declared it, and whether it is mutable */
  const visible = new Map<string, { from: string; mutable: boolean }>();
  docs.forEach((doc, k) => {
    const base = `${k}-${safe(doc.id)}`;
    const own = topLevelNames(doc.code);
    const ownNames = new Set(own.map((n) => n.name));
    const tail: string[] = [];
    if (visible.size) {
      const scopeBase = `${base}.scope`;
      const byCell = new Map<string, string[]>();
      for (const [name, v] of visible) byCell.set(v.from, [...(byCell.get(v.from) ?? []), name]);
      scopes.set(`${dir}/${scopeBase}.ts`, [...byCell].map(([from, names]) => `export { ${names.join(", ")} } from "./${from}";\n`).join(""));
      const imported: string[] = [];
      for (const [name, v] of visible) {
        if (ownNames.has(name)) continue;
        if (v.mutable) tail.push(`declare let ${name}: typeof import("./${scopeBase}").${name};`);
        else imported.push(name);
      }
      if (imported.length) tail.unshift(`import { ${imported.join(", ")} } from "./${scopeBase}";`);
    }
    const exports = own.filter((n) => !n.exported).map((n) => n.name);
    tail.push(exports.length ? `export { ${exports.join(", ")} };` : "export {};");
    const text = `${doc.code}\n${tail.join("\n")}\n`;
    cells.push({ id: doc.id, path: `${dir}/${base}.ts`, text, codeLength: doc.code.length });
    for (const n of own) visible.set(n.name, { from: base, mutable: n.mutable });
  });
  return { cells, scopes };
}
