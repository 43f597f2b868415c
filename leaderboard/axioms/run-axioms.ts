/**
 * Runs the catalogue (catalogue.ts) on attribution explainers: one record per explainer and test, with
 * pass, fail or not-applicable, the measured value and whether the explainer claims the property
 * (explainers/properties.ts). The structured families explain no attributions and are left out.
 */
import type { Explainer } from '../../explainers/types.js';
import { isAttributionExplainer } from '../../explainers/types.js';
import { disposeAxiomModels } from './axiom-models.js';
import type { AxiomTest } from './axiom-test.js';
import { AXIOM_TESTS } from './catalogue.js';
import { NotApplicable, probeOf } from './probe.js';

type AxiomStatus = 'pass' | 'fail' | 'not-applicable';

export interface AxiomRecord {
  readonly explainer: string;
  readonly test: string;
  readonly property: string;
  /** The explainer declares the property the test checks. */
  readonly claimed: boolean;
  readonly status: AxiomStatus;
  /** The measured value (null when not applicable). */
  readonly measured: number | null;
  readonly tolerance: number;
  /** Why a test is not applicable, or the error that failed it. */
  readonly note?: string;
}

export interface AxiomReport {
  readonly tests: readonly Omit<AxiomTest, 'run'>[];
  readonly records: readonly AxiomRecord[];
  readonly seconds: number;
}

async function runOne(test: AxiomTest, e: Parameters<typeof probeOf>[0]): Promise<AxiomRecord> {
  const claimed = (e.properties ?? []).includes(test.property);
  const base = { explainer: e.id, test: test.id, property: test.property, claimed, tolerance: test.tolerance };
  try {
    const m = await test.run(probeOf(e));
    return { ...base, status: m.pass ? 'pass' : 'fail', measured: m.value };
  } catch (err) {
    if (err instanceof NotApplicable) return { ...base, status: 'not-applicable', measured: null, note: err.message };
    // An explainer that throws on a test model (a plugin's bug, a non-finite value) fails the test, with why.
    return { ...base, status: 'fail', measured: null, note: `error: ${(err as Error).message.split('\n')[0]}` };
  } finally {
    disposeAxiomModels();
  }
}

export async function runAxioms(explainers: readonly Explainer[], tests: readonly AxiomTest[] = AXIOM_TESTS): Promise<AxiomReport> {
  const t0 = performance.now();
  const records: AxiomRecord[] = [];
  for (const e of explainers.filter(isAttributionExplainer)) for (const t of tests) records.push(await runOne(t, e));
  return {
    tests: tests.map(({ id, property, title, measure, tolerance, citation }) => ({ id, property, title, measure, tolerance, citation })),
    records,
    seconds: (performance.now() - t0) / 1000,
  };
}

/** Tests the built-in passed and the candidate fails (`xai-bench ci`). */
export function axiomRegressions(builtIn: readonly AxiomRecord[], candidate: readonly AxiomRecord[]): AxiomRecord[] {
  const passed = new Set(builtIn.filter((r) => r.status === 'pass').map((r) => r.test));
  return candidate.filter((r) => r.status === 'fail' && passed.has(r.test));
}
