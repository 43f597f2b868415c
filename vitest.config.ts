import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**', 'site/**'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // tfjs keeps one global engine per process: isolate files in forks.
    pool: 'forks',
  },
});
