/**
 * Feature groups: the sets of input elements that an explainer switches on and off together and gives
 * one value. A group is the element indices (channels last) of one tabular feature, of one image
 * segment across its channels (grid cells, SLIC or quickshift superpixels), or of one occlusion
 * window. KernelSHAP, LIME and occlusion build their groups and paint group values back here.
 */
import type { Rng } from '../../core/rng.js';
import type { TaskView } from '../../datasets/task.js';
import { imageGeometry } from './image-geometry.js';
import { gridSegments } from './segmentation/grid.js';
import { type QuickshiftOptions, quickshiftSegments } from './segmentation/quickshift.js';
import { slicSegments } from './segmentation/slic.js';
import type { Segmentation } from './segmentation/types.js';

/** The element indices of one group, ascending. */
export type FeatureGroup = Int32Array;

/**
 * The groups of a tabular task: one per typed feature (a one-hot categorical feature's columns
 * together, so a coalition removes the whole feature), otherwise one per column.
 */
export function tabularGroups(task: Pick<TaskView, 'features'>, size: number): FeatureGroup[] {
  return task.features ? task.features.map((f) => Int32Array.from(f.columns)) : singleElementGroups(size);
}

/** One group per element: tabular features. */
export function singleElementGroups(size: number): FeatureGroup[] {
  return Array.from({ length: size }, (_, k) => Int32Array.of(k));
}

/** Pixel indices (row-major, without channels) of each segment. */
export function segmentPixels(seg: Segmentation): Int32Array[] {
  const sizes = new Int32Array(seg.count);
  for (const l of seg.labels) sizes[l]++;
  const out = Array.from({ length: seg.count }, (_, l) => new Int32Array(sizes[l]));
  const fill = new Int32Array(seg.count);
  seg.labels.forEach((l, p) => (out[l][fill[l]++] = p));
  return out;
}

/** The elements of each segment: its pixels in row-major order, each with all its channels. */
export function segmentGroups(seg: Segmentation, channels: number): FeatureGroup[] {
  return pixelGroups(segmentPixels(seg), channels);
}

/** The elements of pixel sets (segmentPixels): each pixel with all its channels. */
export function pixelGroups(pixelSets: readonly Int32Array[], channels: number): FeatureGroup[] {
  return pixelSets.map((pixels) => {
    const group = new Int32Array(pixels.length * channels);
    let n = 0;
    for (const px of pixels) for (let ch = 0; ch < channels; ch++) group[n++] = px * channels + ch;
    return group;
  });
}

/** Window start offsets along one axis, as Captum's shift counts: the last window may overhang the edge. */
export function windowStarts(size: number, window: number, stride: number): number[] {
  const count = Math.ceil((size - window) / stride) + 1;
  return Array.from({ length: count }, (_, k) => k * stride);
}

/** Square windows of side `window` every `stride` pixels (all channels), cropped where they overhang the image. */
export function windowGroups(sampleShape: readonly number[], window: number, stride: number): FeatureGroup[] {
  const { height, width, channels } = imageGeometry(sampleShape);
  const groups: FeatureGroup[] = [];
  for (const r0 of windowStarts(height, window, stride)) {
    for (const c0 of windowStarts(width, window, stride)) {
      const [r1, c1] = [Math.min(r0 + window, height), Math.min(c0 + window, width)];
      const idx = new Int32Array((r1 - r0) * (c1 - c0) * channels);
      let n = 0;
      for (let r = r0; r < r1; r++) {
        for (let c = c0; c < c1; c++) for (let ch = 0; ch < channels; ch++) idx[n++] = (r * width + c) * channels + ch;
      }
      groups.push(idx);
    }
  }
  return groups;
}

/** How an image is cut into segments, with each method's settings. */
export type SegmentationChoice =
  | { readonly method: 'grid'; readonly cell: number }
  | { readonly method: 'slic'; readonly segments: number; readonly compactness: number }
  | { readonly method: 'quickshift'; readonly options: QuickshiftOptions; readonly noise: Rng };

/** Segments one image (x: height x width x channels values) by the chosen method. */
/**
 * Superpixels of one image. The colour-based methods (SLIC, quickshift) follow scikit-image on images in
 * [0, 1]; an image task that declares another value range (a user's, datasets/config-image-task.ts)
 * is rescaled onto [0, 1] for them, so that its segments do not depend on how its pixels are scaled.
 */
export function segmentImage(
  x: Float32Array,
  sampleShape: readonly number[],
  choice: SegmentationChoice,
  valueRange?: readonly [number, number],
): Segmentation {
  const { height, width, channels } = imageGeometry(sampleShape);
  if (valueRange && choice.method !== 'grid' && (valueRange[0] !== 0 || valueRange[1] !== 1)) {
    const [lo, hi] = valueRange;
    x = x.map((v) => (v - lo) / (hi - lo));
  }
  switch (choice.method) {
    case 'grid':
      return gridSegments(height, width, choice.cell);
    case 'slic':
      return slicSegments(x, height, width, channels, { nSegments: choice.segments, compactness: choice.compactness });
    case 'quickshift':
      return quickshiftSegments(x, height, width, channels, choice.options, choice.noise);
  }
}

/** Writes `value(j)` onto every element of group j, in `out` from `offset` on. */
export function paintGroups(out: Float32Array, offset: number, groups: readonly FeatureGroup[], value: (j: number) => number): void {
  groups.forEach((group, j) => {
    const v = value(j);
    for (let e = 0; e < group.length; e++) out[offset + group[e]] = v;
  });
}
