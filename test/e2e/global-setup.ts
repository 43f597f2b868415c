/**
 * The shared `smoke` run of the end-to-end tests (docs/formats.md, "Profiles"): run once through the built
 * CLI before any test file; tests read its folder and logs.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { cli } from './cli.js';

export default function setup(project: TestProject) {
  const base = mkdtempSync(join(tmpdir(), 'xai-bench-smoke-'));
  const dir = join(base, 'smoke');
  mkdirSync(base, { recursive: true });
  const t0 = Date.now();
  const r = cli(['run', '--profile', 'smoke', '--out', dir, '--seed', '0'], { timeoutMs: 600_000 });
  const seconds = (Date.now() - t0) / 1000;
  writeFileSync(join(base, 'smoke.log'), `exit ${r.code} in ${seconds}s\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}\n`);
  project.provide('smoke', { dir, code: r.code ?? -1, stdout: r.stdout, stderr: r.stderr, seconds });
}

declare module 'vitest' {
  export interface ProvidedContext {
    smoke: { dir: string; code: number; stdout: string; stderr: string; seconds: number };
  }
}
