/**
 * Incremental-build benchmark: `node scripts/bench/incremental.ts [--synthetic N] [--rounds R] [--floor]`.
 * In a temp copy of the project with the real seeds plus N synthetic documents (scripts/bench/corpus.ts),
 * each round builds the folder without one document from scratch (`--clean`), then adds that document
 * and builds again with the caches, and reports both times, their ratio and each build's steps. Rounds
 * are interleaved (clean, add, clean, add …) so that the machine's load weighs on both alike.
 *
 * `--floor` also measures the stack's floor for the same change (scripts/bench/stack-floor.ts): the bare
 * Astro and Pagefind site of the same documents, with Astro's incremental build and a key per page, built
 * clean without the document and then with it, in the same rounds. Adding a document to that site still
 * costs Astro's work on every unchanged page (bundling every MDX module, routing, copying the cached pages)
 * and a whole Pagefind run; no build of the site can add a document for less.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { makeTempProject, type RunResult } from '../harness/temp-project.ts';
import { readGeneratedJson } from '../contract/generated-file.ts';
import { CorpusSchema } from '../contract/corpus.ts';
import { writeSyntheticSeeds } from './corpus.ts';
import { floorDocuments, makeFloorProject, type FloorProject, type ToolRun } from './stack-floor.ts';
import { median } from './stats.ts';

const STEP_LINE = /^build: (.+?) in ([\d.]+) s\b/gm;
const UNCHANGED_LINE = /^build: astro: (\d+) of (\d+) keyed pages unchanged/m;

/** One build's wall time and the steps it printed. */
interface Timed {
  seconds: number;
  cpuSeconds: number | null;
  steps: string;
  /** "4,030 of 4,040 keyed pages copied", when Astro's incremental build ran. */
  pages: string;
}

function timed(run: RunResult, label: string): Timed {
  if (run.status !== 0) throw new Error(`${label} build failed (exit ${run.status}):\n${run.stderr.slice(-3000)}`);
  const steps = [...run.stdout.matchAll(STEP_LINE)].map((m) => `${m[1]} ${Number(m[2]).toFixed(1)}`).join(', ');
  const unchanged = UNCHANGED_LINE.exec(run.stdout);
  const pages = unchanged ? `${Number(unchanged[1]).toLocaleString('en-US')} of ${Number(unchanged[2]).toLocaleString('en-US')} keyed pages copied` : '';
  return { seconds: run.ms / 1000, cpuSeconds: run.cpuSeconds, steps, pages };
}

const run = (r: ToolRun) => `${r.wall.toFixed(1)} s, ${r.cpu.toFixed(1)} CPU-s`;

