/**
 * What a CI user does: `npm pack` the package, install the tarball into an empty project, write a
 * TypeScript plugin against the public types, and run `npx xai-bench ci` there. Also: the library entry
 * from the installed package, and `npm publish` not starting the leaderboard build.
 *
 * The tarball is installed by hand rather than by `npm install <tarball>`: without a lockfile npm resolves
 * the dependencies afresh, wants versions the offline cache does not hold (it failed with ENOTCACHED after
 * 25 s here), and would compile better-sqlite3 natively. So the tarball is extracted to
 * <project>/node_modules/xai-bench and each dependency it declares is linked from the repository's
 * node_modules. That still proves the tarball carries every file it needs: xai-bench's own modules, data,
 * models, schemas and baselines are found only inside the extracted folder (its code locates them by
 * walking up from its own files, and the project lies outside the repository), and only the dependencies
 * its package.json declares are reachable (an import of a devDependency fails).
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './cli.js';

interface PackResult {
  readonly filename: string;
  readonly size: number;
  readonly unpackedSize: number;
  readonly entryCount: number;
  readonly files: readonly { readonly path: string }[];
}

let tmp: string;
let project: string;
let installed: string;
let pack: PackResult;
let paths: Set<string>;

const run = (cmd: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}, timeout = 300_000) => {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout, env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: r.status, stdout: r.stdout ?? '', stderr: `${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
};

/** Links node_modules/<name> of the project to the repository's copy of that package. */
function linkDependency(name: string) {
  const from = join(ROOT, 'node_modules', name);
  if (!existsSync(from)) throw new Error(`dependency ${name} is not installed in the repository`);
  const to = join(project, 'node_modules', name);
  mkdirSync(dirname(to), { recursive: true });
  symlinkSync(from, to, 'dir');
}

