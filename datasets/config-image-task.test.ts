/**
 * Image tasks of `run --config`: NumPy arrays (test/fixtures/numpy/make-fixtures.py) and PNG folders
 * become the same task, split as tabular config tasks are, on a hand-weighted model; every bad input
 * is one UserError naming the file and field.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../core/backend.js';
import { UserError } from '../core/errors.js';
import { saveLayersModel } from '../core/model-io.js';
import { encodePng } from '../render/encode-png.js';
import { getTaskSpec, loadTask } from './index.js';
import { registerTaskConfig } from './task-config.js';

const FIX = join(import.meta.dirname, '..', 'test', 'fixtures', 'numpy');
const expected = JSON.parse(readFileSync(join(FIX, 'expected.json'), 'utf8')) as Record<string, { shape: number[]; values: number[] }>;
const labels = readFileSync(join(FIX, 'images-labels.csv'), 'utf8').trim().split('\n').slice(1);
let dir: string;
let modelPath: string;

/**
 * softmax(W flatten(x)): a pixel of the left half (columns 0-2) adds 4 x its value to class 0 ("left")
 * and takes it from class 1, the right half the reverse; a bright 2x2 square decides the class.
 */
async function leftRightModel(base: string, shape: number[]): Promise<string> {
  const net = tf.sequential({ layers: [tf.layers.flatten({ inputShape: shape }), tf.layers.dense({ units: 2, activation: 'softmax' })] });
  const channels = shape[2] ?? 1;
  const w = Array.from({ length: 36 * channels }, (_, e) => (Math.floor(e / channels) % 6 < 3 ? [4, -4] : [-4, 4]));
  net.layers[1].setWeights([tf.tensor2d(w), tf.tensor1d([0, 0])]);
  const out = join(base, `model-${shape.join('x')}`);
  await saveLayersModel(net, out);
  return join(out, 'model.json');
}

function config(entry: Record<string, unknown>): string {
  const base = mkdtempSync(join(dir, 'c-'));
  const path = join(base, 'tasks.json');
  const e = { kind: 'image', model: relative(base, modelPath), labels: relative(base, join(FIX, 'images-labels.csv')), imageShape: [6, 6, 1], valueRange: [0, 1], ...entry };
  writeFileSync(path, JSON.stringify({ tasks: [e] }));
  return path;
}

/** The fixture images as a PNG folder (grey, or RGB when `colour`), with its labels CSV. */
function pngFolder(name: string, o: { colour?: number; size?: number; extra?: boolean } = {}): { images: string; labels: string } {
  const folder = join(dir, name);
  mkdirSync(folder);
  const size = o.size ?? 6;
  const rows = labels.map((label, i) => {
    const data = Buffer.alloc(size * size * 4, 255);
    for (let p = 0; p < size * size; p++) {
      const v = size === 6 ? expected['images-u1'].values[i * 36 + p] : 0;
      data.set([v, v, i === o.colour && p === 7 ? 0 : v], p * 4);
    }
    writeFileSync(join(folder, `img-${i}.png`), encodePng({ width: size, height: size, data }));
    return `img-${i}.png,${label}`;
  });
  if (o.extra) copyFileSync(join(folder, 'img-0.png'), join(folder, 'stray.png'));
  const csv = join(dir, `${name}.csv`);
  writeFileSync(csv, `file,label\n${rows.join('\n')}\n`);
  return { images: folder, labels: csv };
}

async function failure(path: string): Promise<string> {
  try {
    await registerTaskConfig(path);
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    expect((e as Error).message).not.toMatch(/\n/);
    return (e as Error).message;
  }
  throw new Error('expected a UserError');
}

beforeAll(async () => {
  await useBackend('wasm');
  dir = mkdtempSync(join(tmpdir(), 'xai-bench-image-config-'));
  modelPath = await leftRightModel(dir, [6, 6, 1]);
});

