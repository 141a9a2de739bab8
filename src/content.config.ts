import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { GeneratedPageSchema } from '../scripts/contract/generated-pages.ts';

// The collections hold the generated MDX pages, whose only data is their id: the document or concept
// they show is read from the site data. Their schema comes from scripts/contract/, where the schemas of
// the curated files (content/curated/) that the build checks before Astro runs also live.
// retainBody: false — pages render the compiled MDX and never read the raw text, which would
// otherwise be copied into Astro's data store (over 100 MB for 2,000 documents).
const docs = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/generated/docs', retainBody: false }),
  schema: GeneratedPageSchema,
});
// The definition block of each concept page (scripts/steps/concepts-step.ts).
const concepts = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/generated/concepts', retainBody: false }),
  schema: GeneratedPageSchema,
});
export const collections = { docs, concepts };
