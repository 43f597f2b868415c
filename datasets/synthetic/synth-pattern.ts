/**
 * synth-pattern: 28x28x1 images whose class is carried only by one planted 5x5 pattern at a random
 * position, among distractor strokes that can never form a pattern.
 *
 * Sample i < n = 3000 (seed s):
 *   class     = rngFor(s, 'synth-pattern', i, 'pattern').int(3): 0 'plus', 1 'ring', 2 'cross'
 *   position  = top-left (r, c), each uniform in 0..23, from the same stream
 *   intensity = U(0.6, 1) from the same stream; the pattern's pixels (below) get that value
 *       plus: row 2 and column 2 of the 5x5 box; ring: its border; cross: both diagonals
 *   distractors, from rngFor(s, 'synth-pattern', i, 'distractors', draw) (draw 0 for the data set):
 *     4 + int(4) straight strokes, length 3..7, horizontal, vertical or diagonal, intensity U(0.6, 1),
 *     each placed (up to 50 tries) so that it does not touch, even diagonally, another stroke or the
 *     pattern's box. Isolated straight strokes cannot make a plus, ring or cross, so only the pattern
 *     tells the classes apart; the distractor layout never depends on whether the pattern is drawn.
 *   background 0.
 * Ground truth {kind: 'mask'}: the pattern's pixels (1) in the 28x28 image.
 * `renderPattern(s, i, {pattern, draw})` regenerates sample i without its pattern or with its
 * distractors re-drawn; the ground-truth check uses both.
 */
import { makeBatch } from '../../core/batch.js';
import { rngFor } from '../../core/rng.js';
import { type Dataset, pixelNames, type SignalProbe } from '../dataset.js';
import { stratifiedSplit } from '../split.js';
import { generatorHash } from './generator-hash.js';

export const SYNTH_PATTERN = {
  id: 'synth-pattern',
  seed: 1,
  n: 3000,
  size: 28,
  box: 5,
  classes: ['plus', 'ring', 'cross'],
  distractors: { min: 4, max: 7, minLength: 3, maxLength: 7, tries: 50 },
  intensity: [0.6, 1],
} as const;

const S = SYNTH_PATTERN.size;
const B = SYNTH_PATTERN.box;

/** Whether (r, c) of the 5x5 box is ink for each pattern class. */
const SHAPES: ((r: number, c: number) => boolean)[] = [
  (r, c) => r === 2 || c === 2,
  (r, c) => r === 0 || r === B - 1 || c === 0 || c === B - 1,
  (r, c) => r === c || r + c === B - 1,
];

export interface PatternLayout {
  readonly label: number;
  readonly row: number;
  readonly col: number;
  readonly intensity: number;
}

export function patternLayout(seed: number, i: number): PatternLayout {
  const rng = rngFor(seed, SYNTH_PATTERN.id, i, 'pattern');
  const label = rng.int(SYNTH_PATTERN.classes.length);
  const row = rng.int(S - B + 1);
  const col = rng.int(S - B + 1);
  const [lo, hi] = SYNTH_PATTERN.intensity;
  return { label, row, col, intensity: rng.uniform(lo, hi) };
}

/** The pattern's pixels in a 28x28 image. */
export function patternMask(layout: PatternLayout): Uint8Array {
  const m = new Uint8Array(S * S);
  for (let r = 0; r < B; r++) for (let c = 0; c < B; c++) if (SHAPES[layout.label](r, c)) m[(layout.row + r) * S + layout.col + c] = 1;
  return m;
}

const DIRS = [
  [0, 1],
  [1, 0],
  [1, 1],
  [1, -1],
] as const;

/** Marks (r, c) and its 8 neighbours in `grid`. */
function dilateInto(grid: Uint8Array, r: number, c: number): void {
  for (let dr = -1; dr <= 1; dr++) {
    for (let dc = -1; dc <= 1; dc++) {
      const rr = r + dr;
      const cc = c + dc;
      if (rr >= 0 && rr < S && cc >= 0 && cc < S) grid[rr * S + cc] = 1;
    }
  }
}

