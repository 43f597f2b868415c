/**
 * The `control-random` item of each structured family (a random explanation
 * that should score low on both sensibleness and specificity), shown exactly like that family's real
 * items so a rater cannot tell it apart by its form: a rule drawn at random from the task's rule set
 * presented as the rule used; random attributes of the knowledge graph presented as the evidence
 * paths; random training examples presented as the examples. Seeded per (task, input, family).
 */
import type { Task } from '../datasets/task.js';
import { attributeNode, digitNode } from '../datasets/knowledge-graph/graph.js';
import type { ConceptPathExplanation, ConceptPathGlobal } from '../explainers/concept-path/payload.js';
import { conceptPathText } from '../explainers/concept-path/concept-text.js';
import { className } from '../explainers/examples/class-words.js';
import type { ExampleQuery } from '../explainers/examples/example-query.js';
import type { RulesGlobal, RulesSample } from '../explainers/rules/rules-explanation.js';
import { sampleOf, toNested } from '../core/batch.js';
import type { StructuredSample } from '../runner/explanation-record.js';
import type { Rng } from '../core/rng.js';
import { type StructuredView, examplesDetail, graphOf, pathText, ruleLines, rulesDetail, decidingLine } from './structured-views.js';
import { withParticle } from '../core/korean-particles.js';

/** Rule-set lines of rules only (not the closing default line), by rule index. */
function ruleOnlyLines(global: RulesGlobal): number[] {
  const n = ruleLines(global).length;
  return n > 1 ? Array.from({ length: global.rules.length }, (_, i) => i) : [];
}

/** A rule of the real sample's rule set, drawn at random among those that did not decide this input. */
export function randomRule(real: StructuredSample, rng: Rng): StructuredView | { notApplicable: string } {
  const global = real.global as RulesGlobal;
  const lines = ruleLines(global);
  const deciding = decidingLine(global, lines, (real.explanation as RulesSample).rule);
  const others = ruleOnlyLines(global).filter((k) => k !== deciding);
  if (others.length === 0)
    return { notApplicable: 'the rule set has no rule besides the one used for this input, so a random rule would be the real one' };
  const k = others[rng.int(others.length)];
  return {
    format: 'rule',
    text: { en: `The rule used for this input: ${lines[k].en}`, ko: `이 입력에 쓰인 규칙: ${lines[k].ko}` },
    detail: rulesDetail(global, k),
    png: null,
  };
}

/** As many random attributes as the real explanation cites, grounded like real ones, and random seen classes as the similar ones. */
export function randomConceptPath(real: StructuredSample, rng: Rng): StructuredView | { notApplicable: string } {
  const global = real.global as ConceptPathGlobal;
  const p = real.explanation as ConceptPathExplanation;
  const graph = graphOf(global);
  const attrs = graph.data.nodes.filter((n) => n.kind === 'attribute').map((n) => n.id.slice('attr:'.length));
  if (attrs.length === 0) return { notApplicable: 'the knowledge graph has no attributes to draw from' };
  const count = Math.max(1, Math.min(attrs.length, p.attributes?.length ?? 3));
  const chosen = rng.sample(attrs.length, count).map((i) => attrs[i]);
  const attributePaths = chosen.map((a) => [digitNode(p.class), 'has_part', ...graph.groundingChain(a, 2)]);
  const seen = global.seen.filter((c) => c !== p.class);
  const similar = rng.sample(seen.length, Math.min(seen.length, Math.max(1, p.similarClasses.length))).map((i) => {
    const shared = rng.sample(attrs.length, 1).map((j) => attrs[j]);
    return { class: seen[i], score: 0, shared };
  });
  const paths = [
    ...attributePaths,
    ...similar.map((s) => [digitNode(p.class), 'has_part', attributeNode(s.shared[0]), 'part_of', digitNode(s.class)]),
  ];
  return {
    format: 'kg_path',
    text: conceptPathText({
      graph,
      cls: p.class,
      seen: p.seen,
      novelty: p.novelty,
      threshold: global.noveltyThreshold,
      attributePaths,
      similar,
    }),
    detail: {
      title: { en: 'Paths in the knowledge graph', ko: '지식 그래프의 경로' },
      lines: paths.map((path) => ({ text: pathText(graph, path) })),
    },
    png: null,
  };
}

/** As many random training examples as the real explanation shows (1 to 8), with their true labels. */
export function randomExamples(
  task: Task,
  real: StructuredSample,
  input: Float32Array,
  target: number,
  rng: Rng,
): StructuredView | { notApplicable: string } {
  const n = task.train.x.n;
  if (n === 0) return { notApplicable: 'the task has no training examples to draw from' };
  const k = Math.min(n, Math.max(1, Math.min(8, (real.explanation as ExampleQuery).samples.length || 3)));
  const rows = rng.sample(n, k).sort((a, b) => a - b);
  const samples = rows.map((r) => ({
    role: 'neighbour' as const,
    input: toNested(sampleOf(task.train.x, r), task.sampleShape),
    label: task.train.y[r],
  }));
  const { detail, png } = examplesDetail(task, input, samples);
  const labels = samples.map((s) => `'${className(task, s.label)}'`).join(', ');
  const cls = className(task, target);
  return {
    format: 'example',
    text: {
      en: `The model says '${cls}'. Examples it finds similar to this input are labelled ${labels}.`,
      ko: `모델은 ${withParticle(`'${className(task, target, 'ko')}'`, '이라고/라고')} 답했습니다. 모델이 이 입력과 비슷하다고 보는 예시의 정답은 ` +
        `${samples.map((s) => `'${className(task, s.label, 'ko')}'`).join(', ')}입니다.`,
    },
    detail,
    png,
  };
}
