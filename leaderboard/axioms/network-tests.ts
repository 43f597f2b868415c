/**
 * The functional tests that compare networks, inputs or targets: implementation invariance, input-shift
 * invariance, saturation, interaction, target sensitivity and determinism (catalogue.ts).
 */
import { axiomTask, denseChain } from './axiom-models.js';
import { type AxiomTest, BASE3, diffNorm, FA, mlpOf, norm, rel, X3 } from './axiom-test.js';

/**
 * relu(relu(x1) - 1 - relu(x2)) and relu(relu(x1 - 1) - relu(x2)) are the same function (for x1 < 1
 * both are 0); at (3, 1) from 0 DeepLIFT's rescale rule gives [1.5, -0.5] on the first, [2, -1] on the second.
 */
const implementationInvariance: AxiomTest = {
  id: 'implementation-invariance',
  property: 'implementation-invariance',
  title: { en: 'Two networks computing the same function get the same explanation', ko: '같은 함수를 계산하는 두 신경망은 같은 설명을 받는다' },
  measure: {
    en: '||E_A - E_B|| / ||E_A|| for relu(relu(x1) - 1 - relu(x2)) written as two different networks, at (3, 1) from 0',
    ko: 'relu(relu(x1) - 1 - relu(x2))를 서로 다른 두 신경망으로 구현하고, 기준 0에서 (3, 1)을 설명할 때의 ||E_A - E_B|| / ||E_A||',
  },
  tolerance: 0.01,
  citation: 'Sundararajan et al. 2017, "Axiomatic attribution for deep networks" (implementation invariance)',
  async run(p) {
    const top = { w: [[0, 1]], b: [0, 0], activation: 'linear' as const };
    const a = await denseChain('impl-a', [{ w: [[1, 0], [0, 1]], b: [0, 0], activation: 'relu' }, { w: [[1], [-1]], b: [-1], activation: 'relu' }, top]);
    const b = await denseChain('impl-b', [{ w: [[1, 0], [0, 1]], b: [-1, 0], activation: 'relu' }, { w: [[1], [-1]], b: [0], activation: 'relu' }, top]);
    const task = axiomTask('implementation', [0, 0]);
    const ea = (await p.explain(a, task, [3, 1], 1)).attributions;
    const eb = (await p.explain(b, task, [3, 1], 1)).attributions;
    const value = rel(diffNorm(ea, eb), norm(ea));
    return { pass: value <= this.tolerance, value };
  },
};

/** g(x) = f(x - c), the shift absorbed by the first layer's bias: b' = b - c W. */
const inputShiftInvariance: AxiomTest = {
  id: 'input-shift-invariance',
  property: 'input-shift-invariance',
  title: { en: 'A constant input shift absorbed by the first bias changes nothing', ko: '첫 편향이 흡수하는 일정한 입력 이동은 설명을 바꾸지 않는다' },
  measure: {
    en: "||E_f(x) - E_g(x + c)|| / ||E_f(x)|| with c = 1 on every feature, g(x) = f(x - c) and the same task baseline",
    ko: '모든 특성에 c = 1, g(x) = f(x - c), 같은 과제 기준값일 때의 ||E_f(x) - E_g(x + c)|| / ||E_f(x)||',
  },
  tolerance: 0.01,
  citation: 'Kindermans et al. 2017, "The (un)reliability of saliency methods" (input invariance)',
  async run(p) {
    const c = [1, 1, 1];
    const shiftedBias = FA.b1.map((b, j) => b - c.reduce((s, ci, i) => s + ci * FA.w1[i][j], 0));
    const f = await mlpOf('shift-f', FA);
    const g = await mlpOf('shift-g', { ...FA, b1: shiftedBias });
    const task = axiomTask('shift', [0, 0, 0]);
    const ef = (await p.explain(f, task, X3, 1)).attributions;
    const eg = (await p.explain(g, task, X3.map((v, i) => v + c[i]), 1)).attributions;
    const value = rel(diffNorm(ef, eg), norm(ef));
    return { pass: value <= this.tolerance, value };
  },
};

/** logit = -relu(1 - x1) + 0.1 relu(x2) at (2, 1) from 0: x1 moved the output by 1 but its gradient is 0. */
const saturation: AxiomTest = {
  id: 'saturation',
  property: 'saturation',
  title: { en: 'A saturated feature that drove the output gets credit', ko: '포화되었지만 출력을 움직인 특성은 기여도를 받는다' },
  measure: {
    en: "a1 / Σ|a| for logit -relu(1 - x1) + 0.1 relu(x2) at (2, 1) from 0 (x1 explains 1 of the change of 1.1); passes from 0.5",
    ko: '로짓 -relu(1 - x1) + 0.1 relu(x2)를 기준 0에서 (2, 1)로 설명할 때의 a1 / Σ|a|(변화 1.1 가운데 1이 x1 몫). 0.5 이상이면 통과',
  },
  tolerance: 0.5,
  citation: 'Sundararajan et al. 2017 (sensitivity (a)); Shrikumar et al. 2017 (saturation)',
  async run(p) {
    const model = await denseChain('saturation', [{ w: [[-1, 0], [0, 1]], b: [1, 0], activation: 'relu' }, { w: [[0, -1], [0, 0.1]], b: [0, 0], activation: 'linear' }]);
    const a = (await p.explain(model, axiomTask('saturation', [0, 0]), [2, 1], 1)).attributions;
    const value = a[0] / Math.max(Math.abs(a[0]) + Math.abs(a[1]), 1e-12);
    return { pass: value >= this.tolerance, value };
  },
};

