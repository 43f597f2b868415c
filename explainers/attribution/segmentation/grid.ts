/**
 * Square grid cells as segments: cheap, image-independent, and the same for every input, so that
 * group attributions are comparable across samples. Edge cells are smaller when the size is not a
 * multiple of the cell.
 */
import type { Segmentation } from './types.js';

export function gridSegments(height: number, width: number, cell: number): Segmentation {
  if (!Number.isInteger(cell) || cell < 1) throw new RangeError(`grid cell must be a positive integer, got ${cell}`);
  const cols = Math.ceil(width / cell);
  const rows = Math.ceil(height / cell);
  const labels = new Int32Array(height * width);
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) labels[r * width + c] = Math.floor(r / cell) * cols + Math.floor(c / cell);
  }
  return { height, width, labels, count: rows * cols };
}