beforeAll(() => {
  tmp = realpathSync(mkdtempSync(join(tmpdir(), 'xai-bench-pack-')));
  // --ignore-scripts: `prepare` would rebuild dist/ while other end-to-end files run from it; `npm test`
  // has just built it.
  const r = run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', tmp], ROOT);
  if (r.code !== 0) throw new Error(`npm pack failed: ${r.stderr}`);
  [pack] = JSON.parse(r.stdout) as PackResult[];
  paths = new Set(pack.files.map((f) => f.path));

  project = join(tmp, 'project');
  installed = join(project, 'node_modules', 'xai-bench');
  mkdirSync(installed, { recursive: true });
  const tarball = join(tmp, pack.filename);
  writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'my-explainer', private: true, type: 'module', devDependencies: { 'xai-bench': `file:${tarball}` } }, null, 2)}\n`);
  const x = run('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1'], tmp);
  if (x.code !== 0) throw new Error(`tar failed: ${x.stderr}`);
  const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; bin: Record<string, string> };
  for (const name of Object.keys(manifest.dependencies)) linkDependency(name);
  // What npm does for "bin": an executable file and a link in node_modules/.bin.
  mkdirSync(join(project, 'node_modules', '.bin'));
  for (const [name, file] of Object.entries(manifest.bin)) {
    chmodSync(join(installed, file), 0o755);
    symlinkSync(relative(join(project, 'node_modules', '.bin'), join(installed, file)), join(project, 'node_modules', '.bin', name));
  }
});

// rm removes the dependency links, never what they point to.
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('npm pack', () => {
  it('ships the built code, the models and data it reads, the schemas, the ci baseline and the site sources', () => {
    for (const f of ['package.json', 'README.md', 'dist/index.js', 'dist/index.d.ts', 'dist/cli/main.js', 'dist/runner/run-worker.js', 'data/models/zoo.json', 'data/datasets/iris.csv', 'data/knowledge-graph/digit-shapes.graph.json', 'data/baselines/quick/run.json', 'data/baselines/quick/results.jsonl.gz', 'site/astro.config.mjs', 'site/src/pages/[...lang]/index.astro']) {
      expect(paths.has(f), f).toBe(true);
    }
    for (const s of ['run', 'result', 'explanation', 'leaderboard', 'human']) expect(paths.has(`schemas/${s}.schema.json`), s).toBe(true);
    const zoo = JSON.parse(readFileSync(join(installed, 'data', 'models', 'zoo.json'), 'utf8')) as { models: { id: string }[] };
    for (const m of zoo.models) {
      expect(paths.has(`data/models/${m.id}/model.json`), m.id).toBe(true);
      expect(paths.has(`data/models/${m.id}/weights.bin`), m.id).toBe(true);
    }
  });

  it('ships nothing else: no sources, tests, results, notes or source maps', () => {
    const unwanted = [...paths].filter(
      (p) =>
        /\.test\.|\.map$|^(test|bench|results|scale|leaderboard|\.notes)\//.test(p) ||
        (p.endsWith('.ts') && !p.endsWith('.d.ts') && !p.startsWith('site/src/')) ||
        /^datasets\/studies\/|samples\.png$|^site\/screenshots/.test(p),
    );
    expect(unwanted).toEqual([]);
    // Models and data are most of it (about 21 MB: Fashion-MNIST's 8.8 MB of IDX files, the standard
    // baseline's 6.9 MB, the models); results or node_modules slipping in would blow past the limit.
    expect(pack.size).toBeLessThan(25 * 1024 * 1024);
  });
});

describe('installed from the tarball', () => {
  it('the library entry resolves inside the project and exports the registries and machinery', () => {
    const script = `
      import { fileURLToPath } from 'node:url';
      const entry = fileURLToPath(import.meta.resolve('xai-bench'));
      const m = await import('xai-bench');
      await m.useBackend('wasm');
      const model = await m.loadModel(fileURLToPath(new URL('../data/models/iris-mlp/model.json', import.meta.resolve('xai-bench'))));
      const task = await m.loadTask('iris-mlp');
      console.log(JSON.stringify({
        entry,
        explainers: m.explainers.map((e) => e.id),
        metrics: m.metrics.map((x) => x.id),
        tasks: m.tasks.map((t) => t.id),
        types: [typeof m.loadModel, typeof m.runBenchmark, typeof m.aggregate, typeof m.survey.score, typeof m.Engine],
        modelHash: model.hash,
        taskModelHash: task.model.hash,
      }));`;
    const r = run(process.execPath, ['--input-type=module', '-e', script], project);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout.trim().split('\n').pop()!);
    expect(out.entry).toBe(join(installed, 'dist', 'index.js'));
    expect(out.explainers).toContain('gradient-x-input');
    expect(out.metrics).toContain('deletion-auc');
    expect(out.tasks).toContain('iris-mlp');
    expect(out.types).toEqual(['function', 'function', 'function', 'function', 'function']);
    // The weights in the tarball are the ones the zoo recorded.
    const zoo = JSON.parse(readFileSync(join(installed, 'data', 'models', 'zoo.json'), 'utf8')) as { models: { id: string; modelHash: string }[] };
    expect(out.modelHash).toBe(zoo.models.find((m) => m.id === 'iris-mlp')!.modelHash);
    expect(out.taskModelHash).toBe(out.modelHash);
  });

  it('a TypeScript plugin typechecks against the shipped types and passes `npx xai-bench ci` against the shipped baseline', () => {
    writeFileSync(
      join(project, 'my-explainer.ts'),
      `import type { AttributionExplainer } from 'xai-bench';

const params = {} as const;

/** Gradient x input, as a plugin: x * d logit_target / d x. */
const explainer: AttributionExplainer<typeof params> = {
  api: 2,
  id: 'gradient-x-input',
  family: 'attribution',
  description: 'Input times the gradient of the target logit (plugin copy).',
  needs: ['gradients'],
  output: 'logit',
  deterministic: true,
  params,
  explain({ ctx, batch, targets }) {
    const g = ctx.engine.gradients(batch, targets, 'logit');
    for (let k = 0; k < g.length; k++) g[k] *= batch.data[k];
    return { attributions: g };
  },
};

export default explainer;
`,
    );
    // The types are real, not \`any\`: a wrong explainer must not typecheck.
    writeFileSync(
      join(project, 'types-are-checked.ts'),
      `import type { AttributionExplainer } from 'xai-bench';
