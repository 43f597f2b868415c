/**
 * Profiles are budgets as data (docs/principles.md (principle 7)): which tasks, how many inputs per task, and
 * the parameter overrides that bound samples per explainer and metric, with a wall-time target on
 * 2 cores. Anything not overridden runs at the declared (peer) default.
 */
import { UserError } from '../core/errors.js';

export type ProfileId = 'smoke' | 'quick' | 'standard' | 'full';

export interface Profile {
  readonly id: ProfileId;
  readonly use: string;
  /** Wall-time target on 2 cores, seconds. */
  readonly targetSeconds: number | null;
  readonly tasks: readonly string[];
  /** Inputs per task: the first n sample ids of each task; 'all' = the whole test split. */
  readonly samplesPerTask: number | 'all';
  /**
   * Tasks with a binary protected attribute explain more inputs where needed, so that each group has at
   * least this many (runner/protected-samples.ts): per-group means and gaps need them.
   */
  readonly protectedGroupMinimum?: number;
  /** Explainers explain this many samples per call (costs are amortised over a chunk). */
  readonly explainChunk: number;
  /** `--set`-style overrides per explainer or metric id. */
  readonly sets: Readonly<Record<string, Readonly<Record<string, number | string | boolean>>>>;
  /** Bootstrap resamples for the leaderboard's confidence intervals. */
  readonly bootstrapResamples: number;
  /**
   * Metrics this profile leaves out (the run's default metric list minus these): the re-explaining
   * stability metrics and the perturbation-heavy fidelity ones cost tens of explanations per sample.
   */
  readonly skipMetrics?: readonly string[];
  /**
   * Inputs a metric scores when fewer than the task's: the first n of its sample ids (a prefix, so runs
   * of any profile still pair sample by sample). For the metrics that re-explain every input tens of
   * times, this is what keeps a profile in budget without dropping them.
   */
  readonly metricSamples?: Readonly<Record<string, number>>;
  /**
   * Setting variants per metric id (overrides of its parameters), scored on the same explanations and
   * written as variant records: the leaderboard's `meta.sensitivity` reports how far each moves the
   * explainer ranking. They never enter ranks or scores.
   */
  readonly metricVariants?: Readonly<Record<string, readonly Readonly<Record<string, number | string | boolean>>[]>>;
}

/**
 * The perturbation baseline of deletion and insertion (task vs zero vs blur) is the setting the peers
 * disagree on most; each variant costs one more curve per input, on the same explanations. `blur` needs
 * an image task: on tabular tasks its variant record says so (a failure) instead of holding values.
 */
const BASELINE_VARIANTS = {
  'deletion-auc': [{ baseline: 'zero' }, { baseline: 'blur' }],
  'insertion-auc': [{ baseline: 'zero' }, { baseline: 'blur' }],
};

/** Expensive for a demo: each re-explains or perturbs every sample tens of times (standard runs them). */
const HEAVY_METRICS = ['infidelity', 'road', 'aopc', 'pgi', 'pgu', 'local-lipschitz', 'max-sensitivity', 'avg-sensitivity', 'ris', 'ros'];

/**
 * Standard's prefixes: the stability metrics re-explain each input `samples` times, the sanity checks
 * once per randomised layer or seed; 10 inputs keep them affordable for the gradient-path and perturbation
 * explainers on the CNNs (integrated gradients and SmoothGrad cost 50 gradient passes per explanation).
 */
const RE_EXPLAINING_PREFIX = Object.fromEntries(
  ['local-lipschitz', 'max-sensitivity', 'avg-sensitivity', 'ris', 'ros', 'run-to-run', 'mprt', 'random-logit'].map((id) => [id, 10]),
);

const BASE_TASKS = [
  'mnist-cnn',
  'mnist-cnn-deep',
  'mnist-mlp',
  'digits-mlp',
  'iris-mlp',
  'wine-mlp',
  'breast-cancer-mlp',
  'synth-linear-mlp',
  'synth-nonlinear-mlp',
  'synth-pattern-cnn',
  'hiring-fair-mlp',
  'hiring-biased-mlp',
  'xor-mlp',
] as const;

