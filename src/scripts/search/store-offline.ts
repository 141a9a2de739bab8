/**
 * The offline store, for the copy opened from disk (file://), where fetch,
 * module scripts and WebAssembly are blocked but classic scripts load: each
 * index file (search-index/…, written by scripts/search/write-index.ts) is a
 * script that files its value under its name in one global, loaded the first
 * time it is needed — the manifest, the shards a query needs, the bundles
 * holding the pages shown — so the first result does not wait for the whole
 * index of a large site (51 MB in one script at 2,000 documents before).
 */
import { chunkOf, structureOf } from '../../../shared/search/pages.ts';
import {
  OFFLINE_GLOBAL,
  offlineFile,
  type ConceptCard,
  type OfflineMeta,
  type PageBundle,
  type SearchStore,
  type Shard,
} from '../../../shared/search/types.ts';
import { decodeNumbers } from '../../../shared/varint.ts';

/** Loads a classic script; resolves when it has run. */
function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.addEventListener('load', () => {
      script.remove();
      resolve();
    });
    script.addEventListener('error', () => reject(new Error(`离线搜索索引无法加载：${src}`)));
    document.head.append(script);
  });
}

/** The page bundle holding page `n`: the last bundle starting at or before it. */
export function bundleOf(starts: readonly number[], n: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= n) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A store over the offline index below `root` (the site root URL, ending in "/"); `load` runs one script. */
export function offlineStore(root: string, load: (src: string) => Promise<void> = loadScript): SearchStore {
  const files = new Map<string, Promise<unknown>>();
  const file = <T>(name: string): Promise<T> => {
    let p = files.get(name);
    if (!p) {
      const src = new URL(offlineFile.path(name), root).href;
      p = load(src).then(() => {
        const all = (globalThis as Record<string, unknown>)[OFFLINE_GLOBAL] as Record<string, unknown> | undefined;
        const value = all?.[name];
        if (value === undefined) throw new Error(`离线搜索索引无效：${src}`);
        // Kept by this store; the global only carries it from the script to here.
        delete all![name];
        return value;
      });
      p.catch(() => files.delete(name));
      files.set(name, p);
    }
    return p as Promise<T>;
  };
  let starts: number[] | undefined;
  const meta = async () => {
    const value = await file<OfflineMeta>(offlineFile.meta());
    starts ??= decodeNumbers(value.bundles, "the offline search index's bundles");
    return value;
  };
  const page = async (n: number) => {
    await meta();
    const bundle = await file<PageBundle>(offlineFile.bundle(bundleOf(starts!, n)));
    const found = bundle.pages[n - bundle.first];
    if (!found) throw new Error(`离线搜索索引缺少第 ${n} 页`);
    return found;
  };
  return {
    meta,
    shard: (n) => file<Shard>(offlineFile.shard(n)),
    structure: async (n) => structureOf(await page(n)),
    chunk: async (n, k) => chunkOf((await page(n)).text, k, (await meta()).chunkSize),
    concept: async (i) => (await file<ConceptCard[]>(offlineFile.concepts()))[i],
    urls: async () => {
      throw new Error('离线版不提供扩展检索');
    },
  };
}
