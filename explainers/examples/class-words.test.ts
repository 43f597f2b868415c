import { describe, expect, it } from 'vitest';
import type { TaskView } from '../../datasets/task.js';
import { withParticle } from '../../core/korean-particles.js';
import { className, valueWithUnit } from './class-words.js';

// Only the fields the wording reads: class names, units, and the standardisation to undo.
const hiring = {
  classes: ['not_hired', 'hired'],
  units: ['years', '', 'km'],
  scale: { mean: [5, 0, 10], std: [2, 1, 4] },
} as unknown as TaskView;

describe('class names and units in Korean texts', () => {
  it('names the built-in classes in Korean and keeps unknown ones', () => {
    expect(className(hiring, 1)).toBe('hired');
    expect(className(hiring, 1, 'ko')).toBe('합격');
    expect(className(hiring, 0, 'ko')).toBe('불합격');
    expect(className(hiring, 7, 'ko')).toBe('클래스 7');
    expect(className({ classes: ['tabby'] } as unknown as TaskView, 0, 'ko')).toBe('tabby');
    // A generated sentence then takes the particle the Korean name needs: 합격 ends in ㄱ.
    expect(withParticle(`'${className(hiring, 1, 'ko')}'`, '이라고/라고')).toBe("'합격'이라고");
  });

  it('writes values in original units, a Korean unit word right after the number', () => {
    // Standardised 1.5 is 5 + 1.5 * 2 = 8 years.
    expect(valueWithUnit(hiring, 0, 1.5)).toBe('8 years');
    expect(valueWithUnit(hiring, 0, 1.5, 'ko')).toBe('8년');
    expect(valueWithUnit(hiring, 2, 0, 'ko')).toBe('10 km');
    expect(valueWithUnit(hiring, 1, 1, 'ko')).toBe('1');
    expect(withParticle(valueWithUnit(hiring, 0, 1.5, 'ko'), '으로/로')).toBe('8년으로');
  });
});
