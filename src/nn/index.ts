/** The public API of the nn library, the one import the course cells use. */
// Helper B: scalar autograd, layers, models
export * from "./value.ts";
