import { defineConfig } from '@playwright/test';

// Report the service worker's network requests too (the no-network test counts them).
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

// Parallel work on one machine keeps its results apart, next to its own build (see RL_OUT_DIR in wxt.config.ts).
const results = process.env.RL_OUT_DIR ? `${process.env.RL_OUT_DIR}/test-results` : 'test-results';

export default defineConfig({
  testDir: 'test/e2e',
  // One persistent Chromium per worker; two cores leave room for one browser at a time.
  workers: 1,
  fullyParallel: false,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: [['list'], ['json', { outputFile: `${results}/e2e.json` }]],
  outputDir: `${results}/e2e`,
});
