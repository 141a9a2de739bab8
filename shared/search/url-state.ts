/**
 * The search page's state lives in the URL (?q=…&sort=date&level=市级…), so a
 * search can be shared, bookmarked and reached from any page's search box.
 */
import { FACETS, type Selection } from './filters.ts';

/** What the page shows. */
export interface SearchState {
  query: string;
  sort: 'relevance' | 'date';
  filters: Selection;
}

/** Reads the state from a query string ("?q=链长制&level=市级"). */
export function stateFromSearch(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters: Selection = {};
  for (const { key } of FACETS) {
    const values = params.getAll(key).filter(Boolean);
    if (values.length > 0) filters[key] = [...new Set(values)];
  }
  return { query: params.get('q') ?? '', sort: params.get('sort') === 'date' ? 'date' : 'relevance', filters };
}

/** Writes the state as a query string (empty parts left out), the inverse of {@link stateFromSearch}. */
export function searchFromState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  if (state.sort === 'date') params.set('sort', 'date');
  for (const { key } of FACETS) for (const value of state.filters[key] ?? []) params.append(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}
