/**
 * Incremental-build benchmark: `node scripts/bench/incremental.ts [--synthetic N] [--rounds R]`.
 * In a temp copy of the project with the real seeds plus N synthetic documents (scripts/bench/corpus.ts),
 * each round builds the folder without one document from scratch (`--clean`), then adds that document
 * and builds again with the caches, and reports both times, their ratio and each build's steps. Rounds
 * are interleaved (clean, add, clean, add …) so that the machine's load weighs on both alike.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { makeTempProject, type RunResult } from '../harness/temp-project.ts';
import { writeSyntheticSeeds } from './corpus.ts';
import { median } from './stats.ts';

const STEP_LINE = /^build: (.+?) in ([\d.]+) s\b/gm;

/** One build's wall time and the steps it printed. */
interface Timed {
  seconds: number;
  cpuSeconds: number | null;
  steps: string;
}

function timed(run: RunResult, label: string): Timed {
  if (run.status !== 0) throw new Error(`${label} build failed (exit ${run.status}):\n${run.stderr.slice(-3000)}`);
  const steps = [...run.stdout.matchAll(STEP_LINE)].map((m) => `${m[1]} ${Number(m[2]).toFixed(1)}`).join(', ');
  return { seconds: run.ms / 1000, cpuSeconds: run.cpuSeconds, steps };
}

/** Runs the rounds and returns the report's lines. */
export function benchIncremental(options: { synthetic: number; rounds: number }): string[] {
  const project = makeTempProject({ seeds: 'copy-real' });
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
    for (let round = 1; round <= options.rounds; round++) {
      fs.rmSync(path.join(seeds, added));
      const clean = timed(project.run(['scripts/build.ts', '--clean']), 'clean');
      fs.writeFileSync(path.join(seeds, added), bytes);
      const incremental = timed(project.run(['scripts/build.ts']), 'incremental');
      ratios.push(incremental.seconds / clean.seconds);
      const cpu = (t: Timed) => (t.cpuSeconds === null ? '' : `, ${t.cpuSeconds.toFixed(1)} CPU-s`);
      lines.push(
        `round ${round}: clean ${clean.seconds.toFixed(1)} s${cpu(clean)}; one added ${incremental.seconds.toFixed(1)} s${cpu(incremental)}; ratio ${(incremental.seconds / clean.seconds).toFixed(2)}`,
      );
      lines.push(`  clean steps: ${clean.steps}`);
      lines.push(`  incremental steps: ${incremental.steps}`);
    }
    lines.push(`median ratio (one added / clean): ${median(ratios).toFixed(2)}`);
    return lines;
  } finally {
    project.cleanup();
  }
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { synthetic: { type: 'string', default: '0' }, rounds: { type: 'string', default: '2' } } });
  for (const line of benchIncremental({ synthetic: Number(values.synthetic), rounds: Number(values.rounds) })) console.log(line);
}