// @ts-expect-error an explainer needs description, needs, output, params and explain
export const wrong: AttributionExplainer = { id: 'x', family: 'attribution' };
`,
    );
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true, types: [] }, files: ['my-explainer.ts', 'types-are-checked.ts'] }),
    );
    const tsc = run(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], project);
    expect(tsc.code, tsc.stdout + tsc.stderr).toBe(0);

    const out = join(project, 'ci-out');
    const r = run('npx', ['--no', 'xai-bench', 'ci', '--explainer', './my-explainer.ts', '--out', out, '--jobs', '2'], project);
    expect(r.code, r.stderr + r.stdout).toBe(0);
    expect(r.stdout).toMatch(/^0 regression\(s\), 0 improvement\(s\), \d+ unchanged, 0 refused/m);
    const md = readFileSync(join(out, 'ci-report.md'), 'utf8');
    expect(md).toMatch(/^## xai-bench ci: gradient-x-input vs baseline gradient-x-input \(quick, seed 0\): ✅ no regression/m);
    const report = JSON.parse(readFileSync(join(out, 'ci-report.json'), 'utf8')) as { cells: { task: string; verdict: string }[]; warnings: string[] };
    // The default baseline (the package's data/baselines/quick) covers every quick task.
    const baselineRun = JSON.parse(readFileSync(join(installed, 'data', 'baselines', 'quick', 'run.json'), 'utf8')) as { config: { tasks: string[] } };
    const tasksCompared = new Set(report.cells.filter((c) => c.verdict === 'unchanged').map((c) => c.task));
    expect(tasksCompared.size).toBeGreaterThan(1);
    for (const t of tasksCompared) expect(baselineRun.config.tasks).toContain(t);
    expect(report.cells.every((c) => c.verdict === 'unchanged' || c.verdict === 'skipped')).toBe(true);
    // The README's caveat: 8 samples per cell cannot reach significance over this many cells.
    expect(report.warnings.join('\n')).toMatch(/with 8 samples per cell and \d+ cells, no change can pass Holm's correction/);
    // No cell was refused, so the models and data sets read from the installed package hash as the baseline's.
    const candidateRun = JSON.parse(readFileSync(join(out, 'candidate', 'run.json'), 'utf8')) as { status: string };
    expect(candidateRun.status).toBe('complete');
  });
});

describe('installed from the tarball: the site', () => {
  const files = (dir: string) =>
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name))
      .sort();

  it('`npx xai-bench site` builds from the shipped site sources and writes nothing into the package', () => {
    // The run folder of the ci test above (the candidate's run).
    const from = join(project, 'ci-out', 'candidate');
    expect(existsSync(join(from, 'leaderboard.json')), 'run the ci test first').toBe(true);
    const before = files(installed);
    const out = join(project, 'site-out');
    const r = run('npx', ['--no', 'xai-bench', 'site', '--from', from, '--out', out, '--quiet'], project);
    expect(r.code, r.stderr + r.stdout).toBe(0);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    expect(existsSync(join(out, 'ko', 'index.html'))).toBe(true);
    expect(files(installed)).toEqual(before);
  });
});

describe('npm publish', () => {
  const publishJs = () => join(installed, 'dist', 'site', 'builder', 'publish.js');

  it('the publish script skips itself under `npm publish` and runs under `npm run publish`', () => {
    // --from a missing folder: a guard that failed would stop at once with this error, not start a run.
    const missing = join(tmp, 'no-such-run');
    let r = run(process.execPath, [publishJs(), '--from', missing, '--to', join(tmp, 'lb')], project, { npm_command: 'publish', npm_lifecycle_event: 'publish' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/publish: skipped under `npm publish`/);
    expect(existsSync(join(tmp, 'lb'))).toBe(false);
    r = run(process.execPath, [publishJs(), '--from', missing, '--to', join(tmp, 'lb')], project, { npm_command: 'run', npm_lifecycle_event: 'publish' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no-such-run/);
  });

  it('`npm publish --dry-run` runs the publish lifecycle script, which does nothing', async () => {
    // A copy of the installed package (its `prepare` rebuilds from sources the tarball does not ship, so
    // it is dropped), published to an unreachable registry: --force skips asking it for versions and
    // --dry-run sends nothing, but npm still runs the "publish" script as it would after a real publish.
    const copy = join(tmp, 'publish-copy');
    cpSync(installed, copy, { recursive: true });
    symlinkSync(join(project, 'node_modules'), join(copy, 'node_modules'), 'dir');
    const pkgPath = join(copy, 'package.json');
    const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { scripts: Record<string, string> };
    delete pkg.scripts.prepare;
    writeFileSync(pkgPath, JSON.stringify(pkg, null, 2));
    // Detached, so that a broken guard (an hour-long standard run) is killed with all its children.
    const child = spawn('npm', ['publish', '--dry-run', '--force', '--ignore-scripts=false', '--registry', 'http://127.0.0.1:9/'], {
      cwd: copy,
      detached: true,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 90_000);
      child.on('close', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    expect(code, output).toBe(0);
    expect(output).toMatch(/> xai-bench@[^ ]+ publish\n> node dist\/site\/builder\/publish\.js/);
    expect(output).toMatch(/publish: skipped under `npm publish`/);
    expect(existsSync(join(copy, 'leaderboard'))).toBe(false);
  });
});