/** relu(2 x1 + x2 - 2) at (1, 2) from 0: neither feature alone moves it, together they add 2; Shapley gives [1, 1]. */
const interaction: AxiomTest = {
  id: 'interaction',
  property: 'symmetry',
  title: { en: 'A pure interaction is split fairly', ko: '순수한 상호작용은 공평하게 나뉜다' },
  measure: {
    en: 'max_j |a_j - Δ/2| / |Δ| with Δ = f(x) - f(reference), for relu(2 x1 + x2 - 2) at (1, 2) from 0',
    ko: 'relu(2 x1 + x2 - 2)를 기준 0에서 (1, 2)로 설명할 때, Δ = f(x) - f(기준)에 대한 max_j |a_j - Δ/2| / |Δ|',
  },
  tolerance: 0.05,
  citation: 'Shapley 1953 (symmetry of an interaction); Sundararajan et al. 2017 (x1 * x2 split in halves)',
  async run(p) {
    const model = await denseChain('interaction', [{ w: [[2], [1]], b: [-2], activation: 'relu' }, { w: [[0, 1]], b: [0, 0], activation: 'linear' }]);
    const r = await p.explain(model, axiomTask('interaction', [0, 0]), [1, 2], 1);
    const delta = r.value - r.reference;
    const value = Math.max(...Array.from(r.attributions, (v) => rel(v - delta / 2, delta)));
    return { pass: value <= this.tolerance, value };
  },
};

/** Class 0's logit is 2 x1, class 1's is 2 x2 (class 2: 0): explaining 0 and 1 should not look alike. */
const targetSensitivity: AxiomTest = {
  id: 'target-sensitivity',
  property: 'target-sensitivity',
  title: { en: 'Explaining another class gives another explanation', ko: '다른 클래스를 설명하면 다른 설명이 나온다' },
  measure: {
    en: 'cosine similarity of the explanations of class 0 (logit 2 x1) and class 1 (logit 2 x2) at (1, 1); passes up to 0.5',
    ko: '(1, 1)에서 클래스 0(로짓 2 x1)과 클래스 1(로짓 2 x2)의 설명 사이 코사인 유사도. 0.5 이하이면 통과',
  },
  tolerance: 0.5,
  citation: 'Sixt et al. 2020, "When explanations lie: why many modified BP attributions fail"; Adebayo et al. 2018',
  async run(p) {
    const model = await denseChain('target', [{ w: [[2, 0, 0], [0, 2, 0]], b: [0, 0, 0], activation: 'linear' }]);
    const task = axiomTask('target', [0, 0], 3);
    const a0 = (await p.explain(model, task, [1, 1], 0)).attributions;
    const a1 = (await p.explain(model, task, [1, 1], 1)).attributions;
    const dot = a0[0] * a1[0] + a0[1] * a1[1];
    const value = dot === 0 ? 0 : dot / Math.max(norm(a0) * norm(a1), 1e-12);
    return { pass: value <= this.tolerance, value };
  },
};

/** Same seed, same explanation; a method claiming determinism must also give it under another seed. */
const determinism: AxiomTest = {
  id: 'determinism',
  property: 'determinism',
  title: { en: 'The same seed gives the same explanation', ko: '같은 시드는 같은 설명을 준다' },
  measure: {
    en: 'max |difference| between two runs with seed 1 (and one with seed 2 where determinism is claimed)',
    ko: '시드 1로 두 번 실행한 결과(결정성을 내세우면 시드 2 실행도 포함) 사이의 최대 |차이|',
  },
  tolerance: 0,
  citation: 'Compare-xAI (Belaid et al. 2022); docs/principles.md (seeded streams)',
  async run(p) {
    const model = await mlpOf('determinism', FA);
    const task = axiomTask('determinism', BASE3);
    const first = (await p.explain(model, task, X3, 1, 1)).attributions;
    const runs = [(await p.explain(model, task, X3, 1, 1)).attributions];
    if (p.claims('determinism')) runs.push((await p.explain(model, task, X3, 1, 2)).attributions);
    const value = Math.max(...runs.flatMap((r) => Array.from(r, (v, k) => Math.abs(v - first[k]))));
    return { pass: value <= this.tolerance, value };
  },
};

export const NETWORK_TESTS: readonly AxiomTest[] = [
  implementationInvariance,
  inputShiftInvariance,
  saturation,
  interaction,
  targetSensitivity,
  determinism,
];
