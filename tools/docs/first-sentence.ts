/**
 * The first sentence of a registry text, so the generated reference pages give one line per entry
 * (the registries' descriptions and references run to a paragraph; `xai-bench list` prints them whole).
 */

/** Words that end in a full stop without ending the sentence. */
const ABBREVIATIONS = new Set(['al', 'e.g', 'i.e', 'vs', 'cf', 'etc', 'approx', 'Fig', 'Eq']);

function endsSentence(text: string, dot: number): boolean {
  if (text[dot + 1] !== ' ' || !/[A-Z]/.test(text[dot + 2] ?? '')) return false;
  const word = /([A-Za-z.]+)$/.exec(text.slice(0, dot))?.[1] ?? '';
  // A single capital before the dot is an initial ("Mittelstadt, B. Russell"), not a sentence end.
  return !ABBREVIATIONS.has(word) && !/^[A-Z]$/.test(word);
}

/** Text up to and including its first full stop that ends a sentence; the whole text when there is none. */
export function firstSentence(text: string): string {
  const trimmed = text.trim();
  for (let i = trimmed.indexOf('.'); i >= 0; i = trimmed.indexOf('.', i + 1)) {
    if (endsSentence(trimmed, i)) return trimmed.slice(0, i + 1);
  }
  return trimmed;
}
