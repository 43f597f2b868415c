import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const shared = {
  testTimeout: 120_000,
  hookTimeout: 300_000,
  // tfjs keeps one global engine per process: isolate files in forks.
  pool: 'forks' as const,
};

// The site's pages import core's pure text helpers as '@xai-core/...' (site/builder/build-site.ts).
const resolve = { alias: { '@xai-core': fileURLToPath(new URL('./core', import.meta.url)) } };

export default defineConfig({
  test: {
    projects: [
      {
        resolve,
        test: {
          ...shared,
          name: 'unit',
          include: ['**/*.test.ts'],
          exclude: ['node_modules/**', 'dist/**', 'site/src/**', 'data/**', 'test/e2e/**'],
        },
      },
      {
        resolve,
        // End-to-end tests run the built CLI (`npm test` builds first) and share one smoke run.
        test: {
          ...shared,
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
        },
      },
    ],
  },
});
