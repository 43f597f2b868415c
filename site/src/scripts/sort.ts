/**
 * Sortable tables: every `table[data-sortable]` header holding a button sorts its body by that column
 * (cells' `data-value` when present, else their text); empty values stay last. aria-sort says the order.
 */
function cellValue(row: HTMLTableRowElement, col: number): number | string | null {
  const cell = row.cells[col];
  if (!cell) return null;
  const v = cell.dataset.value;
  if (v !== undefined) return v === '' ? null : Number(v);
  const t = cell.textContent?.trim() ?? '';
  return t === '' || t === '–' ? null : t;
}

function sortTable(table: HTMLTableElement, th: HTMLTableCellElement): void {
  const col = th.cellIndex;
  const dir = th.getAttribute('aria-sort') === 'descending' ? 'ascending' : 'descending';
  table.querySelectorAll('thead th[aria-sort]').forEach((h) => h.removeAttribute('aria-sort'));
  th.setAttribute('aria-sort', dir);
  const body = table.tBodies[0];
  const rows = [...body.rows];
  const sign = dir === 'ascending' ? 1 : -1;
  rows.sort((a, b) => {
    const x = cellValue(a, col);
    const y = cellValue(b, col);
    if (x === null && y === null) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    if (typeof x === 'number' && typeof y === 'number') return sign * (x - y);
    return sign * String(x).localeCompare(String(y));
  });
  for (const r of rows) body.appendChild(r);
}

for (const table of document.querySelectorAll<HTMLTableElement>('table[data-sortable]')) {
  for (const th of table.querySelectorAll<HTMLTableCellElement>('thead th')) {
    const button = th.querySelector('button');
    if (button) button.addEventListener('click', () => sortTable(table, th));
  }
}
