import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'tests/core/**/*.test.ts',
      'tests/shared/**/*.test.ts',
      'tests/server/**/*.test.ts',
      'tests/faults/**/*.test.ts',
      'tests/desktop/**/*.test.ts',
    ],
    pool: 'forks',
    globalSetup: ['tests/server/pg-global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
