/**
 * The fitted zero-shot system of one split (the explainer's state): standardised features of the
 * split's seen-class network, DAP attribute predictors, the ESZSL map, the seen-class Gaussians of the
 * novelty detector, and the calibrated-stacking constant, all fitted on seen-class training images
 * only (validation = every fifth of them). Scores cover the ten digits; unseen digits get theirs from
 * their class signatures alone.
 */
import type { Engine } from '../../core/engine.js';
import type { Batch } from '../../core/batch.js';
import { selectSamples } from '../../core/batch.js';
import { attributeMatrix } from '../../datasets/knowledge-graph/image-attributes.js';
import type { ZeroShotSetup } from '../../datasets/task.js';
import { chooseStackingConstant, stackedArgmax } from './calibrated-stacking.js';
import { dapTerms } from './dap.js';
import { type Matrix, matrix, matmul, transpose } from '../../numeric/linalg.js';
import { eszslFromProducts, signedLabels } from './eszsl.js';
import { fitLogisticHeads, type LogisticHeads, predictLogistic } from './logistic.js';
import { fitClassGaussians, type GaussianNovelty, noveltyScore, quantile } from './novelty.js';

export type Scorer = 'dap' | 'eszsl';
export type GzslMode = 'stacking' | 'novelty';

export type { ZeroShotSetup } from '../../datasets/task.js';

export interface SystemOptions {
  readonly scorer: Scorer;
  readonly gzsl: GzslMode;
  readonly keepSeen: number;
  readonly noveltyQuantile: number;
  readonly iterations: number;
}

/** What the system computes for a batch: everything the decision and the explanation read. */
export interface Analysis {
  readonly n: number;
  /** n x M attribute probabilities. */
  readonly probs: Float32Array;
  /** n x M ESZSL attribute evidence x^T V. */
  readonly embedded: Float64Array;
  /** n x 10 class scores of the chosen scorer. */
  readonly scores: Float64Array;
  readonly novelty: Float64Array;
  /** n x 10 seen-class network probabilities. */
  readonly network: Float32Array;
}

/** Recognition on the whole test split, for the recognition metrics. */
export interface TestEvaluation {
  readonly labels: readonly number[];
  readonly zsl: readonly number[];
  readonly gzsl: readonly number[];
  readonly novelty: readonly number[];
}

export class ZeroShotSystem {
  readonly classes = Array.from({ length: 10 }, (_, d) => d);
  evaluation: TestEvaluation | null = null;

  private constructor(
    readonly setup: ZeroShotSetup,
    readonly options: SystemOptions,
    private readonly mean: Float64Array,
    private readonly std: Float64Array,
    private readonly heads: LogisticHeads,
    readonly prior: Float64Array,
    readonly v: Matrix,
    readonly eszslParams: { readonly gamma: number; readonly lambda: number; readonly validationAccuracy: number },
    private gaussians: Pick<GaussianNovelty, 'means' | 'variances'>,
    public noveltyThreshold: number,
    public stackingConstant: number,
  ) {}

  get attributes(): readonly string[] {
    return this.setup.graph.data.attributes;
  }

  signature(c: number): readonly number[] {
    return this.setup.graph.data.signatures[c];
  }

