import { defineConfig } from 'vitest/config';
export default defineConfig({ test: { testTimeout: 120_000, hookTimeout: 300_000, pool: 'forks', include: ['test/e2e/survey-study.test.ts'], globalSetup: ['/tmp/fake-setup.ts'] } });
