/**
 * The check that a trained model really uses a synthetic set's ground truth: on the test
 * split, accuracy must be well above chance, fall to near chance when the planted signal is removed,
 * and hold when distractors (or irrelevant features) are shuffled. Localisation scores count only
 * where it passed. The training script records it in zoo.json; tests recompute it.
 */
import { rngFor } from '../core/rng.js';
import type { Engine } from '../core/engine.js';
import { accuracy, majorityRate } from './accuracy.js';
import type { Dataset } from './dataset.js';
import type { GroundTruthCheck } from './task.js';

const CHECK_THRESHOLDS = {
  /** Intact accuracy must beat chance by at least this much. */
  minAboveChance: 0.2,
  /** Without the signal, at most this fraction of the intact margin over chance may remain. */
  maxResidualMargin: 0.25,
  /** With distractors shuffled, accuracy may drop by at most this much. */
  maxDistractorDrop: 0.03,
} as const;

const f3 = (v: number): string => v.toFixed(3);

export function checkGroundTruth(engine: Engine, dataset: Dataset, seed = 0): GroundTruthCheck {
  const probe = dataset.probe;
  if (!probe) throw new Error(`${dataset.info.id}: no ground truth probe (only synthetic sets have one)`);
  const { x, y } = dataset.test;
  const chance = majorityRate(y);
  const acc = accuracy(engine, x, y);
  const without = accuracy(engine, probe.withoutSignal(rngFor(seed, dataset.info.id, 'check', 'without-signal')), y);
  const shuffled = accuracy(engine, probe.distractorsShuffled(rngFor(seed, dataset.info.id, 'check', 'distractors')), y);
  const t = CHECK_THRESHOLDS;
  const margin = acc - chance;
  const learned = margin >= t.minAboveChance;
  const falls = without <= chance + t.maxResidualMargin * margin;
  const holds = shuffled >= acc - t.maxDistractorDrop;
  const extras = (probe.extras?.(rngFor(seed, dataset.info.id, 'check', 'extras')) ?? []).map(
    ({ name, batch }) => `${name}: ${f3(accuracy(engine, batch, y))}`,
  );
  const parts = [
    `accuracy ${f3(acc)} vs chance ${f3(chance)} (majority class)${learned ? '' : ` [FAIL: margin < ${t.minAboveChance}]`}`,
    `${probe.description.withoutSignal}: ${f3(without)}${falls ? '' : ` [FAIL: above chance + ${t.maxResidualMargin} x margin = ${f3(chance + t.maxResidualMargin * margin)}]`}`,
    `${probe.description.distractorsShuffled}: ${f3(shuffled)}${holds ? '' : ` [FAIL: drop > ${t.maxDistractorDrop}]`}`,
    ...extras,
  ];
  return {
    passed: learned && falls && holds,
    accuracy: acc,
    accuracyWithoutSignal: without,
    accuracyDistractorsShuffled: shuffled,
    chance,
    detail: parts.join('; '),
  };
}
