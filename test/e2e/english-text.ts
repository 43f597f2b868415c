/**
 * What counts as "an English sentence on a Korean page" (the browser tests of Korean pages use it):
 * three or more Latin-letter words in a row, separated by nothing but white space, in the text a reader
 * sees. A word is two or more Latin letters (an apostrophe inside allowed), so single letters in formulas
 * (x, k, f) and hyphenated or dotted ids (`kernel-shap`, `leaderboard.json`) never chain into a
 * sentence, and comma-separated lists of ids (tie lists) are not one either. Left out, as the issue
 * allows: <code>, <kbd>, <samp>, <pre> (code and commands), <cite> (titles and references), elements
 * marked `data-ref` (a metric's source note and the declared differences from peer libraries, which
 * quote the peers' own parameter names), the glossary's column of rejected variants (`data-rejected`),
 * <script>, <style>, and hidden elements.
 */

/** The English runs in `text`: three or more Latin words separated by white space only. */
export function englishRuns(text: string): string[] {
  return text.match(/(?:^|[^A-Za-z'’\-.])([A-Za-z][A-Za-z'’]*[A-Za-z](?:\s+[A-Za-z][A-Za-z'’]*[A-Za-z]){2,})(?![A-Za-z\-.])/g)
    ?.map((m) => m.replace(/^[^A-Za-z]/, '').trim()) ?? [];
}

/** The page's visible text outside the excluded elements, one string per text node (runs inside the page). */
export const visibleTextNodes = `(() => {
  const skip = 'CODE,KBD,SAMP,PRE,CITE,SCRIPT,STYLE,NOSCRIPT,TEMPLATE'.split(',');
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    let el = n.parentElement, hidden = false;
    while (el) {
      if (skip.includes(el.tagName) || el.hasAttribute('data-ref') || el.hasAttribute('data-rejected') || el.hidden) { hidden = true; break; }
      el = el.parentElement;
    }
    if (!hidden && n.textContent.trim()) out.push(n.textContent);
  }
  // Attribute text a reader meets too: titles, labels, alternative text.
  for (const el of document.querySelectorAll('[title],[aria-label],img[alt]')) {
    let p = el, skipIt = false;
    while (p) { if (skip.includes(p.tagName) || p.hasAttribute('data-ref')) { skipIt = true; break; } p = p.parentElement; }
    if (skipIt) continue;
    for (const a of ['title', 'aria-label', 'alt']) if (el.getAttribute(a)) out.push(el.getAttribute(a));
  }
  return out;
})()`;
