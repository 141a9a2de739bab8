import { defineConfig } from 'vitest/config';

// Unit tests only; browser tests of the built site run from scripts/test.ts
// after the build, because they need dist/.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
