/**
 * A throw-away copy of the project for builds with other seeds, so tests never
 * touch the real dist/ or content/generated/ that other tests and people use.
 *
 * The copy holds the sources (package.json, astro.config.mjs, tsconfig.json,
 * src/, scripts/, content/curated/, public/), its own seeds/, and a
 * node_modules folder of symlinks to the project's packages without their
 * cache folders, so builds of several copies can run at once without sharing
 * Astro's content store; builds run there with the project's Node (≥ 22.12).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Seed files by name; `'copy-real'` copies the repository's seeds/. */
export type SeedSet = Record<string, Uint8Array | string> | 'copy-real';

/** Options for {@link makeTempProject}. */
export interface TempProjectOptions {
  /** The seeds the copy starts with. */
  seeds: SeedSet;
  /** More seeds written after `seeds` (e.g. hostile fixtures next to the real seeds). */
  extraSeeds?: Record<string, Uint8Array | string>;
  /** Folder the temp dir is created in. Default: the OS temp folder. */
  parent?: string;
}

/** What a child run of the copy's scripts reports. */
export interface RunResult {
  stdout: string;
  stderr: string;
  /** Exit status; null when the child was killed by a signal. */
  status: number | null;
  /** Wall-clock time in milliseconds. */
  ms: number;
  /** Peak resident memory of the child and its children in KB (GNU time); null without /usr/bin/time. */
  maxRssKb: number | null;
  /** User + system CPU seconds of the child and the children it waited for (GNU time); null without it. */
  cpuSeconds: number | null;
}

/** A temp project: its folder, ways to build or ingest it, and its removal. */
export interface TempProject {
  dir: string;
  /** Runs `node scripts/build.ts` in the copy (ingest → MDX → Astro → Pagefind …). */
  build(env?: NodeJS.ProcessEnv): RunResult;
  /** Runs `node scripts/ingest.ts` in the copy (writes only content/generated/corpus.json and the report). */
  ingest(env?: NodeJS.ProcessEnv): RunResult;
  /** Runs any script of the copy with the project's Node, e.g. `run(['scripts/build.ts'])`. */
  run(args: string[], env?: NodeJS.ProcessEnv): RunResult;
  /** Removes the folder. */
  cleanup(): void;
}

/** The repository root (this file is scripts/harness/temp-project.ts). */
export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

/** What a copy needs to build; everything else (dist/, generated output, tests) stays behind. */
export const PROJECT_FILES = ['package.json', 'astro.config.mjs', 'tsconfig.json', 'src', 'shared', 'scripts', 'content/curated', 'public'] as const;

/**
 * The variable naming the folder of builds the site tests share in one run (tests/site/shared-build.ts):
 * set by `npm test`, which starts the first of them early, else the site tests' global setup makes one.
 */
export const SHARED_BUILDS_ENV = 'POLICY_ATLAS_SHARED_BUILDS';

const MIN_NODE: readonly [number, number] = [22, 12];
const GNU_TIME = '/usr/bin/time';
// A 20 MB seed or 2,000 documents print a lot of warnings; never let a full pipe kill the child.
const MAX_OUTPUT = 256 * 1024 * 1024;

/** Creates a copy of the project with the given seeds. Call `cleanup()` when done. */
export function makeTempProject(options: TempProjectOptions): TempProject {
  const dir = fs.mkdtempSync(path.join(options.parent ?? os.tmpdir(), 'policy-atlas-project-'));
  try {
    for (const entry of PROJECT_FILES) {
      const from = path.join(REPO_ROOT, entry);
      if (fs.existsSync(from)) fs.cpSync(from, path.join(dir, entry), { recursive: true });
    }
    linkNodeModules(dir);
    const seedsDir = path.join(dir, 'seeds');
    fs.mkdirSync(seedsDir);
    if (options.seeds === 'copy-real') {
      // Copied file by file: the real seeds/ is read-only and cpSync would keep its mode.
      for (const name of fs.readdirSync(path.join(REPO_ROOT, 'seeds'))) {
        fs.writeFileSync(path.join(seedsDir, name), fs.readFileSync(path.join(REPO_ROOT, 'seeds', name)));
      }
    } else writeSeeds(seedsDir, options.seeds);
    if (options.extraSeeds) writeSeeds(seedsDir, options.extraSeeds);
  } catch (cause) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`could not create a temp project in ${dir}`, { cause });
  }
  return openTempProject(dir);
}

