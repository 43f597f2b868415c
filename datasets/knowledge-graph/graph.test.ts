import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadMnist10k } from '../mnist10k.js';
import { buildDigitShapeGraph, GRAPH_JSON, readHandAuthored, serialiseGraph } from './build-graph.js';
import { digitShapeGraph } from './load-graph.js';

const g = digitShapeGraph();

describe('digit-shape knowledge graph', () => {
  it('is up to date with its sources (WordNet, digit-shapes.json, mnist10k training images)', () => {
    expect(readFileSync(GRAPH_JSON, 'utf8')).toBe(serialiseGraph(buildDigitShapeGraph(loadMnist10k().train)));
  });

  it('holds every hand-authored edge and the WordNet chain of loop', () => {
    const hand = readHandAuthored();
    for (const [d, attrs] of Object.entries(hand.hasPart)) for (const a of attrs) expect(g.hasStep(`digit:${d}`, 'has_part', `attr:${a}`)).toBe(true);
    for (const a of hand.attributes) for (const c of a.groundedIn) expect(g.hasStep(`attr:${a.id}`, 'grounded_in', `wn:${c}`)).toBe(true);
    expect(g.groundingChain('hole', 3).filter((_, k) => k % 2 === 0).map((id) => g.node(id).label.en)).toEqual(['attr:hole', 'wn:13898210', 'wn:13891010', 'wn:13890887', 'wn:13890262'].map((id) => g.node(id).label.en));
    expect(g.node('wn:13891010').label).toEqual({ en: 'simple closed curve', ko: '단순 닫힌 곡선' });
    expect(g.node('digit:9').wordnet).toBe('13767410');
    expect(g.hasStep('digit:9', 'hypernym', 'wn:13763162')).toBe(true);
  });

  it('checks paths edge by edge, reading inverse relations backwards', () => {
    expect(g.pathValid(['digit:9', 'has_part', 'attr:hole_upper', 'part_of', 'digit:8'])).toBe(true);
    expect(g.pathValid(['wn:13898210', 'grounds', 'attr:hole', 'part_of', 'digit:0'])).toBe(true);
    expect(g.pathValid(['digit:1', 'has_part', 'attr:hole'])).toBe(false);
    expect(g.pathValid(['digit:9', 'part_of', 'attr:hole'])).toBe(false);
    expect(g.pathValid(['digit:9', 'has_part'])).toBe(false);
    expect(g.pathValid(['digit:9', 'likes', 'attr:hole'])).toBe(false);
  });

  it('computed edges carry the share of training images, and every node has a Korean label', () => {
    const computed = g.data.edges.filter((e) => e.source === 'computed');
    expect(computed.length).toBeGreaterThan(5);
    for (const e of computed) expect(e.weight).toBeGreaterThanOrEqual(0.5);
    for (const n of g.data.nodes) expect(n.label.ko.length).toBeGreaterThan(0);
    // every attribute has positive and negative seen classes on every split (signature share >= 0.5 somewhere, < 0.5 elsewhere)
    expect(g.data.signatures).toHaveLength(10);
  });
});
