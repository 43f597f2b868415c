/** The machine a benchmark ran on, recorded beside its numbers (they mean little without it). */
import { cpus, totalmem } from 'node:os';

export interface MachineFacts {
  readonly cores: number;
  readonly cpu: string;
  readonly memoryGiB: number;
  readonly node: string;
}

export function machineFacts(): MachineFacts {
  return { cores: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.versions.node };
}
