/**
 * Occlusion (Zeiler & Fergus 2014), as Captum computes it: slide a square window (all channels) over the
 * image, set it to the baseline, and give every pixel the mean, over the windows covering it, of
 * f(x) - f(x occluded) for the target logit. Tabular inputs are occluded one feature at a time, which
 * for a linear model gives exactly w * (x - baseline).
 *
 * Edge windows as Captum places them (captum/attr/_core/occlusion.py): ceil((size - window) / stride) + 1
 * windows per axis, each starting at a multiple of the stride, so where (size - window) is not a multiple
 * of the stride the last one runs past the edge and is cropped to the image (smaller than the window).
 * On the zoo's images at the default window and stride (28x28: 4 and 2; 8x8: 1 and 1) the windows tile
 * exactly and no window is cropped.
 */
import { sizeOf } from '../../core/batch.js';
import { int } from '../../core/params.js';
import { imageGeometry } from './image-geometry.js';
import { baselineInput, baselineParam } from './reference-input.js';
import { repeatRow, type Stack, stackedTargetOutputs } from './stack.js';
import type { AttributionExplainer, MethodCard, ReferenceDifference } from '../types.js';

const params = {
  window: int({ default: 0, min: 0, max: 1024, description: 'side of the square window in pixels, capped by the image; 0 = a seventh of the smaller side (4 on 28x28)' }),
  stride: int({ default: 0, min: 0, max: 1024, description: 'step between windows in pixels, capped by the window; 0 = half the window' }),
  baseline: baselineParam('what an occluded region is set to'),
} as const;

/** Window start offsets along one axis, as Captum's shift counts: the last window may overhang the edge. */
export function windowStarts(size: number, window: number, stride: number): number[] {
  const count = Math.ceil((size - window) / stride) + 1;
  return Array.from({ length: count }, (_, k) => k * stride);
}

/** A region of input elements occluded together. */
type Region = Int32Array;

/** The window and stride in use: 0 means automatic, and neither may exceed the image. */
export function resolveWindow(height: number, width: number, window: number, stride: number): { window: number; stride: number } {
  const w = Math.min(window > 0 ? window : Math.max(1, Math.round(Math.min(height, width) / 7)), height, width);
  const s = Math.min(stride > 0 ? stride : Math.max(1, Math.floor(w / 2)), w);
  return { window: w, stride: s };
}

function regionsFor(kind: 'image' | 'tabular', sampleShape: readonly number[], window: number, stride: number): Region[] {
  if (kind === 'tabular') return Array.from({ length: sizeOf(sampleShape) }, (_, k) => Int32Array.of(k));
  const { height, width, channels } = imageGeometry(sampleShape);
  const { window: w, stride: s } = resolveWindow(height, width, window, stride);
  const regions: Region[] = [];
  for (const r0 of windowStarts(height, w, s)) {
    for (const c0 of windowStarts(width, w, s)) {
      // Cropped to the image where the last window overhangs it.
      const [r1, c1] = [Math.min(r0 + w, height), Math.min(c0 + w, width)];
      const idx = new Int32Array((r1 - r0) * (c1 - c0) * channels);
      let n = 0;
      for (let r = r0; r < r1; r++) for (let c = c0; c < c1; c++) for (let ch = 0; ch < channels; ch++) idx[n++] = (r * width + c) * channels + ch;
      regions.push(idx);
    }
  }
  return regions;
}

/** The regions and how many of them cover each element, for one input geometry and window. */
interface RegionPlan {
  readonly regions: readonly Region[];
  readonly coverage: Float64Array;
}

/** Plans depend only on the geometry and the window: kept (a few per process) so explaining many inputs does not rebuild them. */
const plans = new Map<string, RegionPlan>();

function planFor(kind: 'image' | 'tabular', sampleShape: readonly number[], window: number, stride: number): RegionPlan {
  const key = `${kind} ${sampleShape.join('x')} ${window} ${stride}`;
  let plan = plans.get(key);
  if (!plan) {
    const regions = regionsFor(kind, sampleShape, window, stride);
    const coverage = new Float64Array(sizeOf(sampleShape));
    for (const reg of regions) for (let e = 0; e < reg.length; e++) coverage[reg[e]]++;
    plan = { regions, coverage };
    if (plans.size >= 16) plans.clear();
    plans.set(key, plan);
  }
  return plan;
}

