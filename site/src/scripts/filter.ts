/**
 * The leaderboard's filters: task and data type hide whole task sections, family hides explainer rows.
 * The filter form is hidden until this runs (without JavaScript every task is shown).
 */
const form = document.querySelector<HTMLFormElement>('form[data-filters]');
if (form) {
  form.hidden = false;
  const get = (name: string) => (form.elements.namedItem(name) as HTMLSelectElement | null)?.value ?? 'all';
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
  };
  form.addEventListener('change', apply);
  form.addEventListener('submit', (e) => e.preventDefault());
  apply();
}
