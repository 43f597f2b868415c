/**
 * How a rater sees an explanation of the structured families (docs/formats.md, Survey files): rules as the sentence naming the rule
 * that fired plus the whole rule set with that rule marked; concept paths as the sentence plus each
 * knowledge-graph path as a node -> edge -> node chain in words; examples as a picture grid (image
 * tasks: the input first, framed, then the returned samples) or, for tabular tasks, the examples'
 * values in original units. Everything in English and Korean.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TaskView } from '../datasets/task.js';
import { type GraphData, KnowledgeGraph } from '../datasets/knowledge-graph/graph.js';
import { digitShapeGraph } from '../datasets/knowledge-graph/load-graph.js';
import type { ConceptPathExplanation, ConceptPathGlobal } from '../explainers/concept-path/payload.js';
import { className, valueWithUnit } from '../explainers/examples/class-words.js';
import type { ExampleQuery, ExampleSample } from '../explainers/examples/example-query.js';
import type { RulesGlobal, RulesSample } from '../explainers/rules/rules-explanation.js';
import type { Bilingual } from '../explainers/types.js';
import { fromNested, sizeOf } from '../core/batch.js';
import { UserError } from '../core/errors.js';
import type { StructuredSample } from '../runner/explanation-record.js';
import { packageRoot } from '../core/package-root.js';
import { renderSampleGridPng } from '../render/sample-grid-png.js';
import type { ItemDetail, ItemFormat } from './packet.js';
import { withParticle } from '../core/korean-particles.js';

export interface StructuredView {
  readonly format: ItemFormat;
  readonly text: Bilingual;
  readonly detail?: ItemDetail;
  readonly png: Uint8Array | null;
}

const RULES_TITLE: Bilingual = {
  en: 'All the rules (the one used for this input is marked)',
  ko: '모든 규칙 (이 입력에 쓰인 규칙에 표시)',
};
const PATHS_TITLE: Bilingual = { en: 'Paths in the knowledge graph', ko: '지식 그래프의 경로' };

/** The rule set's text as one line per rule (and the closing default line), both languages. */
export function ruleLines(global: RulesGlobal): Bilingual[] {
  const en = global.text.en.split('\n');
  const ko = global.text.ko.split('\n');
  if (en.length !== ko.length) return [global.text];
  return en.map((l, i) => ({ en: l, ko: ko[i] }));
}

/** The line of `ruleLines` that decides: rule k, or the default (the last line) when no rule fired. */
export function decidingLine(global: RulesGlobal, lines: readonly Bilingual[], rule: number | null): number {
  if (lines.length === 1) return 0;
  return rule === null ? lines.length - 1 : Math.min(rule, lines.length - 1);
}

export function rulesDetail(global: RulesGlobal, marked: number): ItemDetail {
  const lines = ruleLines(global);
  return { title: RULES_TITLE, lines: lines.map((text, i) => (i === marked ? { text, marked: true } : { text })) };
}

function rulesView(s: StructuredSample): StructuredView {
  const global = s.global as RulesGlobal | undefined;
  if (!global || !Array.isArray(global.rules))
    throw new UserError(`rules explanation of ${s.sampleId}: no rule set (global) in the explanations line`);
  const fired = (s.explanation as RulesSample).rule;
  return { format: 'rule', text: s.text, detail: rulesDetail(global, decidingLine(global, ruleLines(global), fired)), png: null };
}

/** Relation names as the site's gallery words them (site/src/lib/gallery-i18n.ts). */
const RELATION: Readonly<Record<string, Bilingual>> = {
  has_part: { en: 'has part', ko: '부분으로 가짐' },
  part_of: { en: 'is part of', ko: '~의 부분' },
  grounded_in: { en: 'grounded in', ko: '개념에 연결됨' },
  grounds: { en: 'grounds', ko: '속성으로 연결됨' },
  hypernym: { en: 'is a kind of', ko: '~의 한 종류' },
  hyponym: { en: 'has the kind', ko: '하위 종류' },
};

const graphs = new Map<string, KnowledgeGraph>();

/** The knowledge graph a concept-path explanation names (committed under the package root). */
export function graphOf(global: ConceptPathGlobal): KnowledgeGraph {
  const path = join(packageRoot(), global.graph);
  let g = graphs.get(path);
  if (!g) {
    g = existsSync(path) ? new KnowledgeGraph(JSON.parse(readFileSync(path, 'utf8')) as GraphData) : digitShapeGraph();
    graphs.set(path, g);
  }
  return g;
}

/** A path [node, edge, node, ...] in words: node labels and relation names joined by arrows. */
export function pathText(graph: KnowledgeGraph, path: readonly string[]): Bilingual {
  const word = (k: number, lang: 'en' | 'ko') => {
    const id = path[k];
    if (k % 2 === 1) return RELATION[id]?.[lang] ?? id;
    return graph.hasNode(id) ? graph.node(id).label[lang] : id;
  };
  const chain = (lang: 'en' | 'ko') => path.map((_, k) => word(k, lang)).join(' → ');
  return { en: chain('en'), ko: chain('ko') };
}

