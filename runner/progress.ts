/**
 * Progress for long runs: what is running, how far, and time left. On a terminal it redraws one
 * line; elsewhere (CI logs, pipes) it prints a line per step, so logs stay readable.
 */
export interface Progress {
  /** Announces the start of a unit of work of the given weight (e.g. cells or samples it covers). */
  step(label: string): void;
  /** Marks `weight` units done. */
  advance(weight?: number): void;
  note(line: string): void;
  done(): void;
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  if (seconds < 60) return `${Math.round(seconds)}s`;
  const m = Math.floor(seconds / 60);
  const s = Math.round(seconds % 60);
  if (m < 60) return `${m}m${String(s).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

export function consoleProgress(total: number, stream: NodeJS.WriteStream = process.stderr, quiet = false): Progress {
  const start = Date.now();
  let doneUnits = 0;
  let label = '';
  const tty = stream.isTTY === true;
  const render = (): string => {
    const elapsed = (Date.now() - start) / 1000;
    const frac = total > 0 ? doneUnits / total : 1;
    const eta = frac > 0 ? (elapsed / frac) * (1 - frac) : NaN;
    const pct = `${Math.floor(frac * 100)}`.padStart(3);
    return `[${pct}%] ${label}  (${formatDuration(elapsed)} elapsed, ${frac > 0.02 ? `~${formatDuration(eta)} left` : 'estimating'})`;
  };
  return {
    step(l) {
      label = l;
      if (quiet) return;
      if (tty) stream.write(`\r\x1b[2K${render().slice(0, (stream.columns ?? 120) - 1)}`);
      else stream.write(`${render()}\n`);
    },
    advance(weight = 1) {
      doneUnits = Math.min(total, doneUnits + weight);
    },
    note(line) {
      if (quiet) return;
      stream.write(tty ? `\r\x1b[2K${line}\n` : `${line}\n`);
    },
    done() {
      if (!quiet && tty) stream.write('\r\x1b[2K');
    },
  };
}
