/**
 * The search page client (bundled as a classic script, search/search.js).
 * Reads the query from the URL, searches through the shared engine — over the
 * fetched index online, over the classic scripts of search-index/ offline — and renders results
 * and filters. The page states its progress in #search-app[data-state]
 * (idle | loading | done | error) and data-done-at for scripts and tests.
 */
import { createSearchEngine, type SearchResponse } from '../../../shared/search/engine.ts';
import { FACETS, type Selection } from '../../../shared/search/filters.ts';
import { resultHref, siteRootFromScript } from '../../../shared/search/links.ts';
import { countText, noResultsText } from '../../../shared/search/text.ts';
import { searchFromState, stateFromSearch, type SearchState } from '../../../shared/search/url-state.ts';
import { extendedSearch } from './extended.ts';
import { conceptCardNode, facetsNode, resultNode } from './render.ts';
import { offlineStore } from './store-offline.ts';
import { onlineStore } from './store-online.ts';

/** Results rendered at a time ("显示更多" adds as many again). */
const PAGE_SIZE = 10;
/** Pause after the last keystroke before searching as the reader types. */
const TYPING_DELAY_MS = 250;

// document.currentScript is only set while this script first runs.
const scriptUrl = (document.currentScript as HTMLScriptElement | null)?.src ?? new URL('search.js', window.location.href).href;
const root = siteRootFromScript(scriptUrl);
const offline = window.location.protocol === 'file:';
const store = offline ? offlineStore(root) : onlineStore(root);
const engine = createSearchEngine(store);
const href = (relative: string) => resultHref(root, relative, offline);
// The extended search names pages by URL; the list is loaded only when it runs.
let urls: Promise<string[]> | undefined;
const indexPages = async () => ({ urls: await (urls ??= store.urls()), pages: (await engine.meta()).pages });
const extended = extendedSearch(root, offline, href, indexPages);

const app = document.getElementById('search-app') as HTMLElement;
const form = document.getElementById('search-form') as HTMLFormElement;
const input = document.getElementById('search-q') as HTMLInputElement;
const sortSelect = document.getElementById('search-sort') as HTMLSelectElement;
const filtersBox = document.getElementById('search-filters') as HTMLDetailsElement;
const facetsBox = document.getElementById('search-facets') as HTMLElement;
const status = document.getElementById('search-status') as HTMLElement;
const results = document.getElementById('search-results') as HTMLOListElement;
const conceptsBox = document.getElementById('search-concepts') as HTMLElement;
const more = document.getElementById('search-more') as HTMLButtonElement;

let run = 0;
let current: { response: SearchResponse; shown: number } | undefined;

function setStatus(message: string): void {
  status.textContent = offline && message ? `离线模式 · ${message}` : message;
}

function readForm(): SearchState {
  const filters: Selection = {};
  for (const { key } of FACETS) {
    const checked = [...facetsBox.querySelectorAll<HTMLInputElement>(`input[name="${key}"]:checked`)].map((i) => i.value);
    if (checked.length > 0) filters[key] = checked;
  }
  return { query: input.value, sort: sortSelect.value === 'date' ? 'date' : 'relevance', filters };
}

function showState(state: SearchState): void {
  input.value = state.query;
  sortSelect.value = state.sort;
  const header = document.getElementById('site-search-q') as HTMLInputElement | null;
  if (header) header.value = state.query;
  document.title = state.query.trim() ? `“${state.query.trim()}”的搜索结果 · 政策图谱` : '搜索 · 政策图谱';
}

async function renderMore(response: SearchResponse, from: number, id: number): Promise<HTMLLIElement[]> {
  const slice = response.results.slice(from, from + PAGE_SIZE);
  const views = await Promise.all(slice.map((r) => engine.describe(r, response.terms)));
  if (id !== run) return [];
  const nodes = views.map((v) => resultNode(v, href));
  results.append(...nodes);
  current = { response, shown: from + nodes.length };
  more.hidden = current.shown >= response.results.length;
  return nodes;
}

async function update(state: SearchState): Promise<void> {
  const id = ++run;
  const hasFilters = Object.values(state.filters).some((v) => v.length > 0);
  if (!state.query.trim() && !hasFilters) {
    results.replaceChildren();
    conceptsBox.replaceChildren();
    conceptsBox.hidden = true;
    facetsBox.replaceChildren();
    filtersBox.hidden = true;
    more.hidden = true;
    setStatus(offline ? '请输入检索词。' : '');
    extended.hide();
    app.dataset.state = 'idle';
    return;
  }
  app.dataset.state = 'loading';
  setStatus('正在搜索…');
  extended.hide();
  try {
    const response = await engine.search({ query: state.query, filters: state.filters, sort: state.sort });
    if (id !== run) return;
    const focusedId = facetsBox.contains(document.activeElement) ? document.activeElement?.id : undefined;
    facetsBox.replaceChildren(facetsNode(response.facets, state.filters));
    filtersBox.hidden = response.matched === 0 && !hasFilters;
    const chosen = Object.values(state.filters).reduce((n, v) => n + v.length, 0);
    filtersBox.querySelector('summary')!.textContent = chosen > 0 ? `筛选（已选 ${chosen} 项）` : '筛选';
    if (focusedId) document.getElementById(focusedId)?.focus();
    results.replaceChildren();
    const [cards] = await Promise.all([Promise.all(response.concepts.map((i) => engine.concept(i))), renderMore(response, 0, id)]);
    if (id !== run) return;
    conceptsBox.replaceChildren(...cards.map((card) => conceptCardNode(card, href)));
    conceptsBox.hidden = cards.length === 0;
    const total = response.results.length;
    setStatus(total > 0 ? countText(total, response.matched) : noResultsText(state.query, hasFilters));
    extended.show({ query: state.query, filters: state.filters, exact: new Set(response.results.map((r) => r.page)) });
    // When the results appeared, in ms since navigation start (read by scripts/bench/search.ts).
    app.dataset.doneAt = String(Math.round(performance.now()));
    app.dataset.query = state.query;
    app.dataset.state = 'done';
  } catch (error) {
    if (id !== run) return;
    setStatus(`搜索出错：${error instanceof Error ? error.message : String(error)}`);
    app.dataset.state = 'error';
  }
}

function go(state: SearchState, history: 'push' | 'replace'): void {
  const url = `${window.location.pathname}${searchFromState(state)}`;
  // Pages opened from disk cannot always rewrite their URL; search anyway.
  try {
    if (history === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  } catch {
    /* file:// in some browsers */
  }
  showState(state);
  void update(state);
}

let typing: ReturnType<typeof setTimeout> | undefined;
input.addEventListener('input', () => {
  clearTimeout(typing);
  typing = setTimeout(() => go(readForm(), 'replace'), TYPING_DELAY_MS);
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(typing);
  go(readForm(), 'push');
});
sortSelect.addEventListener('change', () => go(readForm(), 'replace'));
facetsBox.addEventListener('change', () => go(readForm(), 'replace'));
more.addEventListener('click', async () => {
  if (!current) return;
  const nodes = await renderMore(current.response, current.shown, run);
  nodes[0]?.querySelector('a')?.focus();
});
window.addEventListener('popstate', () => {
  const state = stateFromSearch(window.location.search);
  showState(state);
  void update(state);
});

// Filters sit beside the results on wide screens; on narrow ones they start folded.
filtersBox.open = window.matchMedia('(min-width: 60rem)').matches;
const initial = stateFromSearch(window.location.search);
showState(initial);
void update(initial);
// Offline, reading the manifest costs no bytes: load it while the reader types, not after.
if (offline) engine.meta().catch(() => {});
