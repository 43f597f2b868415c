/**
 * Backend choice (docs/formats.md ("Backends")). The native TensorFlow bindings are optional peer dependencies,
 * loaded with a dynamic import so that a plain install never needs them.
 */
import * as tf from '@tensorflow/tfjs';
import { UserError } from './errors.js';
import { registerLeanBatchNormGradient } from './batch-norm-grad.js';
import { registerWasmConvFilterGrad } from './wasm-conv-filter-grad.js';
import { registerWasmConvInputGrad } from './wasm-conv-input-grad.js';
import { registerWasmMaxPoolGrad } from './wasm-max-pool-grad.js';

export const BACKENDS = ['auto', 'tensorflow-gpu', 'tensorflow', 'wasm', 'cpu'] as const;
export type BackendChoice = (typeof BACKENDS)[number];
export type Backend = Exclude<BackendChoice, 'auto'>;

const NATIVE_PACKAGE: Record<'tensorflow-gpu' | 'tensorflow', string> = {
  'tensorflow-gpu': '@tensorflow/tfjs-node-gpu',
  tensorflow: '@tensorflow/tfjs-node',
};

let active: Backend | null = null;

async function tryNative(kind: 'tensorflow-gpu' | 'tensorflow'): Promise<boolean> {
  try {
    await import(NATIVE_PACKAGE[kind]);
  } catch {
    return false;
  }
  // tfjs-node registers the 'tensorflow' backend; the GPU build registers the same name.
  return tf.setBackend('tensorflow');
}

async function tryWasm(): Promise<boolean> {
  try {
    await import('@tensorflow/tfjs-backend-wasm');
    registerWasmConvFilterGrad();
    registerWasmConvInputGrad();
    registerWasmMaxPoolGrad();
    return await tf.setBackend('wasm');
  } catch {
    return false;
  }
}

/** Selects and initialises a backend; idempotent for the same choice. Returns the backend in use. */
export async function useBackend(choice: BackendChoice = 'auto'): Promise<Backend> {
  if (!BACKENDS.includes(choice)) throw new UserError(`--backend ${choice}: expected one of ${BACKENDS.join(', ')}`);
  tf.enableProdMode();
  registerLeanBatchNormGradient();
  if (active && (choice === 'auto' || choice === active)) return active;
  let chosen: Backend | null = null;
  switch (choice) {
    case 'tensorflow-gpu':
    case 'tensorflow':
      if (!(await tryNative(choice))) {
        throw new UserError(
          `--backend ${choice}: ${NATIVE_PACKAGE[choice]} is not installed ` +
            `(npm install ${NATIVE_PACKAGE[choice]}@4.22.0; it needs libtensorflow)`,
        );
      }
      chosen = choice;
      break;
    case 'wasm':
      if (!(await tryWasm())) throw new UserError('--backend wasm: @tensorflow/tfjs-backend-wasm could not be initialised');
      chosen = 'wasm';
      break;
    case 'cpu':
      await tf.setBackend('cpu');
      chosen = 'cpu';
      break;
    case 'auto':
      if (process.env.CUDA_VISIBLE_DEVICES !== '' && (await tryNative('tensorflow-gpu'))) chosen = 'tensorflow-gpu';
      else if (await tryNative('tensorflow')) chosen = 'tensorflow';
      else if (await tryWasm()) chosen = 'wasm';
      else {
        await tf.setBackend('cpu');
        chosen = 'cpu';
      }
      break;
  }
  await tf.ready();
  active = chosen;
  return chosen;
}
