/**
 * The leaderboard's filters: task and data type hide whole task sections, family hides explainer rows.
 * The filter form is hidden until this runs (without JavaScript every task is shown). The choice is kept
 * in the address (?task=…&kind=…&family=…, as the criteria explorer keeps its weights), so a filtered view
 * can be shared and the guide page can link to one; unknown values fall back to all.
 */
const form = document.querySelector<HTMLFormElement>('form[data-filters]');
if (form) {
  form.hidden = false;
  const names = ['task', 'kind', 'family'] as const;
  const select = (name: string) => form.elements.namedItem(name) as HTMLSelectElement | null;
  const get = (name: string) => select(name)?.value ?? 'all';
  const query = new URLSearchParams(location.search);
  for (const n of names) {
    const el = select(n);
    const wanted = query.get(n);
    if (el && wanted && [...el.options].some((o) => o.value === wanted)) el.value = wanted;
  }
  const apply = () => {
    const task = get('task');
    const kind = get('kind');
    const family = get('family');
    for (const sec of document.querySelectorAll<HTMLElement>('[data-task-section]')) {
      sec.hidden = (task !== 'all' && sec.dataset.task !== task) || (kind !== 'all' && sec.dataset.kind !== kind);
    }
    for (const row of document.querySelectorAll<HTMLElement>('tr[data-family]')) {
      row.hidden = family !== 'all' && row.dataset.family !== family;
    }
    const q = new URLSearchParams(location.search);
    for (const n of names) {
      if (get(n) === 'all') q.delete(n);
      else q.set(n, get(n));
    }
    const search = q.toString();
    history.replaceState(null, '', `${location.pathname}${search ? `?${search}` : ''}${location.hash}`);
  };
  form.addEventListener('change', apply);
  form.addEventListener('submit', (e) => e.preventDefault());
  apply();
}
