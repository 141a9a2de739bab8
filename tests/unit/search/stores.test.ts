import { afterEach, describe, expect, it, vi } from 'vitest';
import { gzipSync } from 'node:zlib';
import { indexFiles, OFFLINE_INDEX_FILE } from '../../../scripts/search/write-index.ts';
import { createSearchEngine } from '../../../src/lib/search/engine.ts';
import { OFFLINE_GLOBAL, type OfflineIndex } from '../../../src/lib/search/types.ts';
import { onlineStore, readGzipJson } from '../../../src/scripts/search/store-online.ts';
import { memoryStore, sampleIndex } from './fixtures.ts';

const index = sampleIndex();
const files = indexFiles(index);
const toArrayBuffer = (b: Buffer) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

afterEach(() => vi.unstubAllGlobals());

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
    const online = createSearchEngine(onlineStore('https://example.org/atlas/'));
    const memory = createSearchEngine(memoryStore(index));
    for (const query of ['链长制', '氢', '新能源汽车 5G基站', '海底隧道']) {
      const request = { query, filters: {}, sort: 'relevance' as const };
      const [a, b] = [await online.search(request), await memory.search(request)];
      expect(a).toEqual(b);
      for (const r of a.results) expect(await online.describe(r, a.terms)).toEqual(await memory.describe(r, b.terms));
    }
    expect(fetched.filter((f) => f.includes('/s/')).length).toBeLessThan(index.meta.shardCount);
    expect(fetched.every((f) => f.startsWith('search-data/'))).toBe(true);
  });
  it('says which file failed to load', async () => {
    vi.stubGlobal('fetch', async () => new Response('gone', { status: 404 }));
    await expect(onlineStore('https://example.org/').meta()).rejects.toThrow(/search-data\/meta\.json\.gz/);
  });
});

describe('search-index.js', () => {
  it('assigns the manifest and page texts (no postings) to one global', () => {
    const script = files.get(OFFLINE_INDEX_FILE)!.toString();
    const scope: Record<string, unknown> = {};
    new Function('globalThis', script)(scope);
    const offline = scope[OFFLINE_GLOBAL] as OfflineIndex;
    expect(offline.meta).toEqual(index.meta);
    expect(offline.pages).toEqual(index.pages);
    expect(Object.keys(offline)).toEqual(['meta', 'pages']);
  });
});
