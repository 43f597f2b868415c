/**
 * Assembles the protected-attribute evidence of a run from its result records and the tasks'
 * data and models (evidence-types.ts). Intervals are seeded percentile bootstraps (streams named by
 * task, explainer and metric), so the same run gives the same evidence.
 */
import { Engine } from '../../core/engine.js';
import type { Task } from '../../datasets/task.js';
import { detectionScore } from '../../metrics/fidelity/protected/detection-score.js';
import { groupGap } from '../../metrics/fidelity/protected/group-gap.js';
import { interventionalEffect, levelsOf } from '../../metrics/fidelity/protected/interventional-effect.js';
import { spearman } from '../../numeric/rank-correlation.js';
import type { ResultRecord } from '../../runner/result-record.js';
import { type DetectionEvidence, type GroupGapEvidence, type MeasuredEvidence, PROTECTED_EVIDENCE_SCHEMA, type ProtectedEvidence, type TaskEvidence, type TrackingEvidence } from './evidence-types.js';
import { reviewerRequirements } from './reviewer-requirements.js';
import { testRowLevels } from './row-levels.js';

const SHARE = 'protected-attribution-share';

function taskEvidence(task: Task, seed: number): TaskEvidence {
  const attr = task.protectedAttribute!;
  const fav = Math.max(0, task.classes.indexOf(attr.favourableClass ?? task.classes[1]));
  const effect = interventionalEffect(new Engine(task.model), task.test.x, attr, fav, { seed, stream: ['protected-effect', task.id], scale: task.scale });
  const levels = levelsOf(attr);
  const rows = testRowLevels(task);
  return {
    task: task.id,
    dataset: task.dataset.id,
    attribute: attr.name,
    levels,
    trueEffect: Number.isNaN(attr.trueEffect) ? null : attr.trueEffect,
    favourableClass: task.classes[fav],
    effect,
    groupSizes: levels.map((_, k) => rows.filter((l) => l === k).length),
  };
}

const numbers = (r: ResultRecord): number[] => r.values.filter((v): v is number => v !== null);

function detection(records: readonly ResultRecord[], tasks: ReadonlyMap<string, Task>, seed: number): DetectionEvidence[] {
  const explainers = [...new Set(records.filter((r) => r.metric === SHARE).map((r) => r.explainer))].sort();
  return explainers.flatMap((explainer) => {
    const biased: number[] = [];
    const fair: number[] = [];
    for (const r of records.filter((x) => x.metric === SHARE && x.explainer === explainer && !x.variant)) {
      const g = tasks.get(r.task)?.protectedAttribute?.trueEffect;
      if (g === undefined || Number.isNaN(g)) continue;
      (g !== 0 ? biased : fair).push(...numbers(r));
    }
    if (biased.length === 0 || fair.length === 0) return [];
    return [{ explainer, score: detectionScore(biased, fair, { seed, stream: ['protected-detection', explainer] }), biased: biased.length, fair: fair.length }];
  });
}

function tracking(records: readonly ResultRecord[], evidence: readonly TaskEvidence[]): TrackingEvidence[] {
  const size = new Map(evidence.map((e) => [e.task, Math.max(...e.effect.levels.map((l) => Math.abs(l.logOdds.estimate)))]));
  const explainers = [...new Set(records.filter((r) => r.metric === SHARE).map((r) => r.explainer))].sort();
  return explainers.map((explainer) => {
    const cells = records.filter(
      (r) => r.metric === SHARE && r.explainer === explainer && !r.variant && size.has(r.task) && r.mean !== null,
    );
    const rho = cells.length >= 3 ? spearman(cells.map((r) => r.mean!), cells.map((r) => size.get(r.task)!)) : null;
    return { explainer, spearman: rho, cells: cells.length };
  });
}

function groupGaps(records: readonly ResultRecord[], tasks: ReadonlyMap<string, Task>, seed: number): GroupGapEvidence[] {
  return records.flatMap((r) => {
    const task = tasks.get(r.task);
    // Cost (seconds, passes) measures the machine, not the explanation's quality for a group.
    if (!task?.protectedAttribute || r.variant || r.failure || r.values.length === 0 || r.criterion === 'cost') return [];
    const levels = testRowLevels(task);
    const groups = r.sampleIds.map((id) => levels[task.sampleIndex(id)]);
    const g = groupGap(r.values, groups, levelsOf(task.protectedAttribute), { seed, stream: ['protected-gap', r.task, r.explainer, r.metric] });
    return [{ task: r.task, explainer: r.explainer, metric: r.metric, groups: g.groups, gap: g.gap }];
  });
}

/** `tasks`: every task of the records that has a protected attribute, loaded. */
export function protectedEvidence(records: readonly ResultRecord[], tasks: readonly Task[], seed = 0): ProtectedEvidence {
  const withAttr = tasks.filter((t) => t.protectedAttribute);
  const byId = new Map(withAttr.map((t) => [t.id, t]));
  const taskEv = withAttr.map((t) => taskEvidence(t, seed));
  const measured: MeasuredEvidence = {
    schema: PROTECTED_EVIDENCE_SCHEMA,
    tasks: taskEv,
    detection: detection(records, byId, seed),
    tracking: tracking(records, taskEv),
    groupGaps: groupGaps(records, byId, seed),
  };
  return { ...measured, requirements: reviewerRequirements(measured) };
}
