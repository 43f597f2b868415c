/**
 * counterfactual: the least change found that makes the model give another answer, reported with its
 * size (how many input elements moved, and by how much). A small, seeded Growing Spheres search
 * (growing-spheres.ts) that needs only predictions, so it applies to any classifier. For tabular
 * tasks the changed features are listed in original units.
 */
import { sampleOf, toNested } from '../../core/batch.js';
import { bool, int, num, str } from '../../core/params.js';
import type { TaskView } from '../../datasets/task.js';
import type { Bilingual, StructuredExplainer } from '../types.js';
import { cfConstraints, immutableNames } from './cf-constraints.js';
import { counterfactualCard } from './counterfactual.card.js';
import { categoricalChanges } from './categorical-changes.js';
import { className, percent, rawValue, valueWithUnit } from './class-words.js';
import type { ChangeSize, CounterfactualResult, ExampleQuery, FeatureChange } from './example-query.js';
import { growingSpheres } from './growing-spheres.js';
import { withParticle } from '../../core/korean-particles.js';

const params = {
  samples: int({ default: 64, min: 4, max: 4096, description: 'points drawn per spherical shell' }),
  layers: int({ default: 30, min: 1, max: 1000, description: 'shells tried at most (the search budget)' }),
  step: num({ default: 0.1, min: 1e-4, max: 10, description: 'radius growth per shell, as root-mean-square change per input element' }),
  sparsify: bool({ default: true, description: 'put back the least-changed features while the answer stays flipped' }),
  immutable: str({
    default: 'task',
    pattern: /^(task|none|[^+]+(\+[^+]+)*)$/,
    patternHint: "'task', 'none' or feature names joined by '+'",
    description: "features the counterfactual may not change: 'task' = the task's list (its protected attribute), 'none', or names joined by '+'",
  }),
} as const;

/** Elements whose change is below this are counted as unchanged (float noise). */
const UNCHANGED = 1e-6;
const LISTED = 6;

export function changeSize(x: ArrayLike<number>, cf: ArrayLike<number>): ChangeSize {
  let l2 = 0;
  let l1 = 0;
  let linf = 0;
  let changed = 0;
  for (let k = 0; k < x.length; k++) {
    const a = Math.abs(cf[k] - x[k]);
    l2 += a * a;
    l1 += a;
    linf = Math.max(linf, a);
    if (a > UNCHANGED) changed++;
  }
  return { l2: Math.sqrt(l2), l1, linf, changed, of: x.length };
}

function featureChanges(task: TaskView, x: Float32Array, cf: Float32Array): FeatureChange[] {
  if (task.features) return categoricalChanges(task, x, cf, UNCHANGED);
  const moved = Array.from(x.keys()).filter((k) => Math.abs(cf[k] - x[k]) > UNCHANGED);
  // Largest change first, in standardised units (comparable across features).
  moved.sort((a, b) => Math.abs(cf[b] - x[b]) - Math.abs(cf[a] - x[a]) || a - b);
  return moved.map((k) => ({
    feature: k,
    name: task.featureNames[k] ?? `feature ${k}`,
    from: rawValue(task, k, x[k]),
    to: rawValue(task, k, cf[k]),
    ...(task.units?.[k] ? { unit: task.units[k] } : {}),
  }));
}

