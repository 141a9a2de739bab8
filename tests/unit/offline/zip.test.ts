import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { listFiles } from '../../../scripts/offline/list-files.ts';
import { inflateRawSync } from 'node:zlib';
import { deflateEntry, zipFiles, zipFolder, zipFolderToFile, type DeflatedEntry } from '../../../scripts/offline/zip.ts';
import { digestOf } from '../../../scripts/contract/digest.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'zip-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(path.join(dir, 'docs/新型工业化'), { recursive: true });
writeFileSync(path.join(dir, 'index.html'), '<h1>政策图谱</h1>');
writeFileSync(path.join(dir, 'docs/新型工业化/index.html'), '<h1>概念</h1>');
writeFileSync(path.join(dir, 'B.txt'), 'b');

describe('zip', () => {
  it('stores compressed formats, deflates the rest, with the fixed date 2000-01-01 and unix file modes', async () => {
    const zip = Buffer.from(
      await zipFiles(
        [
          ['a.html', Buffer.from('政策'.repeat(100))],
          ['b.gz', new Uint8Array([1, 2, 3])],
        ],
        'p',
      ),
    );
    const entries = unzipSync(zip);
    expect(new TextDecoder().decode(entries['p/a.html'])).toBe('政策'.repeat(100));
    expect([...entries['p/b.gz']]).toEqual([1, 2, 3]);
    // Local header of the first entry: method 8 (deflate), DOS date 2000-01-01.
    expect(zip.readUInt16LE(8)).toBe(8);
    expect(zip.readUInt16LE(12)).toBe(((2000 - 1980) << 9) | (1 << 5) | 1);
    const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    expect(zip.readUInt32LE(central + 38) >>> 16).toBe(0o100644);
  });

  it('lists files in code-point order', () => {
    expect(listFiles(dir)).toEqual(['B.txt', 'docs/新型工业化/index.html', 'index.html']);
  });

  it('puts every file under one folder, readable back', async () => {
    const entries = unzipSync(await zipFolder(dir, 'policy-atlas-offline'));
    expect(Object.keys(entries)).toEqual(['policy-atlas-offline/B.txt', 'policy-atlas-offline/docs/新型工业化/index.html', 'policy-atlas-offline/index.html']);
    expect(new TextDecoder().decode(entries['policy-atlas-offline/index.html'])).toBe('<h1>政策图谱</h1>');
  });

  it('gives the same bytes whatever the order files are given in', async () => {
    const a: [string, Uint8Array][] = [
      ['x.txt', new Uint8Array([1])],
      ['a/y.txt', new Uint8Array([2])],
    ];
    expect(Buffer.from(await zipFiles(a, 'p')).equals(Buffer.from(await zipFiles([...a].reverse(), 'p')))).toBe(true);
  });

  it('gives the same bytes in another time zone and at another time', async () => {
    const first = Buffer.from(await zipFolder(dir, 'p'));
    const zone = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      expect(Buffer.from(await zipFolder(dir, 'p')).equals(first)).toBe(true);
    } finally {
      process.env.TZ = zone;
      if (zone === undefined) delete process.env.TZ;
    }
  });

  it('streams to a file the same bytes it returns in memory, for more files than it reads ahead', async () => {
    const many = mkdtempSync(path.join(tmpdir(), 'zip-test-many-'));
    try {
      for (let i = 0; i < 100; i++) writeFileSync(path.join(many, `f${i}.${i % 3 === 0 ? 'png' : 'html'}`), `<p>${'条款'.repeat(i)}</p>`);
      const zipFile = path.join(dir, 'many.zip');
      const { bytes } = await zipFolderToFile(many, 'p', zipFile);
      const written = readFileSync(zipFile);
      rmSync(zipFile);
      expect(written.byteLength).toBe(bytes);
      expect(written.equals(Buffer.from(await zipFolder(many, 'p')))).toBe(true);
      expect(Object.keys(unzipSync(written))).toEqual(listFiles(many).map((f) => `p/${f}`));
    } finally {
      rmSync(many, { recursive: true, force: true });
    }
  });

  it('gives the same bytes when some entries were deflated elsewhere, and takes their data as given', async () => {
    // Outside the zipped folder, so neither zip is in the other.
    const out = mkdtempSync(path.join(tmpdir(), 'zip-test-out-'));
    const plain = path.join(out, 'plain.zip');
    const given = path.join(out, 'given.zip');
    try {
      await zipFolderToFile(dir, 'p', plain);
      const html = ['index.html', 'docs/新型工业化/index.html'];
      const deflated = new Map(html.map((file) => [file, deflateEntry(readFileSync(path.join(dir, file)))]));
      await zipFolderToFile(dir, 'p', given, deflated);
      expect(readFileSync(given).equals(readFileSync(plain))).toBe(true);
      // The given entry is what is written: a wrong one shows in the archive (so callers must pass the files' bytes).
      const wrong = new Map<string, DeflatedEntry>([['B.txt', deflateEntry(Buffer.from('not b'))]]);
      await zipFolderToFile(dir, 'p', given, wrong);
      expect(Buffer.from(unzipSync(readFileSync(given))['p/B.txt']).toString()).toBe('not b');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it("records where each entry's data is, and takes unchanged entries from the previous zip, with the same bytes as a fresh zip", async () => {
    const site = mkdtempSync(path.join(tmpdir(), 'zip-test-site-'));
    const out = mkdtempSync(path.join(tmpdir(), 'zip-test-out-'));
    try {
      for (let i = 0; i < 40; i++) writeFileSync(path.join(site, `f${i}.${i % 5 === 0 ? 'png' : 'html'}`), `<p>${'条款'.repeat(i * 7)}</p>`);
      const first = await zipFolderToFile(site, 'p', path.join(out, 'first.zip'));
      expect(first.reused).toBe(0);
      const zip = readFileSync(path.join(out, 'first.zip'));
      for (const entry of first.records.entries) {
        const data = zip.subarray(entry.offset, entry.offset + entry.length);
        const bytes = entry.stored ? data : inflateRawSync(data);
        expect(bytes.byteLength).toBe(entry.size);
        expect(entry.sha).toBe(digestOf(bytes));
      }
      // Two files changed, one added: every other entry comes from the first zip.
      writeFileSync(path.join(site, 'f3.html'), '<p>改</p>');
      writeFileSync(path.join(site, 'f5.png'), 'png');
      writeFileSync(path.join(site, 'new.html'), '<p>新</p>');
      const second = await zipFolderToFile(site, 'p', path.join(out, 'second.zip'), undefined, first.records);
      expect(second.reused).toBe(40 - 2);
      const fresh = await zipFolderToFile(site, 'p', path.join(out, 'fresh.zip'));
      expect(readFileSync(path.join(out, 'second.zip')).equals(readFileSync(path.join(out, 'fresh.zip')))).toBe(true);
      expect(second.records.entries).toEqual(fresh.records.entries);
      // A previous zip that is no longer the file its records describe is not read.
      writeFileSync(path.join(out, 'first.zip'), readFileSync(path.join(out, 'fresh.zip')));
      const third = await zipFolderToFile(site, 'p', path.join(out, 'third.zip'), undefined, first.records);
      expect(third.reused).toBe(0);
      expect(readFileSync(path.join(out, 'third.zip')).equals(readFileSync(path.join(out, 'fresh.zip')))).toBe(true);
    } finally {
      rmSync(site, { recursive: true, force: true });
      rmSync(out, { recursive: true, force: true });
    }
  });
});
