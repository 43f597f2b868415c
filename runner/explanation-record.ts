/**
 * The explanation file format (`xai-bench/explanation@1`, attribution family): what `explain` writes
 * and `score --attributions` reads, and one line per sample in a run's explanations/*.jsonl.
 * Arrays are nested like the input, so other tools can read and write them without our types.
 */
import { type Batch, fromNested, sizeOf, toNested } from '../core/batch.js';
import { UserError } from '../core/errors.js';
import type { OutputKind } from '../core/model.js';
import type { AnyParamValues } from '../core/params.js';
import type { AttributionResult, Bilingual, StructuredFamily, StructuredResult } from '../explainers/types.js';
import type { ExplanationCost } from '../metrics/types.js';

export const EXPLANATION_SCHEMA = 'xai-bench/explanation@1';

export interface AttributionExplanationRecord {
  readonly schema: typeof EXPLANATION_SCHEMA;
  readonly family: 'attribution';
  readonly explainer: string;
  readonly params: AnyParamValues;
  readonly output: OutputKind;
  readonly sampleIds?: readonly string[];
  readonly targets: readonly number[];
  /** Shape of one sample (without the batch axis). */
  readonly shape: readonly number[];
  readonly attributions: readonly unknown[];
  readonly reference?: readonly number[];
  readonly layer?: { readonly name: string; readonly shape: readonly number[]; readonly relevance: readonly unknown[] };
  readonly extras?: readonly Record<string, unknown>[];
  readonly text?: readonly Bilingual[];
  readonly cost?: readonly ExplanationCost[];
}

/**
 * The structured families (`rules`, `examples`, `concept-path`): one JSON payload per sample, the
 * family's global part (e.g. the rule set), and the text. Each family's module types its payloads and
 * schemas/explanation.schema.json checks the common frame.
 */
export interface StructuredExplanationRecord {
  readonly schema: typeof EXPLANATION_SCHEMA;
  readonly family: StructuredFamily;
  readonly explainer: string;
  readonly params: AnyParamValues;
  readonly output: OutputKind;
  readonly sampleIds?: readonly string[];
  readonly targets: readonly number[];
  readonly explanations: readonly unknown[];
  readonly global?: unknown;
  readonly text: readonly Bilingual[];
  readonly cost?: readonly ExplanationCost[];
}

export type ExplanationRecord = AttributionExplanationRecord | StructuredExplanationRecord;

/** One explained sample of a structured family. */
export interface StructuredSample {
  readonly family: StructuredFamily;
  readonly sampleId: string;
  readonly target: number;
  readonly explanation: unknown;
  readonly global?: unknown;
  readonly text: Bilingual;
  readonly cost?: ExplanationCost;
}

export type AnySample = ExplainedSample | StructuredSample;

/** One explained sample of the attribution family, in flat arrays. */
export interface ExplainedSample {
  readonly family: 'attribution';
  readonly sampleId: string;
  readonly target: number;
  readonly attribution: Float32Array;
  readonly reference?: number;
  readonly layer?: { readonly name: string; readonly shape: readonly number[]; readonly relevance: Float32Array };
  readonly extras?: Record<string, unknown>;
  readonly text?: Bilingual;
  readonly cost?: ExplanationCost;
}

/** Splits a batch result into per-sample pieces. */
export function splitResult(
  result: AttributionResult,
  batch: Batch,
  targets: Int32Array,
  sampleIds: readonly string[],
  cost: ExplanationCost | undefined,
): ExplainedSample[] {
  const d = sizeOf(batch.sampleShape);
  if (result.attributions.length !== batch.n * d) {
    throw new Error(`explainer returned ${result.attributions.length} attribution values for ${batch.n} samples of size ${d}`);
  }
  const layerSize = result.layer ? sizeOf(result.layer.shape) : 0;
  // Built field by field (no object spreads): this runs once per explained sample, and on small
  // tabular models an explanation costs only a few microseconds.
  return sampleIds.map((sampleId, i) => {
    const s: { -readonly [K in keyof ExplainedSample]: ExplainedSample[K] } = {
      family: 'attribution',
      sampleId,
      target: targets[i],
      attribution: result.attributions.slice(i * d, (i + 1) * d),
    };
    if (result.reference) s.reference = result.reference[i];
    if (result.layer) {
      const relevance = result.layer.relevance.slice(i * layerSize, (i + 1) * layerSize);
      s.layer = { name: result.layer.name, shape: result.layer.shape, relevance };
    }
    if (result.extras) s.extras = result.extras[i];
    if (cost) s.cost = cost;
    return s;
  });
}

function toRecord(
  explainer: string,
  params: AnyParamValues,
  output: OutputKind,
  shape: readonly number[],
  samples: readonly ExplainedSample[],
): AttributionExplanationRecord {
  const all = <K extends keyof ExplainedSample>(k: K) => samples.every((s) => s[k] !== undefined);
  return {
    schema: EXPLANATION_SCHEMA,
    family: 'attribution',
    explainer,
    params,
    output,
    sampleIds: samples.map((s) => s.sampleId),
    targets: samples.map((s) => s.target),
    shape,
    attributions: samples.map((s) => toNested(s.attribution, shape)),
    ...(all('reference') ? { reference: samples.map((s) => s.reference as number) } : {}),
    ...(all('layer')
      ? {
          layer: {
            name: samples[0].layer!.name,
            shape: samples[0].layer!.shape,
            relevance: samples.map((s) => toNested(s.layer!.relevance, s.layer!.shape)),
          },
        }
      : {}),
    ...(all('extras') ? { extras: samples.map((s) => s.extras!) } : {}),
    ...(all('text') ? { text: samples.map((s) => s.text!) } : {}),
    ...(all('cost') ? { cost: samples.map((s) => s.cost!) } : {}),
  };
}

