import { defineConfig } from 'vitest/config';
import { LongestFirst } from './tests/site/sequencer.ts';

// Checks of a built site (dist/ unless SITE_DIR says otherwise; SITE_BASE gives
// the base path) plus the tests of the tools behind them. Two files run at a
// time: a file spends much of its time waiting on one Chromium renderer or one
// single-threaded build step, so a second file fills the other core. Files that
// build their own copy of the project do it in a temp folder with its own caches
// (scripts/harness/temp-project.ts), so they never share dist/ or Astro's store.
// Builds that several files check are made once per run, by the first file that
// asks, in a folder the global setup makes (tests/site/shared-build.ts).
// The longest files start first (tests/site/sequencer.ts).
export default defineConfig({
  test: {
    include: ['tests/site/**/*.test.ts'],
    globalSetup: ['tests/site/shared-builds-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: true,
    maxWorkers: 2,
    sequence: { sequencer: LongestFirst },
  },
});
