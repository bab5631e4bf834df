import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { z } from "astro/zod";

/**
 * Chapters live in `content/<NN-slug>/index.mdx`, with their figures and
 * exercises as `.ts` files beside them. The numeric prefix orders the course;
 * the rest of the folder name is the page's URL.
 */
const schema = z.object({
  title: z.string().min(1),
  /** Position in the course (0 = how the notebook works). */
  order: z.number().int().min(0),
  /** One sentence for the course index and the page's meta description. */
  description: z.string().min(1),
});

/** The folder's slug: `02-activation-functions/index.zh.mdx` → `activation-functions`. */
const slugOf = ({ entry }: { entry: string }) => entry.split("/")[0].replace(/^\d+-/, "");

const chapters = defineCollection({ loader: glob({ pattern: "*/index.mdx", base: "./content", generateId: slugOf }), schema });

/**
 * The Chinese edition: `index.zh.mdx` beside its English twin, same slug, served
 * under `/zh/`. Same cells, exercises and figures; `test/content/twins.test.ts`
 * keeps the twins in step.
 */
const chaptersZh = defineCollection({ loader: glob({ pattern: "*/index.zh.mdx", base: "./content", generateId: slugOf }), schema });

export const collections = { chapters, chaptersZh };
