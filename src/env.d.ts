/// <reference types="astro/client" />

// Plain `tsc` (used by the type-check test) does not read .astro files; the
// Astro compiler checks those. TypeScript modules that import a component only
// need to know it is a component.
declare module "*.astro" {
  const Component: (props: Record<string, unknown>) => unknown;
  export default Component;
}

// Imported only to load their chunk ahead of Plot (src/integrations/plot-chunks.ts); nothing is used from them.
declare module "d3-scale-chromatic";
declare module "d3-scale";
