/**
 * The shared pipeline of the examples explainers: encode each query image to its latent z0 (the
 * generator's encoder, posterior mean), find the boundary set at z0, explore its generative region with
 * the RRT, and (for the baseline) draw epsilon-ball samples at the RRT samples' mean distance. Every
 * generator, encoder and pre-activation pass runs through an Engine and is added to the context
 * engine's counters, so the run's cost metrics see them; the classifier labels through ctx.engine.
 */
import { makeBatch, toNested, type Batch } from '../../core/batch.js';
import { Engine } from '../../core/engine.js';
import { UserError } from '../../core/errors.js';
import type { TaskGenerator } from '../../datasets/task.js';
import type { ParamValues } from '../../core/params.js';
import type { ExplainContext } from '../types.js';
import { findBoundarySet } from './boundary-set.js';
import type { GenerativeQuery } from './example-query.js';
import { hiddenLayer, preActivationModel } from './generator-layers.js';
import type { examplesParams } from './params.js';
import { round3, rounded } from './payload.js';
import { inRegion, regionOf } from './region.js';
import { epsilonBall, exploreRegion, meanDistance } from './rrt.js';

export type ExamplesParams = ParamValues<typeof examplesParams> & { readonly epsilon?: number };

function generatorOf(ctx: { task: { id: string; generator?: TaskGenerator } }): TaskGenerator {
  const g = ctx.task.generator;
  if (!g) throw new UserError(`task ${ctx.task.id}: offers no generator (the examples explainers need one)`);
  return g;
}

/** Query latents: the encoder's posterior mean (first latentSize outputs) of each input. */
function encodeQueries(g: TaskGenerator, batch: Batch, counter: Engine): Float32Array {
  if (!g.encoder) throw new UserError(`generator ${g.id}: has no encoder to turn inputs into latents`);
  const enc = new Engine(g.encoder);
  const codes = enc.outputs(batch, 'logit');
  counter.count(enc.passes());
  const k = g.latentSize;
  const width = codes.length / batch.n;
  const z = new Float32Array(batch.n * k);
  for (let i = 0; i < batch.n; i++) z.set(codes.subarray(i * width, i * width + k), i * k);
  return z;
}

/** Classifier labels of generated outputs (n * d values), reshaped to the task's sample shape. */
function labelsOf(ctx: ExplainContext, images: Float32Array, n: number): number[] {
  if (n === 0) return [];
  const p = ctx.engine.outputs(makeBatch(images, ctx.task.sampleShape), 'probability');
  const c = ctx.engine.numClasses;
  return Array.from({ length: n }, (_, i) => {
    let best = 0;
    for (let j = 1; j < c; j++) if (p[i * c + j] > p[i * c + best]) best = j;
    return best;
  });
}

/** What every query of one call shares: the generator, its engines, the explored layer, the query latents. */
interface Exploration {
  readonly ctx: ExplainContext;
  readonly g: TaskGenerator;
  readonly gen: Engine;
  readonly pre: Engine;
  readonly layer: ReturnType<typeof hiddenLayer>;
  readonly p: ExamplesParams;
  readonly mode: 'rrt' | 'epsilon-ball';
}

export async function explainExamples(
  ctx: ExplainContext,
  batch: Batch,
  targets: Int32Array,
  sampleIds: readonly string[],
  p: ExamplesParams,
  mode: 'rrt' | 'epsilon-ball',
): Promise<GenerativeQuery[]> {
  const g = generatorOf(ctx);
  const gen = new Engine(g.model);
  const pre = new Engine(await preActivationModel(g.model, p.layer));
  const ex: Exploration = { ctx, g, gen, pre, layer: hiddenLayer(g.model, p.layer), p, mode };
  const z0s = encodeQueries(g, batch, ctx.engine);
  const k = g.latentSize;
  const d = batch.data.length / batch.n;
  const out: GenerativeQuery[] = [];
  for (let q = 0; q < batch.n; q++) {
    const x = batch.data.subarray(q * d, (q + 1) * d);
    out.push(exploreQuery(ex, x, batch.sampleShape, targets[q], sampleIds[q], z0s.slice(q * k, (q + 1) * k)));
  }
  ctx.engine.count(gen.passes());
  ctx.engine.count(pre.passes());
  return out;
}

