/** A partition of an image's pixels into segments (superpixels), shared by KernelSHAP and LIME. */
export interface Segmentation {
  readonly height: number;
  readonly width: number;
  /** Segment of each pixel (row-major, height * width), numbered 0 .. count - 1 with none empty. */
  readonly labels: Int32Array;
  readonly count: number;
}
