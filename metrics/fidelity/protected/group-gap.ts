/**
 * Is explanation quality equal across protected groups? A per-sample metric's values summarised per
 * group, and the gap between the best and the worst group's mean with a stratified bootstrap
 * interval (each group resampled within itself), as in OpenXAI's fairness analysis (Agarwal et al.
 * 2022, "OpenXAI: Towards a Transparent Evaluation of Model Explanations"), which compares metric
 * means between subgroups. Null values are left out; a group with no values has no mean.
 */
import { groupsInterval, type Interval, meanOf, type ResampleOptions } from './resample-mean.js';

export interface GroupSummary {
  readonly group: string;
  readonly n: number;
  readonly mean: number | null;
}

export interface GroupGap {
  readonly groups: readonly GroupSummary[];
  /** max - min of the group means, over groups with values; null with fewer than two such groups. */
  readonly gap: Interval | null;
}

export function groupGap(
  values: readonly (number | null)[],
  groupOf: readonly number[],
  groupNames: readonly string[],
  opts: ResampleOptions,
): GroupGap {
  if (values.length !== groupOf.length) throw new RangeError(`groupGap: ${values.length} values but ${groupOf.length} group labels`);
  const byGroup = groupNames.map(() => [] as number[]);
  values.forEach((v, i) => {
    if (v !== null) byGroup[groupOf[i]].push(v);
  });
  const groups = groupNames.map((group, k) => ({ group, n: byGroup[k].length, mean: byGroup[k].length ? meanOf(byGroup[k]) : null }));
  const present = byGroup.filter((g) => g.length > 0);
  if (present.length < 2) return { groups, gap: null };
  const spread = (gs: readonly Float64Array[]): number => {
    const means = gs.map(meanOf);
    return Math.max(...means) - Math.min(...means);
  };
  return { groups, gap: groupsInterval(present, spread, opts) };
}
