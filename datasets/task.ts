/**
 * A Task is everything one benchmark cell needs about the data side: the data splits, the trained
 * model, the deterministic sample ids, the "removed feature" baseline, feature names in original
 * units, and ground truth where it is known (docs/formats.md ("Task")).
 */
import type { Batch } from '../core/batch.js';
import type { Model } from '../core/model.js';
import type { Family, Need } from '../core/vocabulary.js';
import type { KnowledgeGraph } from './knowledge-graph/graph.js';

export type TaskKind = 'image' | 'tabular';

/** A zero-shot task's split of classes, its knowledge graph and the network layer used as features. */
export interface ZeroShotSetup {
  readonly seen: readonly number[];
  readonly unseen: readonly number[];
  readonly graph: KnowledgeGraph;
  /** The hidden layer of the task's network used as features. */
  readonly featureLayer: string;
}

export interface Split {
  readonly x: Batch;
  /** Class index per row. */
  readonly y: Int32Array;
}

/** Tabular inputs are standardised with training statistics: model input = (raw - mean) / std. */
export interface FeatureScale {
  readonly mean: Float32Array;
  readonly std: Float32Array;
}

/**
 * A feature as a user reads it. A numeric feature is one model-input column in a unit; a categorical
 * one has named levels and is encoded for the model either as one 0/1 column (two levels: 0 = levels[0],
 * 1 = levels[1]) or one-hot (one column per level). Attributions, coalitions, counterfactuals and rules
 * treat all of a feature's columns as one feature (datasets/typed-features.ts).
 */
export type TypedFeature =
  | { readonly kind: 'numeric'; readonly name: string; readonly unit: string; readonly columns: readonly number[] }
  | {
      readonly kind: 'categorical';
      readonly name: string;
      readonly levels: readonly string[];
      readonly encoding: 'binary' | 'one-hot';
      readonly columns: readonly number[];
    };

/**
 * What a Task tells explainers and metrics about its inputs. `explain` and `score` build one for a
 * user's model from the input file alone, so everything here must be derivable without a data set.
 */
export interface TaskView {
  readonly id: string;
  readonly kind: TaskKind;
  readonly sampleShape: readonly number[];
  readonly classes: readonly string[];
  /**
   * True when the model's outputs are scores, not classes (core/model.ts, OutputMode 'score'; a user's
   * one-output linear model): `classes` then names the outputs, and text speaks of the output as is.
   */
  readonly score?: boolean;
  /** One name per input feature (for images `pixel(r,c)`); units apply to raw values. */
  readonly featureNames: readonly string[];
  readonly units?: readonly string[];
  readonly scale?: FeatureScale;
  /** The value a "removed" feature takes, in model-input space, one per input element. */
  readonly baseline: Float32Array;
  /** Typed features (tables with categorical columns); absent = every column a numeric feature. */
  readonly features?: readonly TypedFeature[];
  /**
   * Names of features a counterfactual may not change (the protected attribute by default, on tasks
   * that have one); `--mutable` style overrides replace it.
   */
  readonly immutable?: readonly string[];
  /** High-stakes tasks: the protected attribute (its evidence metrics read it). */
  readonly protectedAttribute?: ProtectedAttribute;
  /**
   * Image tasks: the [low, high] range of input values (black to white), where it differs from the
   * zoo's [0, 1] (a user's image task declares it).
   */
  readonly valueRange?: readonly [number, number];
  /** Data the explainers may sample from (training split, or --background). */
  readonly background?: Batch;
  /** Zero-shot tasks: the seen and unseen classes, the knowledge graph and the feature layer. */
  readonly zeroShot?: ZeroShotSetup;
  /** The generative model behind the task, on tasks that offer 'generator'. */
  readonly generator?: TaskGenerator;
}

