/**
 * The offline store: on file:// pages fetch(), module scripts and WebAssembly
 * are blocked (origin null), but a classic <script src> still loads. So the
 * index comes from search-index.js, which assigns one global holding the
 * manifest and page texts; the shards are rebuilt from the texts on first use
 * with the build's own code, so they are the shards the online site fetches.
 */
import { shardsFromPages } from '../../lib/search/build-postings.ts';
import { unpackFoldMap } from '../../lib/search/fold.ts';
import { chunkOf, structureOf } from '../../lib/search/pages.ts';
import { OFFLINE_GLOBAL, type OfflineIndex, type SearchStore, type Shard } from '../../lib/search/types.ts';

/** Loads a classic script once; resolves when it has run. */
function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.addEventListener('load', () => resolve());
    script.addEventListener('error', () => reject(new Error(`离线搜索索引无法加载：${src}`)));
    document.head.append(script);
  });
}

/** A store over the offline index at `src` (loaded on first use). */
export function offlineStore(src: string): SearchStore {
  let loading: Promise<OfflineIndex> | undefined;
  const index = () =>
    (loading ??= loadScript(src).then(() => {
      const value = (globalThis as Record<string, unknown>)[OFFLINE_GLOBAL] as OfflineIndex | undefined;
      if (!value) throw new Error(`离线搜索索引无效：${src}`);
      return value;
    }));
  const page = async (n: number) => {
    const found = (await index()).pages[n];
    if (!found) throw new Error(`离线搜索索引缺少第 ${n} 页`);
    return found;
  };
  let shards: Promise<Shard[]> | undefined;
  const allShards = () =>
    (shards ??= index().then(({ meta, pages }) => shardsFromPages(pages, unpackFoldMap(meta.fold), meta.shardCount)));
  return {
    meta: async () => (await index()).meta,
    shard: async (n) => (await allShards())[n] ?? {},
    structure: async (n) => structureOf(await page(n)),
    chunk: async (n, k) => chunkOf((await page(n)).text, k, (await index()).meta.chunkSize),
  };
}
