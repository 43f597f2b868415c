/** The drafts of one input: what every item on it shares (the input view, the model's answer) and how an item is added. */
import { makeBatch, sampleOf } from '../../core/batch.js';
import { valueWithUnit } from '../../explainers/examples/class-words.js';
import type { Bilingual } from '../../explainers/types.js';
import { shorten } from '../audience.js';
import { classWords, localiseClasses } from '../class-names.js';
import { renderHeatmapPng } from '../../render/heatmap-png.js';
import { renderImageGridPng } from '../../render/image-grid-png.js';
import type { InputView, PacketItem } from '../packet.js';
import type { StructuredView } from '../structured-views.js';
import type { ItemDraft, PacketBuild } from './packet-build.js';
import type { TaskDrafting } from './task-drafting.js';

type SharedFields = Pick<ItemDraft, 'task' | 'datasetId' | 'modelId' | 'instance' | 'answer' | 'inputPng'> & { rows?: InputView['rows'] };

export class InputDrafts {
  readonly input: Float32Array;
  readonly probabilities: Float32Array;
  readonly image: boolean;
  private readonly shared: SharedFields;

  constructor(
    readonly build: PacketBuild,
    readonly t: TaskDrafting,
    readonly instance: string,
    readonly target: number,
  ) {
    const task = t.task;
    this.input = sampleOf(task.test.x, task.sampleIndex(instance));
    this.probabilities = t.engine.outputs(makeBatch(this.input, task.sampleShape), 'probability');
    // Only the class: the page writes the "The computer's answer:" label itself.
    const answer: Bilingual = classWords(task.classes[target] ?? String(target));
    this.image = task.kind === 'image';
    const rows = this.image ? undefined : task.featureNames.map((name, j) => ({ name: name.replace(/_/g, ' '), value: valueWithUnit(task, j, this.input[j]) }));
    const inputPng = this.image ? renderImageGridPng([this.input], task.sampleShape) : null;
    this.shared = { task: t.taskId, datasetId: t.datasetId, modelId: t.modelId, instance, answer, inputPng, ...(rows ? { rows } : {}) };
  }

  /** An attribution-style item: a heatmap over an image input, otherwise the text; returns the draft's position. */
  add(method: string, control: PacketItem['control'], text: Bilingual, attribution: Float32Array | null, family = 'attribution'): number {
    const png = attribution && this.image ? renderHeatmapPng({ input: this.input, attribution, shape: this.t.task.sampleShape }) : null;
    return this.build.addDraft({ ...this.shared, method, control, family, format: png ? 'heatmap' : 'text', png, text: this.words(text) });
  }

  /** An item of a structured family, shown as its view. */
  addView(method: string, control: PacketItem['control'], family: string, v: StructuredView): void {
    this.build.addDraft({
      ...this.shared,
      method,
      control,
      family,
      format: v.format,
      png: v.png,
      text: this.words(v.text),
      ...(v.detail ? { detail: this.localDetail(v.detail) } : {}),
    });
  }

  private localDetail(d: NonNullable<StructuredView['detail']>): NonNullable<StructuredView['detail']> {
    return { ...d, lines: d.lines.map((l) => ({ ...l, text: localiseClasses(l.text, this.t.task.classes) })) };
  }

  /** An explanation text as the audience reads it: class ids in words, cut to the audience's sentences. */
  words(text: Bilingual): Bilingual {
    return shorten(localiseClasses(text, this.t.task.classes), this.build.maxSentences);
  }
}
