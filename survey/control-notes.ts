/**
 * The packet manifest's `controls`: for every explainer family in the packet, how each control
 * (constant, random, human-written reference; docs/formats.md, Survey files) is realised for that family's
 * items, or why it is not applicable there, so whoever scores the study knows what the controls of a
 * family stand for.
 */
import type { ControlNote, ItemFormat } from './packet.js';

const RANDOM: Readonly<Record<string, { format: ItemFormat; note: string }>> = {
  rules: {
    format: 'rule',
    note:
      "a rule drawn at random from the task's rule set (never the one used for the input), shown as the rule used, with the whole " +
      'rule set',
  },
  'concept-path': {
    format: 'kg_path',
    note:
      'random attributes of the knowledge graph, grounded like real ones, and random seen classes, shown as the evidence paths with ' +
      'the sentence written from them',
  },
  examples: {
    format: 'example',
    note:
      'random training examples with their true labels, shown as the examples (the same picture grid, or rows in original units on ' +
      'tabular tasks)',
  },
};

export function controlNotes(
  families: readonly string[],
  referencesGiven: boolean,
  randomMade: ReadonlyMap<string, number>,
  randomSkipped: ReadonlyMap<string, ReadonlyMap<string, number>>,
): ControlNote[] {
  const notes: ControlNote[] = [];
  for (const family of families) {
    notes.push(
      family === 'attribution'
        ? {
            method: 'control-constant',
            family,
            applicable: true,
            note: 'a uniform heatmap (image tasks) with the same sentence for every input; on tabular tasks the sentence alone',
          }
        : {
            method: 'control-constant',
            family,
            applicable: true,
            format: 'text',
            note:
              'the same sentence for every input (one item per input, shared by every family rated on it): high sensibleness at ' +
              'best, near-zero specificity',
          },
    );
    if (family === 'attribution') {
      notes.push({
        method: 'control-random',
        family,
        applicable: true,
        note: 'a random normal attribution, with the text written from it (a heatmap on image tasks, text on tabular ones)',
      });
    } else {
      const made = randomMade.get(family) ?? 0;
      const skipped = [...(randomSkipped.get(family) ?? new Map<string, number>()).entries()].map(
        ([why, n]) => `not for ${n} input${n === 1 ? '' : 's'}: ${why}`,
      );
      const how = RANDOM[family] ?? { format: 'text' as const, note: 'no random control is defined for this family' };
      notes.push(
        made > 0
          ? { method: 'control-random', family, applicable: true, format: how.format, note: [how.note, ...skipped].join('; ') }
          : { method: 'control-random', family, applicable: false, note: skipped.length ? skipped.join('; ') : how.note },
      );
    }
    notes.push({
      method: 'control-human',
      family,
      applicable: true,
      format: 'text',
      note: referencesGiven
        ? 'a human-written reference explanation of the input (text, from --references) where one is given'
        : 'none supplied: fill in references-template.csv and make the packet again with --references',
    });
  }
  return notes;
}
