/** Which tasks the leaderboard's protected section covers, and its absence without such tasks. */
import { describe, expect, it } from 'vitest';
import type { ResultRecord } from '../../runner/result-record.js';
import { protectedSection, protectedTaskIds } from './section.js';

const on = (task: string) => ({ task }) as unknown as ResultRecord;

describe('protected section', () => {
  it('covers the tasks with a protected attribute, each once, and leaves out unknown ones', () => {
    const records = [on('iris-mlp'), on('hiring-biased-mlp'), on('german-credit-mlp'), on('hiring-biased-mlp'), on('someone-elses-config-task')];
    expect(protectedTaskIds(records)).toEqual(['german-credit-mlp', 'hiring-biased-mlp']);
  });

  it('is null when no task has a protected attribute', async () => {
    expect(await protectedSection([on('iris-mlp'), on('breast-cancer-mlp')], 0)).toBeNull();
  });
});
