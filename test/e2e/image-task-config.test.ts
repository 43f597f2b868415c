/**
 * `run --config` with the user's own image task, through the built CLI: a folder of PNGs written here
 * (a bright square on the left or the right of a dark 12x12 image), a labels CSV and a hand-weighted
 * CNN that reads the side. The run explains it with gradient, occlusion, LIME (superpixels), LRP and
 * KernelSHAP, scores it, draws heatmaps, and its files validate; occlusion finds the square's side.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { saveLayersModel } from '../../core/model-io.js';
import { rngFor } from '../../core/rng.js';
import { validate } from '../../core/schemas.js';
import { encodePng } from '../../render/encode-png.js';
import { cli } from './cli.js';

const SIZE = 12;
const EXPLAINERS = ['gradient', 'occlusion', 'lime', 'lrp', 'kernel-shap'];
let base: string;
let configPath: string;
let out: string;
let run: ReturnType<typeof cli>;

const jsonl = (path: string) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

/** 40 grey PNGs, half with the square on the left (columns 1-3), half on the right (8-10); labels.csv names them. */
function writeImages(folder: string): void {
  mkdirSync(folder);
  const rng = rngFor(0, 'e2e-image-task');
  const rows: string[] = [];
  for (let i = 0; i < 40; i++) {
    const side = i % 2 === 0 ? 'left' : 'right';
    const data = Buffer.alloc(SIZE * SIZE * 4, 255);
    const top = 1 + Math.floor(rng.next() * 8);
    const left = side === 'left' ? 1 : 8;
    for (let r = 0; r < SIZE; r++) {
      for (let c = 0; c < SIZE; c++) {
        const inSquare = r >= top && r < top + 3 && c >= left && c < left + 3;
        const v = inSquare ? 250 : Math.floor(rng.next() * 30);
        data.set([v, v, v], (r * SIZE + c) * 4);
      }
    }
    writeFileSync(join(folder, `shape-${i}.png`), encodePng({ width: SIZE, height: SIZE, data }));
    rows.push(`shape-${i}.png,${side}`);
  }
  writeFileSync(join(base, 'labels.csv'), `file,label\n${rows.join('\n')}\n`);
}

/**
 * A 3x3 mean filter (ReLU) over the 12x12 image, then softmax(W flatten): the 10x10 filter outputs of
 * columns 0-4 add 3 x their value to "left" and take it from "right", columns 5-9 the reverse.
 */
async function writeModel(dir: string): Promise<void> {
  await tf.setBackend('cpu');
  const net = tf.sequential({
    layers: [
      tf.layers.conv2d({ inputShape: [SIZE, SIZE, 1], filters: 1, kernelSize: 3, activation: 'relu', name: 'mean3' }),
      tf.layers.flatten({ name: 'flat' }),
      tf.layers.dense({ units: 2, activation: 'softmax', name: 'out' }),
    ],
  });
  net.layers[0].setWeights([tf.fill([3, 3, 1, 1], 1 / 9), tf.zeros([1])]);
  const w = Array.from({ length: 100 }, (_, p) => (p % 10 < 5 ? [3, -3] : [-3, 3]));
  net.layers[2].setWeights([tf.tensor2d(w), tf.zeros([2])]);
  await saveLayersModel(net, dir);
}

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'xai-bench-image-task-'));
  writeImages(join(base, 'pngs'));
  await writeModel(join(base, 'model'));
  configPath = join(base, 'shapes.json');
  const task = { id: 'my-shapes', kind: 'image', model: 'model/model.json', images: 'pngs', labels: 'labels.csv', imageShape: [SIZE, SIZE, 1], valueRange: [0, 1], classes: ['left', 'right'] };
  writeFileSync(configPath, JSON.stringify({ tasks: [task] }, null, 2));
  out = join(base, 'run');
  run = cli(['run', '--config', configPath, '--profile', 'smoke', '--tasks', 'my-shapes', '--explainers', EXPLAINERS.join(','), '--jobs', '1', '--out', out]);
});