/** A copy made earlier by {@link makeTempProject} (e.g. in another test file), to build it again. */
export function openTempProject(dir: string): TempProject {
  const node = projectNode();
  const run = (args: string[], env: NodeJS.ProcessEnv = {}): RunResult => {
    // GNU time reports peak memory and CPU time of the whole process tree (Astro runs in a grandchild).
    const usageFile = path.join(dir, '.usage');
    const [command, argv] = fs.existsSync(GNU_TIME) ? [GNU_TIME, ['-f', '%M %U %S', '-o', usageFile, node, ...args]] : [node, args];
    fs.rmSync(usageFile, { force: true });
    const start = performance.now();
    const child = spawnSync(command, argv, {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: MAX_OUTPUT,
      // The copy reads its own seeds/ unless the caller says otherwise.
      env: { ...userEnvironment(), SEEDS_DIR: '', ASTRO_TELEMETRY_DISABLED: '1', ...env },
    });
    const ms = performance.now() - start;
    if (child.error) throw new Error(`could not run ${node} ${args.join(' ')} in ${dir}`, { cause: child.error });
    return { stdout: child.stdout, stderr: child.stderr, status: child.status, ms, ...readUsage(usageFile) };
  };
  return {
    dir,
    run,
    build: (env) => run(['scripts/build.ts'], env),
    ingest: (env) => run(['scripts/ingest.ts'], env),
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** The Node that runs the project's scripts: this one when it is new enough, else the pinned `node` dependency. */
export function projectNode(): string {
  if (nodeIsRecent(process.versions.node)) return process.execPath;
  const pinned = path.join(REPO_ROOT, 'node_modules/node/bin/node');
  if (fs.existsSync(pinned)) return pinned;
  throw new Error(
    `Node ${process.versions.node} at ${process.execPath} is older than ${MIN_NODE.join('.')}; ` +
      'run the tests through npm (npm test, npm exec -- vitest …) so the pinned Node 24 is used',
  );
}

/** True when a Node version string (e.g. "24.21.0") is at least 22.12. */
export function nodeIsRecent(version: string): boolean {
  const [major, minor] = version.split('.').map(Number);
  return major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1]);
}

/**
 * This process's environment without what a test runner adds (NODE_ENV=test, TEST, VITEST_*), so a copy
 * builds as `npm run build` does. Astro's incremental build keys its record on the mode: a build run from a
 * test file after one run by `npm test` itself would otherwise render every page again.
 */
function userEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV' && name !== 'TEST' && !name.startsWith('VITEST')));
}

/** The "%M %U %S" line GNU time wrote (its own notes, e.g. "Command exited…", come before it). */
function readUsage(file: string): { maxRssKb: number | null; cpuSeconds: number | null } {
  const line = fs.existsSync(file) ? /^(\d+) ([\d.]+) ([\d.]+)$/m.exec(fs.readFileSync(file, 'utf8')) : null;
  return line ? { maxRssKb: Number(line[1]), cpuSeconds: Number(line[2]) + Number(line[3]) } : { maxRssKb: null, cpuSeconds: null };
}

/** Cache folders Astro and Vite write inside node_modules: each copy gets its own. */
const CACHE_FOLDERS = new Set(['.astro', '.vite', '.cache']);

/** node_modules of a copy at `root`: a real folder of symlinks to the project's packages, without their caches. */
export function linkNodeModules(root: string): void {
  const source = path.join(REPO_ROOT, 'node_modules');
  const target = path.join(root, 'node_modules');
  fs.mkdirSync(target);
  for (const name of fs.readdirSync(source)) {
    if (!CACHE_FOLDERS.has(name)) fs.symlinkSync(path.join(source, name), path.join(target, name));
  }
}

function writeSeeds(dir: string, seeds: Record<string, Uint8Array | string>): void {
  for (const [name, content] of Object.entries(seeds)) {
    if (name !== path.basename(name)) throw new Error(`seed name "${name}" must be a plain file name`);
    fs.writeFileSync(path.join(dir, name), content);
  }
}
