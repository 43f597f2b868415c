/**
 * Shape attributes computed from one grey-level digit image (side information of the zero-shot tasks, docs/explainers.md): holes found by
 * flood-filling the background from the border, where the ink lies within its bounding box, long
 * straight strokes, narrowness and mirror symmetry. Each is 0 or 1 per image; a class's signature is
 * the mean over its training images. Thresholds are fixed here (not fitted), so an attribute means the
 * same thing on every split.
 */

export const ATTRIBUTE_IDS = [
  'hole',
  'two_holes',
  'hole_upper',
  'hole_lower',
  'vertical_stroke',
  'horizontal_top',
  'horizontal_bottom',
  'top_heavy',
  'bottom_heavy',
  'left_heavy',
  'right_heavy',
  'narrow',
  'lr_symmetric',
  'ud_symmetric',
] as const;
export type AttributeId = (typeof ATTRIBUTE_IDS)[number];

/** Pixels at or above this grey level are ink. */
const INK_LEVEL = 0.5;
/** Enclosed background regions smaller than this are specks, not holes. */
const MIN_HOLE_PIXELS = 3;

interface ImageGeometry {
  readonly holes: readonly { readonly size: number; readonly centreRow: number }[];
  /** Ink bounding box, inclusive rows and columns; null for an empty image. */
  readonly box: { readonly top: number; readonly bottom: number; readonly left: number; readonly right: number } | null;
}

/** Binarised ink mask, 1 = ink. */
export function inkMask(img: ArrayLike<number>): Uint8Array {
  const m = new Uint8Array(img.length);
  for (let i = 0; i < img.length; i++) m[i] = img[i] >= INK_LEVEL ? 1 : 0;
  return m;
}

/**
 * Background components not reachable from the border (4-connected background, so a diagonal gap in
 * a stroke does not leak: ink is implicitly 8-connected).
 */
export function findHoles(ink: Uint8Array, h: number, w: number): { size: number; centreRow: number }[] {
  const label = new Int32Array(h * w).fill(-1);
  const fill = (start: number, id: number): { size: number; rowSum: number; touchesBorder: boolean } => {
    const stack = [start];
    label[start] = id;
    let size = 0;
    let rowSum = 0;
    let touchesBorder = false;
    while (stack.length) {
      const p = stack.pop()!;
      const r = Math.floor(p / w);
      const c = p % w;
      size++;
      rowSum += r;
      if (r === 0 || c === 0 || r === h - 1 || c === w - 1) touchesBorder = true;
      const next = [r > 0 ? p - w : -1, r < h - 1 ? p + w : -1, c > 0 ? p - 1 : -1, c < w - 1 ? p + 1 : -1];
      for (const q of next) {
        if (q >= 0 && ink[q] === 0 && label[q] < 0) {
          label[q] = id;
          stack.push(q);
        }
      }
    }
    return { size, rowSum, touchesBorder };
  };
  const holes: { size: number; centreRow: number }[] = [];
  let id = 0;
  for (let p = 0; p < h * w; p++) {
    if (ink[p] !== 0 || label[p] >= 0) continue;
    const region = fill(p, id++);
    if (!region.touchesBorder && region.size >= MIN_HOLE_PIXELS) holes.push({ size: region.size, centreRow: region.rowSum / region.size });
  }
  return holes;
}

function boundingBox(ink: Uint8Array, h: number, w: number): ImageGeometry['box'] {
  let top = h;
  let bottom = -1;
  let left = w;
  let right = -1;
  for (let r = 0; r < h; r++) {
    for (let c = 0; c < w; c++) {
      if (!ink[r * w + c]) continue;
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      left = Math.min(left, c);
      right = Math.max(right, c);
    }
  }
  return bottom < 0 ? null : { top, bottom, left, right };
}

