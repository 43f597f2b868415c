/**
 * The context every `survey make` stage works on: the options, the run, the output folder, and what the
 * stages collect. Items are first drafts with provisional positions and get their ids only after the
 * seeded shuffle (blinding).
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Task } from '../../datasets/task.js';
import type { StructuredSample } from '../../runner/explanation-record.js';
import { writeFileAtomic } from '../../runner/results-store.js';
import { type InputView, PACKET_ARTIFACTS, PACKET_JSON, type PacketItem, type Picture, sha256 } from '../packet.js';
import { maxSentencesFor } from '../audience.js';
import type { MakeOptions } from './make-options.js';
import type { RunSource } from './run-source.js';

/** An item before blinding: its pictures still as PNG bytes. */
export interface ItemDraft extends Omit<PacketItem, 'id' | 'picture' | 'input' | 'sha256'> {
  readonly png: Uint8Array | null;
  readonly inputPng: Uint8Array | null;
  readonly rows?: InputView['rows'];
}

/** A dialogue about one attribution item, answered from the run's explainers. */
export interface DialogueDraft {
  /** Position of the item in `drafts`. */
  readonly draftIndex: number;
  readonly task: Task;
  readonly instance: string;
  readonly input: Float32Array;
  readonly target: number;
  readonly probabilities: Float32Array;
  readonly attribution: Float32Array;
  readonly counterfactual?: StructuredSample;
  readonly neighbours?: StructuredSample;
}

export class PacketBuild {
  readonly drafts: ItemDraft[] = [];
  readonly dialogueDrafts: DialogueDraft[] = [];
  readonly usedMethods = new Set<string>();
  readonly usedFamilies = new Set<string>();
  /** control-random per structured family: how many were made ... */
  readonly randomMade = new Map<string, number>();
  /** ... and why some could not be, with counts. */
  readonly randomSkipped = new Map<string, Map<string, number>>();
  /** Tasks left out for the audience, and tasks kept although it cannot judge them (named in --tasks). */
  readonly leftOut: { task: string; reason: string }[] = [];
  readonly keptAnyway: { task: string; reason: string }[] = [];
  readonly familiesLeftOut = new Set<string>();
  /** Explanation texts are cut to this many sentences (children), or not at all. */
  readonly maxSentences: number | null;
  /** The output folder. */
  readonly out: string;

  constructor(
    readonly o: MakeOptions,
    readonly source: RunSource,
  ) {
    this.out = resolve(o.out);
    this.maxSentences = maxSentencesFor(o.audience);
    // A packet made again replaces the pictures of the earlier one.
    if (existsSync(join(this.out, PACKET_JSON))) rmSync(join(this.out, PACKET_ARTIFACTS), { recursive: true, force: true });
    mkdirSync(join(this.out, PACKET_ARTIFACTS), { recursive: true });
  }

  /** Writes a picture into the packet. */
  picture(name: string, png: Uint8Array): Picture {
    const file = `${PACKET_ARTIFACTS}/${name}.png`;
    writeFileAtomic(join(this.out, file), png);
    return { file, sha256: sha256(png) };
  }

  /** Adds an item draft and returns its position. */
  addDraft(draft: ItemDraft): number {
    this.drafts.push(draft);
    return this.drafts.length - 1;
  }

  randomControlMade(family: string): void {
    this.randomMade.set(family, (this.randomMade.get(family) ?? 0) + 1);
  }

  randomControlSkipped(family: string, reason: string): void {
    const reasons = this.randomSkipped.get(family) ?? new Map<string, number>();
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    this.randomSkipped.set(family, reasons);
  }

  /** The file path inside the output folder. */
  file(name: string): string {
    return join(this.out, name);
  }
}
