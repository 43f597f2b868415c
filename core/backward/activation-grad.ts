/**
 * Derivatives of the activations a layer may apply, taken from the activation's output y (so the
 * pre-activation need not be kept), with the same float32 operations as tfjs's own gradients
 * (tfjs-core: getFusedDyActivation in ops/fused_util.ts, gradients/Sigmoid_grad.ts, Tanh_grad.ts):
 * relu: dy * step(y) (y > 0 exactly where the pre-activation is); sigmoid: dy * y * (1 - y);
 * tanh: dy * (1 - y^2).
 */
import * as tf from '@tensorflow/tfjs';

export const ACTIVATIONS_WITH_GRADIENT = ['linear', 'relu', 'sigmoid', 'tanh'] as const;

/** Why an activation has no rule here (null: it has one). */
export function activationRefusal(name: unknown): string | null {
  if (name === undefined || name === null) return null;
  if (typeof name === 'string' && (ACTIVATIONS_WITH_GRADIENT as readonly string[]).includes(name)) return null;
  return `activation ${String(name)} has no backward rule (${ACTIVATIONS_WITH_GRADIENT.join(', ')} have)`;
}

/** d loss / d pre-activation from d loss / d y, where y = activation(pre-activation). */
export function activationGrad(name: unknown, y: tf.Tensor, dy: tf.Tensor): tf.Tensor {
  switch (name ?? 'linear') {
    case 'linear':
      return dy;
    case 'relu':
      return tf.mul(dy, tf.step(y));
    case 'sigmoid':
      return tf.mul(dy, tf.mul(y, tf.sub(tf.scalar(1), y)));
    case 'tanh':
      return tf.mul(tf.sub(tf.scalar(1), tf.square(y)), dy);
    default:
      throw new Error(`activationGrad: ${String(name)} has no rule`);
  }
}