function conceptPathView(s: StructuredSample): StructuredView {
  const global = s.global as ConceptPathGlobal | undefined;
  if (!global || typeof global.graph !== 'string')
    throw new UserError(`concept-path explanation of ${s.sampleId}: no knowledge graph named (global.graph) in the explanations line`);
  const p = s.explanation as ConceptPathExplanation;
  const graph = graphOf(global);
  return {
    format: 'kg_path',
    text: s.text,
    detail: { title: PATHS_TITLE, lines: p.paths.map((path) => ({ text: pathText(graph, path) })) },
    png: null,
  };
}

const flat = (task: TaskView, nested: unknown): Float32Array => {
  const r = fromNested(nested, task.sampleShape);
  if ('error' in r)
    throw new UserError(
      `examples explanation: an input does not match the task's sample shape [${task.sampleShape.join(', ')}]: ${r.error}`,
    );
  return r.data;
};

/** One grid PNG: the input first (framed in red), then the examples, at most 8 a row. */
function exampleGridPng(task: TaskView, input: Float32Array, examples: readonly Float32Array[]): Uint8Array {
  const tiles = [input, ...examples];
  const d = sizeOf(task.sampleShape);
  const images = new Float32Array(tiles.length * d);
  tiles.forEach((t, i) => images.set(t, i * d));
  const [h, w] = task.sampleShape;
  return renderSampleGridPng({
    images,
    n: tiles.length,
    shape: task.sampleShape,
    cols: Math.min(8, tiles.length),
    scale: Math.max(1, Math.floor(112 / Math.max(h, w))),
    highlightFirst: true,
  });
}

/** What one example is, in a few words: its label or the model's answer for it. */
function caption(task: TaskView, s: Pick<ExampleSample, 'role' | 'label' | 'predicted'>, k: number): Bilingual {
  if (s.role === 'neighbour' && s.label !== undefined)
    return {
      en: `Example ${k}: a training example labelled '${className(task, s.label)}'`,
      ko: `예시 ${k}: 정답이 '${className(task, s.label, 'ko')}'인 학습 예시`,
    };
  if (s.role === 'counterfactual' && s.predicted !== undefined)
    return {
      en: `Example ${k}: the changed input, which the model calls '${className(task, s.predicted)}'`,
      ko: `예시 ${k}: 바뀐 입력, 모델의 답은 '${className(task, s.predicted, 'ko')}'`,
    };
  if (s.predicted !== undefined)
    return {
      en: `Example ${k}: a generated example the model calls '${className(task, s.predicted)}'`,
      ko: `예시 ${k}: 모델이 ${withParticle(`'${className(task, s.predicted, 'ko')}'`, '이라고/라고')} 하는 생성 예시`,
    };
  return { en: `Example ${k}`, ko: `예시 ${k}` };
}

const rowText = (task: TaskView, x: Float32Array): string =>
  task.featureNames.map((name, j) => `${name} = ${valueWithUnit(task, j, x[j])}`).join(', ');

/**
 * Example pictures (image tasks) or rows (tabular tasks) with a caption per example; `samples` are the
 * examples to show, in order.
 */
export function examplesDetail(
  task: TaskView,
  input: Float32Array,
  samples: readonly Pick<ExampleSample, 'role' | 'input' | 'label' | 'predicted'>[],
): { detail: ItemDetail; png: Uint8Array | null } {
  const xs = samples.map((s) => flat(task, s.input));
  if (task.kind === 'image' && task.sampleShape.length >= 2 && task.sampleShape.length <= 3) {
    return {
      png: exampleGridPng(task, input, xs),
      detail: {
        title: { en: 'First picture (red frame): this input. Then the examples:', ko: '첫 그림(빨간 테두리): 이 입력. 그다음은 예시:' },
        lines: samples.map((s, k) => ({ text: caption(task, s, k + 1) })),
      },
    };
  }
  const row = (x: Float32Array) => ({ en: rowText(task, x), ko: rowText(task, x) });
  return {
    png: null,
    detail: {
      title: { en: 'This input (marked) and the examples, in original units:', ko: '이 입력(표시)과 예시들, 원래 단위로:' },
      lines: [
        { text: { en: `This input: ${row(input).en}`, ko: `이 입력: ${row(input).ko}` }, marked: true },
        ...samples.map((s, k) => {
          const c = caption(task, s, k + 1);
          return { text: { en: `${c.en}: ${row(xs[k]).en}`, ko: `${c.ko}: ${row(xs[k]).ko}` } };
        }),
      ],
    },
  };
}

function examplesView(task: TaskView, s: StructuredSample, input: Float32Array): StructuredView {
  const q = s.explanation as ExampleQuery;
  if (!Array.isArray(q?.samples))
    throw new UserError(`examples explanation of ${s.sampleId}: no samples (not the examples payload of schemas/explanation.schema.json)`);
  const { detail, png } = examplesDetail(task, input, q.samples);
  return { format: 'example', text: s.text, detail, png };
}

/** The rater's view of any structured-family explanation. */
export function structuredView(task: TaskView, s: StructuredSample, input: Float32Array): StructuredView {
  if (s.family === 'rules') return rulesView(s);
  if (s.family === 'concept-path') return conceptPathView(s);
  return examplesView(task, s, input);
}
