import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { codeFingerprint, StepCache } from '../../../scripts/steps/cache.ts';
import { ingestFiles } from '../../../scripts/steps/ingest-step.ts';
import { syncFolder } from '../../../scripts/steps/sync-folder.ts';
import { stampOf } from '../../../scripts/contract/file-stamp.ts';
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
    const inodes = () => fs.readdirSync(second.dir).map((name) => [name, fs.statSync(path.join(second.dir, name)).ino]);
    const before = inodes();
    const clean = new StepCache('ingest', false, path.join(root, 'cache'));
    await ingestFiles(seeds, clean);
    expect(clean.summary(), 'a clean build reads no entry').toBe('0 of 3 from the cache');
    expect(inodes(), 'and leaves the entries that hold the same bytes as they were, not replaced').toEqual(before);
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
    expect(result).toEqual({ written: 1, unchanged: 1, removed: 1, records: {} });
    expect(fs.statSync(path.join(dir, 'a.mdx')).mtime.toISOString()).toBe(old.toISOString());
    expect(fs.readdirSync(dir).sort()).toEqual(['a.mdx', 'b.mdx']);
    expect(fs.readFileSync(path.join(dir, 'b.mdx'), 'utf8')).toBe('B2');
  });

  it('takes a file with the identity and stamp it was recorded with as unchanged without reading it', () => {
    const dir = path.join(root, 'recorded');
    const first = syncFolder(dir, [
      ['a.mdx', 'A1', 'id-a1'],
      ['b.mdx', 'B1', 'id-b1'],
      ['c.mdx', 'C1'],
    ]);
    expect(Object.keys(first.records).sort()).toEqual(['a.mdx', 'b.mdx']);
    expect(first.records['a.mdx']).toMatchObject({ identity: 'id-a1', size: 2 });
    // Other bytes of the same size under the recorded stamp (a whole second, which utimes sets exactly): only a
    // file that was not read stays so.
    const a = path.join(dir, 'a.mdx');
    const second0 = new Date('2021-01-01T00:00:00Z');
    fs.writeFileSync(a, 'XX');
    fs.utimesSync(a, second0, second0);
    const recorded = { ...first.records, 'a.mdx': { identity: 'id-a1', ...stampOf(fs.statSync(a)) } };
    expect(syncFolder(dir, [['a.mdx', 'A1', 'id-a1']], { previous: recorded })).toMatchObject({ written: 0, unchanged: 1 });
    expect(fs.readFileSync(a, 'utf8')).toBe('XX');
    // Another identity, or no record, or a file whose stamp changed: compared byte for byte, and written.
    expect(syncFolder(dir, [['a.mdx', 'A1', 'id-a2']], { previous: recorded })).toMatchObject({ written: 1, unchanged: 0 });
    expect(fs.readFileSync(a, 'utf8')).toBe('A1');
    const second = syncFolder(dir, [['a.mdx', 'A1', 'id-a1']]);
    expect(second).toMatchObject({ written: 0, unchanged: 1 });
    fs.writeFileSync(a, 'YY');
    expect(syncFolder(dir, [['a.mdx', 'A1', 'id-a1']], { previous: second.records })).toMatchObject({ written: 1, unchanged: 0 });
    expect(fs.readFileSync(a, 'utf8')).toBe('A1');
  });
});

describe('a JSON entry of a step cache', () => {
  it('is read through its schema: a miss, a clean build, another shape or a cut entry give nothing', () => {
    const dir = path.join(root, 'json-cache');
    const schema = z.strictObject({ files: z.array(z.string()) });
    const cache = new StepCache('pages', true, dir);
    expect(cache.getJson('records', schema)).toBeUndefined();
    cache.set('records', JSON.stringify({ files: ['a.mdx'] }));
    expect(new StepCache('pages', true, dir).getJson('records', schema)).toEqual({ files: ['a.mdx'] });
    expect(new StepCache('pages', false, dir).getJson('records', schema)).toBeUndefined();
    cache.set('records', JSON.stringify({ files: 'a.mdx' }));
    expect(new StepCache('pages', true, dir).getJson('records', schema)).toBeUndefined();
    cache.set('records', '{"files": ["a.m');
    expect(new StepCache('pages', true, dir).getJson('records', schema)).toBeUndefined();
  });
});
