/** Build step 3: runs `astro build` with this Node (the project's pinned runtime). */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { stopWithBuild } from './interrupt.ts';
import { pendingFilesEnv } from '../contract/pending-file.ts';
import { mdxCacheEnv } from './mdx-cache.ts';

/**
 * V8 flags for Astro's process. A 64 MB young generation (the default is 16 MB on 64-bit): Astro
 * allocates short-lived strings and vnodes for every page, and with the default most of them
 * outlive a scavenge and are copied into the old generation. On 2,000 documents, over two
 * interleaved pairs of runs, this cut Astro's user CPU time from 80.0 to 75.8 s and its wall time
 * from 96.6 to 92.4 s, at the same peak memory (3.7 GB).
 */
export const ASTRO_NODE_FLAGS = ['--max-semi-space-size=64'] as const;

/**
 * Environment for Astro's process. Its bundler (Rolldown) allocates natively with mimalloc (3.x), whose
 * defaults cost this build in the kernel:
 * - `MIMALLOC_ALLOW_THP=0`: by default mimalloc asks for transparent huge pages on its 1 GiB arena
 *   (madvise MADV_HUGEPAGE), so every first touch of its memory faults in and zeroes 2 MiB. A system-wide
 *   profile of a seeds build put 12% of all samples in that zeroing, most of it in Rolldown's threads. Off,
 *   in interleaved clean builds: seeds median 6.49 → 6.05 s (system time 2.5 → 2.0 s), 2,019 documents
 *   105.1 → 94.8 s and 103.1 → 99.5 s (CPU 175 → 156 and 182 → 161 s), peak memory 2.49 → 2.30 GB.
 * - `MIMALLOC_PURGE_DELAY=0`: freed pages go back to the system at once instead of a second later, so less of
 *   the memory of bundling every MDX module stays resident while the pages render.
 * Values set in the environment win. Figures: README, "Scaling to many documents" and "Incremental builds".
 */
export const ASTRO_ALLOCATOR_ENV = { MIMALLOC_ALLOW_THP: '0', MIMALLOC_PURGE_DELAY: '0' } as const;

/** The environment Astro's process runs with: the allocator settings unless `env` sets them, then `env`, then `extra`. */
export function astroEnv(env: NodeJS.ProcessEnv, extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...ASTRO_ALLOCATOR_ENV, ...env, ...extra };
}

/**
 * Runs Astro's CLI in a child process, so this process can do other work meanwhile; rejects with
 * its exit code when the build fails (Astro prints the error itself). Astro writes into its outDir,
 * the staged site (astro.config.mjs, scripts/steps/staging.ts); the child is stopped with the build.
 * `pending`: generated files another step is still writing, which Astro's pages wait for (scripts/contract/pending-file.ts);
 * `clean`: Astro compiles every MDX page anew rather than reading the compiled-MDX cache (mdx-cache.ts).
 */
export function runAstroBuild(pending: readonly string[] = [], clean = false): Promise<void> {
  const cli = path.resolve('node_modules/astro/bin/astro.mjs');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...ASTRO_NODE_FLAGS, cli, 'build', '--silent'], {
      stdio: 'inherit',
      env: astroEnv(process.env, { ...pendingFilesEnv(pending), ...mdxCacheEnv(clean), ASTRO_TELEMETRY_DISABLED: '1' }),
    });
    stopWithBuild(child);
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`astro build failed (${signal ?? `exit ${code}`}); see the output above`)),
    );
  });
}
