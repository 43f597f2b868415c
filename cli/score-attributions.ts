/**
 * `score --attributions FILE`: the file's explanations as samples of the user's inputs, checked against
 * the model and the inputs. A full `xai-bench/explanation@1` record brings its explainer, output and
 * targets; an array (`.npy`, `.npz`, JSON) brings only numbers, so `--output` says which model output
 * they explain, `--explainer-name` names them (default: the file's name) and the targets are those of
 * `--input`, `--target`, or the predicted classes, as `explain` would have used.
 */
import { basename, extname } from 'node:path';
import { sizeOf } from '../core/batch.js';
import { UserError } from '../core/errors.js';
import type { OutputKind } from '../core/model.js';
import type { AnyParamValues } from '../core/params.js';
import { type AttributionFile, readAttributionFile } from '../runner/attribution-file.js';
import { type ExplainedSample, fromRecord } from '../runner/explanation-record.js';
import { attributionFromFile, type UserSetup } from './user-model.js';
import { fileShape } from '../core/layout.js';

const OUTPUTS: readonly OutputKind[] = ['logit', 'probability'];

export interface AttributionFlags {
  readonly key?: string;
  readonly explainerName?: string;
  readonly output?: string;
}

export interface FileAttributions {
  readonly samples: ExplainedSample[];
  readonly output: OutputKind;
  readonly explainerName: string;
  readonly params: AnyParamValues;
}

export function scoreAttributionsFile(u: UserSetup, path: string, flags: AttributionFlags): FileAttributions {
  if (flags.output !== undefined && flags.output !== 'score' && !(OUTPUTS as readonly string[]).includes(flags.output)) {
    throw new UserError(`--output ${flags.output}: expected one of ${OUTPUTS.join(', ')}, score`);
  }
  const file = readAttributionFile(path, flags.key);
  return file.kind === 'record' ? fromFullRecord(u, path, file, flags) : fromArray(u, path, file, flags);
}

function fromFullRecord(u: UserSetup, path: string, file: Extract<AttributionFile, { kind: 'record' }>, flags: AttributionFlags): FileAttributions {
  const r = file.record;
  const where = `--attributions ${path}`;
  // On a score model (--output score) logit and probability are both the raw output (core/model.ts).
  if (flags.output !== undefined && flags.output !== 'score' && flags.output !== r.output) {
    throw new UserError(`--output ${flags.output}: ${path} is a record of explanations of the ${r.output}; leave --output out or make them agree`);
  }
  if (flags.explainerName !== undefined && flags.explainerName !== r.explainer) {
    throw new UserError(`--explainer-name ${flags.explainerName}: ${path} is a record of explainer '${r.explainer}'; leave --explainer-name out or make them agree`);
  }
  // Files hold the model's own layout (NCHW for a PyTorch CNN, core/layout.ts).
  const own = ownShape(u);
  if (JSON.stringify(r.shape) !== JSON.stringify(own)) {
    throw new UserError(`${where}: shape [${r.shape.join(', ')}] does not match the model input [${own.join(', ')}]`);
  }
  if (r.targets.length !== u.input.batch.n) throw new UserError(`${where}: ${r.targets.length} explanations for ${u.input.batch.n} inputs`);
  const samples = fromRecord(r, where).map((s, i) => ({
    ...s,
    sampleId: u.input.sampleIds[i],
    attribution: attributionFromFile(u, s.attribution),
  }));
  for (const s of samples) {
    if (s.target >= u.model.numClasses) throw new UserError(`${where}: target ${s.target} is not a class of the model`);
  }
  return { samples, output: r.output, explainerName: r.explainer, params: r.params };
}

function fromArray(u: UserSetup, path: string, file: Extract<AttributionFile, { kind: 'array' }>, flags: AttributionFlags): FileAttributions {
  const where = `--attributions ${path}`;
  if (flags.output === undefined) {
    throw new UserError(`${where}: a bare array does not say which model output it explains; add --output logit or --output probability (--output score on a score model)`);
  }
  checkShape(where, file, u);
  const d = sizeOf(u.task.sampleShape);
  const samples = u.input.sampleIds.map((sampleId, i): ExplainedSample => ({
    family: 'attribution',
    sampleId,
    target: u.targets[i],
    attribution: attributionFromFile(u, file.data.slice(i * d, (i + 1) * d)),
  }));
  const explainerName = flags.explainerName ?? basename(path, extname(path));
  // A score model's logit and probability are both its raw output (core/model.ts); records say logit.
  const output: OutputKind = flags.output === 'score' ? 'logit' : (flags.output as OutputKind);
  return { samples, output, explainerName, params: {} };
}

/** (inputs, ...the model's input shape), with a hint when the array is the model's shape reordered (channels first). */
/** One input's shape in the model's own layout, which files hold ([C, H, W] for a PyTorch CNN). */
function ownShape(u: UserSetup): readonly number[] {
  return fileShape(u.model.inputShape, u.model.layout);
}

function checkShape(where: string, file: Extract<AttributionFile, { kind: 'array' }>, u: UserSetup): void {
  const own = ownShape(u);
  const want = [u.input.batch.n, ...own];
  const got = file.shape;
  if (JSON.stringify(got) === JSON.stringify(want)) return;
  const sorted = (s: readonly number[]) => JSON.stringify([...s].sort((a, b) => a - b));
  const reordered = got.length === want.length && got[0] === want[0] && sorted(got.slice(1)) === sorted(want.slice(1));
  const hint = reordered ? `; the axes look reordered: keep the model's own layout [${own.join(', ')}] (channels last for a tfjs model, channels first for a PyTorch ONNX export)` : '';
  throw new UserError(
    `${where}: shape (${got.join(', ')}) does not match the inputs: ${u.input.batch.n} inputs of shape [${own.join(', ')}] ` +
      `call for (${want.join(', ')})${hint}`,
  );
}
