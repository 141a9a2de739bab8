import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { listFiles } from '../../../scripts/offline/list-files.ts';
import { zipFiles, zipFolder } from '../../../scripts/offline/zip.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'zip-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(path.join(dir, 'docs/新型工业化'), { recursive: true });
writeFileSync(path.join(dir, 'index.html'), '<h1>政策图谱</h1>');
writeFileSync(path.join(dir, 'docs/新型工业化/index.html'), '<h1>概念</h1>');
writeFileSync(path.join(dir, 'B.txt'), 'b');

describe('zip', () => {
  it('lists files in code-point order', () => {
    expect(listFiles(dir)).toEqual(['B.txt', 'docs/新型工业化/index.html', 'index.html']);
  });

  it('puts every file under one folder, readable back', () => {
    const entries = unzipSync(zipFolder(dir, 'policy-atlas-offline'));
    expect(Object.keys(entries)).toEqual(['policy-atlas-offline/B.txt', 'policy-atlas-offline/docs/新型工业化/index.html', 'policy-atlas-offline/index.html']);
    expect(new TextDecoder().decode(entries['policy-atlas-offline/index.html'])).toBe('<h1>政策图谱</h1>');
  });

  it('gives the same bytes whatever the order files are given in', () => {
    const a: [string, Uint8Array][] = [['x.txt', new Uint8Array([1])], ['a/y.txt', new Uint8Array([2])]];
    expect(Buffer.from(zipFiles(a, 'p')).equals(Buffer.from(zipFiles([...a].reverse(), 'p')))).toBe(true);
  });

  it('gives the same bytes in another time zone and at another time', () => {
    const first = Buffer.from(zipFolder(dir, 'p'));
    const zone = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      expect(Buffer.from(zipFolder(dir, 'p')).equals(first)).toBe(true);
    } finally {
      process.env.TZ = zone;
      if (zone === undefined) delete process.env.TZ;
    }
  });
});
