/**
 * The stack's floor: what Astro with the stock @astrojs/mdx and Pagefind alone cost on this machine for
 * the same documents, with none of the site's features. The 45-second goal for 2,000 documents is
 * judged against it, because no build of the site can be faster than the tools it is built with, and
 * the figure moves with the machine (the same build ran twice as long on one session's machine as on
 * another's).
 *
 * The floor site has what the real one has per document, and nothing else: a page whose body is the
 * document's text as Markdown paragraphs (one MDX entry of a content collection, rendered with
 * `render()`), and an original-text page listing its seed lines. Pagefind then indexes the document
 * pages with the site's own language setting. No concepts, compare, open data, exact search index,
 * sitemap or offline copy.
 *
 * Run alone: `npm exec -- node scripts/bench/stack-floor.ts [seedsDir] [runs]`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../harness/temp-project.ts';
import { pagefindCli } from '../steps/pagefind-step.ts';
import { ingestDirectory } from '../ingest/index.ts';
import type { Corpus } from '../ingest/model.ts';
import { median, seconds } from './stats.ts';

/** One document of the floor site. */
export interface FloorDocument {
  id: string;
  title: string;
  /** The document's seed lines, as written. */
  lines: string[];
}

/** Wall and CPU seconds of one tool run (GNU time). */
export interface ToolRun {
  wall: number;
  cpu: number;
}

/** Medians over the runs. */
export interface StackFloor {
  documents: number;
  pages: number;
  runs: number;
  astro: ToolRun;
  pagefind: ToolRun;
  /** Astro then Pagefind, one after the other, as a build must run them. */
  total: ToolRun;
}

const GNU_TIME = '/usr/bin/time';

/** The floor documents of an ingested corpus: id, title and the seed lines of each. */
export function floorDocuments(corpus: Corpus): FloorDocument[] {
  return corpus.documents.map((d) => {
    const src = d.sources[0];
    return { id: d.id, title: d.meta.title.value, lines: corpus.sources[src.file].slice(src.lineStart - 1, src.lineEnd) };
  });
}

/**
 * Every ASCII punctuation character backslash-escaped (CommonMark allows it for all of them, and MDX
 * reads `\{` and `\<` as text), so seed text is plain text in the floor's MDX too.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

/** A document's MDX: front matter with the title, then one paragraph per non-empty line. */
export function floorMdx(doc: FloorDocument): string {
  const paragraphs = doc.lines
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map(escapeMarkdown);
  return `---\ntitle: ${JSON.stringify(doc.title)}\n---\n\n${paragraphs.join('\n\n')}\n`;
}

const CONFIG = `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
export default defineConfig({ trailingSlash: 'always', build: { format: 'directory' }, integrations: [mdx()] });
`;

/**
 * The same with Astro's incremental build, its cache in the project's own folder (node_modules is the
 * repository's, linked): a page is copied from the previous build when its cacheKey is unchanged.
 */
const INCREMENTAL_CONFIG = `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
export default defineConfig({
  trailingSlash: 'always', build: { format: 'directory' }, integrations: [mdx()],
  cacheDir: './.astro-cache', experimental: { incrementalBuild: true },
});
`;

const CONTENT_CONFIG = `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
export const collections = { docs: defineCollection({ loader: glob({ pattern: '*.mdx', base: './docs' }) }) };
`;

const DOCUMENT_PAGE = `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  return (await getCollection('docs')).map((doc) => ({ params: { id: doc.id }, props: { doc }/*key*/ }));
}
const { doc } = Astro.props;
const { Content } = await render(doc);
---
<html lang="zh-CN"><head><meta charset="utf-8"><title>{doc.data.title}</title></head>
<body><main data-pagefind-body><h1>{doc.data.title}</h1><Content /></main></body></html>
`;

const SOURCE_PAGE = `---
import fs from 'node:fs';
export function getStaticPaths() {
  const docs = JSON.parse(fs.readFileSync('source-lines.json', 'utf8'));
  return docs.map((doc) => ({ params: { id: doc.id }, props: { doc }/*key*/ }));
}
const { doc } = Astro.props;
---
<html lang="zh-CN"><head><meta charset="utf-8"><title>{doc.title} · 原文</title></head>
<body><main><h1>{doc.title}</h1><ol>{doc.lines.map((line) => <li>{line}</li>)}</ol></main></body></html>
`;

