/**
 * The peer table of `npm run bench:perf`: the engine's forward and input-gradient rows/s against the
 * same networks and weights rebuilt in PyTorch (tools/bench/peer_torch.py) on one thread, with the same
 * rows per call on both sides (256 for the CNNs, 4,096 for the MLP). Rounds alternate, one engine call
 * then one PyTorch call, so that a loaded machine slows both alike; each side's time is the median of
 * its rounds. Skipped, with a note, where no Python with torch is installed.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { makeBatch } from '../../core/batch.js';
import { Engine } from '../../core/engine.js';
import { loadModel } from '../../core/model.js';
import { packageRoot } from '../../core/package-root.js';
import { modelJsonPath } from '../../datasets/zoo.js';

interface PeerRow {
  readonly model: string;
  readonly rows: number;
  readonly op: 'forward' | 'gradient';
  readonly engineRowsPerSecond: number;
  readonly torchRowsPerSecond: number;
  /** engine / PyTorch rows per second: above 1 the engine is faster. */
  readonly ratio: number;
}

export const PEER_MODELS = [
  { id: 'mnist-cnn', rows: 256 },
  { id: 'mnist-cnn-deep', rows: 256 },
  { id: 'breast-cancer-mlp', rows: 4096 },
] as const;

/** Debian's python3-torch lives under /usr/bin/python3, which a pyenv python3 on PATH may hide. */
function findTorchPython(): string | null {
  for (const py of ['/usr/bin/python3', 'python3']) {
    const r = spawnSync(py, ['-c', 'import torch'], { stdio: 'ignore' });
    if (r.status === 0) return py;
  }
  return null;
}

/** A line-protocol session with peer_torch.py. */
class TorchPeer {
  private readonly proc: ChildProcessWithoutNullStreams;
  private readonly lines: AsyncIterator<string>;

  constructor(python: string) {
    this.proc = spawn(python, [`${packageRoot()}/tools/bench/peer_torch.py`], { cwd: packageRoot() });
    this.proc.stderr.on('data', (d: Buffer) => process.stderr.write(d));
    this.lines = createInterface({ input: this.proc.stdout })[Symbol.asyncIterator]();
  }

  async ask(request: string): Promise<string> {
    this.proc.stdin.write(request + '\n');
    const r = await this.lines.next();
    if (r.done) throw new Error(`peer_torch.py ended without answering '${request}'`);
    return r.value;
  }

  close(): void {
    this.proc.stdin.end();
  }
}

/** The same inputs on both sides: value i of the batch is (i * 7919 mod 1000) / 1000 (peer_torch.py). */
function peerInputs(rows: number, d: number): Float32Array {
  return Float32Array.from({ length: rows * d }, (_, i) => ((i * 7919) % 1000) / 1000);
}

