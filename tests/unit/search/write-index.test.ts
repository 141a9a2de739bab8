/**
 * writeIndex with a published index to link from (scripts/search/write-index.ts):
 * the files are the same bytes either way, unchanged files are linked rather than written, and a published file
 * that is no longer the one its record describes is never linked.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../../scripts/search/build-index.ts';
import { indexFiles, type PublishedIndex, writeIndex } from '../../../scripts/search/write-index.ts';

import { sampleConcepts, sampleIndex, samplePages } from './fixtures.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'write-index-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** Every file under `dir`, by relative path, with its bytes. */
function filesOf(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const file = path.join(entry.parentPath, entry.name);
      out.set(path.relative(dir, file), fs.readFileSync(file));
    }
  }
  return out;
}

describe('writeIndex with the published index', () => {
  const index = sampleIndex();
  const first = path.join(root, 'first');
  const written = writeIndex(first, index);
  const published: PublishedIndex = { siteDir: first, records: written.records };

  it('writes the files indexFiles gives, and records each', () => {
    expect(written.reused).toBe(0);
    const files = filesOf(first);
    expect(files).toEqual(indexFiles(index));
    expect(new Set(Object.values(written.records).map((r) => r.rel))).toEqual(new Set(files.keys()));
  });

  it('links every file of an unchanged index, with the same bytes', () => {
    const second = path.join(root, 'second');
    const again = writeIndex(second, index, published);
    expect(again.reused).toBe(again.onlineFiles + again.offlineFiles);
    expect(filesOf(second)).toEqual(filesOf(first));
    const [rel] = filesOf(first).keys();
    expect(fs.statSync(path.join(second, rel)).ino).toBe(fs.statSync(path.join(first, rel)).ino);
  });

  it('writes the files that changed, and links only unchanged ones', () => {
    const changed = buildIndex(
      samplePages().map((p, i) => (i === 0 ? { ...p, text: `${p.text}补充` } : p)),
      sampleConcepts,
      { shardTarget: 60 },
    );
    const third = path.join(root, 'third');
    const result = writeIndex(third, changed, published);
    expect(result.reused).toBeGreaterThan(0);
    expect(result.reused).toBeLessThan(result.onlineFiles + result.offlineFiles);
    expect(filesOf(third)).toEqual(indexFiles(changed));
  });

  it('does not link a published file that was replaced since its record', () => {
    const replaced = path.join(root, 'replaced');
    fs.cpSync(first, replaced, { recursive: true });
    const copy: PublishedIndex = { siteDir: replaced, records: written.records };
    // The copy's files are new inodes: none is the file its record describes.
    const result = writeIndex(path.join(root, 'fourth'), index, copy);
    expect(result.reused).toBe(0);
    expect(filesOf(path.join(root, 'fourth'))).toEqual(indexFiles(index));
  });
});
