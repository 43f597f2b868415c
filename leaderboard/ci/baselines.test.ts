/**
 * A committed baseline is stale when the code no longer produces what it compares against: a model
 * changed (hash), a metric or explainer changed its parameters or disappeared, or the profile's budgets
 * changed. Then `xai-bench ci` would refuse cells; this test says so first. Regenerate with
 * `npm run baselines`.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRunFolders } from '../../runner/results-store.js';
import { getProfile } from '../../runner/profiles.js';
import { resolveParams } from '../../core/params.js';
import { zooEntry } from '../../datasets/zoo.js';
import { getTaskSpec } from '../../datasets/index.js';
import { getExplainer } from '../../explainers/index.js';
import { getMetric } from '../../metrics/index.js';

const here = join(import.meta.dirname, '..', '..', 'data', 'baselines');
/** quick always; standard once `npm run publish` has made it (npm run baselines -- --from <run>). */
const committed = ['quick', ...readdirSync(here).filter((d) => d !== 'quick' && existsSync(join(here, d, 'run.json')))];

describe.each(committed)('data/baselines/%s', (name) => {
  const dir = join(here, name);
  it('exists and matches the current models, parameters and profile', () => {
    expect(existsSync(join(dir, 'run.json')), `no data/baselines/${name}: run npm run baselines`).toBe(true);
    const [folder] = readRunFolders([dir]);
    const profile = getProfile(folder.run.profile);
    expect(folder.run.status).toBe('complete');
    expect(folder.run.profile).toBe(name);
    expect(folder.run.config.samplesPerTask).toBe(profile.samplesPerTask);
    expect(folder.run.config.metricSamples ?? {}).toEqual(profile.metricSamples ?? {});
    const stale: string[] = [];
    // Setting variants carry their own metricParams by design; the metrics' own settings are what ci compares.
    for (const r of folder.records.filter((x) => x.variant === undefined)) {
      const spec = getTaskSpec(r.task);
      let recorded: string | undefined;
      try {
        recorded = zooEntry(spec.modelId).modelHash;
      } catch {
        recorded = undefined; // tasks outside the zoo table (zero-shot splits, generators) are checked by ci itself
      }
      if (recorded && recorded !== r.modelHash && !r.failure) stale.push(`${r.task}: model hash changed`);
      const e = getExplainer(r.explainer);
      const m = getMetric(r.metric);
      const eParams = resolveParams(e.params, profile.sets[e.id] ?? {}, e.id);
      const mParams = resolveParams(m.params, profile.sets[m.id] ?? {}, m.id);
      if (JSON.stringify(eParams) !== JSON.stringify(r.explainerParams)) stale.push(`${r.explainer}: parameters changed`);
      if (JSON.stringify(mParams) !== JSON.stringify(r.metricParams)) stale.push(`${r.metric}: parameters changed`);
    }
    expect([...new Set(stale)], 'stale baseline: run npm run baselines').toEqual([]);
  });
});