function median(v: readonly number[]): number {
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function seconds(f: () => void): number {
  const t0 = performance.now();
  f();
  return (performance.now() - t0) / 1000;
}

/** The engine's calls, by op: one call of `rows` rows. */
export type EngineCalls = Record<'forward' | 'gradient', () => void>;

/**
 * Measures one model on both sides, `rounds` alternating rounds per op after `warm` untimed ones.
 * `engineCalls` may replace the engine's own calls (the before/after comparison in peer-compare.ts).
 */
async function benchModel(peer: TorchPeer, id: string, rows: number, rounds: number, warm: number,
  engineCalls?: (engine: Engine, batch: ReturnType<typeof makeBatch>) => EngineCalls[]): Promise<PeerRow[][]> {
  const model = await loadModel(modelJsonPath(id));
  try {
    const engine = new Engine(model, rows);
    const batch = makeBatch(peerInputs(rows, model.inputShape.reduce((a, b) => a * b, 1)), model.inputShape);
    const targets = new Int32Array(rows);
    checkSameNetwork(id, (await peer.ask(`load ${id} ${rows}`)), engine.outputs(makeBatch(batch.data.subarray(0, batch.data.length / rows), model.inputShape), 'logit'));
    const sides = engineCalls?.(engine, batch) ?? [{ forward: () => void engine.outputs(batch, 'probability'), gradient: () => void engine.gradients(batch, targets, 'logit') }];
    const out: PeerRow[][] = sides.map(() => []);
    for (const op of ['forward', 'gradient'] as const) {
      const times: number[][] = sides.map(() => []);
      const torch: number[] = [];
      for (let r = 0; r < warm + rounds; r++) {
        const t = sides.map((s) => seconds(s[op]));
        const tt = Number(await peer.ask(`time ${id} ${op}`));
        if (r < warm) continue;
        t.forEach((v, i) => times[i].push(v));
        torch.push(tt);
      }
      const torchRate = rows / median(torch);
      sides.forEach((_, i) => {
        const engineRate = rows / median(times[i]);
        out[i].push({ model: id, rows, op, engineRowsPerSecond: engineRate, torchRowsPerSecond: torchRate, ratio: engineRate / torchRate });
      });
    }
    return out;
  } finally {
    model.dispose();
  }
}

/** Both sides must compute the same function: the first row's logits agree to 1e-4 relative. */
function checkSameNetwork(id: string, answer: string, logits: Float32Array): void {
  if (!answer.startsWith('ok ')) throw new Error(`peer_torch.py could not load ${id}: ${answer}`);
  const theirs = answer.slice(3).split(',').map(Number);
  const scale = Math.max(1, ...Array.from(logits, Math.abs));
  theirs.forEach((v, i) => {
    if (!(Math.abs(v - logits[i]) <= 1e-4 * scale)) throw new Error(`${id}: PyTorch logit ${i} is ${v}, the engine's ${logits[i]}: not the same network`);
  });
}

/**
 * Timed rounds per op and side. A call takes 1-70 ms, and single calls on the 2-core machine vary by up
 * to 2x (other processes, the collector, wasm tier-up), so the median needs more than a handful.
 */
const PEER_ROUNDS = 15;

/** The peer table, or null with the reason when no Python with torch is installed. */
type PeerOptions = { rounds?: number; warm?: number; engineCalls?: Parameters<typeof benchModel>[5] };

export async function benchPeer(opts: PeerOptions = {}): Promise<{ rows: PeerRow[][]; torch: string } | { skipped: string }> {
  const python = findTorchPython();
  if (python === null) return { skipped: 'no python3 with torch found (/usr/bin/python3 or python3 on PATH): peer table skipped' };
  const peer = new TorchPeer(python);
  try {
    const torch = await peer.ask('version');
    const rows: PeerRow[][] = [];
    for (const m of PEER_MODELS) {
      process.stderr.write(`benchmarking against PyTorch: ${m.id}\n`);
      const sides = await benchModel(peer, m.id, m.rows, opts.rounds ?? PEER_ROUNDS, opts.warm ?? 3, opts.engineCalls);
      sides.forEach((s, i) => (rows[i] ??= []).push(...s));
    }
    return { rows, torch };
  } finally {
    peer.close();
  }
}

/** The peer table as Markdown. `note`: e.g. that the machine was loaded. */
export function peerMarkdown(rows: readonly PeerRow[], torch: string, note = ''): string[] {
  const rate = (v: number) => Math.round(v).toLocaleString('en-US');
  const get = (m: string, op: string) => rows.find((r) => r.model === m && r.op === op);
  const lines = [
    '### Against PyTorch',
    '',
    `Rows per second, PyTorch ${torch} on one thread (torch.set_num_threads(1)) with the same weights, the same rows per call, alternating rounds, medians${note ? `; ${note}` : ''}. Ratio: engine / PyTorch.`,
    '',
    '| model | rows per call | forward, engine | forward, PyTorch | forward ratio | input gradient, engine | input gradient, PyTorch | gradient ratio |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const m of PEER_MODELS) {
    const f = get(m.id, 'forward');
    const g = get(m.id, 'gradient');
    if (!f || !g) continue;
    lines.push(`| \`${m.id}\` | ${m.rows} | ${rate(f.engineRowsPerSecond)} | ${rate(f.torchRowsPerSecond)} | ${f.ratio.toFixed(2)} | ${rate(g.engineRowsPerSecond)} | ${rate(g.torchRowsPerSecond)} | ${g.ratio.toFixed(2)} |`);
  }
  return lines;
}