/**
 * A generator: the decoder maps latents (latentSize values) to inputs shaped like the task's samples
 * (flattened); its 'probability' output is the generated input, 'logit' the pre-sigmoid. The encoder,
 * where there is one, maps an input to latents (posterior mean in its first latentSize outputs, read
 * with 'logit').
 */
export interface TaskGenerator {
  readonly id: string;
  readonly model: Model;
  readonly latentSize: number;
  readonly encoder?: Model;
}

export type GroundTruth =
  /** A per-sample mask over input elements (1 = carries the class signal), e.g. a planted pattern. */
  | { readonly kind: 'mask'; readonly masks: (testIndex: number) => Uint8Array }
  /** The features the label truly depends on, the same for every sample. */
  | {
      readonly kind: 'features';
      readonly relevant: readonly number[];
      /**
       * Binary tasks whose label is a known linear score: its coefficient per feature, in raw units,
       * pointing towards class 1 (for sign- and rank-aware agreement metrics).
       */
      readonly coefficients?: readonly number[];
    };

/**
 * The recorded check that the trained model really uses the ground truth: accuracy falls towards
 * chance when the signal is removed and holds when distractors or irrelevant features are shuffled.
 */
export interface GroundTruthCheck {
  readonly passed: boolean;
  readonly accuracy: number;
  readonly accuracyWithoutSignal: number;
  readonly accuracyDistractorsShuffled: number;
  readonly chance: number;
  readonly detail: string;
}

/** For the high-stakes tasks: the protected attribute and how much the generator let it matter. */
export interface ProtectedAttribute {
  /** Its model-input column (binary coding: 0 = levels[0], 1 = levels[1]); see `columns` for one-hot. */
  readonly feature: number;
  readonly name: string;
  /**
   * The coefficient the generator gave it in the label's log-odds (0 = no true influence); NaN on real
   * data, where the true effect is unknown and only the model's dependence can be measured.
   */
  readonly trueEffect: number;
  /** Level names (categorical attributes); with one-hot coding `columns` has one column per level. */
  readonly levels?: readonly string[];
  readonly columns?: readonly number[];
  /** The favourable outcome (hired, credit granted): effects are changes in its probability. */
  readonly favourableClass?: string;
}

export interface DatasetInfo {
  readonly id: string;
  readonly name: string;
  readonly source: string;
  /** sha256 of the data as loaded (CSV bytes, or generator id + seed + parameters). */
  readonly hash: string;
  readonly synthetic: boolean;
}

export interface Task extends TaskView {
  readonly description: string;
  readonly dataset: DatasetInfo;
  readonly modelId: string;
  readonly model: Model;
  readonly train: Split;
  readonly test: Split;
  readonly groundTruth?: GroundTruth;
  readonly groundTruthCheck?: GroundTruthCheck;
  /**
   * The first n sample ids of a fixed permutation of the test split (seeded by the task id only), so
   * a smaller profile's samples are a prefix of a larger one's and runs pair sample by sample.
   */
  sampleIds(n: number): string[];
  /** Test-split row of a sample id; throws a UserError for an id that is not one of this task's. */
  sampleIndex(id: string): number;
}

/** Registry entry: cheap to list, loads data and model on demand. */
export interface TaskSpec {
  readonly id: string;
  readonly description: string;
  readonly kind: TaskKind;
  readonly datasetId: string;
  readonly modelId: string;
  /**
   * Whether the task has ground truth that its model was shown to use (the recorded check passed), so
   * that localisation cells can be planned without loading data.
   */
  groundTruthUsable(): boolean;
  /**
   * What the task offers explainers (matched against each explainer's `needs`): every zoo task offers
   * predictions, gradients, layers and training data; some add a generator or a knowledge graph.
   */
  readonly offers: readonly Need[];
  /** Whether the task's data has a protected attribute (its evidence metrics are planned only then). */
  readonly hasProtectedAttribute?: boolean;
  /** The explainer families the task is meant for (all when absent). */
  readonly families?: readonly Family[];
  load(): Promise<Task>;
}
