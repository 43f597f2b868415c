import { describe, expect, it } from 'vitest';
import { digitShapeGraph } from '../../datasets/knowledge-graph/load-graph.js';
import { edgeKey, labelWidth, layoutKnowledgeGraph } from './kg-layout.js';

describe('the knowledge-graph layout', () => {
  const graph = digitShapeGraph().data;

  for (const lang of ['en', 'ko'] as const) {
    it(`places every node once, with no two boxes overlapping, edges left to right (${lang})`, () => {
      const l = layoutKnowledgeGraph(graph, lang);
      expect(l.nodes.map((n) => n.id).sort()).toEqual(graph.nodes.map((n) => n.id).sort());
      expect(l.edges.map((e) => e.key).sort()).toEqual(graph.edges.map((e) => edgeKey(e.from, e.rel, e.to)).sort());
      for (const [i, a] of l.nodes.entries()) {
        expect(a.w).toBeGreaterThanOrEqual(labelWidth(a.label));
        expect(a.x + a.w).toBeLessThanOrEqual(l.width);
        expect(a.y + a.h).toBeLessThanOrEqual(l.height);
        for (const b of l.nodes.slice(i + 1)) {
          const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
          expect(apart, `${a.id} / ${b.id}`).toBe(true);
        }
      }
      const at = new Map(l.nodes.map((n) => [n.id, n]));
      for (const e of l.edges) expect(at.get(e.to)!.column, e.key).toBeGreaterThan(at.get(e.from)!.column);
      // Digits first, attributes next, concepts after.
      for (const n of l.nodes) expect(n.column === 0, n.id).toBe(n.kind === 'digit');
      for (const n of l.nodes) expect(n.column === 1, n.id).toBe(n.kind === 'attribute');
      expect(l.nodes.find((n) => n.id === 'attr:hole')!.label).toBe(graph.nodes.find((n) => n.id === 'attr:hole')!.label[lang]);
    });
  }

  it('is deterministic, and Korean labels get wider boxes than their character count in Latin', () => {
    expect(layoutKnowledgeGraph(graph, 'en')).toEqual(layoutKnowledgeGraph(graph, 'en'));
    expect(labelWidth('닫힌 고리')).toBeGreaterThan(labelWidth('abcde'));
  });

  it('leaves out edges whose ends are not nodes (a graph read from a file)', () => {
    const broken = {
      ...graph,
      edges: [...graph.edges, { from: 'digit:0', rel: 'has_part' as const, to: 'attr:missing', source: 'hand-authored' as const }],
    };
    expect(layoutKnowledgeGraph(broken, 'en').edges).toHaveLength(graph.edges.length);
  });
});
