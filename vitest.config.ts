import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    // Playwright specs live in test/e2e and must never be picked up here.
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Answers browser.i18n.getMessage from public/_locales/en/messages.json (fakeBrowser does not).
    setupFiles: ['test/unit/setup/i18n.ts'],
  },
});
