import { describe, expect, it } from 'vitest';
import { UserError } from './errors.js';
import { defaults, describeParams, int, numberList, numberOr, oneOf, resolveParams, withChecks } from './params.js';

/** The message of the UserError `f` throws (and that it is one). */
function refusal(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    const message = (e as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error('expected a refusal');
}

describe('numberList', () => {
  const specs = {
    percentages: numberList({ default: [10, 20, 30], integer: true, min: 1, max: 99, maxLength: 4, description: 'removed' }),
  };

  it('resolves to the text as given, recorded unchanged, and reads into numbers', () => {
    expect(defaults(specs)).toEqual({ percentages: '10,20,30' });
    const p = resolveParams(specs, { percentages: '5,35,70' }, 'road');
    expect(p).toEqual({ percentages: '5,35,70' });
    expect(JSON.stringify(p)).toBe('{"percentages":"5,35,70"}');
    expect(specs.percentages.read(p.percentages)).toEqual([5, 35, 70]);
    // A profile may give a single number: it is a list of one, recorded as the text '50'.
    expect(resolveParams(specs, { percentages: 50 }, 'road')).toEqual({ percentages: '50' });
  });

  it('refuses an element out of range, a non-integer, a non-number and a wrong length, naming the parameter', () => {
    expect(refusal(() => resolveParams(specs, { percentages: '0,150' }, 'road'))).toBe(
      '--set road.percentages=0,150: expected 1 to 4 comma-separated integers [1, 99]; 0 is below 1',
    );
    expect(refusal(() => resolveParams(specs, { percentages: '10,150' }, 'road'))).toMatch(/^--set road\.percentages=10,150: .*150 is above 99$/);
    expect(refusal(() => resolveParams(specs, { percentages: '10,2.5' }, 'road'))).toMatch(/2\.5 is not an integer$/);
    expect(refusal(() => resolveParams(specs, { percentages: '10,,20' }, 'road'))).toMatch(/'' is not a number$/);
    expect(refusal(() => resolveParams(specs, { percentages: '' }, 'road'))).toMatch(/^--set road\.percentages=: .*0 given$/);
    expect(refusal(() => resolveParams(specs, { percentages: '1,2,3,4,5' }, 'road'))).toMatch(/5 given$/);
  });

  it('reads a bad text given directly (not through resolveParams) as a user error', () => {
    expect(refusal(() => specs.percentages.read('0,50'))).toMatch(/0 is below 1/);
  });

  it('refuses a declaration whose default does not read', () => {
    expect(() => numberList({ default: [0], min: 1, description: 'x' })).toThrow(/does not read/);
  });
});

describe('numberOr', () => {
  const specs = {
    low: numberOr('auto', { default: 'auto', description: 'lower bound' }),
    hide: numberOr('mean', { default: 'mean', min: 0, max: 1, description: 'fill' }),
  };

  it('accepts the word or a number, recording the text as given', () => {
    expect(defaults(specs)).toEqual({ low: 'auto', hide: 'mean' });
    const p = resolveParams(specs, { low: '-2.5', hide: 0 }, 'x');
    expect(p).toEqual({ low: '-2.5', hide: '0' });
    expect(specs.low.read(p.low)).toBe(-2.5);
    expect(specs.hide.read(p.hide)).toBe(0);
    expect(specs.low.read('auto')).toBe('auto');
  });

  it('refuses another word and a number out of range, naming the parameter', () => {
    expect(refusal(() => resolveParams(specs, { low: 'automatic' }, 'x'))).toBe(
      "--set x.low=automatic: expected auto | number; 'automatic' is neither auto nor a number",
    );
    expect(refusal(() => resolveParams(specs, { hide: '2' }, 'x'))).toBe('--set x.hide=2: expected mean | number [0, 1]; 2 is above 1');
  });
});

describe('withChecks', () => {
  const specs = withChecks(
    {
      min: int({ default: 1, description: 'smallest' }),
      max: int({ default: 5, description: 'largest' }),
      mode: oneOf(['a', 'b'], 'a', 'mode'),
    },
    [{ params: ['min', 'max'], rule: 'min < max', holds: (v) => v.min < v.max }],
  );

  it('passes values that keep the check; the check is not a parameter', () => {
    expect(defaults(specs)).toEqual({ min: 1, max: 5, mode: 'a' });
    expect(resolveParams(specs, { min: 2, max: '3' }, 'm')).toEqual({ min: 2, max: 3, mode: 'a' });
    expect(Object.keys(specs)).toEqual(['min', 'max', 'mode']);
  });

  it('refuses values that break it, naming the parameters and their values', () => {
    expect(refusal(() => resolveParams(specs, { min: 7 }, 'm'))).toBe('--set m.min=7 m.max=5: expected min < max');
  });

  it('keeps its checks when the declaration is spread into another', () => {
    const more = { ...specs, extra: int({ default: 0, description: 'more' }) };
    expect(() => resolveParams(more, { max: 0 }, 'm')).toThrow(UserError);
  });

  it('refuses a declaration whose defaults break the check', () => {
    const bad = { lo: int({ default: 3, description: 'lo' }), hi: int({ default: 2, description: 'hi' }) };
    expect(() => withChecks(bad, [{ params: ['lo', 'hi'], rule: 'lo < hi', holds: (v) => v.lo < v.hi }])).toThrow(/lo < hi/);
  });
});

describe('describeParams', () => {
  it('prints the new kinds and the checks readably, one line per parameter', () => {
    const specs = withChecks(
      {
        percentages: numberList({ default: [10, 20], integer: true, min: 1, max: 99, description: 'removed' }),
        low: numberOr('auto', { default: 'auto', description: 'lower bound' }),
        high: numberOr('auto', { default: 'auto', description: 'upper bound' }),
      },
      [{ params: ['low', 'high'], rule: 'low < high', holds: () => true }],
    );
    expect(describeParams(specs)).toEqual([
      'percentages = 10,20  (1 or more comma-separated integers [1, 99])  removed',
      'low = auto  (auto | number; must hold: low < high)  lower bound',
      'high = auto  (auto | number; must hold: low < high)  upper bound',
    ]);
  });
});

describe('numbers', () => {
  it('refuses a number out of range or not an integer with one line naming the parameter', () => {
    const specs = { n: int({ default: 1, min: 1, max: 10, description: 'n' }) };
    expect(refusal(() => resolveParams(specs, { n: 0 }, 'm'))).toBe('--set m.n=0: expected int [1, 10]; 0 is below 1');
    expect(refusal(() => resolveParams(specs, { n: '1.5' }, 'm'))).toBe('--set m.n=1.5: expected int [1, 10]; 1.5 is not an integer');
    expect(refusal(() => resolveParams(specs, { n: 'x' }, 'm'))).toBe('--set m.n=x: expected a finite number');
  });
});
