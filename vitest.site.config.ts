import { defineConfig } from 'vitest/config';

// Checks of a built site (dist/ unless SITE_DIR says otherwise; SITE_BASE gives
// the base path) plus the tests of the tools behind them. Browser tests are
// slow to start and the machine has two cores, so files run one at a time.
export default defineConfig({
  test: {
    include: ['tests/site/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
