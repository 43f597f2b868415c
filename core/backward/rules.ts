/**
 * An open registry of backward rules, one per tfjs layer class (in the manner of Zennit's rule
 * registries): each rule takes a layer, the input and output it had on the forward pass, and the
 * gradient of the output, and returns the gradient of the input. core/backward/input-gradient.ts
 * walks a chain of layers with them instead of tfjs's generic tape, which records every op, keeps
 * its inputs alive and computes gradients nobody asked for (the filter gradient of every convolution:
 * tools/bench/results/gradient-profile.md).
 */
import type * as tf from '@tensorflow/tfjs';

/** What one layer saw on the forward pass. */
export interface LayerPass {
  readonly x: tf.Tensor;
  readonly y: tf.Tensor;
}

export interface BackwardRule {
  /** Why this layer, as configured, is outside the rule (null: the rule applies). */
  refuses(layer: tf.layers.Layer): string | null;
  /** d loss / d x from d loss / d y. Runs inside the caller's tf.tidy. */
  backward(layer: tf.layers.Layer, pass: LayerPass, dy: tf.Tensor): tf.Tensor;
}

const RULES = new Map<string, BackwardRule>();

/** Registers (or replaces) the rule for a tfjs layer class name such as 'Conv2D'. */
export function registerBackwardRule(className: string, rule: BackwardRule): void {
  RULES.set(className, rule);
}

/** The rule for a layer, or why there is none. */
export function backwardRuleFor(layer: tf.layers.Layer): BackwardRule | string {
  const cls = layer.getClassName();
  const rule = RULES.get(cls);
  if (!rule) return `no backward rule for ${cls} layers`;
  const why = rule.refuses(layer);
  return why === null ? rule : `${cls} layer '${layer.name}': ${why}`;
}

/** The layer's configuration, read as plain data. */
export function configOf(layer: tf.layers.Layer): Record<string, unknown> {
  return layer.getConfig() as Record<string, unknown>;
}