/** Each page's cacheKey with the incremental build: the MDX entry's digest, the digest of the seed lines. */
const DOCUMENT_KEY = ', cacheKey: doc.digest';
const SOURCE_KEY = ", cacheKey: createHash('sha256').update(JSON.stringify(doc)).digest('hex')";

/**
 * The floor project's files, by path relative to its folder (node_modules is linked in by the caller);
 * `incremental`: with Astro's incremental build and a cacheKey per page from the page's own data.
 */
export function floorProjectFiles(docs: readonly FloorDocument[], options: { incremental?: boolean } = {}): Record<string, string> {
  const keyed = (page: string, key: string) => (options.incremental ? page.replace('/*key*/', key) : page.replace('/*key*/', ''));
  const files: Record<string, string> = {
    'package.json': `${JSON.stringify({ name: 'policy-atlas-stack-floor', private: true, type: 'module' })}\n`,
    'astro.config.mjs': options.incremental ? INCREMENTAL_CONFIG : CONFIG,
    'src/content.config.ts': CONTENT_CONFIG,
    'src/pages/docs/[id]/index.astro': keyed(DOCUMENT_PAGE, DOCUMENT_KEY),
    'src/pages/docs/[id]/source/index.astro': keyed(SOURCE_PAGE, SOURCE_KEY).replace(
      "import fs from 'node:fs';",
      "import fs from 'node:fs';\nimport { createHash } from 'node:crypto';",
    ),
    'source-lines.json': JSON.stringify(docs.map((d) => ({ id: d.id, title: d.title, lines: d.lines }))),
  };
  for (const doc of docs) files[`docs/${doc.id}.mdx`] = floorMdx(doc);
  return files;
}

