/**
 * The front matter of the generated MDX pages (content/generated/docs/, content/generated/concepts/):
 * none. A page's data is the document or concept it is named after, read from the site data, so
 * Astro's content collections (src/content.config.ts) accept no front matter at all: a generator that
 * starts writing some fails the build until its readers are changed too.
 */
import { z } from 'zod';

/** Front matter of a generated page: an empty object, strictly. */
export const GeneratedPageSchema = z.strictObject({});
