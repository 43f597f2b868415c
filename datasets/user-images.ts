/**
 * Reads the images of a user's image task (`run --config`, `"kind": "image"`): a folder of PNG files
 * named by a labels CSV (`file`, label), or an `.npy` array of images with the CSV's rows in array
 * order. Pixels become model inputs in the declared value range: 8-bit values (PNG samples, uint8
 * arrays) map linearly from 0..255 onto [low, high]; float arrays are taken as they are and must lie in
 * the range. Every problem is a UserError naming the file (and the config field it breaks).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { UserError } from '../core/errors.js';
import { parseNpy } from '../core/npy.js';
import type { CsvColumns } from './csv-columns.js';

/** The declared geometry and value range, with the config fields that declared them (for messages). */
export interface ImageDeclaration {
  readonly height: number;
  readonly width: number;
  readonly channels: number;
  readonly low: number;
  readonly high: number;
  /** `<config>: tasks[i].imageShape`. */
  readonly shapeField: string;
  /** `<config>: tasks[i].valueRange`. */
  readonly rangeField: string;
}

export interface UserImages {
  /** n x height x width x channels values, channels last, in the declared range. */
  readonly x: Float32Array;
  /** sha256 over the labels CSV and every image file, in row order. */
  readonly hash: string;
}

const PNG_CHANNELS = [1, 3, 4];

/** One PNG's pixels as `channels` values per pixel: grey from R (R = G = B is required), RGB or RGBA. */
function pngPixels(bytes: Buffer, path: string, d: ImageDeclaration, out: Float32Array, at: number): void {
  let png: { width: number; height: number; data: Buffer };
  try {
    png = PNG.sync.read(bytes);
  } catch (e) {
    throw new UserError(`${path}: not a readable PNG (${(e as Error).message})`);
  }
  if (png.width !== d.width || png.height !== d.height) {
    throw new UserError(`${path}: ${png.height}x${png.width} pixels (height x width), but ${d.shapeField} declares ${d.height}x${d.width}`);
  }
  const scale = (d.high - d.low) / 255;
  for (let p = 0; p < d.height * d.width; p++) {
    const [r, g, b, a] = png.data.subarray(p * 4, p * 4 + 4);
    const where = `pixel (${Math.floor(p / d.width)}, ${p % d.width})`;
    if (d.channels < 4 && a !== 255) throw new UserError(`${path}: ${where} is transparent (alpha ${a}); ${d.shapeField} declares ${d.channels} channel(s) without alpha`);
    if (d.channels === 1 && (r !== g || g !== b)) throw new UserError(`${path}: ${where} is in colour (${r}, ${g}, ${b}); ${d.shapeField} declares 1 channel (grey)`);
    const values = d.channels === 1 ? [r] : d.channels === 3 ? [r, g, b] : [r, g, b, a];
    values.forEach((v, k) => (out[at + p * d.channels + k] = d.low + v * scale));
  }
}

/** The CSV's `file` column: each row names a PNG of `folder`, once; every PNG there is named. */
function pngFiles(folder: string, csv: CsvColumns, csvPath: string): string[] {
  const col = csv.header.indexOf('file');
  if (col < 0) throw new UserError(`${csvPath}: no column 'file' naming each PNG of ${folder} (columns: ${csv.header.join(', ')})`);
  const seen = new Map<string, number>();
  const files = csv.rows.map((row, r) => {
    const name = row[col];
    const first = seen.get(name);
    if (first !== undefined) throw new UserError(`${csvPath}: line ${csv.lines[r]}: '${name}' is also on line ${first}; each image is labelled once`);
    seen.set(name, csv.lines[r]);
    if (!existsSync(join(folder, name))) throw new UserError(`${csvPath}: line ${csv.lines[r]}: no file '${name}' in ${folder}`);
    return name;
  });
  const unlabelled = readdirSync(folder).filter((f) => f.toLowerCase().endsWith('.png') && !seen.has(f));
  if (unlabelled.length > 0) {
    throw new UserError(`${folder}: ${unlabelled.length} PNG file(s) have no row in ${csvPath} (first: ${unlabelled.sort()[0]}); label them or move them out`);
  }
  return files;
}

/** The images of a PNG folder, in the labels CSV's row order. */
export function readPngFolder(folder: string, csv: CsvColumns, csvPath: string, d: ImageDeclaration): UserImages {
  if (!PNG_CHANNELS.includes(d.channels)) {
    throw new UserError(`${d.shapeField}: ${d.channels} channels; a PNG folder gives 1 (grey), 3 (RGB) or 4 (RGBA)`);
  }
  const files = pngFiles(folder, csv, csvPath);
  const size = d.height * d.width * d.channels;
  const x = new Float32Array(files.length * size);
  const hash = createHash('sha256').update(csv.hash);
  files.forEach((name, i) => {
    const path = join(folder, name);
    const bytes = readFileSync(path);
    hash.update(bytes);
    pngPixels(bytes, path, d, x, i * size);
  });
  return { x, hash: hash.digest('hex') };
}

/** The images of an `.npy` array (images, height, width[, channels]), uint8 or float32/float64. */
export function readNpyImages(path: string, csv: CsvColumns, csvPath: string, d: ImageDeclaration): UserImages {
  const bytes = readFileSync(path);
  const a = parseNpy(new Uint8Array(bytes), path);
  const want = [d.height, d.width, d.channels];
  const [, ...one] = a.shape;
  const same = (s: readonly number[]) => s.length === one.length && s.every((v, k) => one[k] === v);
  const shapeOk = same(want) || (d.channels === 1 && same([d.height, d.width]));
  if (!shapeOk) {
    throw new UserError(`${path}: shape (${a.shape.join(', ')}), but ${d.shapeField} declares (images, ${want.join(', ')}) images, channels last`);
  }
  if (a.shape[0] !== csv.rows.length) throw new UserError(`${path}: ${a.shape[0]} images, but ${csvPath} labels ${csv.rows.length} (one row per image, in array order)`);
  if (a.dtype !== 'uint8' && a.dtype !== 'float32' && a.dtype !== 'float64') {
    throw new UserError(`${path}: holds ${a.dtype} values; images are uint8 (0..255) or float32/float64 (in ${d.rangeField})`);
  }
  const x = a.data;
  if (a.dtype === 'uint8') {
    const scale = (d.high - d.low) / 255;
    for (let i = 0; i < x.length; i++) x[i] = d.low + x[i] * scale;
  } else {
    const bad = x.findIndex((v) => !(v >= d.low && v <= d.high));
    if (bad >= 0) {
      const size = d.height * d.width * d.channels;
      throw new UserError(`${path}: image ${Math.floor(bad / size)}, value ${bad % size} is ${x[bad]}, outside ${d.rangeField} [${d.low}, ${d.high}]`);
    }
  }
  return { x, hash: createHash('sha256').update(csv.hash).update(bytes).digest('hex') };
}

/** A folder (of PNGs) or a file (an .npy array). */
export function isFolder(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}
