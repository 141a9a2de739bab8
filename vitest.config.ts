import { defineConfig } from 'vitest/config';

// Unit tests only; browser tests of the built site run from scripts/test.ts
// after the build, because they need dist/.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    testTimeout: 30_000,
    // Files share their workers' module graph instead of evaluating the ingest, search and
    // site modules again for each of the 82 files: 88 → 30 CPU-seconds for the unit tests,
    // two interleaved pairs of runs. No test file mocks modules; the one that sets
    // process.env.TZ restores it.
    isolate: false,
  },
});
