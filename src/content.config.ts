import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import type { Loader } from 'astro/loaders';
import { GeneratedPageSchema } from '../scripts/contract/generated-pages.ts';
import { PAGES_READY_FILE, pendingFileWritten } from '../scripts/contract/pending-file.ts';

/**
 * Astro's glob loader over a folder of generated MDX pages, once the build has written them: the build
 * starts Astro before its ingest (scripts/contract/pending-file.ts), so the folder may still hold the
 * previous build's pages when Astro starts.
 */
function generatedPages(base: string): Loader {
  const pages = glob({ pattern: '**/*.mdx', base, retainBody: false });
  return {
    ...pages,
    load: async (context) => {
      await pendingFileWritten(PAGES_READY_FILE);
      return pages.load(context);
    },
  };
}

// The collections hold the generated MDX pages, whose only data is their id: the document or concept
// they show is read from the site data. Their schema comes from scripts/contract/, where the schemas of
// the curated files (content/curated/) that the build checks before Astro runs also live.
// retainBody: false — pages render the compiled MDX and never read the raw text, which would
// otherwise be copied into Astro's data store (over 100 MB for 2,000 documents).
const docs = defineCollection({
  loader: generatedPages('./content/generated/docs'),
  schema: GeneratedPageSchema,
});
// The definition block of each concept page (scripts/steps/concepts-step.ts).
const concepts = defineCollection({
  loader: generatedPages('./content/generated/concepts'),
  schema: GeneratedPageSchema,
});
export const collections = { docs, concepts };
