import { mkdtempSync, rmSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexedPages, pagefindArguments, startPagefind } from '../../../scripts/build/pagefind-step.ts';

describe('the Pagefind step', () => {
  it('indexes only the page kinds that carry data-pagefind-body, in Chinese', () => {
    const args = pagefindArguments('dist');
    expect(args.slice(0, 2)).toEqual(['--site', 'dist']);
    expect(args[args.indexOf('--glob') + 1]).toBe('{docs,concepts,departments}/*/index.html');
    expect(args[args.indexOf('--force-language') + 1]).toBe('zh-cn');
  });

  it("reads the page count from Pagefind's log", () => {
    expect(indexedPages('Running Pagefind\nIndexed 325 pages\nIndexed 1 sort\n')).toBe(325);
    expect(indexedPages('Error: no pages')).toBeNull();
  });

  it('runs in the background and writes pagefind/ into the site', async () => {
    const site = mkdtempSync(path.join(tmpdir(), 'pagefind-step-'));
    try {
      mkdirSync(path.join(site, 'docs/x'), { recursive: true });
      writeFileSync(path.join(site, 'docs/x/index.html'), '<!DOCTYPE html><html lang="zh-CN"><head><title>x</title></head><body><main data-pagefind-body><h1>链长制</h1><p>推行链长制。</p></main></body></html>');
      const result = await startPagefind(site);
      expect(result.pages).toBe(1);
      expect(existsSync(path.join(site, 'pagefind/pagefind.js'))).toBe(true);
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  }, 60_000);

  it('fails with the end of its log when Pagefind fails', async () => {
    await expect(startPagefind(path.join(tmpdir(), 'no-such-site-for-pagefind'))).rejects.toThrow(/pagefind failed/);
  }, 60_000);
});
