/**
 * The opt-in extended search under the exact results: on the reader's press,
 * loads Pagefind's JS API from the site's pagefind/ folder (never before — the
 * first query's byte budget has no room for it) and lists the pages Pagefind's
 * word-segmented match finds that the exact search did not. Offline (file://)
 * Pagefind cannot run (module scripts, fetch and WebAssembly are blocked), so
 * the section only says so. Progress is in #search-extra[data-state]
 * (idle | loading | done | error) for tests.
 */
import type { Selection } from '../../../shared/search/filters.ts';
import { extraResults, pagefindFilters, type IndexPages, type PagefindData, type PagefindFilters } from '../../../shared/search/pagefind.ts';
import { extraResultNode } from './render.ts';

/** Extra results added per press of "显示更多". */
const EXTRA_PAGE_SIZE = 10;

/** The subset of Pagefind's JS API used here. */
interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(query: string, options: { filters: PagefindFilters }): Promise<{ results: Array<{ data(): Promise<PagefindData> }> } | null>;
}

/** What the exact search just showed, so the extended search can leave it out. */
export interface ExactContext {
  query: string;
  filters: Selection;
  /** Index positions of every exact result (shown or not). */
  exact: ReadonlySet<number>;
}

/** The section's controller: shown after each exact search, reset on the next. */
export interface ExtendedSearch {
  show(context: ExactContext): void;
  hide(): void;
}

/** Wires the #search-extra section; `root` is the site root URL, `href` makes result links, `indexPages` gives the exact index's URLs. */
export function extendedSearch(root: string, offline: boolean, href: (relative: string) => string, indexPages: () => Promise<IndexPages>): ExtendedSearch {
  const section = document.getElementById('search-extra') as HTMLElement;
  const run = document.getElementById('search-extra-run') as HTMLButtonElement;
  const note = document.getElementById('search-extra-note') as HTMLElement;
  const status = document.getElementById('search-extra-status') as HTMLElement;
  const list = document.getElementById('search-extra-results') as HTMLOListElement;
  const more = document.getElementById('search-extra-more') as HTMLButtonElement;
  const basePath = new URL(root).pathname;

  let api: Promise<PagefindApi> | undefined;
  const loadPagefind = () =>
    (api ??= (async () => {
      // A runtime URL, so esbuild leaves the import to the browser.
      const url = new URL('pagefind/pagefind.js', root).href;
      const pagefind = (await import(/* @vite-ignore */ url)) as PagefindApi;
      await pagefind.options({ baseUrl: basePath, excerptLength: 40 });
      await pagefind.init();
      return pagefind;
    })().catch((error: unknown) => {
      api = undefined;
      throw error;
    }));

  let context: ExactContext | undefined;
  let generation = 0;
  let pending: Array<{ data(): Promise<PagefindData> }> = [];
  let total = 0;
  let listed = 0;

  const reset = () => {
    generation++;
    pending = [];
    list.replaceChildren();
    status.textContent = '';
    more.hidden = true;
    run.hidden = offline;
    run.disabled = false;
    section.dataset.state = 'idle';
  };

  /** Loads Pagefind pages until `EXTRA_PAGE_SIZE` more extra results are listed or none remain. */
  const listMore = async (id: number): Promise<HTMLLIElement[]> => {
    const added: HTMLLIElement[] = [];
    while (added.length < EXTRA_PAGE_SIZE && pending.length > 0 && context) {
      const batch = pending.splice(0, EXTRA_PAGE_SIZE);
      const [found, index] = await Promise.all([Promise.all(batch.map((r) => r.data())), indexPages()]);
      if (id !== generation) return [];
      const shown = new Set([...context.exact, ...[...list.querySelectorAll<HTMLElement>('[data-extra-result]')].map((li) => Number(li.dataset.page))]);
      for (const result of extraResults(found, index, shown, context.filters, basePath)) {
        const node = extraResultNode(result, href);
        list.append(node);
        added.push(node);
      }
    }
    listed += added.length;
    more.hidden = pending.length === 0;
    status.textContent =
      listed === 0
        ? `分词匹配没有找到精确结果以外的页面（Pagefind 共匹配 ${total} 个页面）。`
        : `分词匹配另找到 ${listed} 个页面${pending.length > 0 ? '（还有更多）' : ''}，Pagefind 共匹配 ${total} 个页面；这些页面可能不含完整检索词。`;
    return added;
  };

  run.addEventListener('click', async () => {
    if (!context) return;
    const id = ++generation;
    run.disabled = true;
    section.dataset.state = 'loading';
    status.textContent = '正在加载 Pagefind 分词检索…';
    try {
      const pagefind = await loadPagefind();
      const response = await pagefind.search(context.query, { filters: pagefindFilters(context.filters) });
      if (id !== generation) return;
      pending = [...(response?.results ?? [])];
      total = pending.length;
      listed = 0;
      const added = await listMore(id);
      if (id !== generation) return;
      run.hidden = true;
      section.dataset.state = 'done';
      (added[0]?.querySelector('a') ?? status).focus();
    } catch (error) {
      if (id !== generation) return;
      run.disabled = false;
      status.textContent = `扩展检索出错：${error instanceof Error ? error.message : String(error)}`;
      section.dataset.state = 'error';
    }
  });
  more.addEventListener('click', async () => {
    const id = generation;
    const added = await listMore(id);
    added[0]?.querySelector('a')?.focus();
  });

  if (offline) note.textContent = '离线版不提供扩展检索（Pagefind 分词匹配只能在网站上使用）。';
  reset();
  return {
    show(next) {
      context = next;
      reset();
      section.hidden = !next.query.trim();
    },
    hide() {
      context = undefined;
      reset();
      section.hidden = true;
    },
  };
}
