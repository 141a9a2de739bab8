import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

// retainBody: false — pages render the compiled MDX and never read the raw text, which would
// otherwise be copied into Astro's data store (over 100 MB for 2,000 documents).
const docs = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/generated/docs', retainBody: false }),
});
// The definition block of each concept page (scripts/build/concepts-step.ts).
const concepts = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/generated/concepts', retainBody: false }),
});
export const collections = { docs, concepts };
