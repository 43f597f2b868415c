/**
 * The trade-off map's task selector: the page works without it (links to #map-<task>, shown by CSS
 * :target); with JavaScript a select replaces the links and keeps the address in step, so a chosen task
 * can be shared and the back button goes back to the previous one.
 */
const select = document.querySelector<HTMLSelectElement>('[data-map-select]');
const label = document.querySelector<HTMLElement>('[data-map-select-label]');
const links = document.querySelector<HTMLElement>('[data-map-links]');
if (select && label && links) {
  label.hidden = false;
  links.hidden = true;
  const sync = () => {
    const id = decodeURIComponent(location.hash.slice(1));
    if ([...select.options].some((o) => o.value === id)) select.value = id;
  };
  sync();
  addEventListener('hashchange', sync);
  // Setting the hash is what a link does: :target moves to the chosen chart, and history keeps the choice.
  select.addEventListener('change', () => {
    location.hash = select.value;
  });
}
