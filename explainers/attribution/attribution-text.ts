/**
 * Attributions as short text in English and Korean (docs/formats.md, "Explanation text"): for tabular inputs
 * the features with the largest |attribution|, with sign and the input value in original units; for
 * images the regions of a 3x3 grid that hold most of the positive attribution. The text always names
 * what is explained (the logit score or the predicted probability of the target class) and names first
 * what the attribution really ranks first.
 */
import type { TaskView, TypedFeature } from '../../datasets/task.js';
import { featureValue } from '../../datasets/typed-features.js';
import { sizeOf } from '../../core/batch.js';
import type { OutputKind } from '../../core/model.js';
import { imageGeometry } from './image-geometry.js';
import type { Bilingual } from '../types.js';

export interface AttributionTextInput {
  readonly task: TaskView;
  /** One sample, in model-input space. */
  readonly input: Float32Array;
  /** Its attribution, shaped like the input. */
  readonly attribution: Float32Array;
  readonly target: number;
  readonly output: OutputKind;
  /** Features (tabular) or regions (images) named at most; default 3. */
  readonly topK?: number;
}

export const REGION_NAMES: { readonly en: readonly string[]; readonly ko: readonly string[] } = {
  en: ['top left', 'top centre', 'top right', 'centre left', 'centre', 'centre right', 'bottom left', 'bottom centre', 'bottom right'],
  ko: ['왼쪽 위', '위쪽 가운데', '오른쪽 위', '왼쪽 가운데', '가운데', '오른쪽 가운데', '왼쪽 아래', '아래쪽 가운데', '오른쪽 아래'],
};

const OUTPUT_WORDS: Record<OutputKind, { en: string; ko: string; koObject: string }> = {
  logit: { en: 'logit score', ko: '로짓 점수', koObject: '로짓 점수를' },
  probability: { en: 'predicted probability', ko: '예측 확률', koObject: '예측 확률을' },
};

/** A score model's output is read as is (datasets/task.ts, TaskView.score): neither a logit nor a probability. */
const SCORE_WORDS = { en: 'output', ko: '출력', koObject: '출력을' };

function outputWords(t: AttributionTextInput): { en: string; ko: string; koObject: string } {
  return t.task.score ? SCORE_WORDS : OUTPUT_WORDS[t.output];
}

/** Indices by decreasing |attribution| (ties by index), at most k. */
export function topFeatures(attribution: ArrayLike<number>, k: number): number[] {
  return Array.from({ length: attribution.length }, (_, i) => i)
    .sort((a, b) => Math.abs(attribution[b]) - Math.abs(attribution[a]) || a - b)
    .slice(0, k);
}

/** Sum of positive attribution in each cell of a 3x3 grid over the image (row-major: top left first). */
export function regionMass(attribution: ArrayLike<number>, sampleShape: readonly number[]): Float64Array {
  const { height, width, channels } = imageGeometry(sampleShape);
  const mass = new Float64Array(9);
  for (let r = 0; r < height; r++) {
    const rr = Math.min(2, Math.floor((r * 3) / height));
    for (let c = 0; c < width; c++) {
      const cc = Math.min(2, Math.floor((c * 3) / width));
      for (let ch = 0; ch < channels; ch++) {
        const v = attribution[(r * width + c) * channels + ch];
        if (v > 0) mass[rr * 3 + cc] += v;
      }
    }
  }
  return mass;
}

/** A raw value with precision suited to its size, without trailing zeros. */
export function formatValue(v: number): string {
  const a = Math.abs(v);
  const digits = a >= 1000 ? 0 : a >= 100 ? 1 : a >= 1 ? 2 : 3;
  const s = v.toFixed(digits);
  const trimmed = s.includes('.') ? s.replace(/\.?0+$/, '') : s;
  return trimmed === '-0' ? '0' : trimmed;
}

/** An attribution with explicit sign and two significant decimals (or two significant digits if tiny). */
export function formatSigned(v: number): string {
  const a = Math.abs(v);
  const body = a === 0 ? '0' : a >= 0.01 ? a.toFixed(2) : a.toPrecision(2);
  return `${v < 0 ? '-' : '+'}${body}`;
}

/**
 * Typed tables: one entry per feature, a categorical feature's attribution summed over its columns
 * and its value named by level ("purpose = used car"), so the text never speaks of one-hot columns.
 */