/** Captum's edge windows, now followed (issue 18). */
const differences: readonly ReferenceDifference[] = [
  {
    reference: 'Captum 0.7 Occlusion',
    status: 'matched',
    what: {
      en: "Windows along each axis are placed as Captum places them: ceil((size − window) / stride) + 1 of them, at multiples of the stride, the last one cropped where it runs past the edge. Before issue 18 the code put an extra window flush with the edge instead (and its comment wrongly said Captum leaves the edge uncovered).",
      ko: '각 축의 창은 Captum과 같은 방식으로 놓습니다. 보폭의 배수 위치에 ceil((크기 − 창) / 보폭) + 1개를 두고, 가장자리를 넘는 마지막 창은 잘라 냅니다. 이슈 18 이전에는 그 대신 가장자리에 딱 맞춘 창을 하나 더 두었습니다(코드 주석도 Captum이 가장자리를 덮지 않는다고 잘못 적었습니다).',
    },
    size: {
      en: "No change at the defaults: on the zoo's 28x28 images (window 4, stride 2) and 8x8 images (window 1, stride 1) the windows tile exactly (occlusion.test.ts). Other window and stride choices move.",
      ko: '기본값에서는 달라지지 않습니다. 28x28 이미지(창 4, 보폭 2)와 8x8 이미지(창 1, 보폭 1)에서는 창이 딱 맞게 깔리기 때문입니다(occlusion.test.ts). 다른 창 크기와 보폭에서는 값이 바뀝니다.',
    },
  },
];

/** The method card (site): claims from Zeiler & Fergus 2014 and Ancona et al. 2018. */
const card: MethodCard = {
  summary: {
    en: 'Hide one patch (or one feature) at a time and record how much the target logit drops.',
    ko: '입력의 한 부분(또는 특성 하나)을 차례로 가리고 목표 로짓이 얼마나 떨어지는지 기록합니다.',
  },
  requirements: { en: 'Only the model\'s outputs (model-agnostic), and a baseline value for hidden inputs.', ko: '모델의 출력만 있으면 됩니다(모델 비의존적). 가린 부분에 넣을 기준값이 필요합니다.' },
  claims: [
    {
      kind: 'strength',
      text: { en: 'Measures the effect of removal directly, which is what deletion tests check.', ko: '제거했을 때의 효과를 직접 재므로 삭제 검사가 확인하는 바로 그 성질을 갖습니다.' },
      evidence: ['deletion-auc'],
      expect: 'low',
    },
    {
      kind: 'strength',
      text: { en: 'Deterministic.', ko: '결정적입니다.' },
      evidence: ['run-to-run'],
      expect: 'high',
    },
    {
      kind: 'weakness',
      text: { en: 'One forward pass per window position: slow on large inputs.', ko: '창 위치마다 순전파가 한 번 필요해 입력이 크면 느립니다.' },
      evidence: ['forward-passes'],
      expect: 'high',
    },
    {
      kind: 'weakness',
      text: { en: 'The window size sets the resolution and changes the answer (Ancona et al. 2018).', ko: '창 크기가 해상도를 정하며, 창 크기에 따라 결과가 달라집니다(Ancona 외 2018).' },
      evidence: [],
      expect: 'high',
    },
  ],
  references: [
    'Zeiler & Fergus 2014, "Visualizing and understanding convolutional networks", ECCV',
    'Ancona et al. 2018, "Towards better understanding of gradient-based attribution methods", ICLR',
  ],
};

export const occlusionExplainer: AttributionExplainer<typeof params> = {
  api: 2,
  id: 'occlusion',
  family: 'attribution',
  description: 'Drop in the target logit when a sliding window (or one tabular feature) is set to the baseline.',
  needs: ['predict'],
  output: 'logit',
  deterministic: true,
  card,
  differences,
  params,
  explain({ ctx, batch, targets, params: p }) {
    const d = sizeOf(batch.sampleShape);
    const base = baselineInput(ctx.task, p.baseline, d);
    const { regions, coverage } = planFor(ctx.task.kind, batch.sampleShape, p.window, p.stride);

    // Row 0 of each stack is x itself; row j + 1 is x with region j occluded.
    const stacks: Stack[] = [];
    for (let i = 0; i < batch.n; i++) {
      const x = batch.data.subarray(i * d, (i + 1) * d);
      stacks.push({
        rows: regions.length + 1,
        target: targets[i],
        writesAll: true,
        fill(out) {
          repeatRow(out, x, regions.length + 1);
          for (let j = 0; j < regions.length; j++) {
            const reg = regions[j];
            const row = (j + 1) * d;
            for (let e = 0; e < reg.length; e++) out[row + reg[e]] = base[reg[e]];
          }
        },
      });
    }
    const f = stackedTargetOutputs(ctx.engine, batch.sampleShape, stacks, 'logit');
    const attributions = new Float32Array(batch.n * d);
    const acc = new Float64Array(d);
    for (let i = 0; i < batch.n; i++) {
      acc.fill(0);
      const fi = f[i];
      const fx = fi[0];
      for (let j = 0; j < regions.length; j++) {
        const reg = regions[j];
        const drop = fx - fi[j + 1];
        for (let e = 0; e < reg.length; e++) acc[reg[e]] += drop;
      }
      for (let k = 0; k < d; k++) attributions[i * d + k] = coverage[k] > 0 ? acc[k] / coverage[k] : 0;
    }
    const used = ctx.task.kind === 'image' ? resolveWindow(batch.sampleShape[0], batch.sampleShape[1], p.window, p.stride) : null;
    const extra = used ? { window: used.window, stride: used.stride, windows: regions.length } : { windows: regions.length };
    return { attributions, extras: Array.from({ length: batch.n }, () => extra) };
  },
};