/**
 * The real high-stakes tables (datasets/high-stakes-sets.ts), each model in its three training seeds,
 * so the protected-attribute evidence has seed replicates. Standard and full only.
 */
const HIGH_STAKES = ['german-credit-mlp', 'hmda-mlp', 'credit-data-mlp'].flatMap((t) => [t, `${t}-s2`, `${t}-s3`]);

/** The zero-shot splits (concept-path family): two in quick, all five in standard and full. */
const ZERO_SHOT_QUICK = ['zsl-u89', 'zsl-u27'] as const;
const ZERO_SHOT_ALL = ['zsl-u89', 'zsl-u36', 'zsl-u27', 'zsl-u15', 'zsl-u04'] as const;

/** The models trained with seeds 2 and 3, for checking rankings across training runs. */
const SEED_VARIANTS = ['mnist-cnn', 'mnist-mlp', 'iris-mlp', 'wine-mlp', 'breast-cancer-mlp', 'synth-linear-mlp', 'synth-nonlinear-mlp', 'hiring-fair-mlp', 'hiring-biased-mlp', 'digits-mlp'].flatMap(
  (t) => [`${t}-s2`, `${t}-s3`],
);

export const PROFILES: Readonly<Record<ProfileId, Profile>> = {
  smoke: {
    id: 'smoke',
    use: 'shared fixture of the end-to-end tests: one image and one tabular task, a few inputs, few samples',
    targetSeconds: 60,
    tasks: ['mnist-cnn', 'iris-mlp'],
    samplesPerTask: 4,
    explainChunk: 4,
    // Exercises the prefix path that standard relies on (end-to-end tests check the pairing).
    metricSamples: { 'run-to-run': 2 },
    sets: {
      'integrated-gradients': { steps: 16 },
      smoothgrad: { samples: 8 },
      'kernel-shap': { samples: 64 },
      lime: { samples: 100 },
      vargrad: { samples: 8 },
      'deep-shap': { backgroundRows: 4 },
      'shapley-sampling': { samples: 4 },
      'feature-permutation': { samples: 3 },
      'faithfulness-correlation': { runs: 20 },
      'deletion-auc': { steps: 10 },
      'insertion-auc': { steps: 10 },
      pgi: { samples: 20 },
      pgu: { samples: 20 },
      infidelity: { samples: 20 },
      'local-lipschitz': { samples: 3 },
      'max-sensitivity': { samples: 3 },
      'avg-sensitivity': { samples: 3 },
      ris: { samples: 3 },
      ros: { samples: 3 },
      'run-to-run': { runs: 2 },
      'nearest-neighbours': { pool: 200 },
      counterfactual: { samples: 32, layers: 20 },
      // rules family (tabular tasks): small extraction budgets (REMIX's minCases 15), 500 rows for DeepRED.
      deepred: { minCases: 15, maxTerms: 20, maxClauses: 30, work: 2_000_000, seconds: 30, rows: 500 },
      'c45-pedagogical': { seconds: 2 },
      'cart-pedagogical': { seconds: 2 },
      'trepan-lite': { queries: 300, seconds: 2 },
      'rule-stability': { resamples: 1 },
    },
    bootstrapResamples: 200,
    metricVariants: BASELINE_VARIANTS,
  },
  quick: {
    id: 'quick',
    use: '`npm start`: every task and family, small samples',
    targetSeconds: 300,
    tasks: [...BASE_TASKS, ...ZERO_SHOT_QUICK, 'mnist-vae'],
    samplesPerTask: 8,
    skipMetrics: HEAVY_METRICS,
    explainChunk: 4,
    sets: {
      'integrated-gradients': { steps: 32 },
      smoothgrad: { samples: 16 },
      'kernel-shap': { samples: 256 },
      lime: { samples: 300 },
      // issue 25's methods: SmoothGrad's budget for VarGrad; 10 background rows and 10 orderings bound the CNN tasks.
      vargrad: { samples: 16 },
      'deep-shap': { backgroundRows: 10 },
      'shapley-sampling': { samples: 10 },
      'faithfulness-correlation': { runs: 50 },
      'deletion-auc': { steps: 20 },
      'insertion-auc': { steps: 20 },
      pgi: { samples: 50 },
      pgu: { samples: 50 },
      infidelity: { samples: 50 },
      'local-lipschitz': { samples: 5 },
      'max-sensitivity': { samples: 5 },
      'avg-sensitivity': { samples: 5 },
      ris: { samples: 5 },
      ros: { samples: 5 },
      'run-to-run': { runs: 2 },
      mprt: { cascade: 'final-only' },
      // examples family (mnist-vae): epsilon-ball must mirror generative-boundaries' settings (it matches their distance).
      'generative-boundaries': { steps: 60, mcSamples: 2, samples: 12 },
      'epsilon-ball': { steps: 60, mcSamples: 2, samples: 12 },
      'nearest-neighbours': { pool: 300 },
      counterfactual: { samples: 32, layers: 20 },
      // rules family (tabular tasks): small extraction budgets (REMIX's minCases 15), 500 rows for DeepRED.
      deepred: { minCases: 15, maxTerms: 20, maxClauses: 30, work: 2_000_000, seconds: 30, rows: 500 },
      'c45-pedagogical': { seconds: 2 },
      'cart-pedagogical': { seconds: 2 },
      'trepan-lite': { queries: 300, seconds: 2 },
      'rule-stability': { resamples: 1 },
    },
    bootstrapResamples: 1000,
    metricVariants: BASELINE_VARIANTS,
  },
  standard: {
    id: 'standard',
    use: 'the published leaderboard: enough inputs for confidence intervals that separate methods',
    targetSeconds: 3600,
    tasks: [...BASE_TASKS, ...SEED_VARIANTS, ...ZERO_SHOT_ALL, 'mnist-vae', 'mnist-zero-mlp', ...HIGH_STAKES, 'fashion-cnn'],
    samplesPerTask: 50,
    // 30 per group: 60 on the real binary tasks (ids dealt by group), 61 and 78 on the hiring pair.
    protectedGroupMinimum: 30,
    explainChunk: 8,
    // Every metric runs; the ones that re-explain each input many times score a prefix of the inputs.
    metricSamples: RE_EXPLAINING_PREFIX,
    sets: {
      'kernel-shap': { samples: 512, backgroundRows: 10 },
      // one gradient pass per background row, re-explained by the stability metrics: 20 rows, not shap's 100.
      'deep-shap': { backgroundRows: 20 },
      lime: { samples: 1000 },
      // rules: DeepRED's budgets bound mnist-zero-mlp (784 pixels); cuts are reported in budgetHit.
      deepred: { minCases: 15, maxTerms: 30, maxClauses: 100, work: 50_000_000, seconds: 300, rows: 1500 },
      'trepan-lite': { queries: 1000, seconds: 30 },
      'rule-stability': { resamples: 3 },
      'generative-boundaries': { steps: 150, mcSamples: 2, samples: 24 },
      'epsilon-ball': { steps: 150, mcSamples: 2, samples: 24 },
      'local-lipschitz': { samples: 5 },
      'max-sensitivity': { samples: 5 },
      'avg-sensitivity': { samples: 5 },
      ris: { samples: 5 },
      ros: { samples: 5 },
      'run-to-run': { runs: 3 },
    },
    bootstrapResamples: 2000,
    metricVariants: BASELINE_VARIANTS,
  },
  full: {
    id: 'full',
    use: 'research runs: all test inputs, peer-default sample counts; on a cluster or GPU',
    targetSeconds: null,
    tasks: [...BASE_TASKS, ...SEED_VARIANTS, ...ZERO_SHOT_ALL, 'mnist-vae', 'mnist-zero-mlp', ...HIGH_STAKES, 'fashion-cnn', 'fashion-cnn-s2', 'fashion-cnn-s3'],
    samplesPerTask: 'all',
    explainChunk: 16,
    sets: {},
    bootstrapResamples: 10000,
  },
};

export function getProfile(id: string): Profile {
  const p = (PROFILES as Record<string, Profile>)[id];
  if (!p) throw new UserError(`--profile ${id}: unknown profile (expected one of ${Object.keys(PROFILES).join(', ')})`);
  return p;
}
