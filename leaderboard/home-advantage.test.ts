/** The completeness-gap home-advantage pairs agree with the completeness the explainers declare (explainers/properties.ts). */
import { describe, expect, it } from 'vitest';
import { explainers } from '../explainers/index.js';
import { homeAdvantage } from './home-advantage.js';

describe('home-advantage pairs against declared properties', () => {
  it('pair an explainer with completeness-gap exactly when it claims completeness', () => {
    for (const e of explainers) {
      const claims = (e.properties ?? []).includes('completeness');
      expect({ id: e.id, paired: homeAdvantage(e.id, 'completeness-gap') !== null }).toEqual({ id: e.id, paired: claims });
    }
  });
});
