/** The functional tests on one model each: dummy, symmetry, linearity, completeness (catalogue.ts). */
import { axiomTask, denseChain } from './axiom-models.js';
import { type AxiomTest, BASE3, diffNorm, FA, FB, mlpOf, norm, rel, sum, X3 } from './axiom-test.js';
import { NotApplicable } from './probe.js';

export const dummy: AxiomTest = {
  id: 'dummy',
  property: 'dummy',
  title: { en: 'A feature the model ignores gets zero', ko: '모델이 쓰지 않는 특성은 0을 받는다' },
  measure: {
    en: '|a3| / max|a| for x3, whose weights are all zero',
    ko: '가중치가 모두 0인 x3의 |a3| / max|a|',
  },
  tolerance: 1e-3,
  citation: 'Shapley 1953 (null player); Sundararajan et al. 2017 (sensitivity (b))',
  async run(p) {
    const model = await denseChain('dummy', [{ w: [[1, -0.5], [0.5, 1], [0, 0]], b: [0.1, -0.2], activation: 'relu' }, { w: [[0, 1], [0, -1]], b: [0, 0], activation: 'linear' }]);
    const a = (await p.explain(model, axiomTask('dummy', [0, 0, 0]), [1, 2, 3], 1)).attributions;
    const value = rel(a[2], Math.max(...Array.from(a, Math.abs)));
    return { pass: value <= this.tolerance, value };
  },
};

export const symmetry: AxiomTest = {
  id: 'symmetry',
  property: 'symmetry',
  title: { en: 'Two interchangeable features get equal shares', ko: '서로 바꿔도 되는 두 특성은 같은 몫을 받는다' },
  measure: {
    en: '|a1 - a2| / (|a1| + |a2|) with x1 = x2 entering the model identically',
    ko: 'x1 = x2이고 두 특성이 모델에 똑같이 들어갈 때의 |a1 - a2| / (|a1| + |a2|)',
  },
  tolerance: 0.01,
  citation: 'Shapley 1953 (symmetry); Sundararajan et al. 2017 (symmetry preservation)',
  async run(p) {
    const model = await denseChain('symmetry', [{ w: [[1, 0.5], [1, 0.5], [0.3, -1]], b: [-0.5, 0.2], activation: 'relu' }, { w: [[0, 1], [0, -0.7]], b: [0, 0], activation: 'linear' }]);
    const a = (await p.explain(model, axiomTask('symmetry', [0, 0, 0]), [1, 1, 0.5], 1)).attributions;
    const value = rel(a[0] - a[1], Math.abs(a[0]) + Math.abs(a[1]));
    return { pass: value <= this.tolerance, value };
  },
};

export const linearity: AxiomTest = {
  id: 'linearity',
  property: 'linearity',
  title: { en: 'Explaining a + b is explaining a plus explaining b', ko: 'a + b의 설명은 a의 설명과 b의 설명의 합이다' },
  measure: {
    en: '||E(f_a + f_b) - E(f_a) - E(f_b)|| / ||E(f_a + f_b)||, the sum built as one network with both hidden layers side by side',
    ko: '||E(f_a + f_b) - E(f_a) - E(f_b)|| / ||E(f_a + f_b)||. 합은 두 은닉층을 나란히 둔 하나의 신경망으로 만듭니다',
  },
  tolerance: 0.01,
  citation: 'Shapley 1953 (additivity); Sundararajan et al. 2017 (linearity)',
  async run(p) {
    if (p.output === 'probability') throw new NotApplicable('explains probabilities, which do not add when logits do');
    const both = await denseChain('linearity-sum', [
      { w: FA.w1.map((r, i) => [...r, ...FB.w1[i]]), b: [...FA.b1, ...FB.b1], activation: 'relu' },
      { w: [...FA.w2, ...FB.w2], b: [0, 0], activation: 'linear' },
    ]);
    const task = axiomTask('linearity', BASE3);
    const ab = (await p.explain(both, task, X3, 1)).attributions;
    const a = (await p.explain(await mlpOf('linearity-a', FA), task, X3, 1)).attributions;
    const b = (await p.explain(await mlpOf('linearity-b', FB), task, X3, 1)).attributions;
    const value = rel(diffNorm(ab, Array.from(a, (v, k) => v + b[k])), norm(ab));
    return { pass: value <= this.tolerance, value };
  },
};

export const completeness: AxiomTest = {
  id: 'completeness',
  property: 'completeness',
  title: { en: 'Attributions sum to f(x) - f(reference)', ko: '기여도의 합이 f(x) - f(기준)과 같다' },
  measure: {
    en: "|Σa - (f(x) - f(reference))| / |f(x) - f(reference)| on the explainer's output; tested where the method claims it",
    ko: '설명 방법이 설명하는 출력에서 |Σa - (f(x) - f(기준))| / |f(x) - f(기준)|. 방법이 이 성질을 내세울 때만 시험합니다',
  },
  tolerance: 0.01,
  citation: 'Sundararajan et al. 2017 (completeness); Shrikumar et al. 2017 (summation-to-delta); Lundberg & Lee 2017 (local accuracy)',
  async run(p) {
    if (!p.claims('completeness')) throw new NotApplicable('the method does not claim completeness');
    const r = await p.explain(await mlpOf('completeness', FA), axiomTask('completeness', BASE3), X3, 1);
    const delta = r.value - r.reference;
    const value = rel(sum(r.attributions) - delta, delta);
    return { pass: value <= this.tolerance, value };
  },
};