/** Longest run of ink along one row (dr=0) or column, inside the box. */
function longestRun(ink: Uint8Array, w: number, cells: Iterable<number>): number {
  let best = 0;
  let run = 0;
  for (const p of cells) {
    run = ink[p] ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}

function* range(from: number, to: number, step = 1): Generator<number> {
  for (let i = from; i <= to; i++) yield i * step;
}

/** Intersection over union of the ink in the box and its mirror image. */
function mirrorIoU(ink: Uint8Array, w: number, box: NonNullable<ImageGeometry['box']>, axis: 'lr' | 'ud'): number {
  let inter = 0;
  let union = 0;
  for (let r = box.top; r <= box.bottom; r++) {
    for (let c = box.left; c <= box.right; c++) {
      const mr = axis === 'ud' ? box.top + box.bottom - r : r;
      const mc = axis === 'lr' ? box.left + box.right - c : c;
      const a = ink[r * w + c];
      const b = ink[mr * w + mc];
      inter += a & b;
      union += a | b;
    }
  }
  return union === 0 ? 0 : inter / union;
}

/** The attributes of one h x w image (row-major grey levels in [0, 1]), in ATTRIBUTE_IDS order. */
export function imageAttributes(img: ArrayLike<number>, h = 28, w = 28): Record<AttributeId, 0 | 1> {
  const ink = inkMask(img);
  const box = boundingBox(ink, h, w);
  const none = Object.fromEntries(ATTRIBUTE_IDS.map((a) => [a, 0])) as Record<AttributeId, 0 | 1>;
  if (!box) return none;
  const bh = box.bottom - box.top + 1;
  const bw = box.right - box.left + 1;
  const holes = findHoles(ink, h, w);
  // Where a hole sits, as a fraction of the ink box's height (0 = top).
  const holeAt = holes.map((x) => (x.centreRow - box.top + 0.5) / bh);
  let upperMass = 0;
  let leftMass = 0;
  let mass = 0;
  const midRow = box.top + bh / 2;
  const midCol = box.left + bw / 2;
  for (let r = box.top; r <= box.bottom; r++) {
    for (let c = box.left; c <= box.right; c++) {
      const v = ink[r * w + c];
      mass += v;
      // A pixel straddling the middle line counts half to each side.
      upperMass += v * Math.min(1, Math.max(0, midRow - r));
      leftMass += v * Math.min(1, Math.max(0, midCol - c));
    }
  }
  const up = upperMass / mass;
  const lf = leftMass / mass;
  const colRuns = [...range(box.left, box.right)].map((c) => longestRun(ink, w, [...range(box.top, box.bottom)].map((r) => r * w + c)));
  const rowRun = (r: number) => longestRun(ink, w, [...range(box.left, box.right)].map((c) => r * w + c));
  const band = Math.max(1, Math.round(0.2 * bh));
  const topRuns = [...range(box.top, box.top + band - 1)].map(rowRun);
  const bottomRuns = [...range(box.bottom - band + 1, box.bottom)].map(rowRun);
  const b = (x: boolean): 0 | 1 => (x ? 1 : 0);
  return {
    hole: b(holes.length >= 1),
    two_holes: b(holes.length >= 2),
    hole_upper: b(holeAt.some((f) => f < 0.42)),
    hole_lower: b(holeAt.some((f) => f > 0.58)),
    vertical_stroke: b(Math.max(...colRuns) >= 0.8 * bh),
    horizontal_top: b(bw >= 0.4 * bh && Math.max(...topRuns) >= 0.7 * bw),
    horizontal_bottom: b(bw >= 0.4 * bh && Math.max(...bottomRuns) >= 0.7 * bw),
    top_heavy: b(up > 0.56),
    bottom_heavy: b(up < 0.44),
    left_heavy: b(lf > 0.56),
    right_heavy: b(lf < 0.44),
    narrow: b(bw < 0.5 * bh),
    lr_symmetric: b(mirrorIoU(ink, w, box, 'lr') >= 0.4),
    ud_symmetric: b(mirrorIoU(ink, w, box, 'ud') >= 0.4),
  };
}

/** Attribute vectors (ATTRIBUTE_IDS order) of n images packed row-major. */
export function attributeMatrix(images: Float32Array, n: number, h = 28, w = 28): Float32Array {
  const m = ATTRIBUTE_IDS.length;
  const out = new Float32Array(n * m);
  for (let i = 0; i < n; i++) {
    const a = imageAttributes(images.subarray(i * h * w, (i + 1) * h * w), h, w);
    ATTRIBUTE_IDS.forEach((id, k) => (out[i * m + k] = a[id]));
  }
  return out;
}