  static fit(engine: Engine, setup: ZeroShotSetup, train: { x: Batch; y: Int32Array }, o: SystemOptions): ZeroShotSystem {
    const rows = Array.from({ length: train.y.length }, (_, i) => i).filter((i) => setup.seen.includes(train.y[i]));
    const fitRows = rows.filter((_, k) => k % 5 !== 4);
    const valRows = rows.filter((_, k) => k % 5 === 4);
    const { values, width: d } = engine.activations(selectSamples(train.x, rows), setup.featureLayer);
    const mean = new Float64Array(d);
    const std = new Float64Array(d);
    for (let i = 0; i < rows.length; i++) for (let j = 0; j < d; j++) mean[j] += values[i * d + j] / rows.length;
    for (let i = 0; i < rows.length; i++) for (let j = 0; j < d; j++) std[j] += (values[i * d + j] - mean[j]) ** 2 / rows.length;
    for (let j = 0; j < d; j++) std[j] = Math.sqrt(std[j]) + 1e-3;
    const z = new Float32Array(values.length);
    for (let i = 0; i < values.length; i++) z[i] = (values[i] - mean[i % d]) / std[i % d];
    const local = (subset: number[]) => subset.map((r) => rows.indexOf(r));
    const pick = (src: Float32Array, idx: number[], w: number) => {
      const out = new Float32Array(idx.length * w);
      idx.forEach((r, k) => out.set(src.subarray(r * w, (r + 1) * w), k * w));
      return out;
    };
    const fitIdx = local(fitRows);
    const valIdx = local(valRows);
    const graph = setup.graph;
    const m = graph.data.attributes.length;
    const allAttrs = attributeMatrix(selectSamples(train.x, rows).data, rows.length, train.x.sampleShape[0], train.x.sampleShape[1]);
    const heads = fitLogisticHeads(
      pick(z, fitIdx, d),
      fitIdx.length,
      d,
      pick(allAttrs, fitIdx, m),
      m,
      { iterations: o.iterations, learningRate: 0.5, l2: 1e-3 },
    );
    const prior = new Float64Array(m);
    for (const c of setup.seen) graph.data.signatures[c].forEach((v, k) => (prior[k] += v / setup.seen.length));

    // ESZSL: gamma, lambda on the 10^-3..10^3 grid by validation accuracy among seen classes.
    const xFit = transpose(matrix(fitIdx.length, d, pick(z, fitIdx, d)));
    const yFit = signedLabels(fitIdx.map((i) => train.y[rows[i]]), setup.seen);
    const sSeen = transpose(matrix(setup.seen.length, m, setup.seen.flatMap((c) => graph.data.signatures[c])));
    const xxt = matmul(xFit, transpose(xFit));
    const xy = matmul(xFit, yFit);
    const xVal = matrix(valIdx.length, d, pick(z, valIdx, d));
    let best = { gamma: 1, lambda: 1, validationAccuracy: -1 };
    let bestV: Matrix | null = null;
    for (let gi = -3; gi <= 3; gi++) {
      for (let li = -3; li <= 3; li++) {
        const v = eszslFromProducts(xxt, xy, sSeen, 10 ** gi, 10 ** li);
        const sc = matmul(matmul(xVal, v), sSeen);
        let correct = 0;
        valIdx.forEach((i, r) => {
          let arg = 0;
          for (let c = 1; c < setup.seen.length; c++) if (sc.data[r * sc.cols + c] > sc.data[r * sc.cols + arg]) arg = c;
          if (setup.seen[arg] === train.y[rows[i]]) correct++;
        });
        const acc = correct / valIdx.length;
        if (acc > best.validationAccuracy) {
          best = { gamma: 10 ** gi, lambda: 10 ** li, validationAccuracy: acc };
          bestV = v;
        }
      }
    }
    const sys = new ZeroShotSystem(setup, o, mean, std, heads, prior, bestV!, best, { means: [], variances: [] }, 0, 0);
    // Novelty and stacking are chosen on the validation rows, from the system's own view of them.
    const fitA = sys.analyseStandardised(pick(z, fitIdx, d), fitIdx.length, new Float32Array(fitIdx.length * 10));
    sys.gaussians = fitClassGaussians(sys.noveltySpace(fitA), fitIdx.map((i) => train.y[rows[i]]), sys.noveltyWidth(), setup.seen);
    const valA = sys.analyseStandardised(pick(z, valIdx, d), valIdx.length, new Float32Array(valIdx.length * 10));
    sys.noveltyThreshold = quantile(Array.from(valA.novelty), o.noveltyQuantile);
    sys.stackingConstant = chooseStackingConstant(valA.scores, valIdx.map((_, k) => k), 10, setup.seen, setup.unseen, o.keepSeen);
    return sys;
  }

  private noveltyWidth(): number {
    return this.attributes.length;
  }

  /** The semantic space of the novelty detector: predicted attribute probabilities (Socher's mapped space). */
  private noveltySpace(a: Pick<Analysis, 'probs'>): Float32Array {
    return a.probs;
  }

