/**
 * The library entry point: the same registries and machinery the CLI uses.
 *   import { explainers, metrics, loadModel, tasks, runBenchmark, survey } from 'xai-bench';
 */
export { explainers, getExplainer } from './explainers/index.js';
export { metrics, getMetric } from './metrics/index.js';
export { taskSpecs as tasks, getTaskSpec, loadTask } from './datasets/index.js';
export { registerTaskConfig } from './datasets/task-config.js';
export { loadModel, wrapModel, type Model, type OutputKind } from './core/model.js';
// ONNX operators beyond the built-in ones: one rule per operator type (docs/formats.md, "ONNX models").
export { registerOnnxOp, type OnnxOpRule } from './core/onnx/ops/index.js';
export type { LayeredNet } from './core/model-types.js';
export { Engine, type PassCounts } from './core/engine.js';
export { useBackend, type Backend, type BackendChoice } from './core/backend.js';
export { runBenchmark, type RunOptions, type RunOutcome } from './runner/run.js';
export { aggregate } from './leaderboard/aggregate.js';
export { PROFILES, getProfile, type Profile } from './runner/profiles.js';
export { rngFor, Rng } from './core/rng.js';
export { int, num, bool, oneOf, str, numberList, numberOr, withChecks, resolveParams, type ParamSpecs, type ParamValues } from './core/params.js';
export { UserError } from './core/errors.js';
export { survey } from './survey/index.js';
export type { Batch } from './core/batch.js';
export type {
  AttributionExplainer,
  AttributionResult,
  Explainer,
  ExplainContext,
  ExplainInput,
  StructuredExplainer,
  StructuredResult,
  FitContext,
  MethodCard,
  Bilingual,
  Family,
  Need,
} from './explainers/types.js';
export type { LegacyAttributionExplainer, LegacyStructuredExplainer, PluginExplainer } from './explainers/plugin-api.js';
export type { AttributionMetric, AttributionInput, Metric, MetricContext, MetricValue, Criterion, Direction } from './metrics/types.js';
export type { Task, TaskView, TaskSpec, GroundTruth } from './datasets/task.js';
export type { ResultRecord } from './runner/result-record.js';
export type { AttributionExplanationRecord as Explanation } from './runner/explanation-record.js';
export type { Leaderboard, HumanSection, HumanStudy } from './leaderboard/types.js';
