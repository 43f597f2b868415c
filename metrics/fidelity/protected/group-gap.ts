/**
 * Is explanation quality equal across protected groups? A per-sample metric's values summarised per
 * group, and the gap between the highest and the lowest group mean with a stratified bootstrap
 * interval (each group resampled within itself; the two groups fixed, so the interval can cross 0),
 * as in OpenXAI's fairness analysis (Agarwal et al. 2022, "OpenXAI: Towards a Transparent Evaluation
 * of Model Explanations"), which compares metric means between subgroups. Null values are left out; a group with no values has no mean.
 */
import { groupsInterval, type Interval, meanOf, type ResampleOptions } from './resample-mean.js';

export interface GroupSummary {
  readonly group: string;
  readonly n: number;
  readonly mean: number | null;
}

export interface GroupGap {
  readonly groups: readonly GroupSummary[];
  /**
   * Mean of the group with the highest mean minus that of the lowest, those two groups chosen once on
   * the data and held in every resample; over groups with at least two values (null with fewer than two
   * such groups).
   */
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
  // A group of one value resamples to itself (no spread), which would narrow the interval falsely.
  const present = byGroup.filter((g) => g.length >= 2);
  if (present.length < 2) return { groups, gap: null };
  // The pair is fixed before resampling: max - min recomputed in each resample can never fall below 0,
  // so its interval would exclude 0 whatever the data; the fixed pair's difference can change sign.
  const means = present.map((g) => meanOf(g));
  const hi = means.indexOf(Math.max(...means));
  const lo = means.indexOf(Math.min(...means));
  const difference = (gs: readonly Float64Array[]): number => meanOf(gs[hi]) - meanOf(gs[lo]);
  return { groups, gap: groupsInterval(present, difference, opts) };
}
