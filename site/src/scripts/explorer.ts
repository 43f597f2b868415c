/**
 * The criteria explorer: tabs choose the comparison group, sliders and presets set the weights, the
 * group's ranking is recomputed with the same code the page used for its default (lib/weights.ts:
 * intervals and ties from the shipped bootstrap replicates), and the choice is written into the URL.
 * Names are set with textContent only: nothing from the data is parsed as HTML.
 */
import { slug } from '../lib/format';
import { fromQuery, presetFor, rankGroup, toQuery, type ExplorerData, type Row, type Weights } from '../lib/weights';

const root = document.querySelector<HTMLElement>('[data-explorer]');
const fmt = (v: number | null) => (v === null ? '–' : String(Number(v.toPrecision(3))));

function rowElement(r: Row, criteria: readonly string[], methodHref: (id: string) => string): HTMLTableRowElement {
  const tr = document.createElement('tr');
  tr.dataset.explainer = r.id;
  const td = (text: string, cls?: string, value?: number | null) => {
    const c = document.createElement('td');
    c.textContent = text;
    if (cls) c.className = cls;
    if (value !== undefined) c.dataset.value = value === null ? '' : String(value);
    tr.appendChild(c);
    return c;
  };
  td(r.rank === null ? '–' : String(r.rank), 'num', r.rank);
  const name = document.createElement('th');
  name.scope = 'row';
  const a = document.createElement('a');
  a.href = methodHref(r.id);
  a.textContent = r.id;
  name.appendChild(a);
  tr.appendChild(name);
  const overall = td('', 'num', r.score);
  const bar = document.createElement('span');
  bar.className = 'score-bar';
  bar.style.width = `${Math.round((r.score ?? 0) * 60)}px`;
  bar.setAttribute('aria-hidden', 'true');
  const ci = document.createElement('span');
  ci.className = 'ci';
  ci.textContent = r.ci ? `[${fmt(r.ci[0])}, ${fmt(r.ci[1])}]` : '';
  overall.append(bar, `${fmt(r.score)} `, ci);
  td(r.tiedWith.length ? r.tiedWith.join(', ') : '–');
  for (const c of criteria) td(fmt(r.criteria[c]), 'num', r.criteria[c]);
  td(`${Math.round(r.coverage * 100)}%`, 'num', r.coverage);
  return tr;
}

if (root) {
  const data = JSON.parse(root.dataset.explorer ?? '{}') as ExplorerData;
  const sliders = [...root.querySelectorAll<HTMLInputElement>('input[type=range][data-criterion]')];
  const tabs = [...root.querySelectorAll<HTMLButtonElement>('button[role=tab][data-group]')];
  const panels = [...root.querySelectorAll<HTMLElement>('[data-group-panel]')];
  const share = root.querySelector<HTMLAnchorElement>('a[data-share]');
  const presetButtons = [...root.querySelectorAll<HTMLButtonElement>('button[data-preset]')];
  root.querySelectorAll<HTMLElement>('[data-js-only]').forEach((el) => (el.hidden = false));
  root.querySelectorAll<HTMLElement>('[data-no-js]').forEach((el) => (el.hidden = true));
  const methodBase = location.pathname.replace(/explorer\/?$/, 'methods/');
  const measured = JSON.parse(root.querySelector<HTMLElement>('[data-measured]')?.dataset.measured ?? '[]') as string[];
  const state = fromQuery(
    location.search,
    data.groups.map((g) => g.group),
    measured,
  );
  let current = state.group;

  const render = () => {
    const group = data.groups.find((g) => g.group === current) ?? data.groups[0];
    if (!group) return;
    const weights: Weights = {};
    for (const s of sliders) weights[s.dataset.criterion!] = Number(s.value);
    for (const s of sliders) {
      const out = root.querySelector<HTMLOutputElement>(`output[for="${s.id}"]`);
      if (out) out.textContent = s.value;
      // A criterion this group has no score on cannot be weighed here.
      s.closest<HTMLElement>('[data-slider]')!.hidden = !group.criteria.includes(s.dataset.criterion!);
    }
    for (const b of presetButtons) {
      const p = presetFor(b.dataset.preset!, measured);
      b.setAttribute('aria-pressed', String(group.criteria.every((c) => (p[c] ?? 0) === (weights[c] ?? 0))));
    }
    for (const t of tabs) t.setAttribute('aria-selected', String(t.dataset.group === group.group));
    for (const p of panels) p.hidden = p.dataset.groupPanel !== group.group;
    const body = root.querySelector<HTMLTableSectionElement>(`tbody[data-ranking="${CSS.escape(group.group)}"]`);
    const rows = rankGroup(group, weights);
    body?.replaceChildren(...rows.map((r) => rowElement(r, group.criteria, (id) => `${methodBase}${slug(id)}/`)));
    const query = toQuery(weights, group.group, group.criteria);
    history.replaceState(null, '', `${location.pathname}${query}`);
    if (share) share.href = `${location.pathname}${query}`;
  };

  for (const s of sliders) s.value = String(state.weights[s.dataset.criterion!] ?? 0);
  for (const s of sliders) s.addEventListener('input', render);
  for (const t of tabs) {
    t.addEventListener('click', () => {
      current = t.dataset.group!;
      render();
    });
  }
  for (const b of presetButtons) {
    b.addEventListener('click', () => {
      const p = presetFor(b.dataset.preset!, measured);
      for (const s of sliders) s.value = String(p[s.dataset.criterion!] ?? 0);
      render();
    });
  }
  render();
}