  private analyseStandardised(z: Float32Array, n: number, network: Float32Array): Analysis {
    const probs = predictLogistic(this.heads, z, n);
    const d = this.mean.length;
    const emb = matmul(matrix(n, d, z), this.v);
    const m = this.attributes.length;
    const scores = new Float64Array(n * 10);
    for (let i = 0; i < n; i++) {
      for (const c of this.classes) {
        scores[i * 10 + c] = this.classScore(probs.subarray(i * m, (i + 1) * m), emb.data.subarray(i * m, (i + 1) * m), this.signature(c));
      }
    }
    const novelty = new Float64Array(n);
    if (this.gaussians.means.length > 0) {
      for (let i = 0; i < n; i++) novelty[i] = noveltyScore(this.gaussians, probs.subarray(i * m, (i + 1) * m));
    }
    return { n, probs, embedded: emb.data, scores, novelty, network };
  }

  /** The chosen scorer's score of a class signature for one input. */
  classScore(probs: ArrayLike<number>, embedded: ArrayLike<number>, signature: ArrayLike<number>): number {
    return this.evidence(probs, embedded, signature).reduce((a, b) => a + b, 0);
  }

  /** Per-attribute evidence terms of a signature: DAP's log-ratio terms or ESZSL's (x^T V)_k s_k. */
  evidence(probs: ArrayLike<number>, embedded: ArrayLike<number>, signature: ArrayLike<number>): Float64Array {
    if (this.options.scorer === 'dap') return dapTerms(probs, signature, this.prior);
    return Float64Array.from(signature, (s, k) => embedded[k] * s);
  }

  /** Features of the task's network (through the engine), standardised, then everything else. */
  analyse(engine: Engine, batch: Batch): Analysis {
    const { values, width } = engine.activations(batch, this.setup.featureLayer);
    const z = new Float32Array(values.length);
    for (let i = 0; i < values.length; i++) z[i] = (values[i] - this.mean[i % width]) / this.std[i % width];
    return this.analyseStandardised(z, batch.n, engine.outputs(batch, 'probability'));
  }

  /** Conventional zero-shot decision: argmax over unseen classes. */
  decideZsl(a: Analysis, i: number): number {
    return stackedArgmax(a.scores, i, 10, this.setup.unseen, [], 0);
  }

  /** Generalised decision over all ten digits. */
  decide(a: Analysis, i: number): number {
    if (this.options.gzsl === 'stacking') return stackedArgmax(a.scores, i, 10, this.classes, this.setup.seen, this.stackingConstant);
    if (a.novelty[i] > this.noveltyThreshold) return this.decideZsl(a, i);
    // Socher's seen branch: the seen-class network's own softmax.
    return stackedArgmax(a.network, i, 10, this.setup.seen, [], 0);
  }

  /**
   * The probability of class c among the decision's candidates (softmax of the scores), with one
   * attribute's evidence removed from c's signature when `without` is given: what path-faithfulness
   * compares.
   */
  classProbability(a: Analysis, i: number, c: number, without?: number): number {
    const m = this.attributes.length;
    const probs = a.probs.subarray(i * m, (i + 1) * m);
    const emb = a.embedded.subarray(i * m, (i + 1) * m);
    const candidates = this.options.gzsl === 'stacking' ? this.classes : this.setup.seen.includes(c) ? this.setup.seen : this.setup.unseen;
    const shift = (k: number) => (this.options.gzsl === 'stacking' && this.setup.seen.includes(k) ? this.stackingConstant : 0);
    const scoreOf = (k: number) => {
      if (k !== c || without === undefined) return a.scores[i * 10 + k] - shift(k);
      const terms = this.evidence(probs, emb, this.signature(k));
      return terms.reduce((x, y) => x + y, 0) - terms[without] - shift(k);
    };
    const s = candidates.map(scoreOf);
    const top = Math.max(...s);
    const e = s.map((v) => Math.exp(v - top));
    return e[candidates.indexOf(c)] / e.reduce((x, y) => x + y, 0);
  }

  /** Runs the system over the whole test split once (recognition metrics read it). */
  evaluate(engine: Engine, test: { x: Batch; y: Int32Array }): TestEvaluation {
    const a = this.analyse(engine, test.x);
    const labels = Array.from(test.y);
    this.evaluation = {
      labels,
      zsl: labels.map((_, i) => this.decideZsl(a, i)),
      gzsl: labels.map((_, i) => this.decide(a, i)),
      novelty: Array.from(a.novelty),
    };
    return this.evaluation;
  }
}
