/** The messages between a run and its worker processes (structured clone: typed arrays travel as is). */
import type { ExplanationRecord } from './explanation-record.js';
import type { PluginInfo } from './plugin-info.js';
import type { ResultRecord } from './result-record.js';
import type { Artifact, Unit, UnitContext } from './unit.js';

export type ParentMessage =
  | {
      readonly type: 'init';
      /** The backend to start; absent when the worker only loads plugins to read their declarations. */
      readonly backend?: string;
      readonly plugins: readonly string[];
      readonly replace: boolean;
      /** `run --config`: the config file (absolute) and its sha256, so the worker registers the same tasks. */
      readonly taskConfig?: { readonly path: string; readonly sha256: string };
    }
  | { readonly type: 'unit'; readonly unit: Unit; readonly ctx: UnitContext }
  /** `explain` / `score` with a plugin: call `fn` of `module` (a file URL) with `args` in the worker. */
  | { readonly type: 'call'; readonly module: string; readonly fn: string; readonly args: readonly unknown[] }
  | { readonly type: 'exit' };

export type WorkerMessage =
  /** Loading the plugin at `path` now (what a worker that dies or hangs while starting was doing). */
  | { readonly type: 'loading'; readonly path: string }
  /** Ready for units, with the declarations of the plugins it loaded (in the order given). */
  | { readonly type: 'ready'; readonly plugins?: readonly PluginInfo[] }
  | { readonly type: 'step'; readonly label: string }
  | {
      readonly type: 'explanations';
      readonly task: string;
      readonly explainer: string;
      readonly lines: readonly ExplanationRecord[];
      readonly artifacts: readonly Artifact[];
    }
  | { readonly type: 'result'; readonly record: ResultRecord }
  | { readonly type: 'done' }
  /** What a 'call' returned, with what it wrote to stdout (the caller writes it, once the call succeeded). */
  | { readonly type: 'value'; readonly value: unknown; readonly stdout: string }
  | { readonly type: 'error'; readonly message: string; readonly user: boolean; readonly stack: string };