describe('image tasks from .npy arrays and PNG folders', () => {
  it('builds an image task from a uint8 .npy: values mapped onto the range, split by class, the model perfect', async () => {
    const { record, facts } = await registerTaskConfig(config({ id: 'img-u1', images: join(FIX, 'images-u1.npy') }));
    const task = await loadTask('img-u1');
    expect(getTaskSpec('img-u1').kind).toBe('image');
    expect(task.kind).toBe('image');
    expect(task.sampleShape).toEqual([6, 6, 1]);
    expect(task.classes).toEqual(['left', 'right']);
    // 6 per class, 30% held out per class: round(0.7 * 6) = 4 train, 2 test each.
    expect([task.train.x.n, task.test.x.n]).toEqual([8, 4]);
    expect(facts.get('img-u1')!.testAccuracy).toBe(1);
    expect(Array.from(task.baseline)).toEqual(new Array(36).fill(0));
    expect(task.valueRange).toEqual([0, 1]);
    // Every stored image is one of the file's, divided by 255.
    const all = new Set(Array.from({ length: 12 }, (_, i) => expected['images-u1'].values.slice(i * 36, (i + 1) * 36).map((v) => Math.fround(v / 255)).join(',')));
    for (let i = 0; i < task.test.x.n; i++) expect(all.has(Array.from(task.test.x.data.subarray(i * 36, (i + 1) * 36)).join(','))).toBe(true);
    expect(record.tasks[0]).toMatchObject({ id: 'img-u1', kind: 'image', imageShape: [6, 6, 1], valueRange: [0, 1], classes: ['left', 'right'], label: 'label', testFraction: 0.3 });
  });

  it('gives the same task from a float32 .npy and from a PNG folder', async () => {
    await registerTaskConfig(config({ id: 'img-a', images: join(FIX, 'images-u1.npy') }));
    await registerTaskConfig(config({ id: 'img-a2', images: join(FIX, 'images-f4.npy') }));
    const png = pngFolder('pngs');
    await registerTaskConfig(config({ id: 'img-a3', images: png.images, labels: png.labels }));
    const [a, b, c] = await Promise.all(['img-a', 'img-a2', 'img-a3'].map((id) => loadTask(id)));
    // Splits differ (seeded by the task id): compare all twelve images, sorted.
    const rows = (t: typeof a) =>
      [t.train.x, t.test.x].flatMap((x) => Array.from({ length: x.n }, (_, i) => x.data.subarray(i * 36, (i + 1) * 36).join(','))).sort();
    expect(rows(b)).toEqual(rows(a));
    expect(rows(c)).toEqual(rows(a));
  });

  it('maps 8-bit pixels onto another value range, and takes the low end as the baseline', async () => {
    await registerTaskConfig(config({ id: 'img-range', images: join(FIX, 'images-u1.npy'), valueRange: [-1, 1] }));
    const task = await loadTask('img-range');
    expect(Array.from(task.baseline)).toEqual(new Array(36).fill(-1));
    expect(Math.min(...task.train.x.data)).toBeGreaterThanOrEqual(-1);
    expect(Math.max(...task.train.x.data)).toBeCloseTo(-1 + (2 * 250) / 255, 5);
  });
});

describe('bad image tasks: one line naming the file and field', () => {
  const npy = (name: string) => join(FIX, name);
  const cases: [string, () => Record<string, unknown> | Promise<Record<string, unknown>>, RegExp][] = [
    ['float values outside the range', () => ({ images: npy('images-f4-out-of-range.npy') }), /images-f4-out-of-range\.npy: image 3, value 16 is 1\.5, outside .*tasks\[0\]\.valueRange \[0, 1\]/],
    ['a declared shape the array does not have', () => ({ images: npy('images-u1.npy'), imageShape: [6, 5, 1] }), /images-u1\.npy: shape \(12, 6, 6\), but .*tasks\[0\]\.imageShape declares \(images, 6, 5, 1\)/],
    ['an array of another rank', () => ({ images: npy('iris-attr-i1.npy') }), /iris-attr-i1\.npy: shape \(6, 4\)/],
    ['an inverted value range', () => ({ images: npy('images-u1.npy'), valueRange: [1, 0] }), /tasks\[0\]\.valueRange: \[1, 0\]: low must be below high/],
    ['a missing label column', () => ({ images: npy('images-u1.npy'), label: 'side' }), /tasks\[0\]\.label: no column 'side' in .*images-labels\.csv/],
    ['neither folder nor .npy', () => ({ images: join(FIX, 'images-labels.csv') }), /tasks\[0\]\.images: '.*images-labels\.csv' is neither a folder of PNGs nor an \.npy file/],
    ['a PNG of the wrong size', () => pngFolder('small', { size: 5 }), /small\/img-0\.png: 5x5 pixels \(height x width\), but .*tasks\[0\]\.imageShape declares 6x6/],
    ['a colour PNG for one channel', () => pngFolder('colour', { colour: 4 }), /colour\/img-4\.png: pixel \(1, 1\) is in colour .*imageShape declares 1 channel/],
    ['a PNG the labels do not name', () => pngFolder('stray', { extra: true }), /stray: 1 PNG file\(s\) have no row in .*stray\.csv \(first: stray\.png\)/],
    ['a model of another input shape', async () => ({ images: npy('images-u1.npy'), model: await leftRightModel(dir, [6, 6, 3]) }), /tasks\[0\]\.imageShape: \[6, 6, 1\], but the model takes inputs of shape \[6, 6, 3\]/],
    ['a schema violation', () => ({ images: npy('images-u1.npy'), imageShape: [6, 6] }), /tasks\/0\/imageShape/],
  ];
  for (const [name, entry, message] of cases) {
    it(name, async () => {
      const e = await entry();
      const path = config({ id: `bad-${name.replace(/\W+/g, '-')}`, ...e });
      if (typeof e.model === 'string') {
        const cfg = JSON.parse(readFileSync(path, 'utf8'));
        cfg.tasks[0].model = e.model;
        writeFileSync(path, JSON.stringify(cfg));
      }
      expect(await failure(path)).toMatch(message);
    });
  }
});
