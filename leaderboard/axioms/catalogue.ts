/**
 * The catalogue of functional tests of `xai-bench axioms`, in the order the matrix prints them (Compare-xAI's
 * approach, Belaid et al. 2022, "Compare-xAI: toward unifying functional testing methods for post-hoc XAI
 * algorithms"): each a small hand-weighted model with a known answer (basic-tests.ts, network-tests.ts).
 */
import type { AxiomTest } from './axiom-test.js';
import { completeness, dummy, linearity, symmetry } from './basic-tests.js';
import { NETWORK_TESTS } from './network-tests.js';

export const AXIOM_TESTS: readonly AxiomTest[] = [dummy, symmetry, linearity, completeness, ...NETWORK_TESTS];
