/**
 * Encodes an RGBA image as a PNG: RGB (colour type 2; pngjs composites any transparency over white)
 * unless asked for RGBA (6).
 * pngjs's encoder reads only width, height and data, so it is handed a plain image, not a `new PNG()`:
 * that is a stream whose parser queues a process.nextTick holding it, and a run rendering hundreds of
 * pictures without yielding kept every one (with its pixel buffer) alive: 220 MB in 450 of them.
 */
import { PNG } from 'pngjs';

export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  /** width x height x 4 bytes, row-major. */
  readonly data: Buffer;
}

/** A white, opaque image to draw on. */
export function blankImage(width: number, height: number): RgbaImage {
  return { width, height, data: Buffer.alloc(width * height * 4, 255) };
}

export function encodePng(image: RgbaImage, colorType: 2 | 6 = 2): Buffer {
  if (image.data.length !== image.width * image.height * 4)
    throw new Error(`encodePng: ${image.data.length} bytes for a ${image.width}x${image.height} RGBA image`);
  // The typings ask for a PNG stream; the encoder reads only these three fields (pngjs packer-sync).
  return PNG.sync.write(image as unknown as PNG, { colorType });
}
