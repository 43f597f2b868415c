/**
 * Reads NumPy's `.npz` archives (`numpy.savez`, `numpy.savez_compressed`): a zip file holding one
 * `.npy` file per array, named `<key>.npy`. The zip container is read with the `fflate` package
 * (stored and deflated entries); each entry with core/npy.ts. Only the chosen entry is parsed, so a
 * pickled array elsewhere in the archive is never looked at.
 */
import { unzipSync } from 'fflate';
import { UserError } from './errors.js';
import { type NpyArray, parseNpy } from './npy.js';

/** The keys of an archive's arrays (entry names without `.npy`), in archive order. */
function keysOf(entries: Record<string, Uint8Array>): string[] {
  return Object.keys(entries).filter((n) => n.endsWith('.npy')).map((n) => n.slice(0, -4));
}

/**
 * The array under `key` of a `.npz` file's bytes, or its only array when `key` is undefined (an
 * archive of several is refused, naming its keys). `where` names the file, `keyFlag` the option that
 * picks an entry (e.g. "--key").
 */
export function parseNpz(bytes: Uint8Array, where: string, key: string | undefined, keyFlag: string): NpyArray & { readonly key: string } {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (e) {
    throw new UserError(`${where}: not a readable .npz (zip) archive (${(e as Error).message})`);
  }
  const keys = keysOf(entries);
  if (keys.length === 0) throw new UserError(`${where}: the .npz archive holds no .npy array`);
  const listed = keys.map((k) => `'${k}'`).join(', ');
  if (key === undefined && keys.length > 1) throw new UserError(`${where}: the .npz archive holds ${keys.length} arrays (${listed}); pick one with ${keyFlag}`);
  const chosen = key ?? keys[0];
  if (!keys.includes(chosen)) throw new UserError(`${keyFlag} ${chosen}: ${where} has no array '${chosen}' (it holds ${listed})`);
  return { ...parseNpy(entries[`${chosen}.npy`], `${where}[${chosen}]`), key: chosen };
}
