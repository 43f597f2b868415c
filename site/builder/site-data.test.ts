import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainers } from '../../explainers/index.js';
import { metrics } from '../../metrics/index.js';
import type { Leaderboard } from '../../leaderboard/types.js';
import { buildCatalog } from './catalog.js';
import { buildGallery, galleryImages } from './gallery.js';
import { leaderboardCsv } from './leaderboard-csv.js';
import { resolveStatic } from './serve.js';

describe('method cards', () => {
  it('every registered explainer has a bilingual card whose evidence names registered metrics', () => {
    const metricIds = new Set(metrics.map((m) => m.id));
    for (const e of explainers) {
      expect(e.card, e.id).toBeDefined();
      const card = e.card!;
      for (const t of [card.summary, card.requirements, ...card.claims.map((c) => c.text)]) {
        expect(t.en.trim().length, e.id).toBeGreaterThan(0);
        expect(t.ko, e.id).toMatch(/[\uac00-\ud7a3]/);
      }
      // Controls (random attributions, the epsilon-ball sampler) exist to be beaten: they claim no strength.
      expect(card.claims.some((c) => c.kind === 'strength') || ['random', 'epsilon-ball'].includes(e.id), e.id).toBe(true);
      expect(
        card.claims.some((c) => c.kind === 'weakness'),
        e.id,
      ).toBe(true);
      for (const c of card.claims) for (const m of c.evidence) expect(metricIds.has(m), `${e.id}: ${m}`).toBe(true);
      expect(card.references.length, e.id).toBeGreaterThan(0);
    }
  });

  it('a method the seed calls non-deterministic claims it with the run-to-run metric', () => {
    const lime = explainers.find((e) => e.id === 'lime')!;
    expect(lime.card!.claims).toContainEqual(expect.objectContaining({ kind: 'weakness', evidence: ['run-to-run'], expect: 'low' }));
  });
});

describe('the catalog', () => {
  it('holds every explainer, metric and task with its declared parameters', () => {
    const c = buildCatalog();
    expect(c.explainers.map((e) => e.id)).toEqual(explainers.map((e) => e.id));
    expect(c.metrics.map((m) => m.id)).toEqual(metrics.map((m) => m.id));
    expect(c.tasks.length).toBeGreaterThan(0);
    const ig = c.explainers.find((e) => e.id === 'integrated-gradients')!;
    const steps = ig.params.find((p) => p.name === 'steps')!;
    expect(steps).toMatchObject({ kind: 'number', integer: true, default: 50, min: 1 });
    expect(steps.line).toMatch(/^steps = 50/);
    const mprt = c.metrics.find((m) => m.id === 'mprt')!;
    expect(mprt).toMatchObject({ criterion: 'sanity', direction: 'lower', ideal: 0, chance: 1 });
    expect(JSON.parse(JSON.stringify(c))).toEqual(c);
  });
});

describe('the CSV export', () => {
  it('quotes fields and defuses spreadsheet formulas in names', () => {
    const lb = {
      tasks: [
        {
          task: 't,1',
          metrics: [
            {
              metric: 'm',
              criterion: 'fidelity',
              direction: 'higher',
              params: { a: 1 },
              entries: [
                {
                  explainer: '=HYPERLINK("x")',
                  mean: 0.5,
                  ci: [0.25, 0.75],
                  n: 4,
                  nulls: 0,
                  rank: 1,
                  tiedWith: [],
                  output: 'logit',
                  explainerParams: {},
                  runs: ['r'],
                },
                {
                  explainer: 'b',
                  mean: null,
                  ci: null,
                  n: 0,
                  nulls: 4,
                  rank: null,
                  tiedWith: [],
                  output: 'logit',
                  explainerParams: {},
                  runs: ['r'],
                },
              ],
            },
          ],
        },
      ],
    } as unknown as Leaderboard;
    const lines = leaderboardCsv(lb).trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe(`"t,1",m,fidelity,higher,"'=HYPERLINK(""x"")",0.5,0.25,0.75,4,0,1,,logit,"{""a"":1}",{},r`);
    expect(lines[2]).toBe(`"t,1",m,fidelity,higher,b,,,,0,4,,,logit,"{""a"":1}",{},r`);
  });
});

describe('the gallery index', () => {
  it('takes the samples every explainer explained, with pictures where they exist and the text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xai-gallery-'));
    const line = (explainer: string, ids: string[]) =>
      JSON.stringify({
        family: 'attribution',
        explainer,
        sampleIds: ids,
        targets: ids.map(() => 3),
        text: ids.map((id) => ({ en: `${explainer} ${id}`, ko: `${explainer} ${id} 설명` })),
      });
    mkdirSync(join(dir, 'explanations', 'img'), { recursive: true });
    writeFileSync(join(dir, 'explanations', 'img', 'a.jsonl'), `${line('a', ['s2', 's1'])}\n${line('a', ['s3'])}\n{torn`);
    writeFileSync(join(dir, 'explanations', 'img', 'b.jsonl'), `${line('b', ['s1', 's2'])}\n`);
    mkdirSync(join(dir, 'artifacts', 'img', 'a'), { recursive: true });
    writeFileSync(join(dir, 'artifacts', 'img', 'a', 's1.png'), 'png');
    const g = buildGallery(dir, 5);
    expect(g.tasks).toHaveLength(1);
    expect(g.tasks[0].samples.map((s) => s.id)).toEqual(['s1', 's2']);
    const s1 = g.tasks[0].samples[0];
    expect(s1.target).toBe(3);
    expect(s1.cells).toEqual([
      { explainer: 'a', family: 'attribution', image: 'artifacts/img/a/s1.png', text: { en: 'a s1', ko: 'a s1 설명' } },
      { explainer: 'b', family: 'attribution', image: null, text: { en: 'b s1', ko: 'b s1 설명' } },
    ]);
    expect(galleryImages(g)).toEqual(['artifacts/img/a/s1.png']);
  });
});

describe('the static server path resolution', () => {
  it('serves files and directory indexes inside the root only', () => {
    const root = mkdtempSync(join(tmpdir(), 'xai-serve-'));
    mkdirSync(join(root, 'a'));
    writeFileSync(join(root, 'index.html'), 'i');
    writeFileSync(join(root, 'a', 'index.html'), 'a');
    writeFileSync(join(root, 'a', 'x y.png'), 'p');
    const outside = mkdtempSync(join(tmpdir(), 'xai-outside-'));
    writeFileSync(join(outside, 'secret.txt'), 's');
    symlinkSync(join(outside, 'secret.txt'), join(root, 'link.txt'));
    expect(resolveStatic(root, '/')).toMatch(/index\.html$/);
    expect(resolveStatic(root, '/a/')).toMatch(/a[/\\]index\.html$/);
    expect(resolveStatic(root, '/a/x%20y.png?v=1')).toMatch(/x y\.png$/);
    for (const bad of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/a/../../secret.txt',
      '/link.txt',
      '/a%00.html',
      '/%E0%A4%A',
      `/${'a'.repeat(3000)}`,
      '/missing.html',
    ]) {
      expect(resolveStatic(root, bad), bad).toBeNull();
    }
  });
});
