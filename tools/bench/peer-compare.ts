/**
 * `tsx tools/bench/peer-compare.ts`: the peer table (tools/bench/peer.ts) for tfjs's stock input-gradient
 * path and for the engine's (tools/bench/stock-kernels.ts), in one run with their rounds interleaved, so
 * that the before/after ratios see the same load. Writes tools/bench/results/peer-compare.md.
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { benchPeer, peerMarkdown, type EngineCalls } from './peer.js';
import { runMain } from './run-main.js';
import { stockForward, tapeGradient, wasmWithStockAside } from './stock-kernels.js';

async function main(): Promise<void> {
  const paths = await wasmWithStockAside();
  const result = await benchPeer({
    engineCalls: (engine, batch) => {
      return [
        {
          forward: () => void paths.withStock(() => stockForward(engine.model, batch)),
          gradient: () => void paths.withStock(() => tapeGradient(engine.model, batch)),
        },
        { forward: () => void engine.outputs(batch, 'probability'), gradient: () => void engine.gradients(batch, new Int32Array(batch.n), 'logit') },
      ] satisfies EngineCalls[];
    },
  });
  if ('skipped' in result) throw new Error(result.skipped);
  const load = `load average ${loadavg().map((v) => v.toFixed(1)).join(', ')} on ${cpus().length} cores`;
  const lines = [
    `Measured ${new Date().toISOString()} under load (${load}): before and after in one run, rounds interleaved.`,
    '',
    '#### Before (the network as loaded, tfjs stock gradient kernels, the plain tape)', '', ...peerMarkdown(result.rows[0], result.torch).slice(2),
    '', '#### After (the engine: batch norms folded, the hand-derived backward pass)', '', ...peerMarkdown(result.rows[1], result.torch).slice(2),
  ];
  writeFileSync(join(import.meta.dirname, 'results', 'peer-compare.md'), lines.join('\n') + '\n');
  process.stdout.write(lines.join('\n') + '\n');
}

runMain('peer-compare', main);
