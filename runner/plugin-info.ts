/** A loaded plugin's declaration as plain data: what crosses from the worker that loaded it (runner/plugin-worker.ts). */
export interface PluginInfo {
  readonly declaration: Readonly<Record<string, unknown>>;
  readonly fit: boolean;
}