/** The latents to show for one query: the RRT's samples, or epsilon-ball samples at their mean distance. */
function sampleLatents(
  ex: Exploration,
  id: string,
  z0: Float32Array,
  tree: ReturnType<typeof exploreRegion>,
  region: ReturnType<typeof regionOf>,
) {
  const k = ex.g.latentSize;
  const rrtDistance = meanDistance(z0, tree.latents);
  if (ex.mode !== 'epsilon-ball') {
    return {
      latents: tree.latents,
      acceptance: { accepted: tree.parents.length, checked: tree.checks },
      rrtDistance,
      insideFlags: undefined,
    };
  }
  const eps = ex.p.epsilon ?? 0;
  const n = tree.parents.length;
  // epsilon > 0: uniform in the ball of that radius, whose mean distance is k/(k+1) * epsilon.
  const latents = epsilonBall(z0, n, eps > 0 ? (eps * k) / (k + 1) : rrtDistance, ex.ctx.rng(id, 'epsilon-ball'));
  const insideFlags = inRegion(ex.pre, region, latents, k);
  return { latents, acceptance: { accepted: insideFlags.filter(Boolean).length, checked: n }, rrtDistance, insideFlags };
}

/** The first hidden layer's hyperplanes w.z + b = 0 of the boundary units (only layer 1 is affine in z). */
function firstLayerHyperplanes(ex: Exploration, units: readonly number[]): { w: number[]; b: number }[] | undefined {
  if (ex.p.layer !== 1) return undefined;
  const k = ex.g.latentSize;
  const w = ex.layer.getWeights();
  const kernel = w[0].dataSync();
  const bias = w[1].dataSync();
  const N = bias.length;
  return units.map((u) => ({ w: Array.from({ length: k }, (_, j) => round3(kernel[j * N + u])), b: round3(bias[u]) }));
}

/** One query: its boundary set and generative region, the samples drawn in it, and the payload. */
function exploreQuery(
  ex: Exploration,
  x: Float32Array,
  shape: readonly number[],
  target: number,
  id: string,
  z0: Float32Array,
): GenerativeQuery {
  const { ctx, g, gen, pre, p, mode } = ex;
  const k = g.latentSize;
  const d = x.length;
  const nested = (a: ArrayLike<number>) => toNested(rounded(a), shape);
  const boundary = { layer: p.layer, lambda: p.lambda, temperature: p.temperature, steps: p.steps, learningRate: p.learningRate };
  const set = findBoundarySet(
    g.model,
    ctx.engine,
    z0,
    { ...boundary, mcSamples: p.mcSamples, initLogit: p.initLogit },
    ctx.rng(id, 'concrete-mask'),
  );
  const region = regionOf(pre, z0, set.units);
  const rrt = {
    samples: p.samples,
    step: p.step,
    bisections: p.bisections,
    sampler: p.sampler,
    radius: p.radius,
    maxIterations: p.maxIterations,
  };
  const tree = exploreRegion(z0, (z) => inRegion(pre, region, z, k)[0], rrt, ctx.rng(id, 'rrt'));
  const { latents, acceptance, rrtDistance, insideFlags } = sampleLatents(ex, id, z0, tree, region);
  const n = latents.length / k;
  const both = new Float32Array((n + 1) * k);
  both.set(z0, 0);
  both.set(latents, k);
  const images = gen.outputs(makeBatch(both, [k]), 'probability');
  const labels = labelsOf(ctx, images, n + 1);
  const hyperplanes = firstLayerHyperplanes(ex, set.units);
  const latentList = Array.from({ length: n }, (_, i) => Array.from(latents.subarray(i * k, (i + 1) * k)));
  return {
    input: nested(x),
    target,
    space: 'latent',
    samples: latentList.map((z, i) => ({
      role: 'generated' as const,
      input: nested(images.subarray((i + 1) * d, (i + 2) * d)),
      predicted: labels[i + 1],
      distance: round3(Math.sqrt(z.reduce((a, v, j) => a + (v - z0[j]) ** 2, 0))),
      ...(insideFlags ? { inside: insideFlags[i] } : {}),
    })),
    // Latents unrounded: bisected samples sit close to a boundary, and rounding could move them across.
    latents: latentList,
    boundaries: {
      layer: ex.layer.name,
      layerIndex: p.layer,
      layerUnits: set.layerUnits,
      units: set.units,
      on: [...region.on],
      keepProbability: rounded(set.keepProbability),
      reconstructionError: Number(set.reconstructionError.toPrecision(4)),
      reconstructionErrorAllOff: Number(set.reconstructionErrorAllOff.toPrecision(4)),
      ...(hyperplanes ? { hyperplanes } : {}),
    },
    ...(mode === 'rrt' ? { tree: { parents: tree.parents, iterations: tree.iterations, direct: tree.direct, checks: tree.checks } } : {}),
    generation: {
      sampler: mode,
      query: { latent: Array.from(z0), image: nested(images.subarray(0, d)), label: labels[0] },
      acceptance,
      meanLatentDistance: round3(meanDistance(z0, latents)),
      ...(mode === 'epsilon-ball' ? { matchedDistance: round3(rrtDistance) } : {}),
    },
  };
}
