/**
 * The online store: fetches the gzip index files next to the site and inflates
 * them with DecompressionStream. If a host already decoded them (it sent
 * Content-Encoding: gzip), the bytes are plain JSON and are read as they are.
 */
import type { ConceptCard, PageStructure, SearchMeta, SearchStore, Shard } from '../../../shared/search/types.ts';

/** Reads JSON from gzip bytes (or from plain JSON bytes). */
export async function readGzipJson<T>(bytes: ArrayBuffer): Promise<T> {
  const head = new Uint8Array(bytes, 0, Math.min(2, bytes.byteLength));
  let text: string;
  if (head[0] === 0x1f && head[1] === 0x8b) {
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    text = await new Response(stream).text();
  } else {
    text = new TextDecoder().decode(bytes);
  }
  return JSON.parse(text) as T;
}

/** A store over `root` (the site root URL, ending in "/"). */
export function onlineStore(root: string): SearchStore {
  let version = '';
  const get = async <T>(path: string, init?: RequestInit): Promise<T> => {
    const url = new URL(path, root);
    if (version) url.searchParams.set('v', version);
    const response = await fetch(url, init);
    if (!response.ok) throw new Error(`搜索索引文件无法加载（${response.status}）：${url.pathname}`);
    return readGzipJson<T>(await response.arrayBuffer());
  };
  return {
    async meta() {
      // The manifest is revalidated every time; the files it names carry its build id.
      const meta = await get<SearchMeta>('search-data/meta.json.gz', { cache: 'no-cache' });
      version = meta.buildId;
      return meta;
    },
    shard: (n) => get<Shard>(`search-data/s/${n}.json.gz`),
    structure: (n) => get<PageStructure>(`search-data/p/${n}.json.gz`),
    chunk: (n, k) => get<string>(`search-data/t/${n}-${k}.json.gz`),
    concept: (i) => get<ConceptCard>(`search-data/c/${i}.json.gz`),
    urls: () => get<string[]>('search-data/urls.json.gz'),
  };
}
