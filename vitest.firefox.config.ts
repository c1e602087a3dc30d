import { defineConfig } from 'vitest/config';

// The Firefox end-to-end suite (scripts/test-firefox.mjs runs it once per Firefox version, FIREFOX=<executable>).
// One browser per run, shared by the tests of one file in order: no parallelism, generous hook timeouts.
export default defineConfig({
  test: {
    include: ['test/firefox/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
