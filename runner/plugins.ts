/**
 * Explainer plugins: a module (TypeScript or JavaScript) whose default export is an Explainer. Given
 * by path wherever an explainer id is accepted. TypeScript loads without a build step (tsx's loader).
 * Loading checks the declaration; what the plugin does when run is checked per cell, in isolation.
 *
 * Plugin code (its module's top level included) runs only in worker processes (worker-thread.ts), never
 * in the process that plans the run and writes its reports: a plugin that exits or hangs while loading
 * cannot end or block that process. The main process reads the declaration from a worker (`pluginInfo`)
 * and registers a stand-in with it, whose explain refuses to run.
 */
import { existsSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UserError } from '../core/errors.js';
import type { ParamSpec } from '../core/params.js';
import { registerPlugin } from '../explainers/index.js';
import type { PluginExplainer } from '../explainers/plugin-api.js';
import type { Explainer } from '../explainers/types.js';
import { DEFAULT_CELL_TIMEOUT } from './run-options.js';
import { declarationsOf } from './plugin-worker.js';
import type { PluginInfo } from './plugin-info.js';

const FAMILIES = ['attribution', 'rules', 'examples', 'concept-path'];
const NEEDS = ['predict', 'gradients', 'layers', 'training-data', 'generator', 'knowledge-graph'];
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** An explainer argument names a plugin when it looks like a path. */
export function isPluginRef(ref: string): boolean {
  return /^(\.{1,2}\/|\/)/.test(ref) || /\.(m?[jt]s|cjs)$/.test(ref);
}

function problem(path: string, what: string): never {
  throw new UserError(`--explainer ${path}: ${what}`);
}

/** Checks the declaration; returns it typed. Every message names the plugin and the field. */
function checkPlugin(value: unknown, path: string): PluginExplainer {
  if (!value || typeof value !== 'object') problem(path, 'the module must default-export an explainer object (see README "Adding an explainer")');
  const e = value as Record<string, unknown>;
  if (typeof e.id !== 'string' || !ID.test(e.id)) problem(path, `"id" must be letters, digits, '.', '_' or '-' (got ${JSON.stringify(e.id)})`);
  if (typeof e.family !== 'string' || !FAMILIES.includes(e.family)) problem(path, `"family" must be one of ${FAMILIES.join(', ')} (got ${JSON.stringify(e.family)})`);
  if (typeof e.description !== 'string' || e.description.length === 0) problem(path, '"description" must be a non-empty string');
  if (!Array.isArray(e.needs) || e.needs.some((n) => !NEEDS.includes(n as string))) problem(path, `"needs" must be a list of ${NEEDS.join(', ')}`);
  if (e.output !== 'logit' && e.output !== 'probability') problem(path, '"output" must be "logit" or "probability"');
  if (typeof e.deterministic !== 'boolean') problem(path, '"deterministic" must be true or false');
  if (e.needsClasses !== undefined && (typeof e.needsClasses !== 'string' || e.needsClasses === '')) {
    problem(path, '"needsClasses" must be a non-empty string (why it cannot explain a score model) when given');
  }
  if (!e.params || typeof e.params !== 'object') problem(path, '"params" must be an object of parameter declarations (use int, num, bool, oneOf, str)');
  for (const [name, spec] of Object.entries(e.params as Record<string, ParamSpec>)) {
    if (!spec || !['number', 'boolean', 'enum', 'string'].includes((spec as ParamSpec).kind)) problem(path, `params.${name} is not a parameter declaration`);
  }
  if (e.api !== undefined && e.api !== 1 && e.api !== 2) {
    problem(path, `"api" must be 2 (explain takes one input object) or absent (the positional explain of api 1), got ${JSON.stringify(e.api)}`);
  }
  if (typeof e.explain !== 'function') problem(path, '"explain" must be a function');
  if (e.fit !== undefined && typeof e.fit !== 'function') problem(path, '"fit" must be a function when given');
  return value as PluginExplainer;
}

