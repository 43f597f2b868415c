import { fitExplainer } from '../runner/explain-samples.js';
import { recordOf } from '../runner/explanation-record.js';
import { renderText } from '../runner/renderers/index.js';
import { resolveParams, splitSets } from '../core/params.js';
import { writeFileAtomic } from '../runner/results-store.js';
import { getExplainer } from '../explainers/index.js';
import { isPluginRef, loadPlugin } from '../runner/plugins.js';
import { callInWorker } from '../runner/plugin-worker.js';
import { DEFAULT_CELL_TIMEOUT } from '../runner/run-options.js';
import { isMainThread } from 'node:worker_threads';
import { integer, many, parseCommand, required, str } from './args.js';
import { checkOutFile } from './out-path.js';
import { attributionsToFile, explainUserInputs, userSetup, type UserSetup } from './user-model.js';
import type { AnySample, ExplainedSample } from '../runner/explanation-record.js';

const HELP = `xai-bench explain: explain a model's outputs on your inputs

Usage: xai-bench explain --model PATH/model.json|MODEL.onnx --explainer ID --input FILE.json [options]

  --model PATH       a tfjs LayersModel (model.json + weight files; Keras models via the tfjs converter),
                     or an .onnx file (PyTorch via torch.onnx.export; inputs in the model's own layout, e.g. NCHW)
  --explainer ID     one of xai-bench list explainers, or a plugin's path (./my-explainer.ts)
  --input FILE       JSON: an array of inputs, or {"inputs": [...], "targets"?: [...], "sampleIds"?: [...]},
                     each input nested arrays shaped like the model input (without the batch axis)
  --background FILE  same shape as --input: data explainers sample from (default: the inputs themselves)
  --target N         explain class N (default: each input's "targets" entry, else the predicted class)
  --output score     explain the last layer's output as is, a score, whatever its activation (ReLU,
                     tanh...); a model with one linear output is a score without it (target 0). On a
                     score, explainers that need classes refuse (xai-bench list explainers says which)
  --set p=v          explainer parameter (repeatable; see xai-bench list explainers)
  --seed N           seed of the explainer's random streams (default 0)
  --backend B        auto | tensorflow-gpu | tensorflow | wasm | cpu
  --out FILE         write the explanation JSON (xai-bench/explanation@1) here instead of stdout
  --timeout S        seconds a plugin may take, loading included, before it is stopped (default 600);
                     a plugin runs isolated in a worker process`;

export async function explainCommand(argv: readonly string[]): Promise<number> {
  const p = parseCommand('explain', argv, {
    model: { type: 'string' },
    explainer: { type: 'string' },
    input: { type: 'string' },
    background: { type: 'string' },
    target: { type: 'string' },
    set: { type: 'string', multiple: true },
    seed: { type: 'string' },
    backend: { type: 'string' },
    output: { type: 'string' },
    out: { type: 'string' },
    timeout: { type: 'string' },
  }, HELP);
  if (!p) return 0;
  const out = str(p, 'out');
  if (out) checkOutFile('--out', out);
  const ref = required('explain', p, 'explainer');
  const timeoutS = integer(p, 'timeout', 1) ?? DEFAULT_CELL_TIMEOUT;
  // A plugin's code runs only in a worker process (which runs this command again, the plugin loaded there).
  if (isPluginRef(ref) && isMainThread) {
    return (await callInWorker({ module: import.meta.url, fn: 'explainCommand', args: [argv] }, ref, timeoutS)) as number;
  }
  const explainer = isPluginRef(ref) ? await loadPlugin(ref) : getExplainer(ref, '--explainer');
  const sets = splitSets(many(p, 'set'), [explainer.id], explainer.id);
  const params = resolveParams(explainer.params, sets.get(explainer.id) ?? {}, explainer.id);
  const u = await userSetup('explain', p, explainer);
  const state = await fitExplainer(explainer, u.engine, u.task, u.seed, params);
  const samples = await explainUserInputs(u, {
    explainer,
    params,
    state,
    // A global view (SP-LIME's pick) must see the whole input set in one call.
    chunk: Number(params.pick ?? 0) > 0 ? u.input.batch.n : 16,
    text: (s, input) => renderText(s, input, { task: u.task, output: explainer.output }),
  });
  const own = inFileLayout(u, samples);
  const record = recordOf(explainer.id, params, explainer.output, own.shape, own.samples);
  const json = `${JSON.stringify(record)}\n`;
  if (out) {
    writeFileAtomic(out, json);
    process.stderr.write(`wrote ${samples.length} explanations (${explainer.id}, ${u.backend}) to ${out}\n`);
    for (const s of samples) if (s.text) process.stderr.write(`  ${s.sampleId}: ${s.text.en}\n`);
  } else process.stdout.write(json);
  return 0;
}

/** Attribution samples in the model's own layout (NCHW for a PyTorch CNN); other families as they are. */
function inFileLayout(u: UserSetup, samples: readonly AnySample[]): { shape: readonly number[]; samples: AnySample[] } {
  if (!samples.every((s): s is ExplainedSample => s.family === 'attribution')) return { shape: u.task.sampleShape, samples: [...samples] };
  return attributionsToFile(u, samples);
}
