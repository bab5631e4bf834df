import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { z } from "astro/zod";

/**
 * Chapters live in `content/<NN-slug>/index.mdx`, with their figures and
 * exercises as `.ts` files beside them. The numeric prefix orders the course;
 * the rest of the folder name is the page's URL.
 */
const chapters = defineCollection({
  loader: glob({
    pattern: "*/index.mdx",
    base: "./content",
    generateId: ({ entry }) => entry.split("/")[0].replace(/^\d+-/, ""),
  }),
  schema: z.object({
    title: z.string().min(1),
    /** Position in the course (0 = how the notebook works). */
    order: z.number().int().min(0),
    /** One sentence for the course index and the page's meta description. */
    description: z.string().min(1),
  }),
});

export const collections = { chapters };
