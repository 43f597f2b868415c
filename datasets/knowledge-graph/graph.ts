/**
 * A small typed knowledge graph: digit, attribute and WordNet concept nodes joined by directed,
 * sourced edges (hand-authored `has_part`, image-computed `has_part` with a weight, `grounded_in`
 * from an attribute to the WordNet concept it stands for, WordNet `hypernym`). Explanation paths walk
 * edges either way: the reverse of each relation has its own name (part_of, grounds, hyponym).
 */
import type { Bilingual } from '../../core/vocabulary.js';

export type NodeKind = 'digit' | 'attribute' | 'concept';
export type Relation = 'has_part' | 'grounded_in' | 'hypernym';
export type InverseRelation = 'part_of' | 'grounds' | 'hyponym';
export type EdgeSource = 'wordnet' | 'hand-authored' | 'computed';

export const INVERSE: Readonly<Record<Relation, InverseRelation>> = { has_part: 'part_of', grounded_in: 'grounds', hypernym: 'hyponym' };

export interface GraphNode {
  /** 'digit:9', 'attr:hole_upper', 'wn:13898210'. */
  readonly id: string;
  readonly kind: NodeKind;
  readonly label: Bilingual;
  /** The WordNet synset offset (digits and concepts). */
  readonly wordnet?: string;
  readonly gloss?: string;
}

export interface GraphEdge {
  readonly from: string;
  readonly rel: Relation;
  readonly to: string;
  readonly source: EdgeSource;
  /** Computed has_part edges: the fraction of the class's training images that show the attribute. */
  readonly weight?: number;
}

/** The graph as committed (data/knowledge-graph/digit-shapes.graph.json). */
export interface GraphData {
  readonly schema: 'xai-bench/knowledge-graph@1';
  readonly about: string;
  readonly sources: readonly string[];
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  /** Attribute ids in signature order. */
  readonly attributes: readonly string[];
  /**
   * Per digit (0-9), the mean of each image-computed attribute over that digit's training images
   * (mnist10k train split): the continuous class signature used as side information.
   */
  readonly signatures: readonly (readonly number[])[];
}

/** One step of a path is [node, relation, node]; a path is [node, rel, node, rel, node, ...]. */
export type Path = readonly string[];

export const digitNode = (d: number): string => `digit:${d}`;
export const attributeNode = (a: string): string => `attr:${a}`;
export const conceptNode = (offset: string): string => `wn:${offset}`;

export class KnowledgeGraph {
  private readonly byId = new Map<string, GraphNode>();
  private readonly keys = new Set<string>();

  constructor(readonly data: GraphData) {
    for (const n of data.nodes) {
      if (this.byId.has(n.id)) throw new Error(`knowledge graph: duplicate node ${n.id}`);
      this.byId.set(n.id, n);
    }
    for (const e of data.edges) {
      if (!this.byId.has(e.from) || !this.byId.has(e.to)) throw new Error(`knowledge graph: edge ${e.from} ${e.rel} ${e.to} has an unknown end`);
      this.keys.add(`${e.from}\t${e.rel}\t${e.to}`);
    }
  }

  node(id: string): GraphNode {
    const n = this.byId.get(id);
    if (!n) throw new Error(`knowledge graph: no node ${id}`);
    return n;
  }

  hasNode(id: string): boolean {
    return this.byId.has(id);
  }

  /** Whether the step a -rel-> b exists; an inverse name (part_of, ...) reads the edge backwards. */
  hasStep(a: string, rel: string, b: string): boolean {
    const forward = (Object.keys(INVERSE) as Relation[]).find((r) => r === rel);
    if (forward) return this.keys.has(`${a}\t${forward}\t${b}`);
    const back = (Object.entries(INVERSE) as [Relation, InverseRelation][]).find(([, inv]) => inv === rel);
    return back ? this.keys.has(`${b}\t${back[0]}\t${a}`) : false;
  }

  /** A path is valid when it has the [node, rel, node, ...] shape and every step is an edge. */
  pathValid(path: Path): boolean {
    if (path.length < 3 || path.length % 2 === 0) return false;
    for (let i = 0; i + 2 < path.length; i += 2) if (!this.hasStep(path[i], path[i + 1], path[i + 2])) return false;
    return true;
  }

  /** Edges leaving a node with a relation (optionally from some sources only). */
  out(from: string, rel: Relation, sources?: readonly EdgeSource[]): GraphEdge[] {
    return this.data.edges.filter((e) => e.from === from && e.rel === rel && (!sources || sources.includes(e.source)));
  }

  /** The attribute ids a digit has by hand-authored has_part edges (the graph's ground truth). */
  handAuthoredAttributes(digit: number): string[] {
    return this.out(digitNode(digit), 'has_part', ['hand-authored']).map((e) => e.to.slice('attr:'.length));
  }

  /** Attribute ids a digit has by any has_part edge. */
  attributesOf(digit: number): string[] {
    return [...new Set(this.out(digitNode(digit), 'has_part').map((e) => e.to.slice('attr:'.length)))];
  }

  /**
   * The concept chain above an attribute: attr -grounded_in-> concept -hypernym-> ... as far as the
   * graph goes, through its first grounding.
   */
  groundingChain(attribute: string, maxHops = Infinity): string[] {
    const start = attributeNode(attribute);
    const g = this.out(start, 'grounded_in')[0];
    if (!g) return [start];
    const path = [start, 'grounded_in', g.to];
    let at = g.to;
    for (let hop = 0; hop < maxHops; hop++) {
      const up = this.out(at, 'hypernym')[0];
      if (!up) break;
      path.push('hypernym', up.to);
      at = up.to;
    }
    return path;
  }
}