function typedTabularText(t: AttributionTextInput, cls: string, features: readonly TypedFeature[]): Bilingual {
  const words = outputWords(t);
  const sums = features.map((f) => f.columns.reduce((s, c) => s + t.attribution[c], 0));
  const top = topFeatures(sums, Math.min(t.topK ?? 3, sums.length)).filter((j) => sums[j] !== 0);
  if (top.length === 0) {
    return {
      en: `No feature changed the model's ${words.en} for '${cls}' in this explanation.`,
      ko: `이 설명에서는 어떤 특성도 모델의 '${cls}' ${words.koObject} 바꾸지 않았습니다.`,
    };
  }
  const items = top.map((j) => {
    const f = features[j];
    const v = featureValue(t.task, f, t.input);
    const value = typeof v === 'string' ? `${f.name} = ${v}` : `${f.name} = ${formatValue(v)}${f.kind === 'numeric' && f.unit ? ` ${f.unit}` : ''}`;
    const a = sums[j];
    return { en: `${value} (${a > 0 ? 'raised it' : 'lowered it'}, ${formatSigned(a)})`, ko: `${value}(${a > 0 ? '높임' : '낮춤'}, ${formatSigned(a)})` };
  });
  return {
    en: `What moved the model's ${words.en} for '${cls}' most, in order: ${items.map((i) => i.en).join('; ')}.`,
    ko: `모델의 '${cls}' ${words.ko}에 가장 큰 영향을 준 특성은 순서대로 ${items.map((i) => i.ko).join(', ')}입니다.`,
  };
}

function tabularText(t: AttributionTextInput, cls: string): Bilingual {
  if (t.task.features) return typedTabularText(t, cls, t.task.features);
  const words = outputWords(t);
  const k = Math.min(t.topK ?? 3, t.attribution.length);
  const top = topFeatures(t.attribution, k).filter((j) => t.attribution[j] !== 0);
  if (top.length === 0) {
    return {
      en: `No feature changed the model's ${words.en} for '${cls}' in this explanation.`,
      ko: `이 설명에서는 어떤 특성도 모델의 '${cls}' ${words.koObject} 바꾸지 않았습니다.`,
    };
  }
  const items = top.map((j) => {
    const name = t.task.featureNames[j] ?? `feature ${j}`;
    const scale = t.task.scale;
    const raw = scale ? t.input[j] * scale.std[j] + scale.mean[j] : t.input[j];
    const unit = t.task.units?.[j] ? ` ${t.task.units[j]}` : '';
    const value = `${name} = ${formatValue(raw)}${unit}`;
    const a = t.attribution[j];
    return {
      en: `${value} (${a > 0 ? 'raised it' : 'lowered it'}, ${formatSigned(a)})`,
      ko: `${value}(${a > 0 ? '높임' : '낮춤'}, ${formatSigned(a)})`,
    };
  });
  return {
    en: `What moved the model's ${words.en} for '${cls}' most, in order: ${items.map((i) => i.en).join('; ')}.`,
    ko: `모델의 '${cls}' ${words.ko}에 가장 큰 영향을 준 특성은 순서대로 ${items.map((i) => i.ko).join(', ')}입니다.`,
  };
}

function imageText(t: AttributionTextInput, cls: string): Bilingual {
  const words = outputWords(t);
  const mass = regionMass(t.attribution, t.task.sampleShape);
  const total = mass.reduce((a, b) => a + b, 0);
  if (!(total > 0)) {
    return {
      en: `Nothing in the image raised the model's ${words.en} for '${cls}'.`,
      ko: `이미지의 어느 부분도 모델의 '${cls}' ${words.koObject} 높이지 않았습니다.`,
    };
  }
  // The top region always; further ones while they still hold a real share (>= 15%).
  const order = topFeatures(mass, 9);
  const named = order.filter((r, i) => i === 0 || (i < (t.topK ?? 3) && mass[r] / total >= 0.15));
  const pct = (r: number) => Math.round((100 * mass[r]) / total);
  const [first, ...rest] = named;
  const en =
    `The evidence for '${cls}' (the model's ${words.en}) lies mostly in the ${REGION_NAMES.en[first]} of the image ` +
    `(${pct(first)}% of the positive attribution)` +
    (rest.length ? `, then the ${rest.map((r) => `${REGION_NAMES.en[r]} (${pct(r)}%)`).join(' and the ')}.` : '.');
  const ko =
    `모델의 '${cls}' ${words.koObject} 높인 근거는 주로 이미지의 ${REGION_NAMES.ko[first]}에 있습니다(양의 기여의 ${pct(first)}%)` +
    (rest.length ? `. 그다음은 ${rest.map((r) => `${REGION_NAMES.ko[r]}(${pct(r)}%)`).join(', ')}입니다.` : '.');
  return { en, ko };
}

export function attributionText(t: AttributionTextInput): Bilingual {
  const d = sizeOf(t.task.sampleShape);
  if (t.input.length !== d || t.attribution.length !== d) {
    throw new RangeError(`attribution text: input and attribution need ${d} values, got ${t.input.length} and ${t.attribution.length}`);
  }
  const cls = t.task.classes[t.target] ?? `class ${t.target}`;
  return t.task.kind === 'tabular' ? tabularText(t, cls) : imageText(t, cls);
}