/** Runs the rounds and returns the report's lines. */
export function benchIncremental(options: { synthetic: number; rounds: number; floor?: boolean; ours?: boolean }): string[] {
  const project = makeTempProject({ seeds: 'copy-real' });
  let floor = null as FloorProject | null;
  try {
    const seeds = path.join(project.dir, 'seeds');
    // One more synthetic document than asked: it is the one added.
    if (options.synthetic > 0) writeSyntheticSeeds({ documents: options.synthetic + 1, dir: seeds });
    const names = fs.readdirSync(seeds).sort();
    // The last synthetic document, or on the seeds alone the smallest file (the largest holds 15 documents).
    const bySize = [...names].sort((a, b) => fs.statSync(path.join(seeds, a)).size - fs.statSync(path.join(seeds, b)).size);
    const added = (options.synthetic > 0 ? names.at(-1) : bySize[0]) ?? '';
    const bytes = fs.readFileSync(path.join(seeds, added));
    const lines: string[] = [`incremental build: ${names.length - 1} files, then ${added} added`];
    const ratios: number[] = [];
    const cpuRatios: number[] = [];
    const floorRatios: number[] = [];
    const floorWallRatios: number[] = [];
    let lastAdded: Timed | null = null;
    // Without our builds (`--no-ours`, the floor alone), the corpus comes from the ingest step.
    if (options.ours === false && options.floor) timed(project.ingest(), 'ingest');
    for (let round = 1; round <= options.rounds; round++) {
      if (options.ours !== false) ours(round);
      if (options.floor) floorRound();
    }
    function ours(round: number): void {
      fs.rmSync(path.join(seeds, added));
      const clean = timed(project.run(['scripts/build.ts', '--clean']), 'clean');
      fs.writeFileSync(path.join(seeds, added), bytes);
      const incremental = timed(project.run(['scripts/build.ts']), 'incremental');
      ratios.push(incremental.seconds / clean.seconds);
      if (clean.cpuSeconds && incremental.cpuSeconds) cpuRatios.push(incremental.cpuSeconds / clean.cpuSeconds);
      const cpu = (t: Timed) => (t.cpuSeconds === null ? '' : `, ${t.cpuSeconds.toFixed(1)} CPU-s`);
      lines.push(
        `round ${round}: clean ${clean.seconds.toFixed(1)} s${cpu(clean)}; one added ${incremental.seconds.toFixed(1)} s${cpu(incremental)}; ratio ${(incremental.seconds / clean.seconds).toFixed(2)}` +
          (cpuRatios.length === round ? ` (CPU ${cpuRatios.at(-1)!.toFixed(2)})` : ''),
      );
      lines.push(`  clean steps: ${clean.steps}`);
      lines.push(`  incremental steps: ${incremental.steps}${incremental.pages ? `; ${incremental.pages}` : ''}`);
      lastAdded = incremental;
    }
    function floorRound(): void {
      const corpus = readGeneratedJson(path.join(project.dir, 'content/generated/corpus.json'), CorpusSchema, 'the bench build');
      const all = floorDocuments(corpus);
      const without = all.filter((_, i) => corpus.documents[i].sources[0]?.file !== added);
      floor ??= makeFloorProject({ incremental: true });
      floor.write(without);
      const floorClean = floor.build(true);
      floor.write(all);
      const floorAdded = floor.build(false);
      if (lastAdded) floorWallRatios.push(lastAdded.seconds / floorAdded.total.wall);
      if (lastAdded?.cpuSeconds) floorRatios.push(lastAdded.cpuSeconds / floorAdded.total.cpu);
      lines.push(
        `  stack floor (${all.length - without.length} document(s) added to ${without.length}): clean ${run(floorClean.total)} (Astro ${run(floorClean.astro)}, Pagefind ${run(floorClean.pagefind)}); ` +
          `one added ${run(floorAdded.total)} (Astro ${run(floorAdded.astro)}, Pagefind ${run(floorAdded.pagefind)})`,
      );
    }
    if (ratios.length)
      lines.push(`median ratio (one added / clean): ${median(ratios).toFixed(2)} wall${cpuRatios.length ? `, ${median(cpuRatios).toFixed(2)} CPU` : ''}`);
    // The goal is to come within 1.2 times the floor; wall time is what a maintainer waits for, CPU time what the
    // build costs a machine that does other work too, so both are reported.
    if (floorWallRatios.length) {
      const cpu = floorRatios.length ? `, ${median(floorRatios).toFixed(2)} CPU` : '';
      lines.push(`median ratio of our one-added build to the stack floor's: ${median(floorWallRatios).toFixed(2)} wall${cpu} (goal: at most 1.2)`);
    }
    return lines;
  } finally {
    project.cleanup();
    floor?.cleanup();
  }
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      synthetic: { type: 'string', default: '0' },
      rounds: { type: 'string', default: '2' },
      floor: { type: 'boolean', default: false },
      'no-ours': { type: 'boolean', default: false },
    },
  });
  const options = { synthetic: Number(values.synthetic), rounds: Number(values.rounds), floor: values.floor, ours: !values['no-ours'] };
  for (const line of benchIncremental(options)) console.log(line);
}
