/**
 * Full-build benchmark: `node scripts/build.ts` (ingest → MDX → Astro →
 * Pagefind → search index → offline copy …) in a temp copy of the project,
 * on the real seeds plus N synthetic documents (scripts/bench/corpus.ts), run
 * several times. Reports wall time, each step's time as the build prints it
 * ("build: astro in 5.1 s"), peak memory of the process tree and output sizes.
 */
import path from 'node:path';
import { makeTempProject, type TempProject } from '../harness/temp-project.ts';
import { writeSyntheticSeeds } from './corpus.ts';
import { folderSize, median } from './stats.ts';

/** Options for {@link benchBuild}. */
export interface BuildBenchOptions {
  /** Name in the report: "seeds", "500", "2,000". */
  label: string;
  /** Synthetic documents added to the real seeds (0: the seeds alone). */
  synthetic: number;
  runs: number;
  /** Called with the project after the last run, before it is removed (to measure pages, search…). */
  inspect?: (project: TempProject) => Promise<void>;
  /**
   * Called once with the project's seeds folder before the first run; the returned function then runs
   * right after each of our runs, so another build (the peer's) takes turns with ours and both see the
   * same drift of the machine's load.
   */
  interleave?: (seedsDir: string) => (run: number) => void;
}

/** Figures of one corpus; times are medians over the runs. */
export interface BuildBench {
  label: string;
  documents: number;
  seedBytes: number;
  runs: number;
  /** Wall seconds of every run, and their median. */
  secondsEach: number[];
  seconds: number;
  /** Median CPU seconds (user + system) of the build's process tree; less sensitive to other work on the machine. Null when unmeasured. */
  cpuSeconds: number | null;
  /** CPU seconds of every run (empty when unmeasured). */
  cpuSecondsEach?: number[];
  /** Median seconds per build step, in the order the build prints them. */
  steps: Array<{ step: string; seconds: number }>;
  /** Peak resident memory over the runs (KB), null when unmeasured. */
  maxRssKb: number | null;
  distBytes: number;
  distFiles: number;
  offlineBytes: number;
  zipBytes: number;
}

const STEP_LINE = /^build: (.+?) in ([\d.]+) s\b/gm;
const DOCUMENTS_LINE = /^ingest: (\d+) documents from (\d+) files/m;

/** Builds the corpus `runs` times in one temp project and measures each build. */
export async function benchBuild(options: BuildBenchOptions): Promise<BuildBench> {
  const project = makeTempProject({ seeds: 'copy-real' });
  try {
    const seedsDir = path.join(project.dir, 'seeds');
    if (options.synthetic > 0) writeSyntheticSeeds({ documents: options.synthetic, dir: seedsDir });
    const secondsEach: number[] = [];
    const cpuEach: number[] = [];
    const stepRuns = new Map<string, number[]>();
    let maxRssKb: number | null = null;
    let documents = 0;
    const between = options.interleave?.(seedsDir);
    for (let run = 0; run < options.runs; run++) {
      const built = project.build();
      if (built.status !== 0) throw new Error(`build of ${options.label} failed (exit ${built.status}) in ${project.dir}:\n${built.stderr.slice(-3000)}`);
      secondsEach.push(built.ms / 1000);
      if (built.cpuSeconds !== null) cpuEach.push(built.cpuSeconds);
      for (const m of built.stdout.matchAll(STEP_LINE)) stepRuns.set(m[1], [...(stepRuns.get(m[1]) ?? []), Number(m[2])]);
      if (built.maxRssKb !== null) maxRssKb = Math.max(maxRssKb ?? 0, built.maxRssKb);
      documents = Number(DOCUMENTS_LINE.exec(built.stdout)?.[1] ?? 0);
      between?.(run);
    }
    const dist = folderSize(path.join(project.dir, 'dist'));
    const zip = folderSize(path.join(project.dir, 'dist'), (name) => name.endsWith('.zip'));
    await options.inspect?.(project);
    return {
      label: options.label,
      documents,
      seedBytes: folderSize(seedsDir).bytes,
      runs: options.runs,
      secondsEach,
      seconds: median(secondsEach),
      cpuSeconds: cpuEach.length > 0 ? median(cpuEach) : null,
      cpuSecondsEach: cpuEach,
      steps: [...stepRuns].map(([step, values]) => ({ step, seconds: median(values) })),
      maxRssKb,
      distBytes: dist.bytes,
      distFiles: dist.files,
      offlineBytes: folderSize(path.join(project.dir, 'dist-offline')).bytes,
      zipBytes: zip.bytes,
    };
  } finally {
    project.cleanup();
  }
}
