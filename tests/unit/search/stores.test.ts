import { afterEach, describe, expect, it, vi } from 'vitest';
import { gzipSync } from 'node:zlib';
import { indexFiles, offlineScript } from '../../../scripts/search/write-index.ts';
import { createSearchEngine, type SearchEngine } from '../../../shared/search/engine.ts';
import { OFFLINE_GLOBAL } from '../../../shared/search/types.ts';
import { onlineStore, readGzipJson } from '../../../src/scripts/search/store-online.ts';
import { bundleOf, offlineStore } from '../../../src/scripts/search/store-offline.ts';
import { memoryStore, sampleIndex } from './fixtures.ts';

const index = sampleIndex();
const files = indexFiles(index);
const toArrayBuffer = (b: Buffer) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
const QUERIES = ['链长制', '氢', '新能源汽车 5G基站', '市工业和信息化局', '海底隧道'];

afterEach(() => vi.unstubAllGlobals());

/** The same searches on two engines give the same responses, result views and concept cards. */
async function expectSameAnswers(a: SearchEngine, b: SearchEngine): Promise<void> {
  for (const query of QUERIES) {
    const request = { query, filters: {}, sort: 'relevance' as const };
    const [x, y] = [await a.search(request), await b.search(request)];
    expect(x).toEqual(y);
    for (const r of x.results) expect(await a.describe(r, x.terms)).toEqual(await b.describe(r, y.terms));
    for (const c of x.concepts) expect(await a.concept(c)).toEqual(await b.concept(c));
  }
}

describe('readGzipJson', () => {
  it('inflates gzip bytes', async () => {
    expect(await readGzipJson(toArrayBuffer(gzipSync('{"a":"链长制"}')))).toEqual({ a: '链长制' });
  });
  it('reads plain JSON when a host already removed the gzip layer', async () => {
    expect(await readGzipJson(toArrayBuffer(Buffer.from('{"a":1}')))).toEqual({ a: 1 });
  });
});

describe('online store over the written files', () => {
  it('gives the same results as the index in memory, fetching only what the query needs', async () => {
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: URL) => {
      const rel = url.pathname.replace(/^\/atlas\//, '');
      fetched.push(rel);
      const bytes = files.get(rel);
      return bytes ? new Response(toArrayBuffer(bytes)) : new Response('missing', { status: 404 });
    });
    await expectSameAnswers(createSearchEngine(onlineStore('https://example.org/atlas/')), createSearchEngine(memoryStore(index)));
    expect(fetched.filter((f) => f.includes('/s/')).length).toBeLessThan(index.shards.length);
    expect(fetched.every((f) => f.startsWith('search-data/'))).toBe(true);
    expect(fetched).not.toContain('search-data/urls.json.gz');
  });
  it('says which file failed to load', async () => {
    vi.stubGlobal('fetch', async () => new Response('gone', { status: 404 }));
    await expect(onlineStore('https://example.org/').meta()).rejects.toThrow(/search-data\/meta\.json\.gz/);
  });
});

describe('offline store over the classic scripts', () => {
  /** Runs index scripts the way <script src> does, recording which were loaded. */
  function scriptLoader(loaded: string[]) {
    return async (src: string) => {
      const rel = new URL(src).pathname.replace(/^\/atlas\//, '');
      const script = files.get(rel);
      if (!script) throw new Error(`no such script ${rel}`);
      loaded.push(rel);
      new Function(script.toString())();
    };
  }
  afterEach(() => {
    delete (globalThis as Record<string, unknown>)[OFFLINE_GLOBAL];
  });

  it('gives the same results as the index in memory, loading only the scripts a query needs', async () => {
    const loaded: string[] = [];
    const engine = createSearchEngine(offlineStore('file:///atlas/', scriptLoader(loaded)));
    await engine.search({ query: '链长制', filters: {}, sort: 'relevance' });
    const scripts = [...files.keys()].filter((f) => f.startsWith('search-index/'));
    expect(loaded.length).toBeLessThan(scripts.length / 2);
    await expectSameAnswers(engine, createSearchEngine(memoryStore(index)));
    expect(new Set(loaded).size).toBe(loaded.length);
  });
  it('files each script’s value under its name, and keeps no copy in the global', async () => {
    const loaded: string[] = [];
    const store = offlineStore('file:///atlas/', scriptLoader(loaded));
    expect((await store.meta()).buildId).toBe(index.meta.buildId);
    expect(await store.shard(0)).toEqual(index.shards[0]);
    expect(Object.keys((globalThis as unknown as Record<string, Record<string, unknown>>)[OFFLINE_GLOBAL])).toEqual([]);
    expect(offlineScript('s/1', { a: '链' }).toString()).toBe(
      `globalThis.${OFFLINE_GLOBAL}=globalThis.${OFFLINE_GLOBAL}||{};globalThis.${OFFLINE_GLOBAL}["s/1"]={"a":"链"};\n`,
    );
  });
  it('finds the bundle of a page by binary search', () => {
    expect([0, 1, 2, 3, 5, 9].map((n) => bundleOf([0, 3, 5], n))).toEqual([0, 0, 0, 1, 2, 2]);
  });
});
