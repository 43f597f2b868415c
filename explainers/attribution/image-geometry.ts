/** Reads an image sample shape ([H, W] or [H, W, C], channels last) as height, width and channels. */
export interface ImageGeometry {
  readonly height: number;
  readonly width: number;
  readonly channels: number;
}

export function imageGeometry(sampleShape: readonly number[]): ImageGeometry {
  if (sampleShape.length !== 2 && sampleShape.length !== 3) {
    throw new RangeError(`an image sample must be [H, W] or [H, W, C], got [${sampleShape.join(', ')}]`);
  }
  return { height: sampleShape[0], width: sampleShape[1], channels: sampleShape[2] ?? 1 };
}
