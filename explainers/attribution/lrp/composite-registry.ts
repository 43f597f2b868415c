/**
 * The LRP composites by name (which rule each linear layer gets; Kohlbrenner et al. 2020 and zennit's
 * composites): a map the built-in composites (composites/) are registered in, and that a new composite
 * joins with registerComposite. Pooling, reshapes and activations have no rule choice (plan.ts).
 */
import type { LrpComposite } from './composites/composite.js';
import { epsilonAlpha2Beta1 } from './composites/epsilon-alpha2beta1.js';
import { epsilonGammaBox } from './composites/epsilon-gamma-box.js';
import { epsilonPlusFlat } from './composites/epsilon-plus-flat.js';

export type { LrpComposite } from './composites/composite.js';

const registry = new Map<string, LrpComposite>();

/** Adds a composite under its name; a name may be registered once. */
export function registerComposite(composite: LrpComposite): void {
  if (registry.has(composite.name)) throw new Error(`LRP composite '${composite.name}' is already registered`);
  registry.set(composite.name, composite);
}

const builtIn = [epsilonGammaBox, epsilonPlusFlat, epsilonAlpha2Beta1];
builtIn.forEach(registerComposite);

/** The built-in composites' names, in their documented order (the `composite` parameter's values). */
export const COMPOSITES: readonly string[] = builtIn.map((c) => c.name);

export function getComposite(name: string): LrpComposite {
  const composite = registry.get(name);
  if (!composite) throw new Error(`no LRP composite '${name}' (composites: ${[...registry.keys()].join(', ')})`);
  return composite;
}
