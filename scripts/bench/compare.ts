/**
 * Benchmark of the compare stage, for `npm run bench`: times computeCompare
 * (scripts/compare/run.ts, exactly what the build runs) on the seeds and on a
 * synthetic corpus of ~2,000 documents made by recombining the seeds' tasks,
 * and reports where the time goes and how big the outputs are. With
 * `benchCompareBuild` it also runs the whole build of a 2,000-document site
 * (scripts/bench/corpus.ts's synthetic seeds, in a temporary copy of the
 * project) and reports the compare stage's share of that build (goal ≤ 20%).
 *
 * Run alone: `npm exec -- node scripts/bench/compare.ts [documents] [--build]`.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PolicyDocument, Provision } from '../ingest/model.ts';
import { ingestDirectory } from '../ingest/index.ts';
import { analyseConcepts } from '../concepts/concept-data.ts';
import { loadGlossary } from '../concepts/glossary.ts';
import { payloadScript } from '../../shared/compare/client-data.ts';
import { computeCompare, type ConceptInput } from '../compare/run.ts';
import { tasksOf } from '../../shared/document/tasks.ts';
import { paths } from '../urls/paths.ts';
import { makeTempProject } from '../harness/temp-project.ts';
import { writeSyntheticSeeds } from './corpus.ts';

/** The compare stage may add at most this share to the build. */
export const COMPARE_OVERHEAD_GOAL = 0.2;

/** A whole build of a synthetic site and the compare stage's part in it. */
export interface CompareBuildFigures {
  documents: number;
  /** Seconds per build step, as the build logs them ("ingest", "MDX pages", "astro", …). */
  steps: Record<string, number>;
  totalSeconds: number;
  /** Seconds of the compare stage (inside "MDX pages"). */
  compareSeconds: number;
  /** compare / (total − compare): what the stage adds to a build without it. */
  overhead: number;
  withinGoal: boolean;
}

/** Figures of one corpus. */
export interface CompareFigures {
  documents: number;
  tasks: number;
  /** Wall-clock and CPU milliseconds of the whole stage (CPU time is what a busy machine cannot inflate), and wall-clock per part. */
  ms: number;
  cpuMs: number;
  timings: Record<string, number>;
  /** Pre-rendered pairs. */
  pairs: number;
  /** Bytes of all client payloads, and of the largest one. */
  payloadBytes: number;
  largestPayloadBytes: number;
}

/** Both runs. */
export interface CompareBench {
  seeds: CompareFigures;
  synthetic: CompareFigures;
}

/** A small deterministic PRNG (mulberry32), so every run builds the same corpus. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentences(text: string): string[] {
  return text.match(/[^。；！？]+[。；！？]?/gu) ?? [];
}

/**
 * `count` documents made from the seeds: each copies the structure and
 * metadata of a seed document (a new id), and each of its tasks keeps its
 * first sentence and takes the rest from random tasks anywhere in the seeds,
 * so texts are new but realistic and similar tasks exist across documents.
 */
export function syntheticCorpus(seeds: readonly PolicyDocument[], count: number, seed = 1): PolicyDocument[] {
  const rand = random(seed);
  const bases = seeds.filter((d) => tasksOf(d.body).length > 0);
  const pool = bases.flatMap((d) => tasksOf(d.body).flatMap((p) => p.children.filter((c) => c.type === 'paragraph').flatMap((c) => sentences(c.text))));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const recombine = (task: Provision): void => {
    for (const c of task.children) {
      if (c.type !== 'paragraph') continue;
      const own = sentences(c.text);
      const extra = Array.from({ length: Math.max(1, own.length - 1) }, () => pick(pool));
      c.text = [own[0] ?? '', ...extra].join('');
    }
  };
  return Array.from({ length: count }, (_, i) => {
    const base = bases[i % bases.length];
    const doc = structuredClone(base) as PolicyDocument;
    doc.id = `syn-${String(i).padStart(4, '0')}-${base.id}`;
    // One in twenty keeps its text and its seed's second copies: a version pair like the seeds' own.
    if (i % 20 === 0 && doc.copies.length > 0) return doc;
    for (const task of tasksOf(doc.body)) recombine(task);
    doc.copies = [];
    return doc;
  });
}

