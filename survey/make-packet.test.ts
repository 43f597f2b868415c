/**
 * `survey make` on a small real run with every structured family: rules (iris-mlp), concept paths
 * (zsl-u89) and examples (nearest-neighbours and counterfactual on iris-mlp, generative-boundaries and
 * epsilon-ball on mnist-vae), besides one attribution method. The packet must show rules as rule text,
 * concept paths as path text and examples as picture grids (or rows on a tabular task), give every
 * family a control-random in its own form or say in the manifest why not, and refer only to files it has.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../core/backend.js';
import { runBenchmark } from '../runner/run.js';
import { validate } from '../core/schemas.js';
import { localiseClasses } from './class-names.js';
import { makePacket } from './make-packet.js';
import { type Packet, type PacketItem, readPacket } from './packet.js';
import { ssaPage } from './pages.js';

const base = mkdtempSync(join(tmpdir(), 'xai-bench-packet-'));
const runDir = join(base, 'run');
const out = join(base, 'packet');
let packet: Packet;

beforeAll(async () => {
  await useBackend('wasm');
  await runBenchmark({
    profile: 'smoke',
    tasks: ['iris-mlp', 'zsl-u89', 'mnist-vae'],
    explainers: [
      'gradient',
      'c45-pedagogical',
      'zero-shot-kg',
      'nearest-neighbours',
      'counterfactual',
      'generative-boundaries',
      'epsilon-ball',
    ],
    metrics: ['seconds'],
    samples: 2,
    sets: [
      'generative-boundaries.steps=20',
      'generative-boundaries.mcSamples=1',
      'generative-boundaries.samples=5',
      'epsilon-ball.steps=20',
      'epsilon-ball.mcSamples=1',
      'epsilon-ball.samples=5',
      'zero-shot-kg.iterations=50',
    ],
    out: runDir,
    progress: 'silent',
    jobs: 1,
  });
  packet = (
    await makePacket({
      run: runDir,
      out,
      items: 1,
      languages: ['ko', 'en'],
      seed: 2,
      pairsPerRater: 1,
      instruments: ['ESS-2018-8'],
      maxTurns: 12,
      idleTimeoutS: 1800,
    })
  ).packet;
}, 600_000);

const itemsOf = (method: string) => packet.items.filter((i) => i.method === method);
const one = (method: string, task?: string): PacketItem => {
  const found = itemsOf(method).filter((i) => !task || i.task === task);
  expect(found, method).toHaveLength(1);
  return found[0];
};

describe('survey make with the structured families', () => {
  it('reads explanations that all validate against the tightened schema (one examples shape, concept-path predictions)', () => {
    for (const [task, explainer] of [
      ['iris-mlp', 'nearest-neighbours'],
      ['iris-mlp', 'counterfactual'],
      ['mnist-vae', 'generative-boundaries'],
      ['mnist-vae', 'epsilon-ball'],
      ['zsl-u89', 'zero-shot-kg'],
      ['iris-mlp', 'c45-pedagogical'],
    ]) {
      const lines = readFileSync(join(runDir, 'explanations', task, `${explainer}.jsonl`), 'utf8')
        .split('\n')
        .filter((l) => l.trim());
      expect(lines.length, explainer).toBe(2);
      for (const l of lines) expect(validate('explanation', JSON.parse(l)), explainer).toEqual([]);
    }
  });

  it('shows a rules explainer as the rule used and the whole rule set, in both languages', () => {
    const r = one('c45-pedagogical');
    expect(r).toMatchObject({ format: 'rule', family: 'rules', picture: null, control: null });
    const line = JSON.parse(readFileSync(join(runDir, 'explanations', 'iris-mlp', 'c45-pedagogical.jsonl'), 'utf8').split('\n')[0]);
    const i = line.sampleIds.indexOf(r.instance);
    // The run's text with the class ids in the rater's words (Korean: 'setosa' -> '세토사').
    const iris = ['setosa', 'versicolor', 'virginica'];
    expect(r.text).toEqual(localiseClasses(line.text[i], iris));
    expect(r.text.ko).not.toMatch(/setosa|versicolor|virginica/);
    const rules = localiseClasses(line.global.text as { en: string; ko: string }, iris);
    expect(r.detail!.lines.map((l) => l.text.en).join('\n')).toBe(rules.en);
    expect(r.detail!.lines.map((l) => l.text.ko).join('\n')).toBe(rules.ko);
    // The marked line is the rule that decided (or the default line when none fired).
    const marked = r.detail!.lines.flatMap((l, k) => (l.marked ? [k] : []));
    const fired = line.explanations[i].rule as number | null;
    expect(marked).toEqual([fired === null ? r.detail!.lines.length - 1 : fired]);
    const ko = ssaPage('ko', r, 'sensible', { done: 0, total: 1 });
    expect(ko).toContain('이면');
    expect(ko).toContain('class="marked"');
  });

  it('shows a concept path as the sentence and node -> edge -> node chains in words', () => {
    const c = one('zero-shot-kg');
    expect(c).toMatchObject({ format: 'kg_path', family: 'concept-path', picture: null });
    const line = JSON.parse(readFileSync(join(runDir, 'explanations', 'zsl-u89', 'zero-shot-kg.jsonl'), 'utf8').split('\n')[0]);
    const paths = line.explanations[line.sampleIds.indexOf(c.instance)].paths as string[][];
    expect(c.detail!.lines).toHaveLength(paths.length);
    c.detail!.lines.forEach((l, k) => {
      const parts = l.text.en.split(' → ');
      expect(parts).toHaveLength(paths[k].length);
      expect(parts[1]).toBe('has part');
      // Nodes are named by their graph labels, not ids.
      expect(parts.some((p) => /^(digit|attr|wn):/.test(p))).toBe(false);
      expect(l.text.ko.split(' → ')).toHaveLength(paths[k].length);
    });
    expect(c.text.en).toMatch(/^Recognised as \d/);
  });

  it('shows generated examples as a picture grid: the input first, then every sample', () => {
    for (const m of ['generative-boundaries', 'epsilon-ball']) {
      const g = one(m);
      expect(g).toMatchObject({ format: 'example', family: 'examples' });
      expect(g.picture!.file).toMatch(/^artifacts\/it-\d{4}\.png$/);
      const png = PNG.sync.read(readFileSync(join(out, g.picture!.file)));
      // 6 tiles (input + 5 samples) of 28 x 4 px in one row, 4 px gutters.
      expect([png.width, png.height]).toEqual([4 + 6 * (112 + 4), 4 + 112 + 4]);
      expect(g.detail!.lines).toHaveLength(5);
      expect(g.detail!.lines[0].text.en).toMatch(/^Example 1: a generated example the model calls '\d'$/);
    }
  });

  it('shows examples of a tabular task as rows in original units', () => {
    const n = one('nearest-neighbours');
    expect(n).toMatchObject({ format: 'example', picture: null });
    expect(n.detail!.lines[0]).toMatchObject({ marked: true });
    expect(n.detail!.lines[0].text.en).toMatch(/^This input: sepal_length_cm = [\d.]+ cm/);
    expect(
      n.detail!.lines.slice(1).every((l) => /^Example \d: a training example labelled '(setosa|versicolor|virginica)': /.test(l.text.en)),
    ).toBe(true);
    expect(one('counterfactual').format).toBe('example');
  });

  it('gives every family a random control in its own form, and says so in the manifest', () => {
    const random = itemsOf('control-random');
    const byFamily = new Map(random.map((i) => [`${i.task}|${i.family}`, i.format]));
    expect(byFamily.get('iris-mlp|attribution')).toBe('text');
    expect(byFamily.get('iris-mlp|examples')).toBe('example');
    expect(byFamily.get('zsl-u89|concept-path')).toBe('kg_path');
    expect(byFamily.get('mnist-vae|examples')).toBe('example');
    const rulesNote = packet.controls!.find((c) => c.family === 'rules' && c.method === 'control-random')!;
    // A rule set with a single rule has no other rule to draw: then the manifest must say so.
    if (byFamily.has('iris-mlp|rules')) expect(rulesNote).toMatchObject({ applicable: true, format: 'rule' });
    else expect(rulesNote.applicable === false || /not for 1 input/.test(rulesNote.note)).toBe(true);
    const families = [...new Set(packet.controls!.map((c) => c.family))].sort();
    expect(families).toEqual(['attribution', 'concept-path', 'examples', 'rules']);
    for (const f of families)
      expect(packet.controls!.filter((c) => c.family === f).map((c) => c.method)).toEqual([
        'control-constant',
        'control-random',
        'control-human',
      ]);
    expect(packet.controls!.every((c) => c.note.length > 10)).toBe(true);
    // A random concept path differs from the real one for the same input.
    const real = one('zero-shot-kg');
    const fake = random.find((i) => i.family === 'concept-path')!;
    expect(fake.instance).toBe(real.instance);
    expect(fake.detail!.lines.map((l) => l.text.en)).not.toEqual(real.detail!.lines.map((l) => l.text.en));
    // The constant control has no heatmap where no attribution is rated.
    expect(itemsOf('control-constant').find((i) => i.task === 'mnist-vae')).toMatchObject({ format: 'text', picture: null, family: 'any' });
  });

  it('refers only to files it has, and items.csv names the new formats', () => {
    expect(() => readPacket(out)).not.toThrow();
    const files = [
      ...packet.items.flatMap((i) => [i.picture?.file, i.input.picture?.file]),
      ...packet.dialogues.flatMap((d) => [d.input.picture?.file, ...Object.values(d.answers).map((a) => a.picture?.file)]),
    ].filter(Boolean) as string[];
    expect(files.length).toBeGreaterThan(4);
    for (const f of files) expect(existsSync(join(out, f)), f).toBe(true);
    const csv = readFileSync(join(out, 'items.csv'), 'utf8');
    for (const f of ['rule', 'kg_path', 'example', 'text']) expect(csv).toContain(`,${f},`);
    // Only the constant control looks the same for every input.
    const varied = packet.items.filter((i) => i.control !== 'constant');
    expect(new Set(varied.map((i) => i.sha256)).size).toBe(varied.length);
  });
});
