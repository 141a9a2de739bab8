import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderSize, growthPerDoubling, median } from '../../../scripts/bench/stats.ts';
import { largestGrowth } from '../../../scripts/bench/report.ts';
import type { BuildBench } from '../../../scripts/bench/build-time.ts';

describe('median', () => {
  it('takes the middle value of an odd count, unsorted input', () => {
    expect(median([9, 1, 5])).toBe(5);
  });

  it('averages the middle two of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('refuses an empty list', () => {
    expect(() => median([])).toThrow(/empty/);
  });
});

describe('growthPerDoubling', () => {
  it('is 2 for linear growth over two doublings', () => {
    expect(growthPerDoubling(500, 10, 2000, 40)).toBeCloseTo(2, 10);
  });

  it('is 4 for quadratic growth', () => {
    expect(growthPerDoubling(500, 10, 2000, 160)).toBeCloseTo(4, 10);
  });

  it('works for sizes that are not powers of two apart', () => {
    // 519 → 2019 documents, time × 4.2: (4.2)^(1/log2(2019/519)).
    expect(growthPerDoubling(519, 10, 2019, 42)).toBeCloseTo(4.2 ** (1 / Math.log2(2019 / 519)), 10);
  });

  it('refuses sizes in the wrong order', () => {
    expect(() => growthPerDoubling(2000, 1, 500, 1)).toThrow();
  });
});

describe('largestGrowth', () => {
  const build = (label: string, documents: number, seconds: number) => ({ label, documents, seconds }) as BuildBench;

  it('compares the two largest synthetic corpora, never the seeds', () => {
    const builds = [build('seeds', 19, 12), build('500', 519, 30), build('2,000', 2019, 100)];
    expect(largestGrowth(builds)).toBeCloseTo(growthPerDoubling(519, 30, 2019, 100), 10);
  });

  it('is null with fewer than two synthetic corpora', () => {
    expect(largestGrowth([build('seeds', 19, 12), build('500', 519, 30)])).toBeNull();
  });
});

describe('folderSize', () => {
  it('sums the files under a folder, recursively, with an optional name filter', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-atlas-stats-'));
    try {
      fs.mkdirSync(path.join(dir, 'a/b'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'x.txt'), '12345');
      fs.writeFileSync(path.join(dir, 'a/b/y.zip'), '123');
      expect(folderSize(dir)).toEqual({ bytes: 8, files: 2 });
      expect(folderSize(dir, (name) => name.endsWith('.zip'))).toEqual({ bytes: 3, files: 1 });
      expect(folderSize(path.join(dir, 'missing'))).toEqual({ bytes: 0, files: 0 });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
