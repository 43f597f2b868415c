/** What `explain` and `score` share: the user's model, inputs, targets and explainer setup. */
import { useBackend, BACKENDS, type BackendChoice, type Backend } from '../core/backend.js';
import { Engine } from '../core/engine.js';
import { UserError } from '../core/errors.js';
import { type InputFile, readInputFile } from '../runner/input-file.js';
import { loadModel, type Model, type OutputMode } from '../core/model.js';
import { userTaskView } from '../runner/user-task.js';
import type { TaskView } from '../datasets/task.js';
import { explainSamples, type ExplainSamplesOptions } from '../runner/explain-samples.js';
import type { AnySample } from '../runner/explanation-record.js';
import { integer, type Parsed, required, str } from './args.js';
import { batchFromFile, fileShape, toChannelsFirst, toChannelsLast } from '../core/layout.js';
import type { Explainer, Need } from '../explainers/types.js';

export interface UserSetup {
  readonly backend: Backend;
  readonly model: Model;
  readonly engine: Engine;
  readonly input: InputFile;
  readonly task: TaskView;
  readonly targets: Int32Array;
  readonly seed: number;
}

/** Inputs are float32: a value beyond its range (1e40) or not a number would make every output NaN. */
function checkFinite(flag: string, path: string, input: InputFile): void {
  const d = input.batch.data.length / input.batch.n;
  const bad = input.batch.data.findIndex((v) => !Number.isFinite(v));
  if (bad < 0) return;
  const where = `inputs[${Math.floor(bad / d)}], element ${bad % d}`;
  throw new UserError(`${flag} ${path}: ${where} is ${input.batch.data[bad]} as float32 (values must be finite and within ±3.4e38)`);
}

/** What an explainer can need from the model itself (the rest comes from the inputs and --background). */
const MODEL_NEEDS: readonly Need[] = ['predict', 'gradients', 'layers'];

/**
 * An explainer whose needs the model does not meet is refused in one line before anything runs: an ONNX
 * graph offers predictions and gradients but no layers for LRP or rule extraction to walk.
 */
function checkOffers(explainer: Pick<Explainer, 'id' | 'needs'>, model: Model): void {
  const missing = explainer.needs.filter((n) => MODEL_NEEDS.includes(n) && !model.offers.includes(n));
  if (missing.length === 0) return;
  throw new UserError(
    `--explainer ${explainer.id}: needs the model's ${missing.join(', ')}, which ${model.source} (${model.format}) does not offer` +
      `${model.whyNoLayers ? ` (${model.whyNoLayers})` : ''}; it offers ${model.offers.join(', ')}: gradient and perturbation explainers run on it`,
  );
}

/**
 * --output score: explain the last layer's output as is, whatever its activation (core/model.ts,
 * OutputMode). Without it a one-output linear model is a score and every other model a classifier.
 */
function outputMode(command: string, p: Parsed): OutputMode | undefined {
  const v = str(p, 'output');
  if (v === undefined) return undefined;
  // score's --output also says which output an --attributions array explains (cli/score-attributions.ts).
  if (command === 'score' && (v === 'logit' || v === 'probability')) return undefined;
  if (v !== 'score') {
    const expected = command === 'score' ? 'one of logit, probability (what an --attributions array explains), score' : 'score';
    throw new UserError(`--output ${v}: expected ${expected} (score: explain the model's last layer output as is)`);
  }
  return 'score';
}

/** Loads the model and inputs; `explainer`, where one will run, is checked against what the model offers. */
export async function userSetup(command: string, p: Parsed, explainer?: Pick<Explainer, 'id' | 'needs'>): Promise<UserSetup> {
  const backendName = str(p, 'backend') ?? 'auto';
  if (!(BACKENDS as readonly string[]).includes(backendName)) throw new UserError(`--backend ${backendName}: expected one of ${BACKENDS.join(', ')}`);
  const modelPath = required(command, p, 'model');
  const inputPath = required(command, p, 'input');
  const backend = await useBackend(backendName as BackendChoice);
  const model = await loadModel(modelPath, { output: outputMode(command, p) });
  if (explainer) checkOffers(explainer, model);
  // Files hold the model's own layout (NCHW for a PyTorch CNN); explainers see channels-last images.
  const own = fileShape(model.inputShape, model.layout);
  const inFile = readInputFile(inputPath, own, model.numClasses);
  checkFinite('--input', inputPath, inFile);
  const input = { ...inFile, batch: batchFromFile(inFile.batch, model.layout) };
  const bgPath = str(p, 'background');
  const bgFile = bgPath ? readInputFile(bgPath, own, model.numClasses, '--background') : undefined;
  if (bgFile) checkFinite('--background', bgPath!, bgFile);
  const background = bgFile && batchFromFile(bgFile.batch, model.layout);
  const engine = new Engine(model);
  const target = integer(p, 'target', 0);
  if (target !== undefined && target >= model.numClasses) {
    const has = model.score ? `${model.numClasses} output${model.numClasses === 1 ? '' : 's'} (scores)` : `${model.numClasses} classes`;
    throw new UserError(`--target ${target}: the model has ${has}`);
  }
  let targets: Int32Array;
  if (target !== undefined) targets = new Int32Array(input.batch.n).fill(target);
  else if (input.targets) targets = input.targets;
  else {
    // Explain what the model predicts, as the benchmark does.
    const probs = engine.outputs(input.batch, 'probability');
    targets = new Int32Array(input.batch.n);
    for (let i = 0; i < input.batch.n; i++) {
      let best = 0;
      for (let k = 1; k < model.numClasses; k++) if (probs[i * model.numClasses + k] > probs[i * model.numClasses + best]) best = k;
      targets[i] = best;
    }
  }
  return { backend, model, engine, input, task: userTaskView(model, input.batch, background), targets, seed: integer(p, 'seed', 0) ?? 0 };
}

/** Explains the user's inputs (their targets, their sample ids) with a fitted explainer. */
export function explainUserInputs(
  u: UserSetup,
  o: Pick<ExplainSamplesOptions, 'explainer' | 'params' | 'state' | 'chunk' | 'text'>,
): Promise<AnySample[]> {
  const { engine, task, seed, targets } = u;
  return explainSamples({ ...o, engine, task, seed, batch: u.input.batch, targets, sampleIds: u.input.sampleIds });
}

/**
 * Attributions as the user's files hold them: in the model's own layout (NCHW for a PyTorch CNN) where
 * explainers worked channels-last; `shape` is what a record of them declares.
 */
export function attributionsToFile<S extends { readonly attribution: Float32Array }>(
  u: UserSetup,
  samples: readonly S[],
): { shape: readonly number[]; samples: S[] } {
  const shape = fileShape(u.model.inputShape, u.model.layout);
  if (u.model.layout === 'channels-last') return { shape, samples: [...samples] };
  return { shape, samples: samples.map((s) => ({ ...s, attribution: toChannelsFirst(s.attribution, 1, u.model.inputShape) })) };
}

/** Attributions read from a file in the model's own layout, as explainers and metrics see them (channels-last). */
export function attributionFromFile(u: UserSetup, attribution: Float32Array): Float32Array {
  return u.model.layout === 'channels-last' ? attribution : toChannelsLast(attribution, 1, fileShape(u.model.inputShape, u.model.layout));
}
