/**
 * The criteria explorer: sliders and presets set the weights, the ranking is recomputed with the same
 * code the page used for its default (lib/weights.ts), and the choice is written into the URL.
 * Names are set with textContent only: nothing from the data is parsed as HTML.
 */
import { CRITERIA_ORDER, PRESETS, fromQuery, rankExplainers, toQuery, type ExplorerData, type Weights } from '../lib/weights';

const root = document.querySelector<HTMLElement>('[data-explorer]');
if (root) {
  const data = JSON.parse(root.dataset.explorer ?? '{}') as ExplorerData;
  const labels = JSON.parse(root.dataset.labels ?? '{}') as Record<string, string>;
  const body = root.querySelector<HTMLTableSectionElement>('tbody[data-ranking]')!;
  const sliders = [...root.querySelectorAll<HTMLInputElement>('input[type=range][data-criterion]')];
  const kindSelect = root.querySelector<HTMLSelectElement>('select[name=data]');
  const cpsBox = root.querySelector<HTMLInputElement>('input[name=cps]');
  const share = root.querySelector<HTMLAnchorElement>('a[data-share]');
  const presetButtons = [...root.querySelectorAll<HTMLButtonElement>('button[data-preset]')];
  root.querySelectorAll<HTMLElement>('[data-js-only]').forEach((el) => (el.hidden = false));
  root.querySelectorAll<HTMLElement>('[data-no-js]').forEach((el) => (el.hidden = true));

  const state = fromQuery(location.search);

  const fmt = (v: number | null) => (v === null ? '–' : v.toFixed(2));
  const render = () => {
    const weights: Weights = {};
    for (const s of sliders) weights[s.dataset.criterion!] = Number(s.value);
    const kind = kindSelect?.value ?? 'all';
    const cps = cpsBox?.checked ?? false;
    for (const s of sliders) {
      const out = root.querySelector<HTMLOutputElement>(`output[for="${s.id}"]`);
      if (out) out.textContent = s.value;
    }
    for (const b of presetButtons) {
      const p = PRESETS[b.dataset.preset!];
      b.setAttribute('aria-pressed', String(CRITERIA_ORDER.every((c) => (p[c] ?? 0) === (weights[c] ?? 0))));
    }
    const rows = rankExplainers(data, weights, { kind, cps });
    body.replaceChildren(
      ...rows.map((r) => {
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
        name.textContent = r.id;
        tr.appendChild(name);
        td(labels[`family:${r.family}`] ?? r.family);
        const overall = td('', 'num', r.score);
        const bar = document.createElement('span');
        bar.className = 'score-bar';
        bar.style.width = `${Math.round((r.score ?? 0) * 60)}px`;
        bar.setAttribute('aria-hidden', 'true');
        overall.append(bar, fmt(r.score));
        td(`${Math.round(r.coverage * 100)}%`, 'num', r.coverage);
        for (const c of CRITERIA_ORDER) if (root.querySelector(`th[data-col="${c}"]`)) td(fmt(r.criteria[c]), 'num', r.criteria[c]);
        return tr;
      }),
    );
    const query = toQuery(weights, kind, cps);
    history.replaceState(null, '', `${location.pathname}${query}`);
    if (share) share.href = `${location.pathname}${query}`;
  };

  for (const s of sliders) s.value = String(state.weights[s.dataset.criterion!] ?? 0);
  if (kindSelect && [...kindSelect.options].some((o) => o.value === state.kind)) kindSelect.value = state.kind;
  if (cpsBox) cpsBox.checked = state.cps;
  for (const s of sliders) s.addEventListener('input', render);
  kindSelect?.addEventListener('change', render);
  cpsBox?.addEventListener('change', render);
  for (const b of presetButtons) {
    b.addEventListener('click', () => {
      const p = PRESETS[b.dataset.preset!];
      for (const s of sliders) s.value = String(p[s.dataset.criterion!] ?? 0);
      render();
    });
  }
  render();
}
