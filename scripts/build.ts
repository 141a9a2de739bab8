/**
 * `npm run build`: seeds/ → ingest → MDX pages → Astro → Pagefind, into dist/.
 * Each step is its own module under scripts/build/; this file only orders them.
 */
import { runIngest } from './build/ingest-step.ts';
import { writeSite } from './build/site-step.ts';
import { runAstroBuild } from './build/astro-step.ts';
import { runPagefind } from './build/pagefind-step.ts';

const SITE_DIR = 'dist';

async function timed<T>(label: string, step: () => T | Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await step();
  console.log(`build: ${label} in ${((performance.now() - start) / 1000).toFixed(2)} s`);
  return result;
}

const corpus = await timed('ingest', () => runIngest());
await timed('MDX pages', () => writeSite(corpus));
await timed('astro', () => runAstroBuild());
const { pages } = await timed('pagefind', () => runPagefind(SITE_DIR));
console.log(`build: ${pages} pages indexed. View the site with "npm run preview" (http://127.0.0.1:4321/).`);
