import { UserError } from '../core/errors.js';
import { describeParams } from '../core/params.js';
import { variantLabel } from '../runner/metric-variants.js';
import { PROFILES } from '../runner/profiles.js';
import { formatDuration } from '../runner/progress.js';
import { taskSpecs } from '../datasets/index.js';
import { explainers } from '../explainers/index.js';
import { metrics } from '../metrics/index.js';
import { parseCommand } from './args.js';

const WHAT = ['explainers', 'metrics', 'tasks', 'profiles'] as const;

const HELP = `xai-bench list: what the benchmark knows

Usage: xai-bench list ${WHAT.join(' | ')}

explainers and metrics are printed with every parameter: name = default (type, range) description.
Set a parameter with --set <id>.<param>=<value> (run, score) or --set <param>=<value> (explain).
"on a score model" says what each does on a model whose output is a score, not classes (a one-output
linear model, or any model under --output score): it runs on the score, or it needs classes, and then
an explainer refuses and a metric gives nulls, with that reason.`;

/** What a method does on a one-output score model (README, "One-output models"): declared as `needsClasses`. */
function onScore(needsClasses: string | undefined, otherwise: 'refuses' | 'null'): string {
  return needsClasses === undefined ? 'on a score model: runs on the score itself' : `on a score model: ${otherwise} (needs classes: ${needsClasses})`;
}

function listText(what: string): string {
  const out: string[] = [];
  switch (what) {
    case 'explainers':
      for (const e of explainers) {
        out.push(`${e.id}  [${e.family}; explains the ${e.output}; ${e.deterministic ? 'deterministic' : 'random, seeded'}; needs ${e.needs.join(', ')}${e.kinds ? `; ${e.kinds.join('/')} only` : ''}]`);
        out.push(`    ${e.description}`);
        out.push(`    ${onScore(e.needsClasses, 'refuses')}`);
        for (const l of describeParams(e.params)) out.push(`    --set ${e.id}.${l}`);
      }
      break;
    case 'metrics':
      for (const m of metrics) {
        out.push(`${m.id}  [${m.criterion}; ${m.direction === 'descriptive' ? 'descriptive' : `${m.direction} is better`}; ideal ${m.ideal}${m.chance !== undefined ? `; chance ${m.chance}` : ''}${m.requires.length ? `; requires ${m.requires.join(', ')}` : ''}]`);
        out.push(`    ${m.description}`);
        out.push(`    reference: ${m.reference}`);
        out.push(`    ${onScore(m.needsClasses, 'null')}`);
        for (const l of describeParams(m.params)) out.push(`    --set ${m.id}.${l}`);
      }
      break;
    case 'tasks':
      for (const t of taskSpecs) out.push(`${t.id.padEnd(24)} ${t.kind.padEnd(8)} dataset ${t.datasetId}, model ${t.modelId}: ${t.description}`);
      break;
    case 'profiles':
      for (const p of Object.values(PROFILES)) {
        out.push(
          `${p.id.padEnd(9)} ${String(p.tasks.length).padStart(2)} tasks, ${p.samplesPerTask} inputs per task${p.protectedGroupMinimum ? ` (at least ${p.protectedGroupMinimum} per protected group)` : ''}, target ${p.targetSeconds === null ? 'none (cluster/GPU)' : `< ${formatDuration(p.targetSeconds)}`} on 2 cores: ${p.use}`,
        );
        if (p.skipMetrics?.length) out.push(`    leaves out: ${p.skipMetrics.join(', ')}`);
        const prefixes = Object.entries(p.metricSamples ?? {});
        if (prefixes.length) out.push(`    scored on the first inputs only: ${prefixes.map(([id, n]) => `${id} (${n})`).join(', ')}`);
        const variants = Object.entries(p.metricVariants ?? {});
        if (variants.length) out.push(`    setting variants (leaderboard meta.sensitivity): ${variants.map(([id, vs]) => `${id} ${vs.map(variantLabel).join(' | ')}`).join('; ')}`);
        for (const [id, sets] of Object.entries(p.sets)) out.push(`    ${id}: ${Object.entries(sets).map(([k, v]) => `${k}=${v}`).join(', ')}`);
      }
      break;
    default:
      throw new UserError(`list ${what}: expected one of ${WHAT.join(', ')}`);
  }
  return out.join('\n');
}

export async function listCommand(argv: readonly string[]): Promise<number> {
  const p = parseCommand('list', argv, {}, HELP, true);
  if (!p) return 0;
  if (p.positionals.length !== 1) throw new UserError(`list: expected one of ${WHAT.join(', ')} (see xai-bench list --help)`);
  process.stdout.write(`${listText(p.positionals[0])}\n`);
  return 0;
}
