import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { setAsidePreviousBuild } from '../../../scripts/steps/previous-build.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'previous-build-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('setAsidePreviousBuild', () => {
  it('moves the old site out of the way at once, then deletes it and what a crashed build left', async () => {
    const site = path.join(root, 'dist');
    const trash = path.join(root, '.build-trash');
    fs.mkdirSync(path.join(site, 'docs/x'), { recursive: true });
    fs.writeFileSync(path.join(site, 'docs/x/index.html'), '<p>旧</p>');
    fs.mkdirSync(path.join(trash, 'dist-crashed'), { recursive: true });
    const deleted = setAsidePreviousBuild(site, trash);
    expect(fs.existsSync(site)).toBe(false);
    await deleted;
    expect(fs.existsSync(trash)).toBe(false);
  });

  it('does nothing but clear the trash when there is no previous build', async () => {
    await setAsidePreviousBuild(path.join(root, 'none'), path.join(root, '.trash-2'));
    expect(fs.readdirSync(root)).toEqual([]);
  });
});
