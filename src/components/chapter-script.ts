/**
 * A chapter's cells as one TypeScript file that runs under Node against this
 * project's `nn`: the cells (with the reader's edits) in page order, run one
 * after another in one shared scope by the same kernel the page uses
 * (src/runtime/headless.ts), printing what each cell printed and its value.
 * The code travels as JSON string literals, so nothing in a cell can change
 * the script around it.
 */
export interface ScriptCell { id: string; code: string }

export function chapterScript(opts: { title: string; slug: string; cells: ScriptCell[]; date: string }): string {
  const file = `${opts.slug}.cells.ts`;
  const header = [
    `// How Networks Learn — "${opts.title.replace(/[\r\n]/g, " ")}": ${opts.cells.length} cells, with your edits (saved ${opts.date}).`,
    "//",
    "// Run it with Node 24 against this project's nn library and cell runtime:",
    `//   1. put this file in the project's root folder (next to package.json) as ${file};`,
    `//   2. run \`npm install\` once, then: npx node ${file}`,
    "// The cells run in order in one shared scope, as on the page; each prints its output and its value.",
    "// Plots and controls have no page here: a plot prints as a description, a control keeps its default.",
  ];
  const cells = opts.cells.map((c) => `  [${JSON.stringify(c.id)}, ${JSON.stringify(c.code)}],`).join("\n");
  return `${header.join("\n")}
import { createHeadlessNotebook } from "./src/runtime/headless.ts";

const cells: [string, string][] = [
${cells}
];

const notebook = createHeadlessNotebook();
try {
  for (const [id, code] of cells) {
    const out = await notebook.run(id, code);
    console.log(\`── cell \${id}: \${out.status}\`);
    for (const line of out.logs) console.log(line);
    if (out.resultText !== undefined) console.log(out.resultText);
    if (out.status !== "ok") {
      console.error(out.error ? \`\${out.error.name}: \${out.error.message}\` : out.status);
      process.exitCode = 1;
      break;
    }
  }
} finally {
  notebook.close();
}
`;
}
