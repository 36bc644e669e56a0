import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // tests/ mirrors the source folders; e2e/ runs in Playwright.
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', '**/node_modules/**'],
    pool: 'forks',
    globalSetup: ['tests/server/pg-global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
