/** The checker's declaration files, generated at build time by vite-plugin.ts. */
declare module "virtual:typecheck-declarations" {
  const files: Record<string, string>;
  export default files;
}
