/**
 * Build step: Pagefind's index, for the search page's opt-in extended search
 * (src/scripts/search/extended.ts). Pagefind is fed records made from the
 * document model (scripts/search/pagefind-records.ts) through its Node API
 * while Astro renders, instead of reading the built pages after Astro: its
 * service is native code in its own process, the records are a fraction of
 * the pages' bytes, and only documents are indexed (department and concept
 * pages are not results of the extended search either). Figures: README, Search.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import type { ExtractedPage } from '../search/extract.ts';
import { pagefindHtml } from '../search/pagefind-records.ts';
import { closeWithBuild } from './interrupt.ts';

/** Records sent to Pagefind before waiting for its answers (keeps the pipe full without holding every page at once). */
const IN_FLIGHT = 32;

/** Pagefind's command line (the package exports only its Node API, its CLI sits beside it); used by the stack-floor bench. */
export function pagefindCli(): string {
  return path.join(path.dirname(fileURLToPath(import.meta.resolve('pagefind'))), 'runner', 'bin.cjs');
}

/** What the step did. */
export interface PagefindResult {
  pages: number;
  seconds: number;
}

/** Pagefind's index once every record is in: writing it is the service's work, not this process's. */
export interface PagefindIndexed {
  pages: number;
  /** Writes the bundle to `outDir` (…/pagefind), closes the service and reports the step's time from its start. */
  write(outDir: string): Promise<PagefindResult>;
}

/**
 * Sends the documents among `pages` to Pagefind (Chinese, zh-cn). URLs are site-relative
 * with a leading "/"; the search page gives Pagefind the base path at run time. Resolves
 * when Pagefind has indexed every record; the caller then writes the bundle, and may run
 * synchronous work meanwhile (the service needs nothing more from this process).
 */
export async function addToPagefind(pages: readonly ExtractedPage[]): Promise<PagefindIndexed> {
  const start = performance.now();
  // Pagefind's service is a process of its own: a failed or interrupted build closes it.
  closeWithBuild(pagefind.close);
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
  if (!index) throw new Error(`pagefind: could not create an index: ${errors.join('; ')}`);
  const documents = pages.filter((p) => p.type === 'document');
  try {
    const problems: string[] = [];
    for (let i = 0; i < documents.length; i += IN_FLIGHT) {
      const batch = documents.slice(i, i + IN_FLIGHT);
      const answers = await Promise.all(batch.map((p) => index.addHTMLFile({ url: `/${p.url}`, content: pagefindHtml(p) })));
      answers.forEach((a, k) => a.errors.length > 0 && problems.push(`${batch[k].url}: ${a.errors.join('; ')}`));
    }
    if (problems.length > 0) throw new Error(`pagefind: ${problems.length} records failed:\n${problems.slice(0, 10).join('\n')}`);
  } catch (error) {
    await pagefind.close();
    throw error;
  }
  // Only the count outlives this function: the records' text can be collected while Pagefind writes.
  const count = documents.length;
  return {
    pages: count,
    async write(outDir) {
      try {
        fs.rmSync(outDir, { recursive: true, force: true });
        const written = await index.writeFiles({ outputPath: outDir });
        if (written.errors.length > 0) throw new Error(`pagefind: could not write ${outDir}: ${written.errors.join('; ')}`);
        return { pages: count, seconds: (performance.now() - start) / 1000 };
      } finally {
        await pagefind.close();
      }
    },
  };
}

/** Indexes the documents among `pages` with Pagefind and writes the bundle to `outDir`. */
export async function indexWithPagefind(pages: readonly ExtractedPage[], outDir: string): Promise<PagefindResult> {
  return (await addToPagefind(pages)).write(outDir);
}
