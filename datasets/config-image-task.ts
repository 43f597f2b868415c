/**
 * Builds a Task from an image entry of a task config (`run --config FILE`, `"kind": "image"`): the
 * user's images (datasets/user-images.ts) and labels CSV, split like the tabular config tasks (the
 * stratified split seeded by the task id, every class twice in each split), and the user's tfjs model,
 * checked to take the declared image shape (channels last, or [height, width] for one channel) and to
 * give one output per class. The "removed pixel" baseline is the low end of the value range (black).
 */
import { basename, dirname, extname, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { makeBatch, sizeOf } from '../core/batch.js';
import { Engine } from '../core/engine.js';
import { UserError } from '../core/errors.js';
import type { Model } from '../core/model.js';
import { accuracy } from './accuracy.js';
import { type BuiltConfigTask, checkClasses, checkSplit, type EntryPlace, fieldOf, loadUserModel, sortedClasses } from './config-entry.js';
import { readCsvColumns } from './csv-columns.js';
import type { Dataset } from './dataset.js';
import { stratifiedSplit } from './split.js';
import type { ImageTaskConfigEntry } from './task-config-file.js';
import { taskFromDataset } from './task-from-dataset.js';
import { type ImageDeclaration, isFolder, readNpyImages, readPngFolder, type UserImages } from './user-images.js';

const DEFAULT_TEST_FRACTION = 0.3;
const DEFAULT_LABEL = 'label';

/** What an image config task resolved to: recorded in run.json (config.taskConfig.tasks). */
export interface ImageConfigTaskDefinition {
  readonly id: string;
  readonly kind: 'image';
  readonly description: string;
  /** Absolute paths, and the hashes of what was read there (dataHash covers the labels and every image). */
  readonly model: string;
  readonly modelHash: string;
  readonly images: string;
  readonly labels: string;
  readonly dataHash: string;
  readonly label: string;
  readonly imageShape: readonly number[];
  readonly valueRange: readonly number[];
  readonly classes: readonly string[];
  readonly testFraction: number;
}

interface ImagePlace extends EntryPlace {
  readonly entry: ImageTaskConfigEntry;
  readonly imagesPath: string;
  readonly labelsPath: string;
  readonly modelPath: string;
}

export async function buildImageConfigTask(
  entry: ImageTaskConfigEntry,
  configPath: string,
  index: number,
): Promise<BuiltConfigTask<ImageConfigTaskDefinition>> {
  const base = dirname(configPath);
  const at = `${configPath}: tasks[${index}]`;
  const p: ImagePlace = {
    entry, configPath, at, id: entry.id,
    imagesPath: resolve(base, entry.images),
    labelsPath: resolve(base, entry.labels),
    modelPath: resolve(base, entry.model),
  };
  const declared = declaration(p);
  const { images, y, classes, n } = readLabelledImages(p, declared);
  const testFraction = entry.testFraction ?? DEFAULT_TEST_FRACTION;
  const split = stratifiedSplit(y, entry.id, 1 - testFraction);
  checkSplit(p, y, classes, split, testFraction, 'image');
  const model = await loadImageModel(p, declared, classes);
  const shape = model.inputShape;
  const d = sizeOf(shape);
  const rowsOf = (idx: readonly number[]) => {
    const out = new Float32Array(idx.length * d);
    idx.forEach((r, k) => out.set(images.x.subarray(r * d, (r + 1) * d), k * d));
    return makeBatch(out, shape);
  };
  const { height: h, width: w, channels: c } = declared;
  const description = entry.description ?? `your task: ${basename(p.modelPath)} on ${basename(p.imagesPath)} (${n} images ${h}x${w}x${c}, ${classes.length} classes)`;
  const data: Dataset = {
    info: { id: entry.id, name: basename(p.imagesPath), source: `${p.imagesPath} with ${p.labelsPath} (from ${configPath})`, hash: images.hash, synthetic: false },
    description,
    kind: 'image',
    sampleShape: shape,
    classes,
    featureNames: pixelChannelNames(h, w, c),
    train: { x: rowsOf(split.train), y: Int32Array.from(split.train, (r) => y[r]) },
    test: { x: rowsOf(split.test), y: Int32Array.from(split.test, (r) => y[r]) },
  };
  const built = taskFromDataset(data, { id: entry.id, description, modelId: p.modelPath, model });
  const task = { ...built, baseline: new Float32Array(d).fill(declared.low), valueRange: [declared.low, declared.high] as const };
  const definition: ImageConfigTaskDefinition = {
    id: entry.id, kind: 'image', description,
    model: p.modelPath, modelHash: model.hash,
    images: p.imagesPath, labels: p.labelsPath, dataHash: images.hash,
    label: entry.label ?? DEFAULT_LABEL,
    imageShape: [h, w, c], valueRange: [declared.low, declared.high],
    classes, testFraction,
  };
  const testAccuracy = accuracy(new Engine(model), data.test.x, data.test.y);
  const facts = { trainRows: split.train.length, testRows: split.test.length, testAccuracy };
  return { task, definition, facts };
}

/** The declared shape and range, checked. */
function declaration(p: ImagePlace): ImageDeclaration {
  const [height, width, channels] = p.entry.imageShape;
  const [low, high] = p.entry.valueRange;
  if (!(low < high)) throw new UserError(`${fieldOf(p, 'valueRange')}: [${low}, ${high}]: low must be below high`);
  return { height, width, channels, low, high, shapeField: fieldOf(p, 'imageShape'), rangeField: fieldOf(p, 'valueRange') };
}

/** Images and their labels (as class indices), every row and pixel checked. */
interface LabelledImages {
  readonly images: UserImages;
  readonly y: Int32Array;
  readonly classes: readonly string[];
  readonly n: number;
}

function readLabelledImages(p: ImagePlace, d: ImageDeclaration): LabelledImages {
  const { entry, imagesPath, labelsPath } = p;
  if (!existsSync(imagesPath)) throw new UserError(`${fieldOf(p, 'images')}: ${imagesPath}: no such folder or file`);
  const folder = isFolder(imagesPath);
  if (!folder && extname(imagesPath).toLowerCase() !== '.npy') {
    throw new UserError(`${fieldOf(p, 'images')}: '${entry.images}' is neither a folder of PNGs nor an .npy file`);
  }
  if (!existsSync(labelsPath)) throw new UserError(`${fieldOf(p, 'labels')}: ${labelsPath}: file not found`);
  const csv = readCsvColumns(labelsPath);
  const label = entry.label ?? DEFAULT_LABEL;
  const col = csv.header.indexOf(label);
  if (col < 0) throw new UserError(`${fieldOf(p, 'label')}: no column '${label}' in ${labelsPath} (columns: ${csv.header.join(', ')})`);
  const classes = entry.classes ?? sortedClasses(csv.rows.map((row) => row[col]));
  const classIndex = new Map(classes.map((k, i) => [k, i]));
  const y = Int32Array.from(csv.rows, (row, r) => {
    const k = classIndex.get(row[col]);
    if (k === undefined) {
      throw new UserError(`${labelsPath}: line ${csv.lines[r]}, column ${col + 1} (${label}): '${row[col]}' is not one of ${fieldOf(p, 'classes')} (${classes.join(', ')})`);
    }
    return k;
  });
  if (classes.length < 2) {
    throw new UserError(`${fieldOf(p, 'label')}: only one class ('${classes[0]}') in ${labelsPath}; a classification task needs two or more`);
  }
  const images = folder ? readPngFolder(imagesPath, csv, labelsPath, d) : readNpyImages(imagesPath, csv, labelsPath, d);
  return { images, y, classes, n: csv.rows.length };
}

/** The user's model: it takes [height, width, channels] (or [height, width] for one channel) and gives one output per class. */
async function loadImageModel(p: ImagePlace, d: ImageDeclaration, classes: readonly string[]): Promise<Model> {
  const model = await loadUserModel(p.modelPath, fieldOf(p, 'model'));
  const s = model.inputShape;
  const same = (t: readonly number[]) => t.length === s.length && t.every((v, k) => v === s[k]);
  if (!same([d.height, d.width, d.channels]) && !(d.channels === 1 && same([d.height, d.width]))) {
    throw new UserError(
      `${fieldOf(p, 'imageShape')}: [${d.height}, ${d.width}, ${d.channels}], but the model takes inputs of shape [${s.join(', ')}] ` +
        `(image tasks are channels last: [height, width, channels])`,
    );
  }
  checkClasses(p, model, classes);
  return model;
}

/** One name per input element: `pixel(r,c)`, with the channel for colour images. */
function pixelChannelNames(h: number, w: number, c: number): string[] {
  const names: string[] = [];
  for (let r = 0; r < h; r++) for (let col = 0; col < w; col++) for (let k = 0; k < c; k++) names.push(c === 1 ? `pixel(${r},${col})` : `pixel(${r},${col},${k})`);
  return names;
}
