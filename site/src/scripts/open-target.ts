/**
 * Folded sections (<details> with an id) open when the address names them: a link to
 * /metrics/mprt/#t-mnist-cnn lands on that task's results, unfolded. Without JavaScript the link still
 * lands on the section's summary, one click from its content.
 */
function openTarget(): void {
  const id = decodeURIComponent(location.hash.slice(1));
  if (!id) return;
  const el = document.getElementById(id);
  const fold = el instanceof HTMLDetailsElement ? el : el?.closest('details');
  if (fold && !fold.open) {
    fold.open = true;
    el?.scrollIntoView();
  }
}
openTarget();
addEventListener('hashchange', openTarget);
