import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { linkPublished, prepareStaging, publishStaged, STAGED_OFFLINE, STAGED_SITE, TRASH_DIR } from '../../../scripts/steps/staging.ts';
import { CopyWriter } from '../../../scripts/offline/copy-writer.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'staging-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const write = (file: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), text);
};
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

describe('staging', () => {
  it('leaves the published folders alone until the staged ones are published, then swaps them by rename', async () => {
    write('dist/index.html', 'old site');
    write('dist-offline/index.html', 'old copy');
    await prepareStaging(root);
    write(path.join(STAGED_SITE, 'index.html'), 'new site');
    write(path.join(STAGED_OFFLINE, 'index.html'), 'new copy');
    expect(read('dist/index.html')).toBe('old site');
    publishStaged(root);
    expect(read('dist/index.html')).toBe('new site');
    expect(read('dist-offline/index.html')).toBe('new copy');
    expect(fs.readdirSync(path.join(root, TRASH_DIR)).length, 'the old folders wait in the trash').toBe(2);
    await prepareStaging(root);
    expect(fs.existsSync(path.join(root, TRASH_DIR)), 'the next build deletes the trash').toBe(false);
  });

  it('refuses to publish a build that staged no site', async () => {
    await prepareStaging(root);
    expect(() => publishStaged(root)).toThrow(/nothing to publish/);
    expect(read('dist/index.html')).toBe('new site');
  });

  it('starts the offline copy from links to the published one without ever changing a published file', () => {
    write('published/a.html', 'A');
    write('published/sub/b.js', 'B');
    write('published/gone.txt', 'G');
    const staged = path.join(root, 'staged');
    expect(linkPublished(path.join(root, 'published'), staged)).toBe(3);
    const out = new CopyWriter(staged);
    out.write('a.html', 'A');
    out.write('sub/b.js', 'B changed');
    write('source.css', 'C');
    out.copy('c.css', path.join(root, 'source.css'));
    out.removeStale();
    expect(read('staged/sub/b.js')).toBe('B changed');
    expect(fs.existsSync(path.join(staged, 'gone.txt'))).toBe(false);
    expect(read('published/a.html')).toBe('A');
    expect(read('published/sub/b.js'), 'the published file is untouched').toBe('B');
    expect(read('published/gone.txt')).toBe('G');
  });

  it('starts the next offline copy from the one the published copy replaced, made the same as the published one', async () => {
    const site = path.join(root, 'recycle');
    const put = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(site, file)), { recursive: true });
      fs.writeFileSync(path.join(site, file), text);
    };
    // The copy the published one replaced, as publishStaged leaves it in the trash (and an older one), and the
    // published copy: a.html is the same file in both, b.js rewritten, new.txt added, gone.txt and old/ dropped,
    // and a folder where the older copy had a file.
    const replaced = path.join(TRASH_DIR, 'dist-offline-7-2000');
    put(path.join(replaced, 'a.html'), 'A');
    put(path.join(replaced, 'sub/b.js'), 'B1');
    put(path.join(replaced, 'gone.txt'), 'G');
    put(path.join(replaced, 'old/x.txt'), 'X');
    put(path.join(replaced, 'turned'), 'a file');
    put(path.join(TRASH_DIR, 'dist-offline-7-1000/older.txt'), 'an older copy');
    fs.mkdirSync(path.join(site, 'dist-offline'));
    fs.linkSync(path.join(site, replaced, 'a.html'), path.join(site, 'dist-offline/a.html'));
    put('dist-offline/sub/b.js', 'B2');
    put('dist-offline/new.txt', 'N');
    put('dist-offline/turned/inside.txt', 'now a folder');
    const oldSub = fs.statSync(path.join(site, replaced, 'sub')).ino;
    await prepareStaging(site);
    const staged = path.join(site, STAGED_OFFLINE);
    expect(fs.existsSync(path.join(staged, 'gone.txt')), 'the newest replaced copy was kept back from the trash').toBe(true);
    expect(fs.existsSync(path.join(site, TRASH_DIR)), 'the rest of the trash is deleted').toBe(false);
    const aside = path.join(site, 'aside');
    expect(linkPublished(path.join(site, 'dist-offline'), staged, aside)).toBe(4);
    const list = (dir: string) => (fs.readdirSync(dir, { recursive: true }) as string[]).sort();
    expect(list(staged)).toEqual(list(path.join(site, 'dist-offline')));
    // What the older copy held besides is set aside for the trash, not deleted on the way to publishing.
    const setAside = fs.readdirSync(aside).map((name) => {
      const full = path.join(aside, name);
      return fs.statSync(full).isDirectory() ? `folder: ${fs.readdirSync(full).join(',')}` : fs.readFileSync(full, 'utf8');
    });
    expect(setAside.sort()).toEqual(['B1', 'G', 'a file', 'folder: x.txt']);
    for (const file of ['a.html', 'sub/b.js', 'new.txt', 'turned/inside.txt']) {
      expect(fs.statSync(path.join(staged, file)).ino, file).toBe(fs.statSync(path.join(site, 'dist-offline', file)).ino);
    }
    expect(fs.statSync(path.join(staged, 'sub')).ino, 'a folder is kept, not made again').toBe(oldSub);
    expect(fs.readFileSync(path.join(site, 'dist-offline/sub/b.js'), 'utf8'), 'the published copy is untouched').toBe('B2');
    // With no published copy, nothing of the old one is left to be taken for it.
    fs.rmSync(path.join(site, 'dist-offline'), { recursive: true });
    expect(linkPublished(path.join(site, 'dist-offline'), staged)).toBe(0);
    expect(fs.existsSync(staged)).toBe(false);
  });

  it('puts a copied file in the copy as a hard link, and a later copy or write never changes the file it linked', () => {
    write('site1/data.json', 'v1');
    const copy = path.join(root, 'copy');
    const out = new CopyWriter(copy);
    out.copy('data.json', path.join(root, 'site1/data.json'));
    expect(fs.statSync(path.join(copy, 'data.json')).ino).toBe(fs.statSync(path.join(root, 'site1/data.json')).ino);
    expect(out.sizeOf('data.json')).toBe(2);
    // The next build: a new site file of the same name, and one the copy writes itself.
    write('site2/data.json', 'v2');
    const next = new CopyWriter(copy);
    next.copy('data.json', path.join(root, 'site2/data.json'));
    expect(read('copy/data.json')).toBe('v2');
    expect(read('site1/data.json'), 'the earlier site keeps its bytes').toBe('v1');
    next.write('data.json', 'rewritten');
    expect(read('site2/data.json'), 'writing the copy unlinks it first').toBe('v2');
  });
});
