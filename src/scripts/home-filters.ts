/**
 * The home page's filters over the newest-first list: status (征求意见稿, 正式, 已废止…)
 * and year in force ("in force in 2025"). Without JavaScript the form stays hidden
 * and the whole list shows. The choice is kept in the URL (?status=…&inforce=2025),
 * so a filtered list can be linked to.
 */

/** Whether a list item passes the chosen status and year ('' means any). */
export function passesFilters(item: { status: string; inForce: string[] }, status: string, year: string): boolean {
  return (status === '' || item.status === status) && (year === '' || item.inForce.includes(year));
}

function start(): void {
  const form = document.querySelector<HTMLFormElement>('form[data-doc-filters]');
  const list = document.querySelector<HTMLElement>('[data-doc-list]');
  if (!form || !list) return;
  const status = form.elements.namedItem('status') as HTMLSelectElement;
  const year = form.elements.namedItem('inforce') as HTMLSelectElement;
  const count = form.querySelector<HTMLOutputElement>('output[data-filter-count]');
  const items = [...list.querySelectorAll<HTMLLIElement>(':scope > li')];
  const params = new URLSearchParams(window.location.search);
  const choose = (select: HTMLSelectElement, value: string | null) => {
    if (value !== null && [...select.options].some((o) => o.value === value)) select.value = value;
  };
  choose(status, params.get('status'));
  choose(year, params.get('inforce'));

  const apply = () => {
    let shown = 0;
    for (const li of items) {
      const pass = passesFilters({ status: li.dataset.status ?? '', inForce: (li.dataset.inforce ?? '').split(' ').filter(Boolean) }, status.value, year.value);
      li.hidden = !pass;
      if (pass) shown += 1;
    }
    if (count) count.textContent = status.value || year.value ? `显示${shown}份，共${items.length}份` : `共${items.length}份`;
    const next = new URLSearchParams(window.location.search);
    for (const [key, value] of [
      ['status', status.value],
      ['inforce', year.value],
    ] as const) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    const query = next.toString();
    try {
      history.replaceState(null, '', `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`);
    } catch {
      // Some browsers refuse to change the URL of a page opened from disk; the filter still works.
    }
  };
  form.addEventListener('change', apply);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    apply();
  });
  form.hidden = false;
  apply();
}

start();
