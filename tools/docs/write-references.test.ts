import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../core/package-root.js';
import { explainers } from '../../explainers/index.js';
import { metrics } from '../../metrics/index.js';
import { firstSentence } from './first-sentence.js';
import { REFERENCE_PAGES } from './write-references.js';

describe('the generated reference pages (docs/explainers.md, docs/metrics.md)', () => {
  for (const [path, write] of Object.entries(REFERENCE_PAGES)) {
    it(`${path} is what tools/docs/write-references.ts writes (rerun it after changing a registry)`, () => {
      expect(readFileSync(join(packageRoot(), path), 'utf8')).toBe(write());
    });
  }

  it('name every registered explainer and metric', () => {
    const pages = Object.values(REFERENCE_PAGES).map((write) => write()).join('\n');
    for (const { id } of [...explainers, ...metrics]) expect(pages).toContain(`\`${id}\``);
  });
});

describe('firstSentence', () => {
  it('stops at the first full stop followed by a capital', () => {
    expect(firstSentence('Mean of x. Lower is better.')).toBe('Mean of x.');
  });

  it('reads past abbreviations and initials', () => {
    expect(firstSentence('Yeh et al. 2019; as Quantus. Peers differ.')).toBe('Yeh et al. 2019; as Quantus.');
    expect(firstSentence('After e.g. Visani et al. 2022. More.')).toBe('After e.g. Visani et al. 2022.');
    expect(firstSentence('Jeon, G., Maddison, C. J. The paper. Rest.')).toBe('Jeon, G., Maddison, C. J. The paper.');
  });

  it('returns the whole text when no sentence ends inside it', () => {
    expect(firstSentence('  no full stop here ')).toBe('no full stop here');
  });
});
