import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeFingerprint, StepCache } from '../../../scripts/steps/cache.ts';
import { ingestFiles } from '../../../scripts/steps/ingest-step.ts';
import { syncFolder } from '../../../scripts/steps/sync-folder.ts';
import { assembleCorpus, loadCurated } from '../../../scripts/ingest/index.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'step-cache-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('the ingest cache', () => {
  it('gives the same corpus from its entries as from parsing every file', async () => {
    const seeds = path.join(root, 'seeds');
    fs.mkdirSync(seeds);
    for (const name of ['02_jiaoyubu-rengong-zhineng-zhutui-jiaoshi-shidian-tongzhi.txt', '23_shanghai-lingang-xinpianqu-guanli-banfa_pkulaw.txt']) {
      fs.copyFileSync(path.join('tests/corpus', name), path.join(seeds, name));
    }
    fs.copyFileSync('seeds/003_8f1ecaff88cdc91e.txt', path.join(seeds, '003_8f1ecaff88cdc91e.txt'));
    const curated = loadCurated('content/curated');
    const first = new StepCache('ingest', true, path.join(root, 'cache'));
    const parsed = JSON.stringify(assembleCorpus(await ingestFiles(seeds, first), curated));
    expect(first.summary()).toBe('0 of 3 from the cache');
    const second = new StepCache('ingest', true, path.join(root, 'cache'));
    const cached = JSON.stringify(assembleCorpus(await ingestFiles(seeds, second), curated));
    expect(second.summary()).toBe('3 of 3 from the cache');
    expect(cached).toBe(parsed);
    const clean = new StepCache('ingest', false, path.join(root, 'cache'));
    await ingestFiles(seeds, clean);
    expect(clean.summary(), 'a clean build reads no entry').toBe('0 of 3 from the cache');
  });
});

describe('codeFingerprint', () => {
  it('changes when a file under its roots changes, and only then', () => {
    const project = path.join(root, 'project');
    fs.mkdirSync(path.join(project, 'code'), { recursive: true });
    fs.writeFileSync(path.join(project, 'code', 'a.ts'), 'export const a = 1;');
    fs.writeFileSync(path.join(project, 'other.ts'), 'x');
    const before = codeFingerprint(['code'], project);
    fs.writeFileSync(path.join(project, 'other.ts'), 'y');
    expect(codeFingerprint(['code'], project)).toBe(before);
    fs.writeFileSync(path.join(project, 'code', 'a.ts'), 'export const a = 2;');
    expect(codeFingerprint(['code'], project)).not.toBe(before);
    fs.writeFileSync(path.join(project, 'package-lock.json'), '{}');
    expect(codeFingerprint(['code'], project), 'package-lock.json counts too').not.toBe(codeFingerprint([], path.join(root, 'none')));
  });
});

describe('syncFolder', () => {
  it('writes only changed files, keeps the others untouched and removes the rest', () => {
    const dir = path.join(root, 'pages');
    syncFolder(dir, [
      ['a.mdx', 'A'],
      ['b.mdx', 'B'],
      ['c.mdx', 'C'],
    ]);
    const old = new Date('2020-01-01T00:00:00Z');
    fs.utimesSync(path.join(dir, 'a.mdx'), old, old);
    const result = syncFolder(dir, [
      ['a.mdx', 'A'],
      ['b.mdx', 'B2'],
    ]);
    expect(result).toEqual({ written: 1, unchanged: 1, removed: 1 });
    expect(fs.statSync(path.join(dir, 'a.mdx')).mtime.toISOString()).toBe(old.toISOString());
    expect(fs.readdirSync(dir).sort()).toEqual(['a.mdx', 'b.mdx']);
    expect(fs.readFileSync(path.join(dir, 'b.mdx'), 'utf8')).toBe('B2');
  });
});
