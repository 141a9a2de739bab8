/**
 * Benchmark of the concept stage: how much time concepts and citations add to
 * the site step (MDX pages + site data), on the seeds and on a synthetic
 * corpus of ~2,000 documents made by repeating the seed documents under new
 * ids. Goal: at most 20% more. Run: `node scripts/bench/concepts.ts [docs]`.
 * Writes nothing; every figure is the best of several runs, in CPU seconds.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ingestDirectory } from '../ingest/index.ts';
import type { Block, Corpus, PolicyDocument } from '../ingest/model.ts';
import { loadGlossary, type Glossary } from '../concepts/glossary.ts';
import { tipCss } from '../site/tip-css.ts';
import { GLOSSARY_FILE } from '../concepts/collection.ts';
import { conceptStage, type ConceptStage } from '../site/concept-stage.ts';
import { documentPages } from '../site/document-pages.ts';
import { siteDataFrom } from '../site/site-data.ts';
import { siteFiles } from '../site/site-files.ts';

/** What the concept stage adds may be at most this share of the full build (scripts/bench.ts states it per corpus). */
export const CONCEPT_OVERHEAD_GOAL = 0.2;

/** Figures of one corpus. */
export interface ConceptBench {
  documents: number;
  /** CPU seconds of the site step without and with the concept stage (best run). */
  withoutSeconds: number;
  withSeconds: number;
  /** (with − without) / without. */
  overhead: number;
  /** CPU seconds of the analysis alone: occurrences, candidates, citations, concept pages (best run). */
  analysisSeconds: number;
  mentions: number;
}

/**
 * A corpus of about `size` documents: the seed documents repeated under new
 * ids. Each copy's paragraphs get a distinct ending, so no text is the same
 * string as another copy's and nothing can be reused between copies.
 */
export function syntheticCorpus(corpus: Corpus, size: number): Corpus {
  const documents: PolicyDocument[] = [];
  for (let round = 0; documents.length < size; round += 1) {
    for (const doc of corpus.documents) {
      if (documents.length >= size) break;
      documents.push(round === 0 ? doc : copyOf(doc, round));
    }
  }
  // A JSON round trip, as if the corpus had been read from corpus.json: plain, flat strings.
  return JSON.parse(JSON.stringify({ ...corpus, documents })) as Corpus;
}

function copyOf(doc: PolicyDocument, round: number): PolicyDocument {
  const mark = `（副本${round}）`;
  const blocks = (list: Block[]): Block[] =>
    list.map((b) => {
      switch (b.type) {
        case 'paragraph':
          return { ...b, text: b.text + mark };
        case 'table':
          return b;
        default:
          return { ...b, children: blocks(b.children) };
      }
    });
  return {
    ...doc,
    id: `${doc.id}-r${round}`,
    notice: doc.notice && { ...doc.notice, paragraphs: doc.notice.paragraphs.map((p) => ({ ...p, text: p.text + mark })) },
    preamble: blocks(doc.preamble),
    body: blocks(doc.body),
  };
}

/** The best of several runs: on a shared machine, slower runs measure the neighbours. */
function best(values: number[]): number {
  return Math.min(...values);
}

/**
 * CPU seconds (user + system, all threads) spent in `run`: unlike wall time,
 * it does not count time the process waited for a busy machine's cores.
 */
function seconds(run: () => unknown): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

/**
 * The site step as scripts/steps/site-step.ts runs it (without the compare
 * stage, which needs the concept data), writing into `dir` instead of
 * content/generated: site data, one MDX file per document, site.json, and
 * with concepts also their analysis, plugins, concepts.json, concept pages
 * and tooltip CSS. Returns the number of mentions found.
 */
function siteStep(corpus: Corpus, glossary: Glossary, dir: string | null, withConcepts: boolean, analysis: number[]): number {
  const data = siteDataFrom(corpus);
  let stage: ConceptStage | undefined;
  if (withConcepts) analysis.push(seconds(() => (stage = conceptStage(data.documents, glossary))));
  const pages = documentPages(data, stage?.pluginsFor);
  const site = siteFiles(data);
  const concepts = stage && JSON.stringify(stage.data);
  if (dir) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(path.join(dir, 'docs'), { recursive: true });
    for (const [id, mdx] of pages) fs.writeFileSync(path.join(dir, 'docs', `${id}.mdx`), mdx);
    for (const [folder, name, text] of site.texts) {
      fs.mkdirSync(path.join(dir, folder), { recursive: true });
      fs.writeFileSync(path.join(dir, folder, name), text);
    }
    fs.writeFileSync(path.join(dir, 'site.json'), JSON.stringify(site.data));
    if (stage && concepts) {
      fs.mkdirSync(path.join(dir, 'concepts'));
      for (const [id, mdx] of stage.conceptPages) fs.writeFileSync(path.join(dir, 'concepts', `${id}.mdx`), mdx);
      fs.writeFileSync(path.join(dir, 'concepts.json'), concepts);
      fs.writeFileSync(path.join(dir, 'concept-tips.css'), tipCss(stage.data.concepts));
    }
  }
  return stage?.data.occurrences.length ?? 0;
}

/**
 * Times the site step with and without concepts on `corpus`, `runs` times each
 * (alternating); with `writeFiles`, the step writes its files as the build does
 * (into a temporary folder), else it only computes them.
 */
export function benchConcepts(corpus: Corpus, runs = 5, writeFiles = true): ConceptBench {
  const glossary = loadGlossary(GLOSSARY_FILE);
  const dir = writeFiles ? fs.mkdtempSync(path.join(os.tmpdir(), 'policy-atlas-concepts-bench-')) : null;
  const without: number[] = [];
  const withConcepts: number[] = [];
  const analysis: number[] = [];
  let mentions = 0;
  try {
    for (let i = 0; i < runs; i += 1) {
      without.push(seconds(() => siteStep(corpus, glossary, dir, false, [])));
      withConcepts.push(seconds(() => (mentions = siteStep(corpus, glossary, dir, true, analysis))));
    }
  } finally {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }
  const withoutSeconds = best(without);
  const withSeconds = best(withConcepts);
  const overhead = (withSeconds - withoutSeconds) / withoutSeconds;
  return {
    documents: corpus.documents.length,
    withoutSeconds,
    withSeconds,
    overhead,
    analysisSeconds: best(analysis),
    mentions,
  };
}

function report(label: string, b: ConceptBench): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  // The goal (≤ CONCEPT_OVERHEAD_GOAL of the full build) needs a full build to compare with: npm run bench states it.
  return `${label}: ${b.documents} documents, ${b.mentions} mentions — site step ${b.withoutSeconds.toFixed(2)} s CPU without concepts, ${b.withSeconds.toFixed(2)} s with (+${(b.withSeconds - b.withoutSeconds).toFixed(2)} s, +${pct(b.overhead)} of the site step; of which analysis ${b.analysisSeconds.toFixed(2)} s)`;
}

if (import.meta.main) {
  const size = Number(process.argv[2] ?? 2000);
  const seeds = ingestDirectory('seeds', 'content/curated');
  const synthetic = syntheticCorpus(seeds, size);
  // Warm up the JIT and pinyin-pro's dictionary before timing.
  benchConcepts(seeds, 1, false);
  console.log(report('seeds, site step writing its files', benchConcepts(seeds, 9)));
  console.log(report('seeds, in memory only', benchConcepts(seeds, 9, false)));
  console.log(report(`synthetic, site step writing its files`, benchConcepts(synthetic, 3)));
  console.log(report(`synthetic, in memory only`, benchConcepts(synthetic, 3, false)));
}
