import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

const docs = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/generated/docs' }),
});
// The definition block of each concept page (scripts/build/concepts-step.ts).
const concepts = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/generated/concepts' }),
});
export const collections = { docs, concepts };
