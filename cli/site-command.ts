import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../core/errors.js';
import { buildSite, normaliseBase } from '../site/builder/build-site.js';
import { serveStatic } from '../site/builder/serve.js';
import { integer, parseCommand, str } from './args.js';
import { checkOutDir } from './out-path.js';

const HELP = `xai-bench site: build the leaderboard site (static HTML) from a run or the published leaderboard

Usage: xai-bench site [--from DIR] [--out DIR] [--base PATH] [--serve] [--port N]

  --from DIR   a run folder (xai-bench run --out DIR) or the published data/leaderboard/ folder
               (default: data/leaderboard/ when it holds a leaderboard, else results/quick)
  --out DIR    where the site is written (default DIR/site); an earlier build by this command there
               is replaced (it carries a .xai-bench-site marker), any other non-empty folder refused
  --base PATH  the URL path the site will be hosted under, e.g. /xai-bench/ for
               https://USER.github.io/xai-bench/ (default /); every link is written with it
  --serve      then serve it on http://127.0.0.1:PORT/ until interrupted (Ctrl-C)
  --port N     port for --serve (default 4321; 0 = any free port)
  --quiet      only errors from the site builder

Pages in English and Korean: leaderboard, criteria explorer, interpretability-completeness map, method
cards, metric pages, gallery, human ratings, provenance and downloads (results JSONL and CSV).`;

function defaultFrom(): string {
  return existsSync(join('data', 'leaderboard', 'leaderboard.json')) ? join('data', 'leaderboard') : join('results', 'quick');
}

export async function siteCommand(argv: readonly string[]): Promise<number> {
  const p = parseCommand(
    'site',
    argv,
    { from: { type: 'string' }, out: { type: 'string' }, base: { type: 'string' }, serve: { type: 'boolean' }, port: { type: 'string' }, quiet: { type: 'boolean' } },
    HELP,
  );
  if (!p) return 0;
  const port = integer(p, 'port', 0) ?? 4321;
  if (port > 65535) throw new UserError(`--port ${port}: expected at most 65535`);
  const from = str(p, 'from') ?? defaultFrom();
  const out = str(p, 'out');
  const base = normaliseBase(str(p, 'base'));
  if (!existsSync(from)) throw new UserError(`--from ${from}: no such folder`);
  checkOutDir('--out', out ?? join(from, 'site'), true);
  const t0 = performance.now();
  const site = await buildSite({ from, out, base, quiet: p.values.quiet === true });
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  process.stderr.write(`site: ${site.pages} pages, ${(site.bytes / 1024 / 1024).toFixed(1)} MB, built in ${seconds} s from ${from}\n`);
  process.stdout.write(`site written to ${site.out} (open it with: xai-bench site --from ${from} --serve)\n`);
  if (p.values.serve !== true) return 0;
  const { server, url } = await serveStatic(site.out, port, base);
  process.stdout.write(`serving ${site.out} at ${url} (Ctrl-C to stop)\n`);
  await new Promise<void>((done) => {
    const stop = () => server.close(() => done());
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