/** Runs `node args…` in `cwd` under GNU time; throws with the end of its output when it fails. */
function timedRun(cwd: string, args: string[]): ToolRun {
  const usage = path.join(cwd, '.usage');
  const child = spawnSync(GNU_TIME, ['-f', '%e %U %S', '-o', usage, process.execPath, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (child.status !== 0)
    throw new Error(`stack floor: ${args.join(' ')} failed in ${cwd} (exit ${child.status}):\n${`${child.stdout}${child.stderr}`.slice(-2000)}`);
  const m = /^([\d.]+) ([\d.]+) ([\d.]+)$/m.exec(fs.readFileSync(usage, 'utf8'));
  if (!m) throw new Error(`stack floor: no GNU time figures in ${usage}`);
  return { wall: Number(m[1]), cpu: Number(m[2]) + Number(m[3]) };
}

/** Median wall and CPU time of several runs. */
function medianRun(runs: readonly ToolRun[]): ToolRun {
  return { wall: median(runs.map((r) => r.wall)), cpu: median(runs.map((r) => r.cpu)) };
}

/** A floor site in a temp folder: its documents can be replaced, and each build is timed. */
export interface FloorProject {
  dir: string;
  /** Writes the site of `docs` (the MDX of documents no longer there is removed). */
  write(docs: readonly FloorDocument[]): void;
  /** Builds into an empty dist/ (Astro, then Pagefind over the document pages); `clean` also empties Astro's cache. */
  build(clean: boolean): { astro: ToolRun; pagefind: ToolRun; total: ToolRun };
  cleanup(): void;
}

/** A floor project, with Astro's incremental build when `incremental`; node_modules is the repository's, linked. */
export function makeFloorProject(options: { incremental: boolean }): FloorProject {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-atlas-stack-floor-'));
  fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const astroCli = path.join(REPO_ROOT, 'node_modules/astro/bin/astro.mjs');
  return {
    dir,
    write(docs) {
      fs.rmSync(path.join(dir, 'docs'), { recursive: true, force: true });
      for (const [file, text] of Object.entries(floorProjectFiles(docs, options))) {
        fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        fs.writeFileSync(path.join(dir, file), text);
      }
    },
    build(clean) {
      fs.rmSync(path.join(dir, 'dist'), { recursive: true, force: true });
      if (clean) fs.rmSync(path.join(dir, '.astro-cache'), { recursive: true, force: true });
      const astro = timedRun(dir, [astroCli, 'build', '--silent']);
      const pagefind = timedRun(dir, [pagefindCli(), '--site', 'dist', '--glob', 'docs/*/index.html', '--force-language', 'zh-cn']);
      return { astro, pagefind, total: { wall: astro.wall + pagefind.wall, cpu: astro.cpu + pagefind.cpu } };
    },
    cleanup() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Builds the floor site of a seeds folder `runs` times in a temp folder and measures Astro and Pagefind. */
export function benchStackFloor(options: { seedsDir: string; curatedDir: string; runs: number }): StackFloor {
  if (!fs.existsSync(GNU_TIME)) throw new Error(`stack floor: ${GNU_TIME} (Debian's "time" package) is needed to measure CPU time`);
  const docs = floorDocuments(ingestDirectory(options.seedsDir, options.curatedDir));
  const project = makeFloorProject({ incremental: false });
  try {
    project.write(docs);
    const astro: ToolRun[] = [];
    const pagefind: ToolRun[] = [];
    const total: ToolRun[] = [];
    for (let run = 0; run < options.runs; run++) {
      const built = project.build(true);
      astro.push(built.astro);
      pagefind.push(built.pagefind);
      total.push(built.total);
    }
    return {
      documents: docs.length,
      pages: docs.length * 2,
      runs: options.runs,
      astro: medianRun(astro),
      pagefind: medianRun(pagefind),
      total: medianRun(total),
    };
  } finally {
    project.cleanup();
  }
}

/**
 * Report lines; `budgetSeconds` is the build-time goal, `cores` the machine's. The floor's CPU time
 * over the cores is a lower bound for any build with this stack, even one that ran Pagefind beside
 * Astro with no core ever idle; run one after the other (Pagefind reads the pages Astro writes), the
 * two take their wall times added.
 */
/**
 * The floor's lines for the report; `budgetSeconds` is the goal's time for the same documents (the Starlight
 * peer's build), null when it was not measured: then the last line gives only the floor's CPU bound.
 */
export function formatStackFloor(floor: StackFloor, budgetSeconds: number | null, cores: number): string[] {
  const run = (r: ToolRun) => `${seconds(r.wall)} (CPU ${seconds(r.cpu)})`;
  const bound = floor.total.cpu / cores;
  const boundLine = `even side by side on ${cores} cores with none idle, the floor's CPU time needs ${seconds(bound)}`;
  if (budgetSeconds === null) return [...floorLines(floor, run), `${boundLine}; the Starlight peer was not measured, so there is no goal to set it against`];
  const verdictText =
    bound >= budgetSeconds
      ? 'so no build with this stack meets the goal on this machine'
      : floor.total.wall >= budgetSeconds
        ? `which leaves ${seconds(budgetSeconds - bound)} for everything else the site does, and only if Pagefind could index the pages while Astro writes them`
        : `which leaves ${seconds(budgetSeconds - floor.total.wall)} for everything else the site does`;
  return [
    ...floorLines(floor, run),
    `against the goal of ${seconds(budgetSeconds)} (the Starlight peer's build of the same documents): ${boundLine}, ${verdictText}`,
  ];
}

function floorLines(floor: StackFloor, run: (r: ToolRun) => string): string[] {
  return [
    `${floor.documents} documents, ${floor.pages} pages (a plain MDX page and an original-text page each), medians of ${floor.runs} run(s)`,
    `astro build (stock @astrojs/mdx): ${run(floor.astro)}`,
    `pagefind (document pages, zh-cn): ${run(floor.pagefind)}`,
    `both, one after the other: ${run(floor.total)}`,
  ];
}

if (import.meta.main) {
  const floor = benchStackFloor({ seedsDir: process.argv[2] ?? 'seeds', curatedDir: 'content/curated', runs: Number(process.argv[3] ?? 1) });
  for (const line of formatStackFloor(floor, null, os.cpus().length)) console.log(`stack floor: ${line}`);
}
