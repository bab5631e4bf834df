// Types for the sucrase parser modules top-level.ts imports by path. Node
// loads them from sucrase's CommonJS build (dist/parser/…); the worker build
// redirects them to the ES build the transform uses (integrations/trim-sucrase.ts).
// Their declarations live in dist/types/.
declare module "sucrase/dist/parser/traverser/base.js" {
  export * from "sucrase/dist/types/parser/traverser/base";
}
declare module "sucrase/dist/parser/traverser/statement.js" {
  export * from "sucrase/dist/types/parser/traverser/statement";
}
declare module "sucrase/dist/parser/tokenizer/index.js" {
  export * from "sucrase/dist/types/parser/tokenizer/index";
}
declare module "sucrase/dist/parser/tokenizer/types.js" {
  export * from "sucrase/dist/types/parser/tokenizer/types";
}
declare module "sucrase/dist/parser/tokenizer/keywords.js" {
  export * from "sucrase/dist/types/parser/tokenizer/keywords";
}
