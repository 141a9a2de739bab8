/**
 * The pipeline's stages, one entry per folder of code: its rank in the pipeline and where it runs. This table is
 * the layout's documentation (README "How it works" draws the same order); import-direction.test.ts checks every
 * import against it. A folder's entry covers its subfolders unless they have their own.
 *
 * - A file may import a file of its own stage or of an earlier one, never of a later one.
 * - `build` code runs in Node at build time (or in the tools), `browser` code only in the reader's browser, `both`
 *   is imported by the two; browser and both code may import build code only with `import type` (erased).
 * - Nothing outside tests/ imports tests/, and nothing under scripts/ imports src/ (shared/ is there for that).
 */

/** Where a folder's code runs. */
export type Runtime = 'build' | 'browser' | 'both';

/** One folder of code: the stage it belongs to and where it runs. */
export interface StageEntry {
  /** Repository-relative folder, no trailing slash. */
  folder: string;
  /** Position in the pipeline: a file may import only folders of the same or a lower rank. */
  rank: number;
  /** The stage's name, as the error messages and the README say it. */
  stage: string;
  runs: Runtime;
  /** What the folder holds, in a few words. */
  holds: string;
}

/** Stage names by rank, in pipeline order. */
export const STAGES = [
  'foundation',
  'ingest',
  'concepts and compare',
  'relations',
  'site',
  'Astro',
  'indexes',
  'offline copy',
  'build steps',
  'tools',
  'tests',
] as const;

function entry(folder: string, stage: (typeof STAGES)[number], runs: Runtime, holds: string): StageEntry {
  return { folder, rank: STAGES.indexOf(stage), stage, runs, holds };
}

/** Every folder of code, in pipeline order. */
export const STAGE_TABLE: readonly StageEntry[] = [
  entry('scripts/contract', 'foundation', 'build', 'zod schemas of the curated and generated files'),
  entry('scripts/urls', 'foundation', 'build', 'the site address (SITE_URL), the URL table, slugs'),
  entry('scripts/html', 'foundation', 'build', 'the fast HTML parser and its repairs'),
  entry('shared', 'foundation', 'both', 'code the build and the browser both import (dates as printed)'),
  entry('scripts/ingest', 'ingest', 'build', 'read → normalise → split → parse → extract → metadata → merge'),
  entry('scripts/ingest/formats', 'ingest', 'build', 'PDF, Word and HTML readers'),
  entry('shared/document', 'ingest', 'both', 'helpers over the document model'),
  entry('scripts/concepts', 'concepts and compare', 'build', 'glossary, matcher, occurrences, citations'),
  entry('scripts/compare', 'concepts and compare', 'build', 'corpus-wide compare: similar tasks, pairs, version diffs'),
  entry('shared/compare', 'concepts and compare', 'both', 'one pair compared (the compare page does it in the browser too)'),
  entry('shared/compare/view', 'concepts and compare', 'both', 'a comparison as hast, rendered at build time or in the browser'),
  entry('scripts/relations', 'relations', 'build', 'relations between documents, periods, status'),
  entry('scripts/site', 'site', 'build', 'the site model and the MDX writer'),
  entry('scripts/site/remark', 'site', 'build', 'remark plugins the MDX writer runs'),
  entry('shared/search', 'site', 'both', 'the search model: pages, postings, query, ranking'),
  entry('src', 'Astro', 'build', "Astro's content config"),
  entry('src/pages', 'Astro', 'build', 'the pages'),
  entry('src/layouts', 'Astro', 'build', 'the page layout'),
  entry('src/components', 'Astro', 'build', 'page components'),
  entry('src/lib', 'Astro', 'build', 'what the pages read from the generated data'),
  entry('src/styles', 'Astro', 'browser', 'stylesheets'),
  entry('src/scripts', 'Astro', 'browser', 'page scripts, bundled by Astro'),
  entry('src/scripts/search', 'Astro', 'browser', 'the search page client'),
  entry('scripts/search', 'indexes', 'build', 'the exact search index and Pagefind records'),
  entry('scripts/feeds', 'indexes', 'build', 'Atom feeds'),
  entry('scripts/open-data', 'indexes', 'build', 'open data (JSON, CSV)'),
  entry('scripts/hosting', 'indexes', 'build', 'sitemap, robots.txt, CSP'),
  entry('scripts/offline', 'offline copy', 'build', 'the offline copy and its zip'),
  entry('scripts/steps', 'build steps', 'build', 'one file per build step; they only orchestrate'),
  entry('scripts', 'tools', 'build', 'entry points: build, ingest, test, bench, serve'),
  entry('scripts/bench', 'tools', 'build', 'the benchmark'),
  entry('scripts/harness', 'tools', 'build', 'a project copy, a static server and a browser, for the benchmark and the tests'),
  entry('tests', 'tests', 'build', 'unit tests, site tests and their support'),
];

/** The entry of a repository-relative file: the longest folder that holds it, or undefined. */
export function stageOf(file: string, table: readonly StageEntry[] = STAGE_TABLE): StageEntry | undefined {
  let best: StageEntry | undefined;
  for (const e of table) {
    if (file.startsWith(`${e.folder}/`) && (!best || e.folder.length > best.folder.length)) best = e;
  }
  return best;
}