function text(
  task: TaskView,
  target: number,
  probability: number,
  q: ExampleQuery & { counterfactual: CounterfactualResult },
  x: Float32Array,
  cf: Float32Array | null,
): Bilingual {
  const cls = className(task, target);
  const head = { en: `The model says '${cls}' (${percent(probability)}).`, ko: `모델은 ${withParticle(`'${className(task, target, 'ko')}'`, '이라고/라고')} 답했습니다 (${percent(probability)}).` };
  const r = q.counterfactual;
  if (!r.found || cf === null || !r.size) {
    return {
      en: `${head.en} No change within the search budget made it give another answer, so its answer is stable around this input.`,
      ko: `${head.ko} 정해진 탐색 범위 안에서는 어떤 변화도 답을 바꾸지 못했습니다. 이 입력 근처에서 답이 안정적입니다.`,
    };
  }
  const other = className(task, q.samples[0].predicted!);
  const s = r.size;
  if (task.kind === 'tabular') {
    const list = r.changes!.slice(0, LISTED);
    // Typed tables count features as a user reads them (a one-hot feature once), not input columns.
    const changed = task.features ? r.changes!.length : s.changed;
    const of = task.features ? task.features.length : s.of;
    const from = (c: FeatureChange, lang: 'en' | 'ko') => c.fromLevel ?? valueWithUnit(task, c.feature, x[c.feature], lang);
    const to = (c: FeatureChange, lang: 'en' | 'ko') => c.toLevel ?? valueWithUnit(task, c.feature, cf[c.feature], lang);
    const en = list.map((c) => `${c.name} from ${from(c, 'en')} to ${to(c, 'en')}`);
    const ko = list.map((c) => `${withParticle(c.name, '을/를')} ${from(c, 'ko')}에서 ${withParticle(to(c, 'ko'), '으로/로')}`);
    const more = changed > list.length ? {
      en: ` and ${changed - list.length} more`,
      ko: ` 외 ${changed - list.length}개`,
    } : { en: '', ko: '' };
    return {
      en:
        `${head.en} The smallest change found that makes it say '${other}': ${en.join(', ')}${more.en} (${changed} of ${of} ` +
        `features changed).`,
      ko: `${head.ko} 답을 ${withParticle(`'${className(task, q.samples[0].predicted!, 'ko')}'`, '으로/로')} 바꾸는, 찾은 가장 작은 변화: ${ko.join(', ')} 바꾸기${more.ko} (특성 ${of}개 중 ${changed}개 변경).`,
    };
  }
  const size = s.l2.toFixed(2);
  return {
    en: `${head.en} The smallest change found that makes it say '${other}' changes ${s.changed} of ${s.of} pixels (change size ${size}).`,
    ko: `${head.ko} 답을 ${withParticle(`'${className(task, q.samples[0].predicted!, 'ko')}'`, '으로/로')} 바꾸는, 찾은 가장 작은 변화는 픽셀 ${s.of}개 중 ${s.changed}개를 바꿉니다 (변화 크기 ${size}).`,
  };
}

export const counterfactualExplainer: StructuredExplainer<typeof params, void, ExampleQuery> = {
  api: 2,
  id: 'counterfactual',
  family: 'examples',
  description: 'Least change found (seeded Growing Spheres search, then made sparse) that flips the prediction, with its size.',
  needs: ['predict'],
  needsClasses: 'searches for the nearest input the model gives another class',
  output: 'probability',
  deterministic: false,
  card: counterfactualCard,
  params,
  explain({ ctx, batch, targets, sampleIds, params: p }) {
    const probs = ctx.engine.outputs(batch, 'probability');
    const c = ctx.engine.numClasses;
    const explanations: ExampleQuery[] = [];
    const texts: Bilingual[] = [];
    const cons = ctx.task.kind === 'tabular' ? cfConstraints(ctx.task, immutableNames(ctx.task, p.immutable)) : null;
    for (let i = 0; i < batch.n; i++) {
      const x = sampleOf(batch, i);
      const found = growingSpheres(ctx.engine, x, batch.sampleShape, targets[i], p, ctx.rng(sampleIds[i], 'growing-spheres'), cons);
      const size = found ? changeSize(x, found.input) : undefined;
      const probability = probs[i * c + targets[i]];
      const q = {
        input: toNested(x, batch.sampleShape),
        target: targets[i],
        probability,
        space: 'input' as const,
        samples: found ? [{
          role: 'counterfactual' as const,
          input: toNested(found.input, batch.sampleShape),
          predicted: found.predicted,
          distance: size!.l2,
        }] : [],
        counterfactual: {
          found: found !== null,
          ...(size ? { size } : {}),
          ...(found && ctx.task.kind === 'tabular' ? { changes: featureChanges(ctx.task, x, found.input) } : {}),
        },
      };
      explanations.push(q);
      texts.push(text(ctx.task, targets[i], probability, q, x, found?.input ?? null));
    }
    return { explanations, text: texts };
  },
};
