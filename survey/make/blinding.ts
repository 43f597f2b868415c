/**
 * Blinding: the drafts get ids (it-0001...) in a seeded order unrelated to method or task, and their
 * pictures are written under those ids, so neither names nor order give a method away.
 */
import { rngFor } from '../../core/rng.js';
import { type InputView, type PacketItem, sha256 } from '../packet.js';
import type { ItemDraft, PacketBuild } from './packet-build.js';

export const pad = (n: number): string => String(n).padStart(4, '0');

export interface BlindItems {
  /** The items in id order. */
  readonly items: PacketItem[];
  /** Item id by draft position. */
  readonly idOf: ReadonlyMap<number, string>;
}

export function blindItems(b: PacketBuild): BlindItems {
  const order = rngFor(b.o.seed, 'survey', 'blind').permutation(b.drafts.length);
  const idOf = new Map<number, string>();
  order.forEach((draftIndex, k) => idOf.set(draftIndex, `it-${pad(k + 1)}`));
  const inputViews = new Map<string, InputView>();
  // Each input is shown once per packet: its picture is written when the first item on it is.
  const inputView = (dr: ItemDraft): InputView => {
    const key = `${dr.task}|${dr.instance}`;
    let v = inputViews.get(key);
    if (!v) {
      v = dr.inputPng ? { picture: b.picture(`input-${pad(inputViews.size + 1)}`, dr.inputPng) } : { rows: dr.rows };
      inputViews.set(key, v);
    }
    return v;
  };
  const items: PacketItem[] = order.map((draftIndex) => {
    const dr = b.drafts[draftIndex];
    const id = idOf.get(draftIndex)!;
    const { png, inputPng: _i, rows: _r, ...rest } = dr;
    return { ...rest, id, picture: png ? b.picture(id, png) : null, sha256: itemSha256(dr), input: inputView(dr) };
  });
  return { items, idOf };
}

/**
 * What items.csv's artifact_sha256 fingerprints: the picture, or the text when there is none; with a
 * detail (rule set, paths, example captions) that too, since it is part of what raters see.
 */
function itemSha256(d: { png: Uint8Array | null; text: ItemDraft['text']; detail?: PacketItem['detail'] }): string {
  if (!d.detail) return d.png ? sha256(d.png) : sha256(JSON.stringify(d.text));
  return sha256(JSON.stringify({ picture: d.png ? sha256(d.png) : null, text: d.text, detail: d.detail }));
}
