/** The messages between a run and its worker processes (structured clone: typed arrays travel as is). */
import type { ExplanationRecord } from './explanation-record.js';
import type { ResultRecord } from './result-record.js';
import type { Artifact, Unit, UnitContext } from './unit.js';

export type ParentMessage =
  | {
      readonly type: 'init';
      readonly backend: string;
      readonly plugins: readonly string[];
      readonly replace: boolean;
      /** `run --config`: the config file (absolute) and its sha256, so the worker registers the same tasks. */
      readonly taskConfig?: { readonly path: string; readonly sha256: string };
    }
  | { readonly type: 'unit'; readonly unit: Unit; readonly ctx: UnitContext }
  | { readonly type: 'exit' };

export type WorkerMessage =
  | { readonly type: 'ready' }
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
  | { readonly type: 'error'; readonly message: string; readonly user: boolean; readonly stack: string };
