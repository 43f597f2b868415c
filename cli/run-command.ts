import { availableParallelism } from 'node:os';
import { BACKENDS, type BackendChoice } from '../core/backend.js';
import { UserError } from '../core/errors.js';
import { PROFILES } from '../runner/profiles.js';
import { resolveExplainerRefs } from '../runner/plugins.js';
import { runBenchmark } from '../runner/run.js';
import { integer, list, many, parseCommand, str } from './args.js';
import { checkOutDir } from './out-path.js';

const HELP = `xai-bench run: run the benchmark (every task x explainer x metric of a profile)

Usage: xai-bench run [options]

  --profile P        ${Object.keys(PROFILES).join(' | ')} (default quick)
  --tasks a,b        only these tasks (xai-bench list tasks, and those of --config)
  --config FILE      add your own tasks (a tfjs model plus a CSV, or plus PNGs or an .npy array with a
                     labels CSV; README "Your own task"), run besides the profile's tasks
  --explainers a,b   only these explainers (xai-bench list explainers); a path (./my-explainer.ts) loads
                     a plugin, which runs isolated in a worker process
  --cell-timeout S   seconds a plugin may take per task before its cells fail, and to load (default 600)
  --metrics a,b      only these metrics (xai-bench list metrics)
  --set id.p=v       override a parameter of an explainer or metric (repeatable; see xai-bench list)
  --samples N        inputs per task instead of the profile's
  --out DIR          run folder (default results/<profile>)
  --backend B        ${BACKENDS.join(' | ')} (default auto)
  --seed N           run seed (default 0); same seed and backend give identical numbers
  --resume           continue the run in --out (refused if there is none): finished cells are kept,
                     not recomputed. Without it a run of the same configuration in --out is resumed
                     too (a complete one is left as it is), and one of another configuration refused
  --overwrite        replace the run in --out, whatever its configuration
  --break-lock       take the lock of --out (run.lock) even from a run that looks alive; a lock whose
                     holder died, or whose heartbeat is over a minute old, is taken over anyway
  --jobs N           worker processes, each with its own tfjs (default: the number of cores, ${availableParallelism()})
  --shard i/n        run only the i-th of n deterministic parts of the cells; merge the parts'
                     folders with xai-bench aggregate (same leaderboard as one unsharded run)
  --quiet            no progress output

Writes DIR/run.json, results.jsonl, explanations/, leaderboard.json and summary.md, and prints the table.
One run at a time per --out: a second one is refused, naming the first (host and pid).`;

export async function runCommand(argv: readonly string[]): Promise<number> {
  const p = parseCommand('run', argv, {
    profile: { type: 'string' },
    tasks: { type: 'string' },
    config: { type: 'string' },
    explainers: { type: 'string' },
    metrics: { type: 'string' },
    set: { type: 'string', multiple: true },
    samples: { type: 'string' },
    out: { type: 'string' },
    backend: { type: 'string' },
    seed: { type: 'string' },
    resume: { type: 'boolean' },
    overwrite: { type: 'boolean' },
    'break-lock': { type: 'boolean' },
    jobs: { type: 'string' },
    'cell-timeout': { type: 'string' },
    shard: { type: 'string' },
    quiet: { type: 'boolean' },
  }, HELP);
  if (!p) return 0;
  const backend = str(p, 'backend') ?? 'auto';
  if (!(BACKENDS as readonly string[]).includes(backend)) throw new UserError(`--backend ${backend}: expected one of ${BACKENDS.join(', ')}`);
  const out = str(p, 'out');
  if (out !== undefined) checkOutDir('--out', out);
  const refs = list(p, 'explainers');
  const resolved = refs ? await resolveExplainerRefs(refs, { timeoutS: integer(p, 'cell-timeout', 1) }) : undefined;
  const outcome = await runBenchmark({
    profile: str(p, 'profile') ?? 'quick',
    tasks: list(p, 'tasks'),
    config: str(p, 'config'),
    explainers: resolved?.ids,
    plugins: resolved ? resolved.plugins.map((path, k) => ({ id: resolved.pluginIds[k], path })) : [],
    cellTimeout: integer(p, 'cell-timeout', 1),
    metrics: list(p, 'metrics'),
    sets: many(p, 'set'),
    samples: integer(p, 'samples', 1),
    out,
    backend: backend as BackendChoice,
    seed: integer(p, 'seed', 0),
    resume: p.values.resume === true,
    overwrite: p.values.overwrite === true,
    breakLock: p.values['break-lock'] === true,
    jobs: integer(p, 'jobs', 1) ?? availableParallelism(),
    shard: str(p, 'shard'),
    progress: p.values.quiet ? 'silent' : 'console',
  });
  process.stdout.write(`${outcome.table}\n`);
  return 0;
}
