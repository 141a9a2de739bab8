/** The originals step: each original copied under data/originals/, or linked from the published site when unchanged. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeOriginals } from '../../../scripts/steps/originals-step.ts';
import type { PublishedOriginal } from '../../../scripts/site/originals.ts';

const original = (file: string, bytes: number, published: string | null): PublishedOriginal => ({
  file,
  format: 'txt',
  byteLength: bytes,
  origins: [],
  path: published,
});

describe('writeOriginals', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'originals-step-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const seeds = path.join(dir, 'seeds');
  fs.mkdirSync(seeds);
  fs.writeFileSync(path.join(seeds, 'a.txt'), '甲市方案');
  fs.writeFileSync(path.join(seeds, 'b.txt'), '乙市方案');
  fs.writeFileSync(path.join(seeds, 'big.txt'), '太大');
  const originals = {
    'a.txt': original('a.txt', 12, 'data/originals/a.txt'),
    'b.txt': original('b.txt', 12, 'data/originals/b.txt'),
    'big.txt': original('big.txt', 6, null),
  };
  const inode = (site: string, rel: string) => fs.statSync(path.join(dir, site, rel)).ino;

  it('copies each published original, never linking the seed, and records it', () => {
    const report = writeOriginals(path.join(dir, 'published'), seeds, originals);
    expect(report).toMatchObject({ files: 2, bytes: 24, linked: 0 });
    expect(
      Object.values(report.records)
        .map((r) => r.rel)
        .sort(),
    ).toEqual(['data/originals/a.txt', 'data/originals/b.txt']);
    expect(fs.readFileSync(path.join(dir, 'published/data/originals/a.txt'), 'utf8')).toBe('甲市方案');
    expect(inode('published', 'data/originals/a.txt')).not.toBe(fs.statSync(path.join(seeds, 'a.txt')).ino);
    expect(fs.existsSync(path.join(dir, 'published/data/originals/big.txt'))).toBe(false);
  });

  it('links an unchanged original from the published site and copies a changed one', () => {
    const published = { siteDir: path.join(dir, 'published'), records: writeOriginals(path.join(dir, 'published'), seeds, originals).records };
    fs.rmSync(path.join(seeds, 'b.txt'));
    fs.writeFileSync(path.join(seeds, 'b.txt'), '乙市方案（修订）');
    const report = writeOriginals(path.join(dir, 'staged'), seeds, { ...originals, 'b.txt': original('b.txt', 24, 'data/originals/b.txt') }, published);
    expect(report.linked).toBe(1);
    expect(inode('staged', 'data/originals/a.txt')).toBe(inode('published', 'data/originals/a.txt'));
    expect(inode('staged', 'data/originals/b.txt')).not.toBe(inode('published', 'data/originals/b.txt'));
    expect(fs.readFileSync(path.join(dir, 'staged/data/originals/b.txt'), 'utf8')).toBe('乙市方案（修订）');
    expect(fs.readFileSync(path.join(dir, 'published/data/originals/b.txt'), 'utf8')).toBe('乙市方案');
  });
});