/** Draws the distractor strokes of sample i (draw `draw`) into `img`; returns their pixel mask. */
function drawDistractors(img: Float32Array, layout: PatternLayout, seed: number, i: number, draw: number): Uint8Array {
  const p = SYNTH_PATTERN.distractors;
  const rng = rngFor(seed, SYNTH_PATTERN.id, i, 'distractors', draw);
  const forbidden = new Uint8Array(S * S);
  for (let r = 0; r < B; r++) for (let c = 0; c < B; c++) dilateInto(forbidden, layout.row + r, layout.col + c);
  const ink = new Uint8Array(S * S);
  const count = p.min + rng.int(p.max - p.min + 1);
  const [lo, hi] = SYNTH_PATTERN.intensity;
  for (let k = 0; k < count; k++) {
    for (let t = 0; t < p.tries; t++) {
      const [dr, dc] = DIRS[rng.int(DIRS.length)];
      const len = p.minLength + rng.int(p.maxLength - p.minLength + 1);
      const r0 = rng.int(S);
      const c0 = rng.int(S);
      const px: number[] = [];
      for (let s = 0; s < len; s++) {
        const r = r0 + dr * s;
        const c = c0 + dc * s;
        if (r < 0 || r >= S || c < 0 || c >= S || forbidden[r * S + c]) break;
        px.push(r * S + c);
      }
      if (px.length !== len) continue;
      const v = rng.uniform(lo, hi);
      for (const q of px) {
        img[q] = v;
        ink[q] = 1;
      }
      for (const q of px) dilateInto(forbidden, Math.floor(q / S), q % S);
      break;
    }
  }
  return ink;
}

/** Sample i as a 28*28 image: its pattern (unless `pattern` is false) and distractor draw `draw`. */
export function renderPattern(seed: number, i: number, opts: { pattern?: boolean; draw?: number } = {}): Float32Array {
  const layout = patternLayout(seed, i);
  const img = new Float32Array(S * S);
  if (opts.pattern ?? true) {
    const m = patternMask(layout);
    for (let q = 0; q < m.length; q++) if (m[q]) img[q] = layout.intensity;
  }
  drawDistractors(img, layout, seed, i, opts.draw ?? 0);
  return img;
}

export function generateSynthPattern(seed: number = SYNTH_PATTERN.seed): Dataset {
  const p = SYNTH_PATTERN;
  const labels = Int32Array.from({ length: p.n }, (_, i) => patternLayout(seed, i).label);
  const { train, test } = stratifiedSplit(labels, p.id);
  const shape = [S, S, 1];
  const stack = (rows: readonly number[], f: (i: number) => Float32Array): Float32Array => {
    const out = new Float32Array(rows.length * S * S);
    rows.forEach((i, k) => out.set(f(i), k * S * S));
    return out;
  };
  const testX = makeBatch(stack(test, (i) => renderPattern(seed, i)), shape);
  const probe: SignalProbe = {
    description: {
      withoutSignal: 'pattern erased, distractors kept',
      distractorsShuffled: 'pattern kept, distractor strokes re-drawn from a fresh stream',
    },
    withoutSignal: () => makeBatch(stack(test, (i) => renderPattern(seed, i, { pattern: false })), shape),
    distractorsShuffled: (rng) => {
      const draw = 1 + rng.int(1_000_000);
      return makeBatch(stack(test, (i) => renderPattern(seed, i, { draw })), shape);
    },
  };
  return {
    info: {
      id: p.id,
      name: 'Synthetic planted patterns among distractor strokes (28x28)',
      source: 'generated by datasets/synthetic/synth-pattern.ts',
      hash: generatorHash(p.id, seed, p),
      synthetic: true,
    },
    description: 'synthetic 28x28: class = which 5x5 pattern (plus, ring, cross) is planted among 4-7 straight strokes',
    kind: 'image',
    sampleShape: shape,
    classes: p.classes,
    featureNames: pixelNames(S, S),
    train: { x: makeBatch(stack(train, (i) => renderPattern(seed, i)), shape), y: Int32Array.from(train, (i) => labels[i]) },
    test: { x: testX, y: Int32Array.from(test, (i) => labels[i]) },
    groundTruth: {
      kind: 'mask',
      masks: (testIndex) => {
        if (!Number.isInteger(testIndex) || testIndex < 0 || testIndex >= test.length) {
          throw new RangeError(`synth-pattern: test index ${testIndex} is not in [0, ${test.length})`);
        }
        return patternMask(patternLayout(seed, test[testIndex]));
      },
    },
    probe,
  };
}