/** Imports, checks and registers a plugin; returns its id. */
export async function loadPlugin(path: string, opts: { replace?: boolean } = {}): Promise<Explainer> {
  const abs = resolve(path);
  if (!existsSync(abs)) problem(path, 'file not found');
  let mod: { default?: unknown };
  try {
    if (/^\.(c|m)?ts$/.test(extname(abs))) {
      // tsx compiles TypeScript on the fly; no build step for plugin authors.
      const { tsImport } = await import('tsx/esm/api');
      mod = (await tsImport(pathToFileURL(abs).href, import.meta.url)) as { default?: unknown };
    } else {
      mod = (await import(pathToFileURL(abs).href)) as { default?: unknown };
    }
  } catch (e) {
    problem(path, `cannot be loaded (${(e as Error).message.split('\n')[0]})`);
  }
  // A module compiled as CommonJS (a .ts file outside an ESM package) nests its default export.
  let exported = mod.default;
  if (exported && typeof exported === 'object' && !('id' in exported) && 'default' in exported) exported = (exported as { default: unknown }).default;
  // Registered in the current contract: a plugin of api 1 comes back wrapped (explainers/plugin-api.ts).
  return registerPlugin(checkPlugin(exported, path), opts);
}


/** Data that survives a structured clone unchanged: no functions, symbols or cycles. */
function isPlainData(v: unknown, depth = 0): boolean {
  if (depth > 32 || typeof v === 'function' || typeof v === 'symbol') return false;
  if (v === null || typeof v !== 'object' || v instanceof RegExp || ArrayBuffer.isView(v)) return true;
  return Object.values(v).every((x) => isPlainData(x, depth + 1));
}

const plainFields = (o: unknown): Record<string, unknown> =>
  Object.fromEntries(Object.entries(o as object).filter(([, v]) => isPlainData(v)));

/**
 * The declaration of a loaded plugin, as data: every field but functions, and each parameter without
 * its text format (the stand-in checks ranges, enums and patterns; the worker reads the values).
 */
export function pluginInfo(e: Explainer): PluginInfo {
  const params = Object.fromEntries(Object.entries(e.params).map(([name, spec]) => [name, plainFields(spec)]));
  return { declaration: { ...plainFields(e), params }, fit: typeof e.fit === 'function' };
}

/** Registers the stand-in of a plugin loaded in a worker: its declaration, and an explain that refuses to run here. */
function registerDeclared(info: PluginInfo, path: string, replace: boolean): Explainer {
  const id = String(info.declaration.id);
  const elsewhere = (): never => {
    throw new Error(`plugin ${id} (${path}) runs only in a worker process`);
  };
  const standIn = { ...info.declaration, api: 2, explain: elsewhere, ...(info.fit ? { fit: elsewhere } : {}) };
  return registerPlugin(standIn as unknown as PluginExplainer, { replace });
}

/**
 * Resolves explainer arguments: ids stay ids, paths are plugins, loaded in a worker process (within
 * `timeoutS`, default 600) to read their declarations, and registered here by their ids.
 */
export async function resolveExplainerRefs(
  refs: readonly string[],
  opts: { replace?: boolean; timeoutS?: number } = {},
): Promise<{ ids: string[]; plugins: string[]; pluginIds: string[] }> {
  const paths = refs.filter(isPluginRef);
  const replace = opts.replace === true;
  const infos = paths.length > 0 ? await declarationsOf(paths, replace, opts.timeoutS ?? DEFAULT_CELL_TIMEOUT) : [];
  const byRef = new Map(paths.map((ref, k) => [ref, registerDeclared(infos[k], ref, replace)]));
  return {
    ids: refs.map((ref) => byRef.get(ref)?.id ?? ref),
    plugins: paths.map((ref) => resolve(ref)),
    pluginIds: paths.map((ref) => byRef.get(ref)!.id),
  };
}
