import { describe, expect, it } from 'vitest';
import { rngFor } from './rng.js';
import {
  bootstrapStreamKey,
  comparisonStreamKey,
  explainStream,
  fitStream,
  groupBootstrapStream,
  metricStream,
  randomiseStream,
  sharedMetricStream,
} from './streams.js';

const draws = (r: { nextUint32(): number }) => Array.from({ length: 4 }, () => r.nextUint32());

describe('the named streams keep the keys the stored numbers were drawn with', () => {
  it('each constructor draws what rngFor draws under the key it has always had', () => {
    expect(draws(explainStream(7, 't', 'e', 's1', 'p'))).toEqual(draws(rngFor(7, 't', 'e', 'explain', 's1', 'p')));
    expect(draws(explainStream(7, 't', 'e', 's1', 'p', ''))).toEqual(draws(rngFor(7, 't', 'e', 'explain', 's1', 'p')));
    expect(draws(explainStream(7, 't', 'e', 's1', 'p', 'again-1'))).toEqual(draws(rngFor(7, 't', 'e', 'explain', 's1', 'p', 'again-1')));
    expect(draws(fitStream(7, 't', 'e', 'p'))).toEqual(draws(rngFor(7, 't', 'e', 'fit', 'p')));
    expect(draws(metricStream(7, 't', 'e', 'm', 's1', 'p'))).toEqual(draws(rngFor(7, 't', 'e', 'm', 's1', 'p')));
    expect(draws(sharedMetricStream(7, 't', 'e', 's1', 'p'))).toEqual(draws(rngFor(7, 't', 'e', 'shared', 's1', 'p')));
    expect(draws(randomiseStream(7, 'dense_1'))).toEqual(draws(rngFor(7, 'randomise', 'dense_1')));
    expect(draws(groupBootstrapStream(7, 'attribution', 't'))).toEqual(draws(rngFor(7, 'group-bootstrap', 'attribution', 't')));
    expect(bootstrapStreamKey('t', 'm')).toEqual(['bootstrap', 't', 'm']);
    expect(comparisonStreamKey('t', 'm')).toEqual(['ci', 't', 'm']);
  });

  it('a salted re-explanation draws apart from the explanation itself', () => {
    expect(draws(explainStream(7, 't', 'e', 's1', 'p', 'again-1'))).not.toEqual(draws(explainStream(7, 't', 'e', 's1', 'p')));
  });
});