function concepts(documents: readonly PolicyDocument[]): ConceptInput | undefined {
  try {
    const { data } = analyseConcepts(documents, loadGlossary('content/curated/concepts.json'), paths.concept);
    return data;
  } catch {
    return undefined;
  }
}

function measure(documents: readonly PolicyDocument[]): CompareFigures {
  const conceptInput = concepts(documents);
  const start = performance.now();
  const cpu = process.cpuUsage();
  const result = computeCompare(documents, conceptInput);
  const ms = Math.round(performance.now() - start);
  const used = process.cpuUsage(cpu);
  const cpuMs = Math.round((used.user + used.system) / 1000);
  const sizes = result.client.map((p) => Buffer.byteLength(payloadScript(p)));
  return {
    documents: documents.length,
    tasks: result.client.reduce((n, p) => n + p.tasks.length, 0),
    ms,
    cpuMs,
    timings: result.timings,
    pairs: result.pairs.length,
    payloadBytes: sizes.reduce((a, b) => a + b, 0),
    largestPayloadBytes: Math.max(0, ...sizes),
  };
}

/** Times the compare stage on the seeds and on `documents` synthetic documents. */
export function benchCompare(documents = 2000, seedsDir = 'seeds', curatedDir = 'content/curated'): CompareBench {
  const corpus = ingestDirectory(seedsDir, curatedDir);
  measure(corpus.documents); // warm-up: the first run also pays for JIT compilation
  const seeds = measure(corpus.documents);
  const synthetic = measure(syntheticCorpus(corpus.documents, documents));
  return { seeds, synthetic };
}

/** Builds a site of `documents` synthetic documents in a temporary project and reads the step times from its log. */
export function benchCompareBuild(documents = 2000): CompareBuildFigures {
  // The real seeds stay: curated data (concept quotes, metadata) refers to their documents.
  const project = makeTempProject({ seeds: 'copy-real' });
  try {
    writeSyntheticSeeds({ documents, dir: path.join(project.dir, 'seeds') });
    const run = project.build();
    if (run.status !== 0) {
      const done = run.stdout
        .split('\n')
        .filter((l) => l.startsWith('build:'))
        .join('\n');
      throw new Error(`synthetic build failed (exit ${run.status}) after:\n${done}\n${run.stderr.slice(-1500)}`);
    }
    const steps: Record<string, number> = {};
    for (const m of run.stdout.matchAll(/^build: (.+?) in ([\d.]+) s$/gm)) steps[m[1]] = Number(m[2]);
    const compare = /^build: compare stage in ([\d.]+) s/m.exec(run.stdout);
    if (!compare) throw new Error('the synthetic build printed no "build: compare stage" line');
    const compareSeconds = Number(compare[1]);
    const totalSeconds = Object.values(steps).reduce((a, b) => a + b, 0);
    const overhead = compareSeconds / (totalSeconds - compareSeconds);
    return { documents, steps, totalSeconds, compareSeconds, overhead, withinGoal: overhead <= COMPARE_OVERHEAD_GOAL };
  } finally {
    project.cleanup();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = benchCompare(Number(process.argv[2] ?? 2000));
  for (const [name, f] of Object.entries(result)) {
    const parts = Object.entries(f.timings)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    console.log(
      `compare ${name}: ${f.documents} documents, ${f.tasks} tasks in ${(f.ms / 1000).toFixed(2)} s, CPU ${(f.cpuMs / 1000).toFixed(2)} s (${parts} ms); ` +
        `${f.pairs} pre-rendered pairs; payloads ${(f.payloadBytes / 1e6).toFixed(2)} MB (largest ${(f.largestPayloadBytes / 1e3).toFixed(0)} kB)`,
    );
  }
  if (process.argv.includes('--build')) {
    const b = benchCompareBuild(Number(process.argv[2] ?? 2000));
    const steps = Object.entries(b.steps)
      .map(([k, v]) => `${k} ${v.toFixed(1)}`)
      .join(', ');
    console.log(
      `compare in a ${b.documents}-document build: ${b.compareSeconds.toFixed(1)} s of ${b.totalSeconds.toFixed(1)} s (${steps} s); ` +
        `adds ${(b.overhead * 100).toFixed(1)}% (goal ≤ ${COMPARE_OVERHEAD_GOAL * 100}%)`,
    );
  }
}