/** Reads a record back into flat per-sample pieces, checking shapes; `where` names the file. */
export function fromRecord(rec: AttributionExplanationRecord, where: string): ExplainedSample[] {
  const n = rec.targets.length;
  if (rec.attributions.length !== n) throw new UserError(`${where}: ${rec.attributions.length} attributions for ${n} targets`);
  if (rec.sampleIds && rec.sampleIds.length !== n) throw new UserError(`${where}: ${rec.sampleIds.length} sampleIds for ${n} targets`);
  return rec.targets.map((target, i) => {
    const r = fromNested(rec.attributions[i], rec.shape);
    if ('error' in r) throw new UserError(`${where}: attributions[${i}]${r.error.startsWith('[') ? r.error : `: ${r.error}`} (shape [${rec.shape.join(', ')}])`);
    let layer: ExplainedSample['layer'];
    if (rec.layer) {
      const l = fromNested(rec.layer.relevance[i], rec.layer.shape);
      if ('error' in l) throw new UserError(`${where}: layer.relevance[${i}]: ${l.error}`);
      layer = { name: rec.layer.name, shape: rec.layer.shape, relevance: l.data };
    }
    return {
      family: 'attribution' as const,
      sampleId: rec.sampleIds?.[i] ?? `input-${String(i).padStart(4, '0')}`,
      target,
      attribution: r.data,
      ...(rec.reference ? { reference: rec.reference[i] } : {}),
      ...(layer ? { layer } : {}),
      ...(rec.extras ? { extras: rec.extras[i] } : {}),
      ...(rec.text ? { text: rec.text[i] } : {}),
      ...(rec.cost ? { cost: rec.cost[i] } : {}),
    };
  });
}

export function splitStructured(
  family: StructuredFamily,
  result: StructuredResult<unknown, unknown>,
  targets: Int32Array,
  sampleIds: readonly string[],
  cost: ExplanationCost | undefined,
): StructuredSample[] {
  if (result.explanations.length !== sampleIds.length || result.text.length !== sampleIds.length) {
    throw new Error(`explainer returned ${result.explanations.length} explanations and ${result.text.length} texts for ${sampleIds.length} samples`);
  }
  return sampleIds.map((sampleId, i) => ({
    family,
    sampleId,
    target: targets[i],
    explanation: result.explanations[i],
    ...(result.global !== undefined ? { global: result.global } : {}),
    text: result.text[i],
    ...(cost ? { cost } : {}),
  }));
}

function toStructuredRecord(
  explainer: string,
  params: AnyParamValues,
  output: OutputKind,
  samples: readonly StructuredSample[],
): StructuredExplanationRecord {
  const first = samples[0];
  return {
    schema: EXPLANATION_SCHEMA,
    family: first.family,
    explainer,
    params,
    output,
    sampleIds: samples.map((s) => s.sampleId),
    targets: samples.map((s) => s.target),
    explanations: samples.map((s) => s.explanation),
    ...(first.global !== undefined ? { global: first.global } : {}),
    text: samples.map((s) => s.text),
    ...(samples.every((s) => s.cost) ? { cost: samples.map((s) => s.cost!) } : {}),
  };
}

function fromStructuredRecord(rec: StructuredExplanationRecord, where: string): StructuredSample[] {
  const n = rec.targets.length;
  if (rec.explanations.length !== n || rec.text.length !== n) throw new UserError(`${where}: ${rec.explanations.length} explanations and ${rec.text.length} texts for ${n} targets`);
  return rec.targets.map((target, i) => ({
    family: rec.family,
    sampleId: rec.sampleIds?.[i] ?? `input-${String(i).padStart(4, '0')}`,
    target,
    explanation: rec.explanations[i],
    ...(rec.global !== undefined ? { global: rec.global } : {}),
    text: rec.text[i],
    ...(rec.cost ? { cost: rec.cost[i] } : {}),
  }));
}

/** Any explanation record as per-sample pieces. */
export function samplesOf(rec: ExplanationRecord, where: string): AnySample[] {
  return rec.family === 'attribution' ? fromRecord(rec, where) : fromStructuredRecord(rec, where);
}

/** A record of one explainer's samples, whatever the family. */
export function recordOf(
  explainer: string,
  params: AnyParamValues,
  output: OutputKind,
  shape: readonly number[],
  samples: readonly AnySample[],
): ExplanationRecord {
  if (samples.every((s): s is ExplainedSample => s.family === 'attribution')) return toRecord(explainer, params, output, shape, samples);
  if (samples.every((s): s is StructuredSample => s.family !== 'attribution')) return toStructuredRecord(explainer, params, output, samples);
  throw new Error('a record holds samples of one family');
}

/** What a sample's explanation says, whatever the family (to compare two explanations of one input). */
export function explanationContent(sample: AnySample): unknown {
  return sample.family === 'attribution' ? Array.from(sample.attribution) : sample.explanation;
}
