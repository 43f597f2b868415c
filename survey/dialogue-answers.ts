/**
 * The answers of the explanation dialogue's fixed menu for one input, each taken from the run: "why?"
 * is the primary method's own text; "what mattered most?" the element its attribution ranks first;
 * "what would change the answer?" the counterfactual explainer's text; "show similar examples" the
 * nearest-neighbours explainer's; "how sure is it?" the model's probabilities. Where the run has no
 * such explanation the answer says so plainly rather than inventing one.
 */
import type { TaskView } from '../datasets/task.js';
import { REGION_NAMES, regionMass, topFeatures } from '../explainers/attribution/attribution-text.js';
import { className, percent, valueWithUnit } from '../explainers/examples/class-words.js';
import type { Bilingual } from '../explainers/types.js';
import type { DialogueAnswer, DialogueQuestion } from './packet.js';
import { withParticle } from '../core/korean-particles.js';

export interface DialogueSources {
  readonly task: TaskView;
  readonly input: Float32Array;
  readonly target: number;
  /** The model's probabilities for this input. */
  readonly probabilities: Float32Array;
  /** The primary method's explanation. */
  readonly primary: { readonly text: Bilingual; readonly attribution: Float32Array; readonly picture?: DialogueAnswer['picture'] };
  readonly counterfactual?: DialogueAnswer;
  readonly neighbours?: DialogueAnswer;
}

const CANNOT: Bilingual = {
  en: 'Sorry, I cannot answer that question for this input.',
  ko: '미안해요. 이 입력에 대해서는 그 질문에 답할 수 없어요.',
};

function mostImportant(s: DialogueSources): Bilingual {
  const cls = className(s.task, s.target);
  if (s.task.kind === 'tabular') {
    const [j] = topFeatures(s.primary.attribution, 1);
    if (j === undefined || s.primary.attribution[j] === 0)
      return { en: 'This explanation does not point at any one feature.', ko: '이 설명은 어느 한 특성을 가리키지 않아요.' };
    const name = s.task.featureNames[j];
    const v = valueWithUnit(s.task, j, s.input[j]);
    const up = s.primary.attribution[j] > 0;
    return {
      en: `What mattered most: ${name} (${v}). It ${up ? 'pushed the answer towards' : 'pushed the answer away from'} '${cls}'.`,
      ko: `가장 중요했던 것: ${name} (${valueWithUnit(s.task, j, s.input[j], 'ko')}). 이것이 답을 '${className(s.task, s.target, 'ko')}' 쪽으로 ${up ? '밀었어요' : '멀어지게 했어요'}.`,
    };
  }
  const mass = regionMass(s.primary.attribution, s.task.sampleShape);
  let best = 0;
  for (let r = 1; r < 9; r++) if (mass[r] > mass[best]) best = r;
  if (mass[best] <= 0)
    return { en: 'This explanation does not point at any part of the picture.', ko: '이 설명은 그림의 어느 부분도 가리키지 않아요.' };
  return {
    en: `What mattered most: the ${REGION_NAMES.en[best]} of the picture.`,
    ko: `가장 중요했던 것: 그림의 ${REGION_NAMES.ko[best]} 부분이에요.`,
  };
}

function howSure(s: DialogueSources): Bilingual {
  const p = s.probabilities;
  const order = Array.from(p.keys()).sort((a, b) => p[b] - p[a] || a - b);
  const next = order.find((k) => k !== s.target);
  const cls = className(s.task, s.target);
  const head = {
    en: `It is ${percent(p[s.target])} sure the answer is '${cls}'.`,
    ko: `답이 ${withParticle(`'${className(s.task, s.target, 'ko')}'`, '이라고/라고')} ${percent(p[s.target])} 확신해요.`,
  };
  if (next === undefined) return head;
  const other = className(s.task, next);
  return {
    en: `${head.en} The next most likely answer is '${other}' (${percent(p[next])}).`,
    ko: `${head.ko} 그다음으로 가능성이 높은 답은 ${withParticle(`'${className(s.task, next, 'ko')}'`, '이에요/예요')} (${percent(p[next])}).`,
  };
}

export function dialogueAnswers(s: DialogueSources): Record<DialogueQuestion, DialogueAnswer> {
  return {
    why: { text: s.primary.text, ...(s.primary.picture ? { picture: s.primary.picture } : {}) },
    most: { text: mostImportant(s) },
    change: s.counterfactual ?? { text: CANNOT },
    similar: s.neighbours ?? { text: CANNOT },
    sure: { text: howSure(s) },
  };
}

export function openingLine(task: TaskView, target: number): Bilingual {
  const cls = className(task, target);
  return {
    en: `The computer looked at this ${task.kind === 'image' ? 'picture' : 'example'} and answered '${cls}'. Ask me about it!`,
    ko: `컴퓨터가 이 ${task.kind === 'image' ? '그림' : '예시'}${task.kind === 'image' ? '을' : '를'} 보고 ${withParticle(`'${className(task, target, 'ko')}'`, '이라고/라고')} 답했어요. 궁금한 것을 물어보세요!`,
  };
}