describe('run --config: your own image task through the CLI', () => {
  it('runs the task: every explainer scored, the model read from the declared PNGs', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/task my-shapes \(--config\): 28 training \/ 12 test images 12x12x1, 2 classes, model test accuracy 1\.000/);
    const records = jsonl(join(out, 'results.jsonl'));
    expect(new Set(records.map((r) => r.explainer))).toEqual(new Set(EXPLAINERS));
    const deletion = records.filter((r) => r.metric === 'deletion-auc' && r.variant === undefined);
    expect(deletion.map((r) => r.explainer).sort()).toEqual([...EXPLAINERS].sort());
    for (const r of deletion) expect((r.values as unknown[]).every((v) => typeof v === 'number'), String(r.explainer)).toBe(true);
    const runJson = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
    expect(runJson.status).toBe('complete');
    expect(runJson.config.taskConfig.tasks[0]).toMatchObject({ id: 'my-shapes', kind: 'image', imageShape: [12, 12, 1], valueRange: [0, 1], classes: ['left', 'right'] });
  });

  it('draws a heatmap PNG per explained sample and explainer', () => {
    for (const e of EXPLAINERS) {
      const dir = join(out, 'artifacts', 'my-shapes', e);
      expect(existsSync(dir), e).toBe(true);
      const pngs = readdirSync(dir).filter((f) => f.endsWith('.png'));
      expect(pngs.length, e).toBe(4);
      const png = PNG.sync.read(readFileSync(join(dir, pngs[0])));
      expect(png.width).toBeGreaterThan(2 * SIZE);
    }
  });

  it('explains the side that decides: occlusion puts the most attribution on the square\'s half', () => {
    const lines = jsonl(join(out, 'explanations', 'my-shapes', 'occlusion.jsonl'));
    expect(lines.length).toBe(4);
    for (const l of lines) {
      const rec = l as { targets: number[]; attributions: number[][][][] };
      const a = rec.attributions[0];
      let leftSum = 0;
      let rightSum = 0;
      a.forEach((row) => row.forEach(([v], c) => (c < SIZE / 2 ? (leftSum += v) : (rightSum += v))));
      // Target 0 is "left": the square there raises its logit, so hiding it lowers the logit.
      if (rec.targets[0] === 0) expect(leftSum).toBeGreaterThan(rightSum);
      else expect(rightSum).toBeGreaterThan(leftSum);
    }
  });

  it('writes files that validate against their schemas', () => {
    const problems: string[] = [];
    const check = (kind: Parameters<typeof validate>[0], obj: unknown, where: string) => {
      for (const e of validate(kind, obj)) problems.push(`${where}: ${e}`);
    };
    check('task-config', JSON.parse(readFileSync(configPath, 'utf8')), 'shapes.json');
    check('run', JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')), 'run.json');
    check('leaderboard', JSON.parse(readFileSync(join(out, 'leaderboard.json'), 'utf8')), 'leaderboard.json');
    jsonl(join(out, 'results.jsonl')).forEach((r, i) => check('result', r, `results.jsonl:${i + 1}`));
    for (const f of readdirSync(join(out, 'explanations', 'my-shapes'))) {
      jsonl(join(out, 'explanations', 'my-shapes', f)).forEach((r, i) => check('explanation', r, `${f}:${i + 1}`));
    }
    expect(problems).toEqual([]);
  });

  it('refuses a PNG of another size in one line, exit 2, leaving no output folder', () => {
    const bad = join(base, 'bad.json');
    const cfg = JSON.parse(readFileSync(configPath, 'utf8'));
    cfg.tasks[0].imageShape = [12, 10, 1];
    writeFileSync(bad, JSON.stringify(cfg));
    const never = join(base, 'never');
    const r = cli(['run', '--config', bad, '--profile', 'smoke', '--out', never]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/pngs\/shape-0\.png: 12x12 pixels \(height x width\), but .*bad\.json: tasks\[0\]\.imageShape declares 12x10/);
    expect(existsSync(never)).toBe(false);
  });
});
