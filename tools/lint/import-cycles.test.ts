import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cycles, importGraph } from './import-cycles.js';

describe('import cycles', () => {
  it('finds a cycle of three and ignores a chain', () => {
    const g = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
      ['e', ['d']],
    ]);
    expect(cycles(g)).toEqual([['a', 'b', 'c']]);
    expect(cycles(new Map([['x', ['y']], ['y', []]]))).toEqual([]);
  });

  it('the project has none', () => {
    const graph = importGraph(join(import.meta.dirname, '..', '..'));
    expect(graph.size).toBeGreaterThan(300);
    expect(cycles(graph)).toEqual([]);
  });
});
